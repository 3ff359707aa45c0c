import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { Dashboard } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { errors, json, signedIn } from "./helpers.ts";

const authed = signedIn("dashboard");

const routes = {
  get: createRoute({
    method: "get", path: "/v1/dashboard", summary: "领导驾驶舱 / A node's dashboard", ...authed,
    description:
      "Open hazards by state and severity, overdue, listed, closed this month, time to close (median and p90 buckets), reported and closed per month for 12 months, coverage of each category's current period and the towns' compliance counts, from maintained counters: the same few reads whatever the number of hazards and venues.",
    request: { query: Dashboard.DashboardInput },
    responses: { 200: json(Dashboard.DashboardSchema, "The node's figures"), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
};

export function dashboardRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(routes.get, async (c) => c.json(await Dashboard.getDashboard(c.req.valid("query")), 200));
}
