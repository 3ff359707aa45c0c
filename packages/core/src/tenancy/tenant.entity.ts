import { Entity } from "electrodb";
import { TENANT_KEY_TEMPLATE } from "../db/keys.ts";

/**
 * A county (or district) that signed up. The tenant record lives in its own
 * partition like everything else, so even the tenant row obeys LeadingKeys.
 */
export const TenantEntity = new Entity({
  model: { entity: "tenant", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    timeZone: { type: "string", required: true, default: "Asia/Shanghai" },
    presetId: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: TENANT_KEY_TEMPLATE, casing: "none" },
      sk: { field: "sk", composite: [], template: "TENANT", casing: "none" },
    },
  },
});

// Access patterns
// - get a tenant by id: byId (GetItem pk=T#<id>, sk=TENANT)
