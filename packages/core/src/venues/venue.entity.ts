import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// A venue lives in its own partition, `T#<tenant>#V#<venueId>`: the venue
// item (sk `VENUE`), then its history (sk `EV#…`, oldest first) and its
// inspections (sk `IN#…`, see inspections/inspection.entity.ts), so a venue
// with its history or its inspections is one Query.

const venuePk = () => tenantPk("pk", "#V#${venueId}", ["venueId"]);

/**
 * A supervised object (场所/单位) at a node of the tree (usually a grid).
 * `supervisor`, `supervisionRule` and `categories` are derived from the
 * profile (classify.ts) and recomputed in every write that changes what they
 * depend on; `version` grows with every change and every change is
 * conditioned on the version read.
 */
export const VenueEntity = new Entity({
  model: { entity: "venue", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    address: { type: "string" },
    lat: { type: "number" },
    lng: { type: "number" },
    nodeId: { type: "string", required: true },
    /** The node's materialised path, for subtree lists and the subtree rule. */
    path: { type: "string", required: true },
    kinds: { type: "list", items: { type: "string" }, required: true },
    keyUnitLevel: { type: "string" },
    enterpriseGrade: { type: "string" },
    riskGrade: { type: "string" },
    /** The venue's own flags (the profile's VenueFlag vocabulary), besides those its kinds carry. */
    flags: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** Building and use features (三合一, 九小场所 …; vocabulary.ts). */
    features: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** The venue's numbers by the profile's measure ids (height_m, floor_area_m2 …), what number matches compare. */
    measures: { type: "any" },
    /** What the profile's classify policies gave it (keyUnitLevel, riskGrade, flags, policies), derived like `categories`; absent: none matched. */
    classified: { type: "any" },
    contactName: { type: "string" },
    contactPhone: { type: "string" },
    externalId: { type: "string" },
    supervisor: { type: "string", required: true },
    /** The supervision rule that matched; absent: the profile's fallback. */
    supervisionRule: { type: "string" },
    categories: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** The profile's patrol_plan policy the venue falls under, derived like `categories`; absent: it needs no plan. */
    patrolPlanPolicy: { type: "string" },
    /** Its patrol plan (清单化: a named patroller, a frequency, a method), set by an officer; tasks for the patroller follow it. */
    patrolPlan: {
      type: "map",
      properties: {
        patrollerId: { type: "string", required: true },
        patrollerName: { type: "string", required: true },
        frequency: { type: "map", required: true, properties: { every: { type: "number", required: true }, unit: { type: ["day", "week", "month", "quarter", "half_year", "year"] as const, required: true } } },
        method: { type: "string", required: true },
        note: { type: "string" },
        setBy: { type: "string", required: true },
        setAt: { type: "string", required: true },
      },
    },
    profileVersion: { type: "number", required: true },
    status: { type: ["active", "retired"] as const, required: true, default: "active" },
    /** Set by a failed safety evaluation (不得经营使用), cleared by a passed one; absent: may operate. */
    operatingStatus: { type: ["must_not_operate"] as const },
    /** The latest safety evaluation (evaluation.ts), when the profile asks for one. */
    safetyEvaluation: { type: "any" },
    version: { type: "number", required: true, default: 1 },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    retiredAt: { type: "string" },
    /** Name, address, external id and contact in lower case, derived on every write of them: what a list's text search matches. */
    searchText: { type: "string", watch: ["name", "address", "externalId", "contactName"], set: (_v: unknown, item: Record<string, unknown>) => searchTextOf(item) },
  },
  indexes: {
    byId: { pk: venuePk(), sk: sortKey("sk", "VENUE", []) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#VENUES"), sk: sortKey("gsi1sk", "${path}/#${venueId}", ["path", "venueId"]) },
  },
});

/** The text a venue's list search looks in (case-folded, so a search ignores case as the browser's did). */
export const searchTextOf = (v: { name?: unknown; address?: unknown; externalId?: unknown; contactName?: unknown }) =>
  [v.name, v.address, v.externalId, v.contactName].filter((s): s is string => typeof s === "string").join("\n").toLowerCase();

/** One change of a venue, immutable: what changed, and the classification before and after with its basis. */
export const VenueEventEntity = new Entity({
  model: { entity: "venueEvent", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    action: { type: ["create", "update", "reclassify", "retire", "import", "plan", "evaluate"] as const, required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    profileVersion: { type: "number", required: true, readOnly: true },
    changed: { type: "list", items: { type: "string" }, readOnly: true },
    before: { type: "any", readOnly: true },
    after: { type: "any", readOnly: true },
    basis: { type: "any", readOnly: true },
  },
  indexes: {
    byVenue: { pk: venuePk(), sk: sortKey("sk", "EV#${eventId}", ["eventId"]) },
  },
});

/**
 * The claim of an external id (the id in the county's own ledger) by one
 * venue, with a hash of the fields last imported for it: a re-import of the
 * same row changes nothing. Claims are created in the venue's transaction
 * (attribute_not_exists), so one external id names one venue.
 */
export const VenueExternalEntity = new Entity({
  model: { entity: "venueExternal", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    externalId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true },
    hash: { type: "string" },
  },
  indexes: {
    byExternalId: { pk: tenantPk("pk", "#VEXT"), sk: sortKey("sk", "${externalId}", ["externalId"]) },
  },
});

/** A venue import under way or done: progress a client polls, and its report. Kept 7 days. */
export const VenueImportEntity = new Entity({
  model: { entity: "venueImport", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    importId: { type: "string", required: true, readOnly: true },
    startedBy: { type: "string", required: true, readOnly: true },
    startedAt: { type: "string", required: true, readOnly: true },
    status: { type: ["checking", "writing", "done", "rejected", "failed"] as const, required: true },
    total: { type: "number", required: true },
    processed: { type: "number", required: true, default: 0 },
    report: { type: "any" },
    finishedAt: { type: "string" },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#VIMP#${importId}", ["importId"]), sk: sortKey("sk", "IMPORT", []) },
  },
});

// Access patterns
// - a venue by id (get, edit, retire): byId
// - the venues of a subtree, in path order (list, export, the schedule job): bySubtree begins_with(<path>/);
//   the list's filters (kind, category, supervisor, status, text, patrol plan missing or set) are a filter expression on that Query, read on until the page is full
// - a venue's history, oldest first: VenueEvent.byVenue
// - the venue holding an external id (import upsert), or all claims a page at a time: VenueExternal.byExternalId
// - an import's progress and report: VenueImport.byId

declare module "../db/service.ts" {
  interface Entities {
    venue: typeof VenueEntity;
    venueEvent: typeof VenueEventEntity;
    venueExternal: typeof VenueExternalEntity;
    venueImport: typeof VenueImportEntity;
  }
}
registerEntities({ venue: VenueEntity, venueEvent: VenueEventEntity, venueExternal: VenueExternalEntity, venueImport: VenueImportEntity });
