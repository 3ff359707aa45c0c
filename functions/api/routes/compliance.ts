import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Compliance } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { requireUser } from "../middleware.ts";
import { bearer, errors, json } from "./openapi-common.ts";

const authed = { security: bearer, middleware: requireUser, tags: ["compliance"] };
const NodeParams = z.object({ nodeId: z.string().min(1).max(64).openapi({ param: { name: "nodeId", in: "path" } }) });

const routes = {
  node: createRoute({
    method: "get", path: "/v1/compliance/nodes/{nodeId}", summary: "合规检查结果 / A node's findings", ...authed,
    description: "Every organisation rule of the profile version in effect at `at` that applies to the node, judged on its data: status, evidence (zh/en), severity and the clause.",
    request: { params: NodeParams, query: Compliance.FindingsInput },
    responses: { 200: json(Compliance.NodeFindingsSchema, "Findings in rule order"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  rollup: createRoute({
    method: "get", path: "/v1/compliance/rollup", summary: "镇街汇总 / Counts per town", ...authed,
    description: "Met/unmet/… counts per town under a node (the town and everything under it), as of each town's last refresh.",
    request: { query: Compliance.RollupInput },
    responses: { 200: json(Compliance.RollupSchema, "Towns in path order"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  refresh: createRoute({
    method: "post", path: "/v1/compliance/refresh", summary: "重新汇总 / Re-evaluate the towns under a node now", ...authed,
    request: { body: { content: { "application/json": { schema: Compliance.RefreshInput } }, required: false } },
    responses: { 200: json(Compliance.RollupSchema, "The new counts"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
};

export function complianceRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.node, async (c) => c.json(await Compliance.nodeFindings(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.rollup, async (c) => c.json(await Compliance.rollup(c.req.valid("query")), 200))
    .openapi(routes.refresh, async (c) => c.json(await Compliance.refreshRollup(c.req.valid("json") ?? {}), 200));
}
