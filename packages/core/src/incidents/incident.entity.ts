import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A fire incident (火灾事故) in its own partition, `T#<tenant>#INC#<id>`:
 * when and where (a venue, or a place with its location), the cause category
 * (profile.incidents.causes), losses and casualties, the forces dispatched
 * with their dispatch and arrival times, and an early fire put out by a micro
 * station (for rewards). Listed per subtree through gsi1, path-led like the
 * hazards' lists, so a subtree is a key prefix (`<path>/`).
 */
export const IncidentEntity = new Entity({
  model: { entity: "incident", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    incidentId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true },
    path: { type: "string", required: true },
    occurredAt: { type: "string", required: true },
    venueId: { type: "string" },
    venueName: { type: "string" },
    lat: { type: "number" },
    lng: { type: "number" },
    address: { type: "string" },
    cause: { type: "string", required: true },
    description: { type: "string" },
    /** Direct loss in yuan (直接财产损失). */
    directLoss: { type: "number", required: true, default: 0 },
    deaths: { type: "number", required: true, default: 0 },
    injuries: { type: "number", required: true, default: 0 },
    /** [{ brigadeId, nodeId, name, force, dispatchedAt?, arrivedAt? }] */
    forces: { type: "any", required: true, default: () => [] },
    /** { brigadeId, nodeId, name }: a micro station put the fire out while it was small (初期火灾). */
    earlyFireSave: { type: "any" },
    status: { type: ["reported", "closed"] as const, required: true, default: "reported" },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    closedAt: { type: "string" },
    version: { type: "number", required: true, default: 1 },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#INC#${incidentId}", ["incidentId"]), sk: sortKey("sk", "INCIDENT", []) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#INCIDENTS"), sk: sortKey("gsi1sk", "${path}/#${incidentId}", ["path", "incidentId"]) },
  },
});

// Access patterns
// - an incident by id (get, edit): Incident.byId (GetItem)
// - the incidents of a subtree (list, export, the assessment's count): Incident.bySubtree begins_with(<path>/)

declare module "../db/service.ts" {
  interface Entities {
    incident: typeof IncidentEntity;
  }
}
registerEntities({ incident: IncidentEntity });
