// The tenant's audit trail.
import { json, queryString, type Page } from "./http.ts";

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

export function listAudit(params: { from: string; to: string; cursor?: string; limit?: number }): Promise<Page<AuditEntry>> {
  return json(`/v1/audit${queryString(params)}`);
}
