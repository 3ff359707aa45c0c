import { action, query, revalidate } from "@solidjs/router";
import type { CampaignListState, CreateCampaignInput } from "@firegov/core/contract";
import { campaignTemplates, closeCampaign, createCampaign, getCampaign, listCampaigns } from "../../api/campaigns.ts";

export const campaignList = query((state: CampaignListState | undefined) => listCampaigns({ state, limit: 100 }), "campaigns");
export const campaignById = query((campaignId: string) => getCampaign(campaignId), "campaign");
export const templates = query(() => campaignTemplates(), "campaign-templates");

export const createAction = action((input: CreateCampaignInput, key: string) => createCampaign(input, key), "campaign-create");

export const closeAction = action(async (campaignId: string) => {
  const closed = await closeCampaign(campaignId);
  await revalidate([campaignById.keyFor(campaignId), campaignList.key]);
  return closed;
}, "campaign-close");
