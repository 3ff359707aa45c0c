import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json, type World } from "./hazards-fixtures.ts";

// A village moved to another town takes its hazards along: their paths, the
// subtree lists they appear in and the counts of the towns above them.

const app = testApp(testDb());

async function ok(call: Promise<{ status: number; body: Json }>, status = 200): Promise<Json> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

describe("moving a node moves its hazards", () => {
  let w: World;
  const ids: Record<"open" | "closed" | "reopened", string> = { open: "", closed: "", reopened: "" };

  beforeAll(async () => {
    // zezhou: county → town → village → grid, plus a second town (otherTown) under the county.
    w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    ids.open = (await ok(grid.api.create(report(w, w.at.grid!)), 201)).hazardId;
    await ok(grid.api.act(ids.open, { action: "register" }));

    ids.closed = (await ok(grid.api.create(report(w, w.at.grid!, { description: "疏散通道堆放杂物" })), 201)).hazardId;
    await ok(grid.api.act(ids.closed, { action: "fix_on_spot", photos: [`t/${w.tenantId}/hazards/test/fixed.jpg`] }));
    await ok(grid.api.act(ids.closed, { action: "close" }));

    // Closed twice: both closes are in the counters, and both must move.
    ids.reopened = (await ok(grid.api.create(report(w, w.at.grid!, { description: "消防通道被占用" })), 201)).hazardId;
    await ok(grid.api.act(ids.reopened, { action: "fix_on_spot", photos: [`t/${w.tenantId}/hazards/test/fixed.jpg`] }));
    await ok(grid.api.act(ids.reopened, { action: "close" }));
    await ok(grid.api.act(ids.reopened, { action: "reopen", reason: "复查发现仍有占用" }));
    await ok(grid.api.act(ids.reopened, { action: "submit" }));
    await ok(grid.api.act(ids.reopened, { action: "close" }));
  });

  const admin = () => w.users.admin!.api;
  const counters = async (path: string) => {
    const { nodeId: _n, ...view } = await ok(admin().get(`/v1/hazards/counters?path=${encodeURIComponent(path)}`));
    return view;
  };
  const listed = async (path: string, state = "open") =>
    (await ok(admin().get(`/v1/hazards?path=${encodeURIComponent(path)}&state=${state}`))).items.map((s: Json) => s.hazardId).sort();
  const hazard = async (id: string) => (await ok(admin().timeline(id))).hazard as Json;
  const move = (nodeId: string, parentId: string) => ok(admin().call("POST", `/v1/nodes/${nodeId}/move`, { parentId }));

  it("rewrites paths, subtree lists and counters, and moving back restores them", async () => {
    const { town, village, grid } = w.at as Record<string, { nodeId: string; path: string }>;
    const county = w.root;
    const townB = w.otherTown;
    const empty = await counters(townB.path);
    const before = { county: await counters(county.path), townA: await counters(town!.path), village: await counters(village!.path) };
    expect(before.village).toMatchObject({ open: { total: 1 }, closed: { total: 3 } });
    expect(before.townA).toEqual(before.village);
    expect(empty).toMatchObject({ open: { total: 0 }, closed: { total: 0 } });
    const versions = Object.fromEntries(await Promise.all(Object.values(ids).map(async (id) => [id, (await hazard(id)).version])));

    const moved = await move(village!.nodeId, townB.nodeId);
    const newGrid = `${townB.path}/${village!.nodeId}/${grid!.nodeId}`;
    expect(moved.path).toBe(`${townB.path}/${village!.nodeId}`);
    for (const id of Object.values(ids)) {
      const h = await hazard(id);
      expect(h.path).toBe(newGrid);
      expect(h.version).toBe(versions[id] + 1);
    }
    expect(await listed(townB.path)).toEqual([ids.open]);
    expect(await listed(townB.path, "closed")).toEqual([ids.closed, ids.reopened].sort());
    expect(await listed(town!.path)).toEqual([]);
    expect(await listed(town!.path, "closed")).toEqual([]);
    expect((await ok(admin().get(`/v1/hazards/by-source?path=${encodeURIComponent(townB.path)}&source=grid_patrol`))).items).toHaveLength(3);
    expect((await ok(admin().get(`/v1/hazards?path=${encodeURIComponent(townB.path)}`))).items[0]).toMatchObject({ hazardId: ids.open, path: newGrid });

    // Town A loses the village's counts, town B gains them, the county above both keeps its own.
    expect(await counters(town!.path)).toEqual(empty);
    expect(await counters(townB.path)).toEqual(before.village);
    expect(await counters(county.path)).toEqual(before.county);
    expect(await counters(moved.path)).toEqual(before.village);

    await move(village!.nodeId, town!.nodeId);
    for (const id of Object.values(ids)) {
      const h = await hazard(id);
      expect(h.path).toBe(grid!.path);
      expect(h.version).toBe(versions[id] + 2);
    }
    expect(await listed(town!.path)).toEqual([ids.open]);
    expect(await listed(town!.path, "closed")).toEqual([ids.closed, ids.reopened].sort());
    expect(await listed(townB.path)).toEqual([]);
    expect(await listed(townB.path, "closed")).toEqual([]);
    expect(await counters(town!.path)).toEqual(before.townA);
    expect(await counters(townB.path)).toEqual(empty);
    expect(await counters(county.path)).toEqual(before.county);

    // The moved hazard goes on along the loop from the version the moves left it at.
    const dispatched = await ok(w.users["officer@grid"]!.api.act(ids.open, { action: "dispatch" }));
    expect(dispatched).toMatchObject({ state: "dispatched", version: versions[ids.open] + 3 });
    expect(await counters(town!.path)).toMatchObject({ open: { total: 1, byState: { dispatched: 1 } } });
  });

  it("moves more hazards than one transaction holds, in several, all of them", async () => {
    const many = await world(app, "zezhou");
    const grid = many.users["officer@grid"]!;
    const created: string[] = [];
    // About eight items each (the hazard, three rows out, four in): thirty need three transactions.
    for (let i = 0; i < 30; i++) created.push((await ok(grid.api.create(report(many, many.at.grid!, { description: `楼道堆物 ${i}` })), 201)).hazardId);
    const api = many.users.admin!.api;
    const before = (await ok(api.get(`/v1/hazards/counters?path=${encodeURIComponent(many.at.village!.path)}`))).open;
    expect(before.total).toBe(30);

    await ok(api.call("POST", `/v1/nodes/${many.at.village!.nodeId}/move`, { parentId: many.otherTown.nodeId }));
    const items: Json[] = [];
    let cursor: string | null = null;
    do {
      const page = await ok(api.get(`/v1/hazards?path=${encodeURIComponent(many.otherTown.path)}&limit=50${cursor ? `&cursor=${cursor}` : ""}`));
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    expect(items.map((s) => s.hazardId).sort()).toEqual([...created].sort());
    expect((await ok(api.get(`/v1/hazards?path=${encodeURIComponent(many.at.town!.path)}`))).items).toEqual([]);
    expect((await ok(api.get(`/v1/hazards/counters?path=${encodeURIComponent(many.otherTown.path)}`))).open).toEqual(before);
    expect((await ok(api.get(`/v1/hazards/counters?path=${encodeURIComponent(many.at.town!.path)}`))).open.total).toBe(0);
  });
});
