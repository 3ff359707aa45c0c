import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * Append-only record of every write: who did what to which target, when,
 * under which request. Written in the same transaction as the write itself.
 * Its own partition per tenant keeps the tenant's main partition small.
 */
export const AuditEntity = new Entity({
  model: { entity: "audit", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    auditId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    actorType: { type: ["user", "system", "public"] as const, required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    targetType: { type: "string", required: true, readOnly: true },
    targetId: { type: "string", required: true, readOnly: true },
    requestId: { type: "string", required: true, readOnly: true },
    /** Safe, non-secret facts about the change (never passwords or tokens). */
    details: { type: "any", readOnly: true },
  },
  indexes: {
    byTime: { pk: tenantPk("pk", "#AUDIT"), sk: sortKey("sk", "${at}#${auditId}", ["at", "auditId"]) },
  },
});

// Access patterns
// - a tenant's audit entries in a time range, newest first (paginated): byTime between(from, to)

declare module "../db/service.ts" {
  interface Entities {
    audit: typeof AuditEntity;
  }
}
registerEntities({ audit: AuditEntity });
