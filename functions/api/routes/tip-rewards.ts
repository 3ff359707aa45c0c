import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Hazards } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

// Rewards for residents' tips (举报奖励, where the profile has a rule): the
// staff's view and record of a tip's reward, and the tipster's own view of
// the tip by its receipt code.

const authed = signedIn("hazards");
const HazardParams = z.object({ hazardId: pathParam("hazardId") });

const routes = {
  get: createRoute({
    method: "get", path: "/v1/hazards/{hazardId}/reward", summary: "举报奖励 / A tip's reward", ...authed,
    description: "The profile's reward rule, whether the tip is eligible (registered as a hazard of the rule's severities, not withdrawn), and the reward recorded.",
    request: { params: HazardParams },
    responses: { 200: json(Hazards.TipRewardSchema, "The rule, the eligibility and the reward"), ...readErrors },
  }),
  record: createRoute({
    method: "post", path: "/v1/hazards/{hazardId}/reward", summary: "登记举报奖励 / Record a tip's reward", ...authed,
    description: "Once per tip, only while it is eligible (409 `hazard.reward_not_eligible`, `hazard.reward_recorded`, `hazard.reward_not_in_profile`); audited in the same transaction.",
    request: { params: HazardParams, body: body(Hazards.RecordTipRewardInput) },
    responses: { 201: json(Hazards.TipRewardSchema, "Recorded"), ...writeErrors },
  }),
  status: createRoute({
    method: "get", path: "/v1/public/{tenantSlug}/tips/{receiptCode}", tags: ["public"], summary: "查询举报进展 / Follow a tip with its receipt code",
    description: "No sign-in: the receipt code (shown once when the tip was sent) is the key. The stage, the note for the public and, where the county rewards tips, eligible or rewarded.",
    request: { params: z.object({ tenantSlug: pathParam("tenantSlug"), receiptCode: pathParam("receiptCode") }) },
    responses: { 200: json(Hazards.TipStatusSchema, "Where the tip stands"), 404: errors[404] },
  }),
};

export function tipRewardRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => c.json(await Hazards.getTipReward(c.req.valid("param").hazardId), 200))
    .openapi(routes.record, async (c) => c.json(await Hazards.recordTipReward(c.req.valid("json"), c.req.valid("param").hazardId), 201))
    .openapi(routes.status, async (c) => {
      const { tenantSlug, receiptCode } = c.req.valid("param");
      return c.json(await Hazards.tipStatus(tenantSlug, receiptCode), 200);
    });
}
