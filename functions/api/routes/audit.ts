import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Audit } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { errors, json, pageSchema, signedIn } from "./helpers.ts";

const AuditEntry = z
  .object({
    auditId: z.string(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("AuditEntry");

const route = createRoute({
  method: "get",
  path: "/v1/audit",
  summary: "审计日志 / Audit log",
  ...signedIn("audit"),
  request: { query: Audit.ListAuditInput },
  responses: { 200: json(pageSchema(AuditEntry, "AuditPage"), "Newest first"), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export function auditRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => c.json(await Audit.listAudit(c.req.valid("query")), 200));
}
