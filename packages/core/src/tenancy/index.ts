// The domain's entities join the table's one service when the domain loads.
import "./tenant.entity.ts";
import "./registry.entity.ts";
export { signup, SignupInput, type SignupResult } from "./signup.ts";
export { getTenant, tenantInContext, TenantViewSchema } from "./tenant.ts";
export { registeredTenants, forEveryTenant, registryItem } from "./registry.ts";
export { tenantTimeZone, DEFAULT_TIME_ZONE } from "./time-zone.ts";
export { getBasemap, setBasemap, basemapLayers, maskKey, BasemapInput, BasemapViewSchema, type BasemapConfig, type BasemapView } from "./basemap.ts";
