import { z } from "zod";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";

export const TenantViewSchema = z
  .object({ tenantId: z.string(), name: z.string(), timeZone: z.string(), presetId: z.string(), rootNodeId: z.string(), status: z.string(), createdAt: z.string() })
  .meta({ id: "Tenant" });

/** The tenant in context, as stored (undefined when there is no such tenant): for flows before sign-in. */
export async function tenantInContext() {
  const { data } = await tenantDb().service.entities.tenant.get({ tenantId: useTenant() }).go();
  return data ?? undefined;
}

/** The caller's own tenant. */
export async function getTenant(): Promise<z.infer<typeof TenantViewSchema>> {
  const actor = useUser();
  authorize(actor, "tenant.read");
  const { data } = await tenantDb().service.entities.tenant.get({ tenantId: actor.tenantId }).go();
  if (!data) throw new AppError("not_found", "tenant.not_found");
  return data;
}
