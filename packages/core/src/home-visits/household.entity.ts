import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// A vulnerable household (入户走访) lives in its own partition,
// `T#<tenant>#HH#<householdId>`: the household item (sk `HH`), then its
// visits (sk `V#<visitId>`, time-ordered), so a household with its visits is
// one Query. The subtree's register is the `bySubtree` index (gsi1), the
// node's path leading, like the venues'.
//
// PERSONAL DATA: the ID number (身份证号) is one attribute of the household
// item and nowhere else: not in a key, an index key, an audit entry, a visit,
// an idempotency record (they store the masked view) or a search text.

const householdPk = () => tenantPk("pk", "#HH#${householdId}", ["householdId"]);

export const HouseholdEntity = new Entity({
  model: { entity: "household", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    householdId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true },
    /** The node's materialised path, for subtree lists and the subtree rule. */
    path: { type: "string", required: true },
    /** A category id of the profile's homeVisits (独居老人, 残疾人 …). */
    category: { type: "string", required: true },
    address: { type: "string", required: true },
    contactName: { type: "string" },
    phone: { type: "string" },
    /** 18 characters, checksum verified; read in full only through the audited reveal. */
    idNumber: { type: "string" },
    /** `{ given, by?, on?, how?, note? }`: whether, by whom, when and how the household consented to its data being kept. */
    consent: { type: "any", required: true },
    note: { type: "string" },
    status: { type: ["active", "removed"] as const, required: true, default: "active" },
    lastVisitOn: { type: "string" },
    lastVisitId: { type: "string" },
    visits: { type: "number", required: true, default: 0 },
    version: { type: "number", required: true, default: 1 },
    registeredAt: { type: "string", required: true, readOnly: true },
    /** The local date of the registration: the first visit falls due one frequency after it. */
    registeredOn: { type: "string", required: true, readOnly: true },
    registeredBy: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: { pk: householdPk(), sk: sortKey("sk", "HH", []) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#HOUSEHOLDS"), sk: sortKey("gsi1sk", "${path}/#${householdId}", ["path", "householdId"]) },
  },
});

/** One visit as recorded: each checklist item's result, the hazards its failures raised. Immutable. */
export const HomeVisitEntity = new Entity({
  model: { entity: "homeVisit", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    householdId: { type: "string", required: true, readOnly: true },
    visitId: { type: "string", required: true, readOnly: true },
    /** The local date of the visit. */
    date: { type: "string", required: true, readOnly: true },
    visitorId: { type: "string", required: true, readOnly: true },
    /** `{ itemId, result, note?, hazardCode, hazardId? }` per checklist item. */
    items: { type: "any", required: true, readOnly: true },
    passed: { type: "number", required: true, readOnly: true },
    failed: { type: "number", required: true, readOnly: true },
    hazardIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    note: { type: "string", readOnly: true },
    recordedAt: { type: "string", required: true, readOnly: true },
    profileVersion: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byHousehold: { pk: householdPk(), sk: sortKey("sk", "V#${visitId}", ["visitId"]) },
  },
});

// Access patterns
// - one household: Household.byId (GetItem); with its visits: Query begins V# on its partition
// - a subtree's register (list, due visits, export): Household.bySubtree begins `<path>/` (Query gsi1)

declare module "../db/service.ts" {
  interface Entities {
    household: typeof HouseholdEntity;
    homeVisit: typeof HomeVisitEntity;
  }
}
registerEntities({ household: HouseholdEntity, homeVisit: HomeVisitEntity });
