import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Audit, Hazards } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { download, errors, json, pageSchema, signedIn, spreadsheetContent } from "./helpers.ts";

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

const exportRoute = createRoute({
  method: "get",
  path: "/v1/export/audit",
  summary: "导出审计日志 / Export the audit log",
  description: "The same range and filters as /v1/audit, as xlsx: labels in Chinese, the codes in their own columns.",
  ...signedIn("audit"),
  request: { query: Audit.ListAuditInput.omit({ cursor: true, limit: true }) },
  responses: { 200: { description: "The workbook", content: spreadsheetContent }, 400: errors[400], 401: errors[401], 403: errors[403] },
});

const hazardActions = Audit.hazardAuditNames(Hazards.ACTION_NAMES);

export function auditRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(route, async (c) => c.json(await Audit.listAudit(c.req.valid("query")), 200))
    .openapi(exportRoute, async (c) => download(c, await Audit.exportAudit(c.req.valid("query"), { actionNames: hazardActions }), "审计日志"));
}
