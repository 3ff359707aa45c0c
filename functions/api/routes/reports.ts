import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { Reports } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { download, json, readErrors, signedIn, spreadsheetContent } from "./helpers.ts";

// Reports of a subtree over a period: response times per handling body and
// node (JSON or xlsx), and the hazard and inspection ledgers (xlsx).

const authed = signedIn("reports");
const file = (description: string) => ({ description, content: spreadsheetContent });

const routes = {
  responseTimes: createRoute({
    method: "get", path: "/v1/reports/response-times", summary: "响应时效报表 / Response times per body and node", ...authed,
    description:
      "Hazards created in the period (local dates, at most a year) under the node: received, registered, acknowledged (报到) in time, closed on time or late, median and p90 days to close, open, overdue now, reopened; per handling body and per child node, with totals. `format=xlsx` answers the same as a workbook (a sheet per body, a sheet per node, each with a 合计 row).",
    request: { query: Reports.ResponseTimesInput },
    responses: { 200: { description: "The report (JSON), or the workbook with format=xlsx", content: { "application/json": { schema: Reports.ResponseTimesSchema }, ...spreadsheetContent } }, ...readErrors },
  }),
  hazards: createRoute({
    method: "get", path: "/v1/reports/hazards.xlsx", summary: "隐患台账 / The hazard ledger of a period", ...authed,
    description: "One row per hazard created in the period under the node, Chinese headers.",
    request: { query: Reports.PeriodInput },
    responses: { 200: file("The ledger"), ...readErrors },
  }),
  inspections: createRoute({
    method: "get", path: "/v1/reports/inspections.xlsx", summary: "检查台账 / The inspection ledger of a period", ...authed,
    description: "One row per inspection finished in the period under the node, Chinese headers.",
    request: { query: Reports.PeriodInput },
    responses: { 200: file("The ledger"), ...readErrors },
  }),
};

export function reportRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.responseTimes, async (c) => {
      const query = c.req.valid("query");
      if (query.format === "xlsx") return download(c, await Reports.responseTimesXlsx(query), "响应时效");
      return c.json(await Reports.responseTimes(query), 200);
    })
    .openapi(routes.hazards, async (c) => download(c, await Reports.hazardLedger(c.req.valid("query")), "隐患台账"))
    .openapi(routes.inspections, async (c) => download(c, await Reports.inspectionLedger(c.req.valid("query")), "检查台账"));
}
