import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/** The reserved tenant key the registry gathers under (signup refuses the slug). */
export const SYSTEM_TENANT = "system";

/**
 * The tenant list scheduled jobs walk. Each tenant writes its own entry at
 * signup (in its own partition, so signup's LeadingKeys hold); the `all`
 * index gathers the entries under the reserved `system` tenant key, which no
 * county can take (signup refuses the slug), so the jobs Query one partition
 * and never Scan.
 */
export const TenantRegistryEntity = new Entity({
  model: { entity: "tenantRegistry", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    timeZone: { type: "string", required: true },
    registeredAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTenant: { pk: tenantPk("pk"), sk: sortKey("sk", "REGISTRY", []) },
    all: { index: "gsi1", pk: { field: "gsi1pk", composite: [], template: `T#${SYSTEM_TENANT}#TENANTS`, casing: "none" as const }, sk: sortKey("gsi1sk", "${tenantId}", ["tenantId"]) },
  },
});

// Access patterns
// - a tenant's entry: byTenant (GetItem)
// - every tenant, for scheduled jobs (paginated): all (one Query on T#system#TENANTS)

declare module "../db/service.ts" {
  interface Entities {
    tenantRegistry: typeof TenantRegistryEntity;
  }
}
registerEntities({ tenantRegistry: TenantRegistryEntity });
