import { UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { Inspections, Venues, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { county, type Json } from "./venues-fixtures.ts";

// Data written before an index or attribute existed is brought up to date by
// the daily upkeep, so nothing a county already had goes missing from its lists.

const db = testDb();
const app = testApp(db);
type County = Awaited<ReturnType<typeof county>>;

describe("upkeep of data written before wave 2", () => {
  let c: County;
  let venue: Json;
  const asJob = <T>(c: County, fn: () => Promise<T>) => withActor({ type: "system", tenantId: c.tenantId, job: "test" }, fn);

  beforeAll(async () => {
    c = await county(app);
    venue = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "老字号面馆", address: "人民路1号", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    await Inspections.scheduleTenant(c.tenantId, "Asia/Shanghai", new Date(Date.now() + 60_000));
  }, 60_000);

  it("gives a venue without search text its search text, so the list's search finds it again", async () => {
    await db.client.send(new UpdateItemCommand({ TableName: db.tableName, Key: { pk: { S: `T#${c.tenantId}#V#${venue.venueId}` }, sk: { S: "VENUE" } }, UpdateExpression: "REMOVE searchText", ConditionExpression: "attribute_exists(pk)" }));
    const search = () => expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/venues?q=${encodeURIComponent("面馆")}`), 200);
    expect((await search()).items).toHaveLength(0);
    expect(await asJob(c, () => Venues.fillSearchText())).toBe(1);
    expect((await search()).items.map((v) => v.venueId)).toEqual([venue.venueId]);
    expect(await asJob(c, () => Venues.fillSearchText())).toBe(0);
  });

  it("gives tasks under the old list key the due-ordered keys, so task lists show them again", async () => {
    const list = () => expectStatus<{ items: Json[] }>(c.admin.client.get("/v1/inspection-tasks"), 200);
    const tasks = (await list()).items;
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) {
      const { subjectId, category, period } = Inspections.parseTaskId(t.taskId)!;
      await db.client.send(
        new UpdateItemCommand({
          TableName: db.tableName,
          Key: { pk: { S: `T#${c.tenantId}#TASK#${subjectId}` }, sk: { S: `${category}.${period}` } },
          UpdateExpression: "SET gsi1pk = :old REMOVE gsi3pk, gsi3sk",
          ExpressionAttributeValues: { ":old": { S: `T#${c.tenantId}#TASKS#open` } },
          ConditionExpression: "attribute_exists(pk)",
        }),
      );
    }
    expect((await list()).items).toHaveLength(0);
    expect(await asJob(c, () => Inspections.reindexTasks())).toBe(tasks.length);
    expect((await list()).items.map((t) => t.taskId).sort()).toEqual(tasks.map((t) => t.taskId).sort());
    expect(await asJob(c, () => Inspections.reindexTasks())).toBe(0);
  });
});
