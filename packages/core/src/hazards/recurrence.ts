import { useTenant } from "../context/actor.ts";
import type { TxEntities } from "../db/transact.ts";
import { iso } from "./clock.ts";
import type { Recurrence } from "./store.ts";
import { OTHER_CODE } from "./types.ts";

// The history of one code at one venue, kept beside the hazards: each raise
// or reopening adds an occurrence; a close notes when the last hazard closed.

/** Occurrences kept per venue and code; far more than any recurrence rule counts. */
const KEEP = 50;

/** Recurrence is counted where there is a venue and a code of the profile (not `other`, whose texts differ). */
export function recurrenceKey(venueId: string | undefined, code: string | undefined): { venueId: string; code: string } | undefined {
  return venueId && code && code !== OTHER_CODE ? { venueId, code } : undefined;
}

export function withOccurrence(rec: Recurrence | undefined, now: Date): string[] {
  return [...(rec?.occurrences ?? []), iso(now)].slice(-KEEP);
}

/** The recurrence item after a raise or a reopening: one more occurrence, this hazard the last, not closed. */
export function recordOccurrence(tx: TxEntities, key: { venueId: string; code: string }, rec: Recurrence | undefined, hazardId: string, occurrences: string[]) {
  if (!rec) return tx.hazardRecurrence.create({ tenantId: useTenant(), ...key, occurrences, lastHazardId: hazardId, rev: 1 }).commit();
  return tx.hazardRecurrence
    .patch({ tenantId: useTenant(), ...key })
    .set({ occurrences, lastHazardId: hazardId, rev: rec.rev + 1 })
    .remove(["lastClosedAt"])
    .where((a, op) => op.eq(a.rev, rec.rev))
    .commit();
}

/** The recurrence item after its last hazard closed: found again within the reopen window, that hazard reopens. */
export function recordClose(tx: TxEntities, rec: Recurrence, now: Date) {
  return tx.hazardRecurrence
    .patch({ tenantId: useTenant(), venueId: rec.venueId, code: rec.code })
    .set({ lastClosedAt: iso(now), rev: rec.rev + 1 })
    .where((a, op) => op.eq(a.rev, rec.rev))
    .commit();
}
