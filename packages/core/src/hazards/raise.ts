import { plain } from "../db/plain.ts";
import { unreadCountItems } from "../notifications/index.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import { counterDeltas, type CounterDelta } from "./entries.ts";
import { discover, type Context, type NewHazard, type Outcome } from "./machine.ts";
import { recordOccurrence, recurrenceKey, withOccurrence } from "./recurrence.ts";
import type { Basis } from "./types.ts";
import { changeItems, counterItems, fitDeliveries, itemsBeyondHazard, loadRecurrence, mergedCounterCount, resolveRecipients, type Delivery, type Recurrence } from "./store.ts";

// A new hazard written inside another domain's transaction (a failed
// checklist item): made exactly as a report makes it — the state machine's
// first events, notifications to those the profile routes it to, the venue's
// recurrence record, list rows, counters and the audit entry.

/** A new hazard ready to write: its outcome, its recipients, and the recurrence of its venue and code. */
export interface RaisedHazard {
  outcome: Outcome;
  deliveries: Delivery[];
  recurrence?: { key: { venueId: string; code: string }; rec: Recurrence | undefined };
}

/**
 * Makes a new hazard as a report would (without writing it). `details` are
 * added to its first event (e.g. the inspection and checklist item), and
 * `basis`, the rule that found it (a checklist item and its clause); a
 * caller that has read the venue's recurrence already passes it (null: none).
 */
export async function raiseHazard(ctx: Context, input: Omit<NewHazard, "priorOccurrences">, opts: { details?: Record<string, unknown>; basis?: Basis; recurrence?: Recurrence | null } = {}): Promise<RaisedHazard> {
  const { details, basis } = opts;
  const key = recurrenceKey(input.venueId, input.code);
  const rec = !key ? undefined : opts.recurrence !== undefined ? (opts.recurrence ?? undefined) : await loadRecurrence(key.venueId, key.code);
  const outcome = discover(ctx, { ...input, priorOccurrences: rec?.occurrences ?? [] });
  const events = details || basis ? outcome.events.map((e, i) => (i === 0 ? { ...e, ...(basis ? { basis } : {}), details: { ...e.details, ...details } } : e)) : outcome.events;
  const deliveries = await resolveRecipients(ctx.profile, outcome.hazard, outcome.intents, ctx.actor);
  return { outcome: { ...outcome, events }, deliveries, ...(key ? { recurrence: { key, rec } } : {}) };
}

const deltasOf = (raised: readonly RaisedHazard[], timeZone: string): CounterDelta[] => raised.flatMap((r) => counterDeltas(undefined, r.outcome.hazard, timeZone));

const recurrenceKeys = (raised: readonly RaisedHazard[]) => new Set(raised.flatMap((r) => (r.recurrence ? [`${r.recurrence.key.venueId}\u0000${r.recurrence.key.code}`] : [])));

/** Items the hazards need without notifications: each hazard's own, one recurrence item per venue and code, the merged counters. */
export function raisedItemCount(raised: readonly RaisedHazard[], timeZone: string): number {
  return raised.reduce((n, r) => n + 1 + itemsBeyondHazard({ before: undefined, outcome: r.outcome }), 0) + recurrenceKeys(raised).size + mergedCounterCount(deltasOf(raised, timeZone));
}

/**
 * The items that write new hazards inside a caller's transaction, given the
 * room left in it: notifications take what room there is (three items per
 * recipient and one outbox record per message, as for a report); the
 * hazards themselves must fit (check `raisedItemCount` first). Several
 * hazards of one venue and code share one recurrence item.
 */
export function raisedHazardItems(tx: TxEntities, raised: readonly RaisedHazard[], c: { profileVersion: number; timeZone: string; now: Date; room: number }): TxItem[] {
  let room = c.room - raisedItemCount(raised, c.timeZone);
  const items: TxItem[] = [];
  // Two hazards may notify the same person (the registrar): their unread count changes once, by both.
  const unread = new Map<string, number>();
  for (const r of raised) {
    const deliveries = fitDeliveries(r.deliveries, Math.max(0, room));
    room -= deliveries.reduce((n, d) => n + 1 + 3 * d.users.length, 0);
    const h = r.outcome.hazard;
    const parts = changeItems(tx, {
      before: undefined,
      outcome: r.outcome,
      profileVersion: c.profileVersion,
      now: c.now,
      deliveries,
      unread,
      audit: { action: "hazard.create", details: plain({ nodeId: h.nodeId, severity: h.severity, code: h.code, source: h.source, venueId: h.venueId }) },
    });
    items.push(parts.hazardItem, ...parts.items);
  }
  items.push(...unreadCountItems(tx, unread));
  // One recurrence item per venue and code: every occurrence of this transaction, the last hazard the one to reopen.
  const byKey = new Map<string, { key: { venueId: string; code: string }; rec: Recurrence | undefined; hazardId: string; occurrences: string[] }>();
  for (const r of raised) {
    if (!r.recurrence) continue;
    const id = `${r.recurrence.key.venueId}\u0000${r.recurrence.key.code}`;
    const prev = byKey.get(id);
    const occurrences = prev ? [...prev.occurrences, c.now.toISOString()] : withOccurrence(r.recurrence.rec, c.now);
    byKey.set(id, { ...r.recurrence, hazardId: r.outcome.hazard.hazardId, occurrences });
  }
  for (const v of byKey.values()) items.push(recordOccurrence(tx, v.key, v.rec, v.hazardId, v.occurrences));
  items.push(...counterItems(tx, deltasOf(raised, c.timeZone)));
  return items;
}
