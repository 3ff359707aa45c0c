import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// A venue's self-checks live in the venue's own partition, `T#<tenant>#V#<venueId>`
// (beside the venue item, its history and its inspections): the link (sk
// `SCLINK`), each self-check (sk `SC#<id>`, time-ordered) and one marker per
// period (sk `SCP#<period>`). None of them stores the venue's path, so a move
// of the venue's node leaves them as they are.

const venuePk = () => tenantPk("pk", "#V#${venueId}", ["venueId"]);

/**
 * The venue's self-check link: the signed token names `linkId`, and only the
 * link whose id is stored here is honoured. Rotating draws a new id (and
 * raises `generation`), so every earlier link, printed or shared, stops working.
 */
export const SelfCheckLinkEntity = new Entity({
  model: { entity: "selfCheckLink", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true, readOnly: true },
    linkId: { type: "string", required: true },
    generation: { type: "number", required: true },
    issuedAt: { type: "string", required: true },
    issuedBy: { type: "string", required: true },
  },
  indexes: {
    byVenue: { pk: venuePk(), sk: sortKey("sk", "SCLINK", []) },
  },
});

/** One self-check as sent: every item answered pass or fail, the hazards its failures raised. Immutable. */
export const SelfCheckEntity = new Entity({
  model: { entity: "selfCheck", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true, readOnly: true },
    selfCheckId: { type: "string", required: true, readOnly: true },
    /** The id the form drew when it opened: a resend of the same submission writes nothing. */
    submissionId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    respondent: { type: "string", required: true, readOnly: true },
    phone: { type: "string", readOnly: true },
    note: { type: "string", readOnly: true },
    /** `{ category, itemId, result, note?, hazardCode, hazardId? }` per item. */
    items: { type: "any", required: true, readOnly: true },
    passed: { type: "number", required: true, readOnly: true },
    failed: { type: "number", required: true, readOnly: true },
    hazardIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    linkGeneration: { type: "number", required: true, readOnly: true },
    submittedAt: { type: "string", required: true, readOnly: true },
    profileVersion: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byVenue: { pk: venuePk(), sk: sortKey("sk", "SC#${selfCheckId}", ["selfCheckId"]) },
  },
});

/** That a venue sent its self-check of a period: how many, and the last one. Raised in each self-check's transaction. */
export const SelfCheckPeriodEntity = new Entity({
  model: { entity: "selfCheckPeriod", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true, default: 0 },
    lastSelfCheckId: { type: "string", required: true },
    lastAt: { type: "string", required: true },
    lastFailed: { type: "number", required: true },
  },
  indexes: {
    byVenue: { pk: venuePk(), sk: sortKey("sk", "SCP#${period}", ["period"]) },
  },
});

// Access patterns
// - a venue's link (open the public form, send, show, rotate): SelfCheckLink.byVenue (GetItem)
// - a venue's self-checks, newest first: SelfCheck.byVenue begins SC# (Query, descending)
// - whether a venue sent the self-check of a period: SelfCheckPeriod.byVenue (GetItem);
//   for a page of venues at once: BatchGetItem of their markers of the period

declare module "../db/service.ts" {
  interface Entities {
    selfCheckLink: typeof SelfCheckLinkEntity;
    selfCheck: typeof SelfCheckEntity;
    selfCheckPeriod: typeof SelfCheckPeriodEntity;
  }
}
registerEntities({ selfCheckLink: SelfCheckLinkEntity, selfCheck: SelfCheckEntity, selfCheckPeriod: SelfCheckPeriodEntity });
