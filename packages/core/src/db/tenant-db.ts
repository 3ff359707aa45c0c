import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { useTenant } from "../context/actor.ts";
import { tenantKey } from "./keys.ts";
import { createDynamoClient, dbConfigFromEnv, type DbConfig } from "./client.ts";
import { createService, registryGeneration, type FiregovService } from "./service.ts";
import { guardTenantKeys } from "./tenant-guard.ts";

/**
 * Data access for the tenant in context, and only for it. The tenant comes
 * from the request's context (set from the verified token, or explicitly by
 * the flows before sign-in and by jobs), never from a caller; the client
 * refuses any key not led by that tenant (tenant-guard.ts). In AWS
 * (TENANT_ROLE_ARN set) each tenant's client also signs with credentials of
 * a role assumed with the session tag TenantId, whose policy admits only
 * keys led by `T#<tenant>`: the second wall. Locally DynamoDB Local ignores
 * IAM, so one pass-through client serves every tenant through the same path.
 */
export interface TenantDb {
  client: DynamoDBClient;
  service: FiregovService;
  tableName: string;
}

export interface DataConfig extends DbConfig {
  tenantRoleArn?: string;
}

let config: DataConfig | undefined;
let passThrough: Built | undefined;
const perTenant = new Map<string, Built>();
const MAX_CACHED_TENANTS = 200;

interface Built extends TenantDb {
  generation: number;
}

/** Sets where data lives (local stack, tests); otherwise it comes from the environment. */
export function configureData(next: DataConfig): void {
  config = next;
  passThrough = undefined;
  perTenant.clear();
}

function currentConfig(): DataConfig {
  config ??= { ...dbConfigFromEnv(), tenantRoleArn: process.env.TENANT_ROLE_ARN || undefined };
  return config;
}

/** The data access of the tenant in context. */
export function tenantDb(): TenantDb {
  const tenantId = useTenant();
  tenantKey(tenantId); // refuses a malformed id before it reaches a key
  const cfg = currentConfig();
  if (!cfg.tenantRoleArn) {
    if (passThrough?.generation !== registryGeneration()) passThrough = build(createDynamoClient(cfg), cfg.tableName);
    return passThrough;
  }
  let db = perTenant.get(tenantId);
  if (db?.generation !== registryGeneration()) {
    if (perTenant.size >= MAX_CACHED_TENANTS) perTenant.delete(perTenant.keys().next().value!);
    const client = createDynamoClient(cfg, {
      credentials: fromTemporaryCredentials({
        params: {
          RoleArn: cfg.tenantRoleArn,
          RoleSessionName: `tenant-${tenantId}`,
          Tags: [{ Key: "TenantId", Value: tenantId }],
          DurationSeconds: 3600,
        },
      }),
    });
    db = build(client, cfg.tableName);
    perTenant.set(tenantId, db);
  }
  return db;
}

function build(client: DynamoDBClient, tableName: string): Built {
  guardTenantKeys(client);
  return { client, service: createService(client, tableName), tableName, generation: registryGeneration() };
}
