import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { createDynamoClient } from "@firegov/core";
import { createApp } from "@firegov/functions/api/app";
import type { AppDeps } from "@firegov/functions/api/env";
import { getPreset } from "@firegov/profiles";

/**
 * The real app; logs kept quiet. Tests name the caller's address with a
 * header, as API Gateway would report it.
 */
export function testApp(db?: { client: DynamoDBClient; tableName: string }) {
  return createApp(testDeps(db));
}

/** What testApp builds the app with: for tests that run the request pipeline around routes of their own. */
export function testDeps(db?: { client: DynamoDBClient; tableName: string }): AppDeps {
  const logger = new Logger({ serviceName: "firegov-test", logLevel: (process.env.TEST_LOG_LEVEL ?? "SILENT") as "SILENT" });
  // Nothing listens on port 9: a unit test that reaches the database fails fast and visibly.
  const fallback = { client: createDynamoClient({ endpoint: "http://127.0.0.1:9", region: "local" }), tableName: "none" };
  return { db: db ?? fallback, logger, presets: getPreset, clientIp: (c) => c.req.header("x-test-client-ip") ?? "192.0.2.1" };
}
