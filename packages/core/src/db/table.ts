import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The one DynamoDB table, defined once: the CDK stack and the local bootstrap
 * both read this, so DynamoDB Local and AWS always agree on keys and indexes.
 * Attribute names stay generic (pk/sk, gsiNpk/gsiNsk); entities give them meaning.
 * Every partition key, on the table and on each GSI, starts with the tenant key
 * (see keys.ts), so IAM `dynamodb:LeadingKeys` can hold a tenant to its own items.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  timeToLiveAttribute: "expiresAt",
  globalIndexes: [
    { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    { indexName: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  ],
} as const;

export type GlobalIndexName = (typeof tableDefinition.globalIndexes)[number]["indexName"];

/** Every key attribute is a string: ElectroDB composes keys as strings. */
export function keyAttributeNames(): string[] {
  const { partitionKey, sortKey, globalIndexes } = tableDefinition;
  return [partitionKey, sortKey, ...globalIndexes.flatMap((gsi) => [gsi.partitionKey, gsi.sortKey])];
}

/** CreateTable input for DynamoDB Local (on-demand, like the CDK table). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, globalIndexes } = tableDefinition;
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: keyAttributeNames().map((name) => ({ AttributeName: name, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: "HASH" },
      { AttributeName: sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: globalIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: "HASH" },
        { AttributeName: gsi.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}
