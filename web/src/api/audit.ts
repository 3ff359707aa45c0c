// The tenant's audit trail.
import { apiFetch, json, queryString, type Page } from "./http.ts";

/** An audit entry as the API route shapes it (its schema lives in functions/api, not in core). */
export interface AuditEntry {
  auditId: string;
  at: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  requestId: string;
  details?: Record<string, unknown>;
}

/** The range and the server-side filters: person (user id), object (type, id), action (or a kind: `user.`). */
export type AuditFilter = {
  from: string;
  to: string;
  actorId?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
};

export function listAudit(params: AuditFilter & { cursor?: string; limit?: number }): Promise<Page<AuditEntry>> {
  return json(`/v1/audit${queryString(params)}`);
}

/** The same selection as an xlsx workbook with Chinese labels. */
export async function exportAudit(filter: AuditFilter): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`/v1/export/audit${queryString(filter)}`);
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : "审计日志.xlsx", blob: await res.blob() };
}
