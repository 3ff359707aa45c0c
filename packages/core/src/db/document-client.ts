import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

const documentClients = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();

/** The document client over a tenant's client, made once per client: for the few raw Queries ElectroDB cannot express. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  let doc = documentClients.get(client);
  if (!doc) documentClients.set(client, (doc = DynamoDBDocumentClient.from(client)));
  return doc;
}
