import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// A campaign (专项整治) lives in its own partition, `T#<tenant>#CMP#<id>`:
// the campaign item (sk `CAMPAIGN`) and one progress row per branch of its
// area (sk `ROW#<nodeId>`). Its tasks are inspection tasks (inspections/).

/**
 * One time-boxed campaign: what it targets where, its own checklist, and
 * when it ends its closing summary. `visits` grows by one with every visit
 * to one of its tasks (in the visit's transaction, conditioned on the
 * campaign not being closed), so a close conditioned on the count it read
 * sums exactly the visits it saw.
 */
export const CampaignEntity = new Entity({
  model: { entity: "campaign", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    campaignId: { type: "string", required: true, readOnly: true },
    name: { type: "map", properties: { zh: { type: "string", required: true }, en: { type: "string" } }, required: true, readOnly: true },
    startDate: { type: "string", required: true, readOnly: true },
    endDate: { type: "string", required: true, readOnly: true },
    /** The period part of its tasks' keys (`<start>~<end>`). */
    period: { type: "string", required: true, readOnly: true },
    /** When its tasks are due: the end of the end date in the tenant's time zone. */
    dueAt: { type: "string", required: true, readOnly: true },
    areaNodeId: { type: "string", required: true, readOnly: true },
    areaPath: { type: "string", required: true },
    areaName: { type: "string", required: true, readOnly: true },
    /** { kinds?, riskGrades?, flags? } */
    target: { type: "any", required: true, readOnly: true },
    /** The items a visit answers (category = the campaign id). */
    checklist: { type: "any", required: true, readOnly: true },
    /** The branches (children of the area) holding target venues, each with the branch whose staff inspect it. */
    groups: { type: "any", required: true, readOnly: true },
    crossArea: { type: ["rotate", "pairs"] as const, readOnly: true },
    templateId: { type: "string", readOnly: true },
    state: { type: ["starting", "active", "closed"] as const, required: true },
    tasks: { type: "number", required: true, default: 0 },
    visits: { type: "number", required: true, default: 0 },
    profileVersion: { type: "number", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    closedAt: { type: "string" },
    closedBy: { type: "string" },
    closeReason: { type: ["end_date", "admin"] as const },
    summary: { type: "any" },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#CMP#${campaignId}", ["campaignId"]), sk: sortKey("sk", "CAMPAIGN", []) },
    list: { index: "gsi1", pk: tenantPk("gsi1pk", "#CAMPAIGNS"), sk: sortKey("gsi1sk", "${campaignId}", ["campaignId"]) },
  },
});

/** A campaign's progress in one branch of its area (by where the venues are): tasks, visits that settled them, hazards raised. */
export const CampaignProgressEntity = new Entity({
  model: { entity: "campaignProgress", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    campaignId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    total: { type: "number", required: true, default: 0 },
    done: { type: "number", required: true, default: 0 },
    hazards: { type: "number", required: true, default: 0 },
    /** The hazards raised, for the closing summary's count of those closed. */
    hazardIds: { type: "list", items: { type: "string" } },
  },
  indexes: {
    byCampaign: { pk: tenantPk("pk", "#CMP#${campaignId}", ["campaignId"]), sk: sortKey("sk", "ROW#${nodeId}", ["nodeId"]) },
  },
});

// Access patterns
// - a campaign by id: Campaign.byId (GetItem)
// - the tenant's campaigns, newest first: Campaign.list (Query gsi1, descending; ids are time-ordered)
// - a campaign's progress by branch: CampaignProgress.byCampaign begins_with(ROW#) (one Query)
// - a campaign's tasks: InspectionTask.byPeriod (category = campaign id, period = `<start>~<end>`), in inspections/

declare module "../db/service.ts" {
  interface Entities {
    campaign: typeof CampaignEntity;
    campaignProgress: typeof CampaignProgressEntity;
  }
}
registerEntities({ campaign: CampaignEntity, campaignProgress: CampaignProgressEntity });
