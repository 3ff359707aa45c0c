import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";

// The yardstick of `npm run bench:init`: the smallest useful API Lambda, a Hono
// app with one DynamoDB client, bundled with the same options as the real one.
const client = new DynamoDBClient({});
const tableName = process.env.TABLE_NAME ?? "firegov";

const app = new Hono().get("/health", async (c) => {
  const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
  return c.json({ status: "ok", tableStatus: out.Table?.TableStatus });
});

export const handler = handle(app);
