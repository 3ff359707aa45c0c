import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A county (or district) that signed up; its id is its slug. The tenant row
 * lives in the tenant's own partition, so even it obeys LeadingKeys.
 */
export const TenantEntity = new Entity({
  model: { entity: "tenant", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    timeZone: { type: "string", required: true, default: "Asia/Shanghai" },
    presetId: { type: "string", required: true, readOnly: true },
    rootNodeId: { type: "string", required: true, readOnly: true },
    status: { type: ["active", "suspended"] as const, required: true, default: "active" },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    byId: { pk: tenantPk("pk"), sk: sortKey("sk", "TENANT", []) },
  },
});

// Access patterns
// - get a tenant by id: byId (GetItem pk=T#<id>, sk=TENANT)

declare module "../db/service.ts" {
  interface Entities {
    tenant: typeof TenantEntity;
  }
}
registerEntities({ tenant: TenantEntity });
