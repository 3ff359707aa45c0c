import type { Actor } from "../context/actor.ts";
import type { TxEntities } from "../db/transact.ts";
import { auditItem } from "../audit/record.ts";
import * as Hazards from "../hazards/index.ts";
import { plain } from "../venues/store.ts";

// ─────────────────────────────────────────────────────────────────────────────
// HAZARD CREATION INSIDE THE INSPECTION'S TRANSACTION
//
// The hazards module does not (yet) export a function that returns the
// transaction items creating a hazard; its writeChange() runs a transaction
// of its own. Until it does, this adapter builds the same items from the
// module's public pure functions (discover, entriesOf, counterDeltas): the
// hazard, its first event, its list rows, and its node counters. It leaves
// out, deliberately and only for now: notifications (writeChange's
// deliveries) and the venue/code recurrence record.
//
// Wanted from packages/core/src/hazards (then this file shrinks to one call):
//
//   export function hazardCreationItems(
//     tx: TxEntities,
//     input: { tenantId: string; ctx: Context; hazard: NewHazard; eventDetails?: Record<string, unknown> },
//   ): { hazardId: string; items: TxItem[]; counters: CounterDelta[] }
//
// returning the items without the counters, and the counter deltas apart, so
// that a caller raising several hazards in one transaction can merge the
// counters of the same node and metric (DynamoDB refuses two operations on
// one item in a transaction).
// ─────────────────────────────────────────────────────────────────────────────

type Item = ReturnType<ReturnType<TxEntities["audit"]["create"]>["commit"]>;

export interface RaisedHazard {
  hazard: Hazards.Hazard;
  events: Hazards.Outcome["events"];
}

/** A found hazard as the state machine makes it, with its first event linked to the inspection and the checklist item. */
export function raiseHazard(ctx: Hazards.Context, input: Hazards.NewHazard, link: { inspectionId: string; category: string; itemId: string }): RaisedHazard {
  const outcome = Hazards.discover(ctx, input);
  const events = outcome.events.map((e, i) => (i === 0 ? { ...e, details: { ...e.details, inspectionId: link.inspectionId, checklistCategory: link.category, checklistItem: link.itemId } } : e));
  return { hazard: outcome.hazard, events };
}

/** Items per hazard besides the shared counters: the hazard, its events, its list rows, its audit entry. */
export const itemsPerHazard = (raised: RaisedHazard) => 1 + raised.events.length + Hazards.entriesOf(raised.hazard).length + 1;

/** Counter items for all the hazards together, merged per node and metric. */
export function mergedCounters(raised: readonly RaisedHazard[], timeZone: string) {
  const merged = new Map<string, { nodeId: string; metric: string; delta: number }>();
  for (const r of raised) {
    for (const d of Hazards.counterDeltas(undefined, r.hazard, timeZone)) {
      const key = `${d.nodeId}\u0000${d.metric}`;
      const cur = merged.get(key) ?? { nodeId: d.nodeId, metric: d.metric, delta: 0 };
      cur.delta += d.delta;
      merged.set(key, cur);
    }
  }
  return [...merged.values()].filter((d) => d.delta !== 0);
}

export function hazardItems(tx: TxEntities, tenantId: string, actor: Actor, raised: readonly RaisedHazard[], timeZone: string, now: Date, profileVersion: number): Item[] {
  const at = now.toISOString();
  const actorId = actor.type === "user" ? actor.userId : actor.type === "system" ? `system:${actor.job}` : "public";
  const items: Item[] = [];
  for (const { hazard, events } of raised) {
    const doc = plain(hazard);
    items.push(tx.hazard.create({ tenantId, hazardId: hazard.hazardId, version: hazard.version, doc }).commit() as Item);
    events.forEach((event, i) => {
      items.push(
        tx.hazardEvent
          .create(
            plain({
              tenantId,
              hazardId: hazard.hazardId,
              seq: i + 1,
              at,
              action: event.action,
              from: event.from,
              to: event.to,
              actorType: actor.type,
              actorId,
              version: hazard.version,
              profileVersion,
              note: event.note,
              photos: event.photos,
              deadlineBefore: event.deadlineBefore,
              deadlineAfter: event.deadlineAfter,
              basis: event.basis,
              details: event.details,
            }),
          )
          .commit() as Item,
      );
    });
    for (const row of Hazards.entriesOf(hazard)) items.push(tx.hazardEntry.put(plain({ tenantId, ...row })).commit() as Item);
    items.push(auditItem(tx, { action: "hazard.create", targetType: "hazard", targetId: hazard.hazardId, details: plain({ state: hazard.state, version: hazard.version, source: hazard.source, code: hazard.code, venueId: hazard.venueId }) }, now) as Item);
  }
  for (const c of mergedCounters(raised, timeZone)) items.push(tx.hazardCounter.update({ tenantId, nodeId: c.nodeId, metric: c.metric }).add({ value: c.delta }).commit() as Item);
  return items;
}
