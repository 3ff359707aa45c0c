import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";

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

/** DynamoDB Local accepts any credentials; give it fixed ones so no profile lookup happens. */
export function createDynamoClient(config: { endpoint?: string; region: string; tableName?: string }, extra: Partial<DynamoDBClientConfig> = {}): DynamoDBClient {
  const local = config.endpoint !== undefined;
  return new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    ...(local ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
    ...extra,
  });
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
