// Campaigns (专项整治): set up, followed while they run, closed with a summary.
import type { Campaign, CampaignListState, CampaignPrefill, CampaignProgress, CreateCampaignInput } from "@firegov/core/contract";
import { idempotent, json, post, queryString, type Page } from "./http.ts";

const campaignPath = (campaignId: string) => `/v1/campaigns/${encodeURIComponent(campaignId)}`;

export function listCampaigns(params: { state?: CampaignListState; cursor?: string; limit?: number } = {}): Promise<Page<Campaign>> {
  return json(`/v1/campaigns${queryString(params)}`);
}

export function getCampaign(campaignId: string): Promise<CampaignProgress> {
  return json(campaignPath(campaignId));
}

export function createCampaign(input: CreateCampaignInput, idempotencyKey: string): Promise<Campaign> {
  return json("/v1/campaigns", post(input, idempotent(idempotencyKey)));
}

export function closeCampaign(campaignId: string): Promise<Campaign> {
  return json(`${campaignPath(campaignId)}/close`, post({}));
}

export function campaignTemplates(): Promise<{ items: CampaignPrefill[] }> {
  return json("/v1/campaign-templates");
}
