import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Logger } from "@aws-lambda-powertools/logger";

/** What the app is built with: its outside world, injected so tests and the local stack can choose. */
export interface AppDeps {
  db: { client: DynamoDBClient; tableName: string };
  logger: Logger;
}

export type Locale = "zh" | "en";

export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    log: Logger;
  };
}
