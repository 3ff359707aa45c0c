import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { createDynamoClient } from "@firegov/core";
import { createApp } from "@firegov/functions/api/app";

/** The real app; logs kept quiet unless a test fails loudly. */
export function testApp(db?: { client: DynamoDBClient; tableName: string }) {
  const logger = new Logger({ serviceName: "firegov-test", logLevel: "SILENT" });
  // Nothing listens on port 9: a unit test that reaches the database fails fast and visibly.
  const fallback = { client: createDynamoClient({ endpoint: "http://127.0.0.1:9", region: "local", tableName: "none" }), tableName: "none" };
  return createApp({ db: db ?? fallback, logger });
}
