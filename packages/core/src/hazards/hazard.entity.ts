import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// A hazard lives in its own partition, `T#<tenant>#HZ#<hazardId>`: the hazard
// item (sk `HAZARD`) followed by its events (sk `TL#<seq>`), so the hazard and
// its timeline are one Query in order.

const SEQ_PADDING = { length: 6, char: "0" } as const;

/**
 * The current state of one hazard, kept whole as `doc` (see types.ts).
 * `version` grows by one with every change and every change is conditioned
 * on the version it read: of concurrent changes exactly one commits.
 */
export const HazardEntity = new Entity({
  model: { entity: "hazard", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    hazardId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    doc: { type: "any", required: true },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#HZ#${hazardId}", ["hazardId"]), sk: sortKey("sk", "HAZARD", []) },
  },
});

/**
 * One change to a hazard, immutable: every attribute is read-only and nothing
 * updates or deletes it. Written in the same transaction as the hazard's new
 * state; `seq` numbers the events of a hazard from 1 with no gaps.
 */
export const HazardEventEntity = new Entity({
  model: { entity: "hazardEvent", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    hazardId: { type: "string", required: true, readOnly: true },
    seq: { type: "number", required: true, readOnly: true, padding: SEQ_PADDING },
    at: { type: "string", required: true, readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    from: { type: "string", required: true, readOnly: true },
    to: { type: "string", required: true, readOnly: true },
    actorType: { type: ["user", "system", "public"] as const, required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    /** The actor's name when the event was written, for readers who may not look users up. */
    actorName: { type: "string", readOnly: true },
    /** The hazard version this event produced. */
    version: { type: "number", required: true, readOnly: true },
    profileVersion: { type: "number", required: true, readOnly: true },
    note: { type: "string", readOnly: true },
    photos: { type: "list", items: { type: "string" }, readOnly: true },
    deadlineBefore: { type: "string", readOnly: true },
    deadlineAfter: { type: "string", readOnly: true },
    /** The profile rule behind it (id, sourceRef, text or assumption), when a rule caused it. */
    basis: { type: "any", readOnly: true },
    details: { type: "any", readOnly: true },
  },
  indexes: {
    bySeq: { pk: tenantPk("pk", "#HZ#${hazardId}", ["hazardId"]), sk: sortKey("sk", "TL#${seq}", ["seq"]) },
  },
});

// Access patterns
// - a hazard by id, for a change (consistent GetItem): hazard.byId
// - a hazard with its timeline (one Query on pk, ascending: HAZARD, then TL#000001 …): see read.ts
// - the events of a hazard, in order: hazardEvent.bySeq begins_with(TL#)

declare module "../db/service.ts" {
  interface Entities {
    hazard: typeof HazardEntity;
    hazardEvent: typeof HazardEventEntity;
  }
}
registerEntities({ hazard: HazardEntity, hazardEvent: HazardEventEntity });
