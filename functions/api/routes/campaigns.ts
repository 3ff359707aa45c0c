import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Campaigns } from "@firegov/core";
import { campaignTemplates } from "@firegov/profiles/campaign-templates";
import type { AppEnv } from "../env.ts";
import { body, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

const authed = signedIn("campaigns");
const Params = z.object({ campaignId: pathParam("campaignId") });

const routes = {
  list: createRoute({
    method: "get", path: "/v1/campaigns", summary: "专项整治 / Campaigns of your area and over it", ...authed,
    request: { query: Campaigns.ListCampaignsInput },
    responses: { 200: json(Campaigns.CampaignPageSchema, "Newest first"), ...readErrors },
  }),
  create: createRoute({
    method: "post", path: "/v1/campaigns", summary: "发起专项整治 / Set up a campaign and its tasks", ...authed,
    description: "Makes one task per target venue in the area at once. With an Idempotency-Key, a retry answers the first campaign (and finishes its tasks if the first attempt stopped short).",
    request: { headers: IdempotencyHeader, body: body(Campaigns.CreateCampaignInput) },
    responses: { 201: json(Campaigns.CampaignViewSchema, "Set up, with its tasks"), ...writeErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/campaigns/{campaignId}", summary: "专项整治进度 / A campaign with its progress by branch", ...authed,
    request: { params: Params },
    responses: { 200: json(Campaigns.CampaignProgressSchema, "The campaign, its totals and each branch's; the closing summary once closed"), ...readErrors },
  }),
  close: createRoute({
    method: "post", path: "/v1/campaigns/{campaignId}/close", summary: "结束专项整治 / Close a campaign with its summary", ...authed,
    description: "Stores the closing summary; the tasks left open leave the staff's lists. Closing a closed campaign answers it as it was closed.",
    request: { params: Params },
    responses: { 200: json(Campaigns.CampaignViewSchema, "Closed, with its summary"), ...writeErrors },
  }),
  templates: createRoute({
    method: "get", path: "/v1/campaign-templates", summary: "专项整治模板 / Templates for a new campaign, made for your profile", ...authed,
    responses: { 200: json(z.object({ items: z.array(Campaigns.CampaignPrefillSchema) }).openapi("CampaignPrefills"), "Holiday, major-event, high-risk and cross-area templates as first values of the form"), ...readErrors },
  }),
};

export function campaignRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => c.json(await Campaigns.listCampaigns(c.req.valid("query")), 200))
    .openapi(routes.create, async (c) => c.json(await Campaigns.createCampaign(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.templates, async (c) => c.json(await Campaigns.campaignPrefills(campaignTemplates), 200))
    .openapi(routes.get, async (c) => c.json(await Campaigns.getCampaign({}, c.req.valid("param").campaignId), 200))
    .openapi(routes.close, async (c) => c.json(await Campaigns.closeCampaign({}, c.req.valid("param").campaignId), 200));
}
