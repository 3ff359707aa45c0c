import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey } from "../db/key-templates.ts";
import { nodePk, viewStatic } from "../db/key-templates.ts";

/**
 * A body of the profile (committee, office, station …) as set up at one node:
 * its local name and when it was established. Its members are the node's
 * people holding the profile's positions in it, so they are not copied here.
 */
export const OrgBodyEntity = new Entity({
  model: { entity: "orgBody", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    /** The profile's body id (town_committee, town_office …). */
    bodyId: { type: "string", required: true, readOnly: true },
    localName: { type: "string" },
    establishedOn: { type: "string" },
    note: { type: "string" },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "B#${bodyId}", ["bodyId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("B#${bodyId}", ["bodyId"]) },
  },
});

/** One item of a station standard's checklist (e.g. 有场所 of the 八有) at a node: met when, on what evidence. */
export const StandardItemEntity = new Entity({
  model: { entity: "standardItem", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    standardId: { type: "string", required: true, readOnly: true },
    itemId: { type: "string", required: true, readOnly: true },
    /** The date the item was met; absent while it is not. */
    metOn: { type: "string" },
    /** A numeric item's recorded value (people an office fits, sets of gear), compared with the item's minimum. */
    value: { type: "number" },
    evidence: { type: "string" },
    /** Key of a photo in the file bucket. */
    photoKey: { type: "string" },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "STD#${standardId}#${itemId}", ["standardId", "itemId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("STD#${standardId}#${itemId}", ["standardId", "itemId"]) },
  },
});

/** A dated milestone of the profile (e.g. a plan done by a date) recorded as met at a node. */
export const MilestoneRecordEntity = new Entity({
  model: { entity: "milestoneRecord", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    milestoneId: { type: "string", required: true, readOnly: true },
    metOn: { type: "string", required: true },
    evidence: { type: "string" },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "MS#${milestoneId}", ["milestoneId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("MS#${milestoneId}", ["milestoneId"]) },
  },
});

/** A seat of the profile publicly posted at a node (挂牌公示): when, and what shows it. */
export const PositionPostingEntity = new Entity({
  model: { entity: "positionPosting", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    /** The profile's composition position id. */
    positionId: { type: "string", required: true, readOnly: true },
    postedOn: { type: "string", required: true },
    evidence: { type: "string" },
    /** Key of a photo of the posting in the file bucket. */
    photoKey: { type: "string" },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "PST#${positionId}", ["positionId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("PST#${positionId}", ["positionId"]) },
  },
});

// Access patterns
// - a position's posting at a node (get, upsert, delete): positionPosting.byNode
// - a body / checklist item / milestone record of a node (get, upsert): byNode
// - a node's bodies, checklist items, milestone records: byNode begins_with(B# | STD# | MS#)
// - a node's organisation for compliance: nodeView (with the node's other items)

declare module "../db/service.ts" {
  interface Entities {
    orgBody: typeof OrgBodyEntity;
    standardItem: typeof StandardItemEntity;
    milestoneRecord: typeof MilestoneRecordEntity;
    positionPosting: typeof PositionPostingEntity;
  }
}
registerEntities({ orgBody: OrgBodyEntity, standardItem: StandardItemEntity, milestoneRecord: MilestoneRecordEntity, positionPosting: PositionPostingEntity });
