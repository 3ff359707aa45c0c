import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// An early warning (预警) lives in its own partition, `T#<tenant>#WRN#<id>`:
// the warning item (sk `WARNING`) and one target row per node it was issued
// to (sk `TGT#<nodeId>`), so the issuer's live answer rate with every node's
// state is one Query of the partition.

/** One warning: who issued it where, what it says, its level, and the deadline by which each target must answer (叫应). */
export const WarningEntity = new Entity({
  model: { entity: "warning", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    warningId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true, readOnly: true },
    /** A level id of the profile's warnings section (or of the defaults). */
    level: { type: "string", required: true, readOnly: true },
    levelName: { type: "map", properties: { zh: { type: "string", required: true }, en: { type: "string", required: true } }, required: true, readOnly: true },
    issuerId: { type: "string", required: true, readOnly: true },
    issuerName: { type: "string", readOnly: true },
    issuerNodeId: { type: "string", required: true, readOnly: true },
    /** Moved with its node (relocate.ts): who may read the warning goes by it. */
    issuerPath: { type: "string", required: true },
    issuedAt: { type: "string", required: true, readOnly: true },
    deadline: { type: "string", required: true, readOnly: true },
    /** Who unanswered targets escalate to at the deadline (the profile's rule when issued). */
    escalateTo: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    /** The nodes it was issued to, resolved when issued (a retry or an interrupted issue writes the rows still missing). */
    targetNodeIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    /** issuing: target rows still being written; open: waiting for answers; lapsed: the deadline passed and the unanswered escalated. */
    state: { type: ["issuing", "open", "lapsed"] as const, required: true },
    targets: { type: "number", required: true, readOnly: true },
    answered: { type: "number", required: true, default: 0 },
    escalated: { type: "number", required: true, default: 0 },
    profileVersion: { type: "number", required: true, readOnly: true },
    lapsedAt: { type: "string" },
  },
  indexes: {
    byId: { collection: "warningFile", pk: tenantPk("pk", "#WRN#${warningId}", ["warningId"]), sk: sortKey("sk", "WARNING", []) },
    list: { index: "gsi1", pk: tenantPk("gsi1pk", "#WARNINGS"), sk: sortKey("gsi1sk", "${warningId}", ["warningId"]) },
  },
});

/** One node a warning was issued to, and its answer (叫应). */
export const WarningTargetEntity = new Entity({
  model: { entity: "warningTarget", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    warningId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    nodeName: { type: "string", required: true, readOnly: true },
    /** The node's path when the warning was issued (history; access goes by the node read afresh). */
    nodePath: { type: "string", required: true, readOnly: true },
    parentId: { type: "string", readOnly: true },
    /** Copied from the warning, so a node's list shows it without reading the warning. */
    title: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true, readOnly: true },
    level: { type: "string", required: true, readOnly: true },
    deadline: { type: "string", required: true, readOnly: true },
    issuedAt: { type: "string", required: true, readOnly: true },
    state: { type: ["pending", "answered", "escalated"] as const, required: true },
    /** The first answer's time: kept when a later answer updates the measures. */
    ackAt: { type: "string" },
    late: { type: "boolean" },
    answeredBy: { type: "string" },
    answeredByName: { type: "string" },
    measures: { type: "string" },
    photos: { type: "list", items: { type: "string" } },
    updatedAt: { type: "string" },
    escalatedAt: { type: "string" },
  },
  indexes: {
    byWarning: { collection: "warningFile", pk: tenantPk("pk", "#WRN#${warningId}", ["warningId"]), sk: sortKey("sk", "TGT#${nodeId}", ["nodeId"]) },
    /** A node's warnings, newest first: the field user's list (by node id, so it holds through moves). */
    byNode: { index: "gsi1", pk: tenantPk("gsi1pk", "#WTGT#${nodeId}", ["nodeId"]), sk: sortKey("gsi1sk", "${warningId}", ["warningId"]) },
  },
});

// Access patterns
// - a warning by id: Warning.byId (GetItem)
// - a warning with all its targets: Query pk = T#<t>#WRN#<id> (the warning and every TGT# row)
// - the tenant's warnings, newest first: Warning.list (Query gsi1, descending; ids are time-ordered)
// - a node's warnings, newest first: WarningTarget.byNode (Query gsi1, descending)

declare module "../db/service.ts" {
  interface Entities {
    warning: typeof WarningEntity;
    warningTarget: typeof WarningTargetEntity;
  }
}
registerEntities({ warning: WarningEntity, warningTarget: WarningTargetEntity });
