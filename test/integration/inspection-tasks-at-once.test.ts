import { beforeAll, describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus, upload, everyPage } from "../support/org.ts";
import { xlsx } from "../support/xlsx.ts";
import { county, type Json } from "./venues-fixtures.ts";

// A venue gets the inspection tasks of the current periods in the request
// that creates, imports, reclassifies or moves it (songjiang 六(一): its
// categories' periods), not at the next daily run; the daily job run
// afterwards finds them all and changes no coverage counter.

const app = testApp(testDb());
const profile = getPreset("songjiang")!;
const TZ = "Asia/Shanghai";
type County = Awaited<ReturnType<typeof county>>;
const period = (category: string, which: "coveragePeriod" | "patrolFrequency" = "coveragePeriod") => Inspections.periodOf(profile.inspectionCategories.find((c) => c.id === category)![which]!, new Date(), TZ).key;

const all = (c: County, url: string) => everyPage(c.admin.client, url);

const openTasks = (c: County) => all(c, `/v1/inspection-tasks?nodeId=${c.root.nodeId}`);
const venueTasks = async (c: County, venueId: string) => (await openTasks(c)).filter((t) => t.venueId === venueId).map((t) => `${t.kind} ${t.category} ${t.period} ${t.path}`);

/** Every coverage counter of the county's nodes, as { "<node> <category> <period>": [due, inspected] }. */
async function counters(c: County) {
  const out: Record<string, number[]> = {};
  for (const node of [c.root, c.town, c.village, c.grid1, c.grid2]) {
    for (const r of await all(c, `/v1/coverage/nodes/${node.nodeId}`)) out[`${node.nodeId} ${r.category} ${r.period}`] = [r.due, r.inspected];
  }
  return out;
}

/** The daily job now: it must find every task made already, create none, and leave every counter as it was. */
async function jobChangesNothing(c: County) {
  const before = { tasks: (await openTasks(c)).map((t) => t.taskId).sort(), counters: await counters(c) };
  const run = await Inspections.scheduleTenant(c.tenantId, TZ, new Date());
  expect(run.created).toBe(0);
  expect(run.existing).toBeGreaterThan(0);
  expect((await openTasks(c)).map((t) => t.taskId).sort()).toEqual(before.tasks);
  expect(await counters(c)).toEqual(before.counters);
}

describe("0b: a venue's tasks at once, not at the next daily run", () => {
  let c: County;
  beforeAll(async () => {
    c = await county(app);
  }, 60_000);

  it("songjiang 六(一)2: a street shop created has its coverage task and its town's patrol when the create returns", async () => {
    const shop = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "即时商铺", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    expect(await venueTasks(c, shop.venueId)).toEqual([`coverage street ${period("street")} ${c.grid1.path}`]);
    const patrol = (await openTasks(c)).find((t) => t.kind === "patrol" && t.category === "street");
    expect(patrol).toMatchObject({ subjectId: c.town.nodeId, period: period("street", "patrolFrequency") });
    const root = (await all(c, `/v1/coverage/nodes/${c.root.nodeId}`)).find((r) => r.category === "street" && r.period === period("street"));
    expect(root).toMatchObject({ due: 1, inspected: 0 });
    await jobChangesNothing(c);
  });

  it("an import of 40 venues (two transactions' worth) has the 40 venues' tasks when the import call returns", async () => {
    const rows: (string | number)[][] = [["外部编号", "场所名称", "所在网格", "场所类型"]];
    for (let i = 0; i < 40; i++) rows.push([`AT-${i}`, `导入小区${i}`, `甲镇/甲村/${i % 2 ? "二网格" : "一网格"}`, "住宅小区"]);
    const report = await expectStatus<Json>(upload(app, c.admin.token, "/v1/import/venues", xlsx(rows), "xlsx"), 200);
    expect(report).toMatchObject({ created: 40, errors: [] });
    const venues = (await all(c, `/v1/venues?nodeId=${c.root.nodeId}&category=residential`)).filter((v) => v.externalId?.startsWith("AT-"));
    expect(venues).toHaveLength(40);
    const tasks = (await openTasks(c)).filter((t) => t.category === "residential" && t.period === period("residential"));
    expect(new Set(tasks.map((t) => t.venueId))).toEqual(new Set(venues.map((v) => v.venueId)));
    const village = (await all(c, `/v1/coverage/nodes/${c.village.nodeId}`)).find((r) => r.category === "residential" && r.period === period("residential"));
    expect(village).toMatchObject({ due: 40, inspected: 0 });
    await jobChangesNothing(c);
  }, 120_000);

  it("a venue reclassified: the new category's task is there at once, the one of the category it left is gone, and a move takes the tasks along", async () => {
    const v = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "改类场所", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const due = async (nodeId: string, category: string) => (await all(c, `/v1/coverage/nodes/${nodeId}`)).find((r) => r.category === category && r.period === period(category))?.due ?? 0;
    const before = { street: await due(c.root.nodeId, "street"), residential: await due(c.root.nodeId, "residential") };

    await expectStatus(c.admin.client.patch(`/v1/venues/${v.venueId}`, { kinds: ["self_built_rental"] }), 200);
    expect(await venueTasks(c, v.venueId)).toEqual([`coverage residential ${period("residential")} ${c.grid1.path}`]);
    expect({ street: await due(c.root.nodeId, "street"), residential: await due(c.root.nodeId, "residential") }).toEqual({ street: before.street - 1, residential: before.residential + 1 });

    const grid1 = await due(c.grid1.nodeId, "residential");
    const grid2 = await due(c.grid2.nodeId, "residential");
    await expectStatus(c.admin.client.patch(`/v1/venues/${v.venueId}`, { nodeId: c.grid2.nodeId }), 200);
    expect(await venueTasks(c, v.venueId)).toEqual([`coverage residential ${period("residential")} ${c.grid2.path}`]);
    expect([await due(c.grid1.nodeId, "residential"), await due(c.grid2.nodeId, "residential")]).toEqual([grid1 - 1, grid2 + 1]);
    await jobChangesNothing(c);
  }, 60_000);
});
