import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

const target = {
  type: "map",
  properties: {
    type: { type: ["node", "unit", "person"] as const, required: true },
    /** A unit (物业公司 …) or a person, by name. */
    name: { type: "string" },
    /** A person who is a user of the product. */
    userId: { type: "string" },
  },
} as const;

const source = {
  type: "map",
  properties: {
    type: { type: ["lagging", "hazard_lead", "early_fire_save"] as const, required: true },
    schemeId: { type: "string" },
    period: { type: "string" },
    hazardId: { type: "string" },
    incidentId: { type: "string" },
  },
} as const;

/**
 * One incentive applied (奖惩): a reward or sanction of the profile, to a node,
 * a unit or a person at a node, on a date, by whom, with a note, and the
 * candidate it came from when it came from one. Immutable: a register.
 * `path` is the node's, rewritten when the node moves.
 */
export const IncentiveRecordEntity = new Entity({
  model: { entity: "incentiveRecord", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    recordId: { type: "string", required: true, readOnly: true },
    incentiveId: { type: "string", required: true, readOnly: true },
    kind: { type: ["reward", "sanction"] as const, required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    path: { type: "string", required: true },
    nodeName: { type: "string", required: true, readOnly: true },
    target: { ...target, required: true, readOnly: true },
    source: { ...source, readOnly: true },
    /** The day it was decided (YYYY-MM-DD, tenant's calendar). */
    date: { type: "string", required: true, readOnly: true },
    note: { type: "string", required: true, readOnly: true },
    recordedBy: { type: "string", required: true, readOnly: true },
    recordedByName: { type: "string", readOnly: true },
    recordedAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#INC"), sk: sortKey("sk", "${recordId}", ["recordId"]) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#INCS"), sk: sortKey("gsi1sk", "${path}#${recordId}", ["path", "recordId"]) },
  },
});

/**
 * That a candidate (a lagging unit of a period, a reported hazard) has had
 * an incentive recorded: written in the record's transaction under a
 * condition, so the same candidate is never rewarded or sanctioned twice.
 */
export const IncentiveClaimEntity = new Entity({
  model: { entity: "incentiveClaim", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    incentiveId: { type: "string", required: true, readOnly: true },
    /** `lagging:<scheme>:<period>:<nodeId>` or `hazard:<hazardId>`. */
    candidate: { type: "string", required: true, readOnly: true },
    recordId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byCandidate: { pk: tenantPk("pk", "#INCC#${incentiveId}", ["incentiveId"]), sk: sortKey("sk", "${candidate}", ["candidate"]) },
  },
});

// Access patterns
// - the register, newest first (the caller's scope as a filter): incentiveRecord.byId descending
// - the register of a subtree; records under a moved node: incentiveRecord.bySubtree begins_with(path)
// - whether candidates were already recorded: incentiveClaim BatchGet

declare module "../db/service.ts" {
  interface Entities {
    incentiveRecord: typeof IncentiveRecordEntity;
    incentiveClaim: typeof IncentiveClaimEntity;
  }
}
registerEntities({ incentiveRecord: IncentiveRecordEntity, incentiveClaim: IncentiveClaimEntity });
