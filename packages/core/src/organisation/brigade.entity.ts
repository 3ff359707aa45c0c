import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";
import { DEPLOYMENTS, DUTY_STATUSES } from "./vocabulary.ts";
import { nodePk, viewStatic } from "../db/key-templates.ts";

/**
 * A fire brigade or micro fire station, kept at its home node: its kind and
 * grade (profile.brigades.grades), its place in a centre/satellite layout,
 * members (people of the home node), vehicles by type and duty status.
 * The nodes it covers get a BrigadeCover item each, so their own view knows.
 */
export const BrigadeEntity = new Entity({
  model: { entity: "brigade", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    brigadeId: { type: "string", required: true, readOnly: true },
    path: { type: "string", required: true },
    name: { type: "string", required: true },
    force: { type: "string", required: true },
    grade: { type: "string" },
    deployment: { type: DEPLOYMENTS },
    /** Registered as a public-institution legal person (登记为事业单位法人). */
    publicInstitution: { type: "boolean" },
    /** The venue it is built at, for a key unit's own micro fire station (a venue of its home node). */
    venueId: { type: "string" },
    /** Where it is based (WGS-84), for the nearest forces suggested to a fire incident (火警派警). */
    lat: { type: "number" },
    lng: { type: "number" },
    coveredNodeIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    memberIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** Members who left the service (status `left`) while on its roster, oldest first: what is owed them on leaving is judged from them. */
    formerMemberIds: { type: "list", items: { type: "string" } },
    vehicles: {
      type: "list",
      required: true,
      default: () => [],
      items: { type: "map", properties: { type: { type: "string", required: true }, count: { type: "number", required: true } } },
    },
    /** Its teams (编队), by the profile's team ids (brigades.requirements.requiredTeams). */
    teams: {
      type: "list",
      items: { type: "map", properties: { id: { type: "string", required: true }, name: { type: "string", required: true }, memberCount: { type: "number" } } },
    },
    dutyStatus: { type: DUTY_STATUSES, required: true, default: "on_duty" },
    status: { type: ["active", "disbanded"] as const, required: true, default: "active" },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "BRG#${brigadeId}", ["brigadeId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("BRG#${brigadeId}", ["brigadeId"]) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#BRIGADES"), sk: sortKey("gsi1sk", "${path}#${brigadeId}", ["path", "brigadeId"]) },
  },
});

/** A brigade covering a node other than its home (centre/satellite layouts, rescue zones). */
export const BrigadeCoverEntity = new Entity({
  model: { entity: "brigadeCover", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    /** The covered node. */
    nodeId: { type: "string", required: true, readOnly: true },
    brigadeId: { type: "string", required: true, readOnly: true },
    homeNodeId: { type: "string", required: true },
    name: { type: "string", required: true },
    force: { type: "string", required: true },
    grade: { type: "string" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "COV#${brigadeId}", ["brigadeId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("COV#${brigadeId}", ["brigadeId"]) },
  },
});

// Access patterns
// - a brigade by home node and id (get, edit): brigade.byNode
// - the brigades of a subtree, in path order (paginated): brigade.bySubtree begins_with(path)
// - the brigades based at or covering a node, for compliance: nodeView (brigade and brigadeCover items)

declare module "../db/service.ts" {
  interface Entities {
    brigade: typeof BrigadeEntity;
    brigadeCover: typeof BrigadeCoverEntity;
  }
}
registerEntities({ brigade: BrigadeEntity, brigadeCover: BrigadeCoverEntity });
