import { useTenant, withActor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities } from "../db/transact.ts";
import { SYSTEM_TENANT } from "./registry.entity.ts";

/** The registry entry of a new tenant, as an item of the signup transaction. */
export function registryItem(tx: Pick<TxEntities, "tenantRegistry">, input: { timeZone: string; at: Date }) {
  return tx.tenantRegistry.create({ tenantId: useTenant(), timeZone: input.timeZone, registeredAt: input.at.toISOString() }).commit();
}

/** Every registered tenant, a page at a time (one Query of the registry index per page). */
export async function* registeredTenants(): AsyncGenerator<{ tenantId: string; timeZone: string }> {
  // The registry index gathers under the reserved `system` tenant key: read it as that tenant, a job.
  const readPage = (cursor: string | null) =>
    withActor({ type: "system", tenantId: SYSTEM_TENANT, job: "tenant-registry" }, () => tenantDb().service.entities.tenantRegistry.query.all({}).go({ cursor, limit: 100 }));
  let cursor: string | null = null;
  do {
    const page: { data: { tenantId: string; timeZone: string }[]; cursor: string | null } = await readPage(cursor);
    for (const entry of page.data) yield { tenantId: entry.tenantId, timeZone: entry.timeZone };
    cursor = page.cursor;
  } while (cursor);
}

/**
 * Runs a job's per-tenant work for every registered tenant, one after another,
 * and adds up its counts. One tenant's failure does not stop the others; it is
 * reported at the end, so the job still fails visibly (and is retried).
 */
export async function forEveryTenant<S extends Record<string, number>>(
  zero: S,
  run: (tenant: { tenantId: string; timeZone: string }) => Promise<S>,
): Promise<S & { tenants: number }> {
  const total = { ...zero, tenants: 0 } as S & { tenants: number };
  const failures: string[] = [];
  for await (const tenant of registeredTenants()) {
    try {
      const stats = await run(tenant);
      for (const key of Object.keys(stats) as (keyof S)[]) (total[key] as number) += stats[key] as number;
      total.tenants += 1;
    } catch (err) {
      failures.push(`${tenant.tenantId}: ${(err as Error).message}`);
    }
  }
  if (failures.length) throw new Error(`failed for ${failures.length} tenant(s): ${failures.join("; ")}`);
  return total;
}
