// Campaigns (专项整治): time-boxed drives over an area's venues of chosen
// kinds, with their own checklist, optionally cross-area (推磨式); their
// tasks are inspection tasks, their visits inspections, their failures
// coded hazards, and their close a stored summary.
// The domain's entities join the table's one service when the domain loads.
import "./campaign.entity.ts";
export { createCampaign } from "./create.ts";
export { closeCampaign } from "./close.ts";
export { getCampaign, listCampaigns, campaignsBetween, type CampaignProgressOf } from "./read.ts";
export { campaignUpkeep, campaignUpkeepJob } from "./job.ts";
export { CreateCampaignInput, ListCampaignsInput, CampaignParams, CampaignTargetInput } from "./inputs.ts";
export { CampaignViewSchema, CampaignPageSchema, CampaignProgressSchema, CampaignSummarySchema, type CampaignView, type CampaignProgressView } from "./views.ts";
export { CampaignTemplate, CampaignPrefillSchema, campaignPrefills, prefill, type CampaignPrefill } from "./templates.ts";
export { matchesTarget, effectiveFacts, groupOf, rotation, campaignChecklist, campaignStatus, summarise, periodKey, lengthInDays, endAfter, NOT_VISITED_LISTED, type CampaignTarget, type CampaignStatus, type Summary, type Group, type ProgressRow, type TaskState } from "./rules.ts";

// A visit to a campaign task reads the campaign through this; inspections never import campaigns.
import { campaignVisits } from "../inspections/index.ts";
import { campaignLookup } from "./visits.ts";
campaignVisits(campaignLookup);
