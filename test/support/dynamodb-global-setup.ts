import type { TestProject } from "vitest/node";
import { createDynamoClient, ensureTable } from "@firegov/core";
import { startDynamoLocal } from "../../scripts/lib/dynamodb-local.ts";
import { assertLocalEndpoint } from "./local-endpoint.ts";
import { freePort } from "../../scripts/lib/free-port.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

/** One DynamoDB Local (in memory) for the whole integration run, its table made from the shared definition. */
export default async function setup(project: TestProject) {
  if (process.env.DYNAMODB_ENDPOINT) assertLocalEndpoint(process.env.DYNAMODB_ENDPOINT);
  const dynamo = process.env.DYNAMODB_ENDPOINT ? undefined : await startDynamoLocal({ port: await freePort() });
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? dynamo!.endpoint;
  const tableName = `firegov-test-${Date.now()}`;
  const client = createDynamoClient({ endpoint, region: "local" });
  await ensureTable(client, tableName);
  client.destroy();
  project.provide("dynamoEndpoint", endpoint);
  project.provide("tableName", tableName);
  return async () => {
    await dynamo?.stop();
  };
}
