import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { ensureTable, leadingKeyPatterns, tableDefinition } from "@firegov/core";
import { testDb } from "../support/db.ts";

describe("the table in DynamoDB Local", () => {
  it("was created from the shared definition: keys, indexes, TTL", async () => {
    const { client, tableName } = testDb();
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
    ]);
    const gsis = (Table?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g.KeySchema?.map((k) => k.AttributeName)]);
    expect(gsis.sort()).toEqual(tableDefinition.globalIndexes.map((g) => [g.indexName, [g.partitionKey, g.sortKey]]));
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(tableDefinition.timeToLiveAttribute);
  });

  it("is left alone by a second bootstrap", async () => {
    const { client, tableName } = testDb();
    expect(await ensureTable(client, tableName)).toBe("exists");
  });

  it("stores an ElectroDB entity under a key led by the tenant", async () => {
    const { client, tableName, service } = testDb();
    await service.entities.tenant.create({ tenantId: "qd", name: "测试县", presetId: "demo", rootNodeId: "n1" }).go();
    await service.entities.tenant.create({ tenantId: "qd2", name: "另一县", presetId: "demo", rootNodeId: "n2" }).go();

    const raw = await client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: "T#qd" }, sk: { S: "TENANT" } } }));
    expect(raw.Item?.name?.S).toBe("测试县");
    const read = await service.entities.tenant.get({ tenantId: "qd" }).go();
    expect(read.data).toMatchObject({ tenantId: "qd", timeZone: "Asia/Shanghai" });

    // The keys ElectroDB really wrote match the IAM patterns of their own tenant only.
    const iamLike = (p: string, v: string) => new RegExp(`^${p.replace(/[#]/g, "\\#").replace(/\*/g, ".*")}$`).test(v);
    const pkOf = async (id: string) => (await client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: `T#${id}` }, sk: { S: "TENANT" } } }))).Item?.pk?.S ?? "";
    const qdKey = await pkOf("qd");
    const qd2Key = await pkOf("qd2");
    expect(leadingKeyPatterns("qd").some((p) => iamLike(p, qdKey))).toBe(true);
    expect(leadingKeyPatterns("qd").some((p) => iamLike(p, qd2Key))).toBe(false);
  });
});
