import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Compliance } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

const authed = signedIn("compliance");
const NodeParams = z.object({ nodeId: pathParam("nodeId") });

const routes = {
  node: createRoute({
    method: "get", path: "/v1/compliance/nodes/{nodeId}", summary: "合规检查结果 / A node's findings", ...authed,
    description: "Every organisation rule of the profile version in effect at `at` that applies to the node, judged on its data: status, evidence (zh/en), severity and the clause.",
    request: { params: NodeParams, query: Compliance.FindingsInput },
    responses: { 200: json(Compliance.NodeFindingsSchema, "Findings in rule order"), ...readErrors },
  }),
  rollup: createRoute({
    method: "get", path: "/v1/compliance/rollup", summary: "镇街汇总 / Counts per town", ...authed,
    description: "Met/unmet/… counts per town under a node (the town and everything under it), as of each town's last refresh.",
    request: { query: Compliance.RollupInput },
    responses: { 200: json(Compliance.RollupSchema, "Towns in path order"), ...readErrors },
  }),
  refresh: createRoute({
    method: "post", path: "/v1/compliance/refresh", summary: "重新汇总 / Re-evaluate the towns under a node now", ...authed,
    request: { body: body(Compliance.RefreshInput, false) },
    responses: { 200: json(Compliance.RollupSchema, "The new counts"), ...writeErrors },
  }),
};

export function complianceRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.node, async (c) => c.json(await Compliance.nodeFindings(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.rollup, async (c) => c.json(await Compliance.rollup(c.req.valid("query")), 200))
    .openapi(routes.refresh, async (c) => c.json(await Compliance.refreshRollup(c.req.valid("json") ?? {}), 200));
}
