import { inject } from "vitest";
import { configureData, createDynamoClient, createService } from "@firegov/core";
import { assertLocalEndpoint } from "./local-endpoint.ts";

/** The run's DynamoDB Local and table, as the global setup made them; core's data access points there too. */
export function testDb() {
  const endpoint = inject("dynamoEndpoint");
  const tableName = inject("tableName");
  assertLocalEndpoint(endpoint);
  configureData({ endpoint, region: "local", tableName });
  const client = createDynamoClient({ endpoint, region: "local" });
  return { endpoint, tableName, client, service: createService(client, tableName) };
}
