import { beforeAll, describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus, everyPage } from "../support/org.ts";
import { addNode, userAt } from "../support/tenants.ts";
import { county, type Json } from "./venues-fixtures.ts";

// A village moved to another town takes its venues along, with their open
// tasks, their inspections and the coverage they count: the old town's
// counters no longer count them, the new town's do, the county's stay.

const app = testApp(testDb());
const profile = getPreset("songjiang")!;
const TZ = "Asia/Shanghai";
type County = Awaited<ReturnType<typeof county>>;

const answers = (categories: string[]) => Inspections.checklistFor(profile, categories).map((e) => ({ category: e.category, itemId: e.itemId, result: "pass" }));

const all = (c: County, url: string) => everyPage(c.admin.client, url);

/** A node's coverage as { "<category> <period>": [due, inspected] }. */
async function coverage(c: County, nodeId: string) {
  const rows = await all(c, `/v1/coverage/nodes/${nodeId}`);
  return Object.fromEntries(rows.filter((r) => r.due !== 0 || r.inspected !== 0).map((r) => [`${r.category} ${r.period}`, [r.due, r.inspected]])) as Record<string, number[]>;
}

describe("moving a node moves its venues, tasks, inspections and coverage", () => {
  let c: County;
  let townB: { nodeId: string; path: string };
  const venues: Json[] = [];

  beforeAll(async () => {
    c = await county(app);
    townB = await addNode(c.tenantId, c.root, "town", "乙镇");
    for (const [i, kind] of ["street_shop", "residential_compound", "construction_site"].entries()) {
      venues.push(await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: `迁移场所${i}`, nodeId: i % 2 ? c.grid2.nodeId : c.grid1.nodeId, kinds: [kind] }), 201));
    }
    await Inspections.scheduleTenant(c.tenantId, TZ, new Date(Date.now() + 60_000));
    const task = (await all(c, `/v1/inspection-tasks?nodeId=${c.root.nodeId}`)).find((t) => t.venueId === venues[0]!.venueId)!;
    // A street shop's task is the town's patrol staff's (songjiang 六(一)2): a town officer performs it.
    const officer = await userAt(app, c.admin.client, c.tenantId, "mv-town-officer", "town_officer", c.town.nodeId);
    await expectStatus(officer.client.post(`/v1/venues/${venues[0]!.venueId}/inspections`, { taskId: task.taskId, items: answers(["street"]) }), 201);
  }, 60_000);

  it("rewrites paths, takes the counts from the old town to the new, and lists everything at the new place", async () => {
    const before = { root: await coverage(c, c.root.nodeId), town: await coverage(c, c.town.nodeId), village: await coverage(c, c.village.nodeId) };
    expect(Object.keys(before.village).length).toBeGreaterThan(0);
    expect(await coverage(c, townB.nodeId)).toEqual({});
    const openBefore = await all(c, `/v1/inspection-tasks?nodeId=${c.village.nodeId}`);
    const doneBefore = await all(c, `/v1/inspection-tasks?nodeId=${c.village.nodeId}&state=done`);
    expect(openBefore.length).toBeGreaterThan(0);
    expect(doneBefore.length).toBeGreaterThan(0);

    const moved = await expectStatus<Json>(c.admin.client.post(`/v1/nodes/${c.village.nodeId}/move`, { parentId: townB.nodeId }), 200);
    const newVillage = `${townB.path}/${c.village.nodeId}`;
    expect(moved.path).toBe(newVillage);
    const at = (path: string) => `${newVillage}${path.slice(c.village.path.length)}`;

    // Venues: their paths follow, and the lists by subtree find them at the new place only.
    for (const v of venues) expect(await expectStatus<Json>(c.admin.client.get(`/v1/venues/${v.venueId}`), 200)).toMatchObject({ path: at(v.path), version: v.version + 1 });
    expect((await all(c, `/v1/venues?nodeId=${townB.nodeId}`)).map((v) => v.venueId).sort()).toEqual(venues.map((v) => v.venueId).sort());
    expect(await all(c, `/v1/venues?nodeId=${c.town.nodeId}`)).toEqual([]);

    // Tasks, open and done: at the new place, answering to the new town where the old one answered.
    const open = await all(c, `/v1/inspection-tasks?nodeId=${townB.nodeId}`);
    expect(open.map((t) => t.taskId).sort()).toEqual(openBefore.map((t) => t.taskId).sort());
    for (const t of open) {
      const was = openBefore.find((b) => b.taskId === t.taskId)!;
      expect(t.path).toBe(at(was.path));
      expect(t.nodeId).toBe(was.nodeId === c.town.nodeId ? townB.nodeId : was.nodeId);
    }
    expect((await all(c, `/v1/inspection-tasks?nodeId=${townB.nodeId}&state=done`)).map((t) => t.path)).toEqual(doneBefore.map((t) => at(t.path)));
    expect((await all(c, `/v1/inspection-tasks?nodeId=${c.town.nodeId}`)).filter((t) => t.venueId)).toEqual([]);
    const inspections = await all(c, `/v1/venues/${venues[0]!.venueId}/inspections`);
    expect(inspections.map((i) => i.path)).toEqual([at(venues[0]!.path)]);

    // Coverage: the village keeps its counts, the old town loses them, the new town gains them, the county is unchanged.
    expect(await coverage(c, c.village.nodeId)).toEqual(before.village);
    expect(await coverage(c, townB.nodeId)).toEqual(before.village);
    const townLeft: Record<string, number[]> = {};
    for (const [k, [due, inspected]] of Object.entries(before.town) as [string, number[]][]) {
      const [d, i] = [due! - (before.village[k]?.[0] ?? 0), inspected! - (before.village[k]?.[1] ?? 0)];
      if (d !== 0 || i !== 0) townLeft[k] = [d, i];
    }
    expect(await coverage(c, c.town.nodeId)).toEqual(townLeft);
    expect(await coverage(c, c.root.nodeId)).toEqual(before.root);
    const [category, period] = Object.keys(before.village)[0]!.split(" ");
    const rows = await all(c, `/v1/coverage?category=${category}&period=${period}&nodeId=${townB.nodeId}`);
    expect(rows.map((r) => r.path)).toEqual(expect.arrayContaining([townB.path, newVillage]));
    expect((await all(c, `/v1/coverage?category=${category}&period=${period}&nodeId=${c.town.nodeId}`)).every((r) => r.nodeId === c.town.nodeId)).toBe(true);

    // And back: everything as it was.
    await expectStatus(c.admin.client.post(`/v1/nodes/${c.village.nodeId}/move`, { parentId: c.town.nodeId }), 200);
    expect(await coverage(c, c.town.nodeId)).toEqual(before.town);
    expect(await coverage(c, townB.nodeId)).toEqual({});
    expect(await coverage(c, c.root.nodeId)).toEqual(before.root);
    expect((await all(c, `/v1/inspection-tasks?nodeId=${c.village.nodeId}`)).map((t) => [t.taskId, t.path, t.nodeId]).sort()).toEqual(openBefore.map((t) => [t.taskId, t.path, t.nodeId]).sort());
    expect((await all(c, `/v1/venues?nodeId=${c.village.nodeId}`)).map((v) => v.path).sort()).toEqual(venues.map((v) => v.path).sort());
  });
});
