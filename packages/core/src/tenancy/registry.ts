import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities } from "../db/transact.ts";
import { SYSTEM_TENANT } from "./registry.entity.ts";

/** The registry entry of a new tenant, as an item of the signup transaction. */
export function registryItem(tx: Pick<TxEntities, "tenantRegistry">, input: { tenantId: string; timeZone: string; at: Date }) {
  return tx.tenantRegistry.create({ tenantId: input.tenantId, timeZone: input.timeZone, registeredAt: input.at.toISOString() }).commit();
}

/** Every registered tenant, a page at a time (one Query of the registry index per page). */
export async function* registeredTenants(): AsyncGenerator<{ tenantId: string; timeZone: string }> {
  const { tenantRegistry } = tenantDb(SYSTEM_TENANT).service.entities;
  let cursor: string | null = null;
  do {
    const page: { data: { tenantId: string; timeZone: string }[]; cursor: string | null } = await tenantRegistry.query.all({}).go({ cursor, limit: 100 });
    for (const entry of page.data) yield { tenantId: entry.tenantId, timeZone: entry.timeZone };
    cursor = page.cursor;
  } while (cursor);
}
