import { tenantInContext } from "./tenant.ts";

/** Where a tenant that names no time zone keeps its deadlines and schedules (design.md, rule 6). */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** The time zone of the tenant in context: every deadline, period and local date is computed in it. */
export async function tenantTimeZone(): Promise<string> {
  return (await tenantInContext())?.timeZone ?? DEFAULT_TIME_ZONE;
}
