import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { checkHealth, sharedDb } from "@firegov/core";
import type { AppDeps, AppEnv } from "../env.ts";

const HealthReport = z
  .object({
    status: z.enum(["ok", "degraded"]),
    dynamodb: z.object({
      reachable: z.boolean(),
      table: z.string(),
      tableStatus: z.string().optional(),
      latencyMs: z.number(),
      error: z.string().optional(),
    }),
    checkedAt: z.string(),
  })
  .openapi("HealthReport");

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "服务健康检查 / Service health",
  responses: {
    200: { description: "The API is up and DynamoDB is reachable", content: { "application/json": { schema: HealthReport } } },
    503: { description: "The API is up but DynamoDB is not reachable", content: { "application/json": { schema: HealthReport } } },
  },
});

export function healthRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const db = deps.db ?? { client: sharedDb().client, tableName: sharedDb().config.tableName };
    const report = await checkHealth(db.client, db.tableName);
    return c.json(report, report.status === "ok" ? 200 : 503);
  });
}
