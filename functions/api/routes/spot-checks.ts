import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { SpotChecks } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

const authed = signedIn("spot-checks");
const DrawParams = z.object({ ruleId: pathParam("ruleId"), period: pathParam("period", 32) });
const PublicParams = z.object({ tenantSlug: z.string().min(1).max(64).openapi({ param: { name: "tenantSlug", in: "path" }, description: "The county code" }) });

const routes = {
  run: createRoute({
    method: "post", path: "/v1/spot-checks/draws", summary: "双随机抽取 / Draw this period's spot checks", ...authed,
    description: "One transaction: the draw (seed, pools, who and when), a task per drawn venue for its drawn inspectors only, and the audit entry. A period is drawn once (409).",
    request: { headers: IdempotencyHeader, body: body(SpotChecks.RunDrawInput) },
    responses: { 201: json(SpotChecks.DrawViewSchema, "Drawn"), ...writeErrors },
  }),
  list: createRoute({
    method: "get", path: "/v1/spot-checks/draws", summary: "抽查记录 / The county's draws and their results", ...authed,
    request: { query: SpotChecks.ListDrawsInput },
    responses: { 200: json(SpotChecks.DrawPageSchema, "Newest period first"), ...readErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/spot-checks/draws/{ruleId}/{period}", summary: "一次抽查 / A draw with its pools and results", ...authed,
    request: { params: DrawParams },
    responses: { 200: json(SpotChecks.DrawViewSchema, "The draw"), ...readErrors },
  }),
  public: createRoute({
    method: "get", path: "/v1/public/{tenantSlug}/spot-checks", tags: ["public"], summary: "抽查结果公开 / Spot-check results, public",
    description: "No sign-in (一公开). Venue names, dates, counts and each draw's seed; no ids of venues, users or tasks, and no inspector.",
    request: { params: PublicParams, query: SpotChecks.PublicDrawsInput },
    responses: { 200: json(SpotChecks.PublicDrawPageSchema, "Newest period first"), 400: errors[400], 404: errors[404] },
  }),
};

export function spotCheckRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.run, async (c) => c.json(await SpotChecks.runDraw(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.list, async (c) => c.json(await SpotChecks.listDraws(c.req.valid("query")), 200))
    .openapi(routes.get, async (c) => c.json(await SpotChecks.getDraw(c.req.valid("param")), 200))
    .openapi(routes.public, async (c) => c.json(await SpotChecks.publicDraws(c.req.valid("query"), c.req.valid("param").tenantSlug), 200));
}
