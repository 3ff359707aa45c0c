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

/**
 * The tenant's basemap for the one map (一张图), set by its admin: none (the
 * default: boundaries and points on a plain background), 天地图 WMTS with the
 * tenant's own key, or another tile URL template. One item in the tenant's
 * partition beside the tenant item (sk `BASEMAP`).
 */
export const BasemapEntity = new Entity({
  model: { entity: "basemap", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    config: { type: "any", required: true },
    updatedBy: { type: "string", required: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byTenant: { pk: tenantPk("pk"), sk: sortKey("sk", "BASEMAP", []) },
  },
});

// - the tenant's basemap: basemap.byTenant (GetItem pk=T#<id>, sk=BASEMAP)

declare module "../db/service.ts" {
  interface Entities {
    basemap: typeof BasemapEntity;
  }
}
registerEntities({ basemap: BasemapEntity });
