import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";

export const TenantViewSchema = z
  .object({ tenantId: z.string(), name: z.string(), timeZone: z.string(), presetId: z.string(), rootNodeId: z.string(), status: z.string(), createdAt: z.string() })
  .meta({ id: "Tenant" });

type TenantItem = NonNullable<Awaited<ReturnType<typeof readTenant>>>;

/**
 * A tenant's item changes only at signup (nothing renames a county or moves
 * its zone), so a container reads it once in a while rather than on every
 * request that needs the time zone or the root node.
 */
const FRESH_MS = 10 * 60_000;
const known = new Map<string, { item: TenantItem | undefined; readAt: number }>();

async function readTenant() {
  const { data } = await tenantDb().service.entities.tenant.get({ tenantId: useTenant() }).go();
  return data ?? undefined;
}

/** The tenant in context, as stored (undefined when there is no such tenant). */
export async function tenantInContext(): Promise<TenantItem | undefined> {
  const tenantId = useTenant();
  const cached = known.get(tenantId);
  if (cached?.item && Date.now() - cached.readAt < FRESH_MS) return cached.item;
  const item = await readTenant();
  known.set(tenantId, { item, readAt: Date.now() });
  return item;
}

/** The caller's own tenant. */
export async function getTenant(): Promise<z.infer<typeof TenantViewSchema>> {
  authorize(useUser(), "tenant.read");
  const tenant = await tenantInContext();
  if (!tenant) throw new AppError("not_found", "tenant.not_found");
  return tenant;
}
