import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { CONNECT_TIMEOUT_MS, LOCAL_REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_MS, dynamoRetryStrategy } from "./retry.ts";
import { recoverOwnConditionalWrites } from "./own-write.ts";

/**
 * Where the table lives. In AWS the Lambda gets TABLE_NAME and uses the default
 * endpoint; locally DYNAMODB_ENDPOINT points at DynamoDB Local.
 */
export interface DbConfig {
  tableName: string;
  endpoint?: string;
  region: string;
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    tableName: env.TABLE_NAME ?? "firegov",
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "cn-northwest-1",
  };
}

/**
 * A DynamoDB client that retries as a Lambda can afford (retry.ts: adaptive,
 * 6 attempts, capped full-jitter backoff, per-attempt timeouts) and does not
 * report its own write as failed when a lost response made the SDK retry a
 * conditional put (own-write.ts). DynamoDB Local accepts any credentials;
 * give it fixed ones so no profile lookup happens.
 */
export function createDynamoClient(config: { endpoint?: string; region: string; tableName?: string }, extra: Partial<DynamoDBClientConfig> = {}): DynamoDBClient {
  const local = config.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    retryStrategy: dynamoRetryStrategy(),
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: local ? LOCAL_REQUEST_TIMEOUT_MS : REQUEST_TIMEOUT_MS },
    ...(local ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
    ...extra,
  });
  recoverOwnConditionalWrites(client);
  return client;
}

let shared: { config: DbConfig; client: DynamoDBClient } | undefined;

/** One client per process (Lambda reuses it while warm). */
export function sharedDb(): { config: DbConfig; client: DynamoDBClient } {
  shared ??= (() => {
    const config = dbConfigFromEnv();
    return { config, client: createDynamoClient(config) };
  })();
  return shared;
}
