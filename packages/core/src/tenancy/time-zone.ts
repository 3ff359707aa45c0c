import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";

/** Where a tenant that names no time zone keeps its deadlines and schedules (design.md, rule 6). */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** A tenant's zone is set at signup and nothing changes it; a container reads it once in a while. */
const FRESH_MS = 10 * 60_000;
const zones = new Map<string, { zone: string; readAt: number }>();

/** The time zone of the tenant in context: every deadline, period and local date is computed in it. */
export async function tenantTimeZone(): Promise<string> {
  const tenantId = useTenant();
  const known = zones.get(tenantId);
  if (known && Date.now() - known.readAt < FRESH_MS) return known.zone;
  const { data } = await tenantDb().service.entities.tenant.get({ tenantId }).go({ attributes: ["timeZone"] });
  const zone = data?.timeZone ?? DEFAULT_TIME_ZONE;
  zones.set(tenantId, { zone, readAt: Date.now() });
  return zone;
}
