import { DeleteItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { Hazards, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json, type World } from "./hazards-fixtures.ts";

const db = testDb();
const app = testApp(db);

describe("the board's server-side search", () => {
  let w: World;
  const ids = {} as Record<"general" | "major" | "elsewhere" | "byGrid" | "toGrid", string>;
  const admin = () => w.users.admin!.api;
  const search = async (query: string, who = "admin") => w.users[who]!.api.get(`/v1/hazards/search?${query}`);
  const idsOf = (body: Json) => {
    if (!Array.isArray(body.items)) throw new Error(JSON.stringify(body));
    return (body.items as Json[]).map((h) => h.hazardId).sort();
  };

  beforeAll(async () => {
    w = await world(app, "songjiang");
    const town = w.users["officer@town"]!.api;
    const other = w.users["officer@otherTown"]!.api;
    const grid = w.users["officer@grid"]!.api;
    ids.general = (await town.create(report(w, w.at.village!, { code: "ebike_charging" }))).body.hazardId;
    ids.major = (await town.create(report(w, w.at.village!, { code: "group_renting", severity: "major", source: "inspection" }))).body.hazardId;
    ids.elsewhere = (await other.create(report(w, w.otherTown, { code: "ebike_charging" }))).body.hazardId;
    ids.byGrid = (await grid.create(report(w, w.at.grid!, { code: "escape_route_blocked" }))).body.hazardId;
    ids.toGrid = (await town.create(report(w, w.at.grid!, { code: "basement_occupancy" }))).body.hazardId;
    await town.act(ids.toGrid, { action: "register" });
    await town.act(ids.toGrid, { action: "dispatch", assigneeId: w.users["officer@grid"]!.userId });
  });

  it("filters by state, severity, code, source and node subtree", async () => {
    expect(idsOf((await search("")).body)).toEqual(Object.values(ids).sort());
    expect(idsOf((await search("state=dispatched")).body)).toEqual([ids.toGrid]);
    expect(idsOf((await search("severity=major")).body)).toEqual([ids.major]);
    expect(idsOf((await search("code=ebike_charging")).body)).toEqual([ids.general, ids.elsewhere].sort());
    expect(idsOf((await search("source=inspection")).body)).toEqual([ids.major]);
    expect(idsOf((await search(`path=${encodeURIComponent(w.otherTown.path)}`)).body)).toEqual([ids.elsewhere]);
    expect(idsOf((await search(`code=ebike_charging&path=${encodeURIComponent(w.at.town!.path)}`)).body)).toEqual([ids.general]);
    // Another town's officer sees only their own town, and may not name another's.
    expect(idsOf((await search("", "officer@otherTown")).body)).toEqual([ids.elsewhere]);
    expect((await search(`path=${encodeURIComponent(w.at.town!.path)}`, "officer@otherTown")).status).toBe(403);
  });

  it("filters by the date reported, in the county's days", async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
    expect((await search(`from=${today}&to=${today}`)).body.items).toHaveLength(5);
    expect((await search(`from=${tomorrow}`)).body.items).toHaveLength(0);
    expect((await search(`to=2020-01-01`)).body.items).toHaveLength(0);
  });

  it("'mine' is what I reported as well as what is assigned to me", async () => {
    expect(idsOf((await search("mine=1", "officer@grid")).body)).toEqual([ids.byGrid, ids.toGrid].sort());
    expect(idsOf((await search("mine=1&state=dispatched", "officer@grid")).body)).toEqual([ids.toGrid]);
    expect(idsOf((await search("mine=true", "officer@town")).body)).toEqual([ids.general, ids.major, ids.toGrid].sort());
  });

  it("'mine' covers hazards written before its lists: the daily upkeep gives them their rows once, then only reads its mark", async () => {
    // As a hazard kept before the lists existed: the grid officer's rows gone.
    const pk = `T#${w.tenantId}#HZL#mine:${w.users["officer@grid"]!.userId}`;
    const rows = await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: pk } } }));
    expect(rows.Items).toHaveLength(2);
    for (const row of rows.Items!) await db.client.send(new DeleteItemCommand({ TableName: db.tableName, Key: { pk: row.pk!, sk: row.sk! } }));
    expect(idsOf((await search("mine=1", "officer@grid")).body)).toEqual([]);

    const upkeep = () => withActor({ type: "system", tenantId: w.tenantId, job: "test" }, () => Hazards.fillMineRows());
    expect(await upkeep()).toBeGreaterThanOrEqual(2);
    expect(idsOf((await search("mine=1", "officer@grid")).body)).toEqual([ids.byGrid, ids.toGrid].sort());
    expect(await upkeep()).toBe(0);
  });

  it("finds overdue hazards once the sweep has marked them", async () => {
    const h = (await admin().timeline(ids.toGrid)).body.hazard;
    await Hazards.sweepTenant(w.tenantId, "Asia/Shanghai", new Date(Date.parse(h.deadline) + 3_600_000));
    const overdue = (await search("overdue=1")).body;
    expect(idsOf(overdue)).toContain(ids.toGrid);
    expect(overdue.items.every((x: Json) => x.overdue)).toBe(true);
    expect(idsOf((await search("overdue=1&mine=1", "officer@grid")).body)).toContain(ids.toGrid);
  });

  it("sorts by reported date, deadline or severity and pages through with the cursor, each hazard once", async () => {
    const all = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: Json } = await search(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        seen.push(...res.body.items.map((x: Json) => x.hazardId));
        cursor = res.body.cursor;
      } while (cursor);
      return seen;
    };
    const reported = await all("sort=reported");
    expect(reported).toHaveLength(5);
    expect(new Set(reported).size).toBe(5);
    expect(reported.at(-1)).toBe(ids.general); // the first reported comes last: newest first
    expect((await all("sort=reported&order=asc"))[0]).toBe(ids.general);
    const bySeverity = await all("sort=severity&order=desc");
    expect(bySeverity[0]).toBe(ids.major);
    const deadlines = (await search("sort=deadline&limit=100")).body.items.map((x: Json) => x.deadline ?? "~");
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it("answers 400 naming the parameter for a value it does not know", async () => {
    const field = async (query: string) => {
      const res = await search(query);
      expect(res.status, query).toBe(400);
      return (res.body.errors as Json[]).map((e) => e.path);
    };
    expect(await field("state=lost")).toContain("query.state");
    expect(await field("sort=random")).toContain("query.sort");
    expect(await field("overdue=maybe")).toContain("query.overdue");
    expect(await field("source=rumour")).toContain("query.source");
    expect(await field("from=2026-13-40")).toContain("query.from");
    expect(await field("severity=apocalyptic")).toContain("query.severity");
    expect(await field("from=2026-05-02&to=2026-05-01")).toContain("query.to");
    expect(await field("cursor=not-ours")).toContain("query.cursor");
  });
});
