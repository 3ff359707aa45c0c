export { signup, SignupInput, type SignupResult } from "./signup.ts";
export { getTenant, TenantViewSchema } from "./tenant.ts";
export { registeredTenants } from "./registry.ts";
