import { inject } from "vitest";
import { createDynamoClient, createService } from "@firegov/core";
import { assertLocalEndpoint } from "./local-endpoint.ts";

/** The run's DynamoDB Local and table, as the global setup made them. */
export function testDb() {
  const endpoint = inject("dynamoEndpoint");
  const tableName = inject("tableName");
  assertLocalEndpoint(endpoint);
  const client = createDynamoClient({ endpoint, region: "local", tableName });
  return { endpoint, tableName, client, service: createService(client, tableName) };
}
