import { Service } from "electrodb";
import { TenantEntity } from "../tenancy/tenant.entity.ts";
import { sharedDb } from "./client.ts";

/** One ElectroDB service over the one table; domains add their entities here. */
export function createService(client = sharedDb().client, table = sharedDb().config.tableName) {
  return new Service({ tenant: TenantEntity }, { client, table });
}

export type FiregovService = ReturnType<typeof createService>;
