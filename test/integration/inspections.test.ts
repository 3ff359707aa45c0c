import { beforeAll, describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { userAt } from "../support/tenants.ts";
import { body, county, type Json } from "./venues-fixtures.ts";
import { partition } from "./hazards-fixtures.ts";

const app = testApp(testDb());
const profile = getPreset("songjiang")!;
const TZ = "Asia/Shanghai";
type County = Awaited<ReturnType<typeof county>>;

const answers = (categories: string[], failed: Record<string, string> = {}) =>
  Inspections.checklistFor(profile, categories).map((e) => ({ category: e.category, itemId: e.itemId, result: e.itemId in failed ? "fail" : "pass", ...(e.itemId in failed ? { note: failed[e.itemId] } : {}) }));

async function openTasks(c: County, nodeId: string) {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Json[]; cursor: string | null } = await expectStatus(c.admin.client.get(`/v1/inspection-tasks?nodeId=${nodeId}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), 200);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

describe("the daily schedule job", () => {
  let c: County;
  const venues: Json[] = [];
  beforeAll(async () => {
    c = await county(app);
    for (const [i, kind] of ["residential_compound", "street_shop", "street_shop", "construction_site"].entries()) {
      venues.push(await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: `场所${i}`, nodeId: i % 2 ? c.grid2.nodeId : c.grid1.nodeId, kinds: [kind] }), 201));
    }
  }, 60_000);

  it("materialises the tasks of new periods for the responsible staff, and running it twice creates nothing new", async () => {
    // The venues got this period's tasks when they were made; the job makes those of the periods that follow.
    // 200 days on, every category (daily, monthly, quarterly, half-yearly) is in a period of its own.
    const now = new Date(Date.now() + 200 * 86_400_000);
    const key = (category: string, which: "coveragePeriod" | "patrolFrequency") => Inspections.periodOf(profile.inspectionCategories.find((x) => x.id === category)![which]!, now, TZ).key;
    const first = await Inspections.scheduleTenant(c.tenantId, TZ, now);
    expect(first).toMatchObject({ venues: 4, created: 5, existing: 0 }); // 4 coverage tasks + 1 daily patrol of the town
    const tasks = (await openTasks(c, c.root.nodeId)).filter((t) => t.dueAt > new Date(now.getTime() - 86_400_000).toISOString());
    expect(tasks.map((t) => [t.kind, t.category, t.period, t.nodeId]).sort()).toEqual(
      [
        ["coverage", "major_unit", key("major_unit", "coveragePeriod"), c.town.nodeId],
        ["coverage", "residential", key("residential", "coveragePeriod"), c.village.nodeId],
        ["coverage", "street", key("street", "coveragePeriod"), c.town.nodeId],
        ["coverage", "street", key("street", "coveragePeriod"), c.town.nodeId],
        ["patrol", "street", key("street", "patrolFrequency"), c.town.nodeId],
      ].sort(),
    );

    const second = await Inspections.scheduleTenant(c.tenantId, TZ, new Date(now.getTime() + 1000));
    expect(second).toMatchObject({ created: 0, existing: 5 });
    expect(await openTasks(c, c.root.nodeId)).toHaveLength(10); // this period's five, made with the venues, and the five of 200 days on

    const coverage = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage/nodes/${c.root.nodeId}`), 200);
    expect(coverage.items.find((r) => r.category === "street" && r.period === key("street", "coveragePeriod"))).toMatchObject({ due: 2, inspected: 0, percent: 0 });
  });

  it("drops a retired venue's open tasks and takes back its due count", async () => {
    const gone = venues[1]!;
    await expectStatus(c.admin.client.post(`/v1/venues/${gone.venueId}/retire`, {}), 200);
    const tasks = await openTasks(c, c.root.nodeId);
    expect(tasks.some((t) => t.venueId === gone.venueId)).toBe(false);
    const third = await Inspections.scheduleTenant(c.tenantId, TZ, new Date(Date.now() + 120_000));
    expect(third.created).toBe(0);
    const coverage = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage/nodes/${c.root.nodeId}`), 200);
    expect(coverage.items.find((r) => r.category === "street" && r.kind !== "patrol")).toMatchObject({ due: 1 });
  });
});

describe("task lists", () => {
  it("come soonest due first from the query, across pages, for the root, a town, a village and a grid", async () => {
    const c = await county(app);
    for (const [i, kind] of ["street_shop", "residential_compound", "street_shop", "construction_site"].entries()) {
      await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: `排序${i}`, nodeId: i % 2 ? c.grid1.nodeId : c.grid2.nodeId, kinds: [kind] }), 201);
    }
    // Three runs a month and more apart: tasks of three periods, each grid's in path order before the next grid's.
    const start = Date.now() + 60_000;
    for (const days of [0, 40, 80]) await Inspections.scheduleTenant(c.tenantId, TZ, new Date(start + days * 86_400_000));
    const listed = async (nodeId: string) => {
      const items: Json[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Json[]; cursor: string | null } = await expectStatus(c.admin.client.get(`/v1/inspection-tasks?nodeId=${nodeId}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), 200);
        items.push(...page.items);
        sizes.push(page.items.length);
        cursor = page.cursor;
      } while (cursor);
      return { items, sizes };
    };
    const root = await listed(c.root.nodeId);
    expect(new Set(root.items.map((t) => t.dueAt)).size).toBeGreaterThanOrEqual(3);
    for (const [node, path] of [[c.root.nodeId, c.root.path], [c.town.nodeId, c.town.path], [c.village.nodeId, c.village.path], [c.grid1.nodeId, c.grid1.path]] as const) {
      const { items, sizes } = await listed(node);
      const dues = items.map((t) => t.dueAt);
      expect(dues, node).toEqual([...dues].sort());
      expect(sizes.slice(0, -1).every((n) => n === 3), sizes.join(",")).toBe(true);
      // Exactly the subtree's tasks, each once.
      const expected = root.items.filter((t) => t.path === path || t.path.startsWith(`${path}/`)).map((t) => t.taskId).sort();
      expect(items.map((t) => t.taskId).sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
    // The path order would not have been the due order.
    const byPath = [...root.items].sort((a, b) => a.path.localeCompare(b.path)).map((t) => t.dueAt);
    expect(byPath).not.toEqual([...byPath].sort());
  });
});

describe("a field inspection", () => {
  let c: County;
  let shop: Json;
  let plant: Json;
  let officer: Awaited<ReturnType<typeof userAt>>;
  beforeAll(async () => {
    c = await county(app);
    shop = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "沿街商铺甲", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    plant = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "工地乙", nodeId: c.grid1.nodeId, kinds: ["construction_site"] }), 201);
    await Inspections.scheduleTenant(c.tenantId, TZ, new Date(Date.now() + 60_000));
    // Street tasks are the town's patrol staff's (songjiang 六(一)2).
    officer = await userAt(app, c.admin.client, c.tenantId, "in-town-officer", "town_officer", c.town.nodeId);
  }, 60_000);

  it("opens a task with every applicable checklist, including the categories it includes", async () => {
    const task = (await openTasks(c, c.root.nodeId)).find((t) => t.venueId === plant.venueId)!;
    const opened = await expectStatus<Json>(c.worker1.client.get(`/v1/inspection-tasks/${task.taskId}`), 200);
    expect(opened.checklist.categories.map((x: Json) => x.id)).toEqual(["major_unit", "street"]);
    expect(opened.checklist.items).toHaveLength(Inspections.checklistFor(profile, ["major_unit"]).length);
  });

  it("records a visit with two failed items and their two hazards, linked to it, in one transaction", async () => {
    const items = answers(["street"], { three_in_one: "二楼住人", escape_route_blocked: "楼梯堆放杂物" });
    const task = (await openTasks(c, c.root.nodeId)).find((t) => t.venueId === shop.venueId)!;
    const inspection = await expectStatus<Json>(officer.client.post(`/v1/venues/${shop.venueId}/inspections`, { taskId: task.taskId, items }), 201);
    expect(inspection.failed).toBe(2);
    expect(inspection.hazardIds).toHaveLength(2);
    const failed = inspection.items.filter((i: Json) => i.result === "fail");
    expect(failed.map((i: Json) => [i.itemId, i.hazardCode])).toEqual([
      ["three_in_one", "three_in_one"],
      ["escape_route_blocked", "escape_route_blocked"],
    ]);

    for (const item of failed) {
      const items = await partition(`T#${c.tenantId}#HZ#${item.hazardId}`);
      const hazard = items.find((i) => i.sk!.S === "HAZARD")!;
      const doc = hazard.doc!.M!;
      expect(doc.source!.S).toBe("inspection");
      expect(doc.venueId!.S).toBe(shop.venueId);
      expect(doc.code!.S).toBe(item.hazardCode);
      const created = items.find((i) => i.sk!.S!.startsWith("TL#"))!;
      expect(created.details!.M!.inspectionId!.S).toBe(inspection.inspectionId);
      expect(created.details!.M!.checklistItem!.S).toBe(item.itemId);
    }

    const stored = await expectStatus<Json>(c.admin.client.get(`/v1/venues/${shop.venueId}/inspections/${inspection.inspectionId}`), 200);
    expect(stored.hazardIds).toEqual(inspection.hazardIds);
    const done = await expectStatus<Json>(c.admin.client.get(`/v1/inspection-tasks/${task.taskId}`), 200);
    expect(done.task).toMatchObject({ state: "done", inspectionId: inspection.inspectionId });
    expect((await openTasks(c, c.root.nodeId)).map((t) => t.taskId)).not.toContain(task.taskId);
    const cov = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage/nodes/${c.grid1.nodeId}`), 200);
    expect(cov.items.find((r) => r.category === "street")).toMatchObject({ due: 1, inspected: 1, percent: 100 });
    const byPeriod = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage?category=street&period=${task.period}&nodeId=${c.village.nodeId}`), 200);
    expect(byPeriod.items.map((r) => [r.nodeId, r.inspected])).toEqual([[c.village.nodeId, 1], [c.grid1.nodeId, 1]]);

    // A second visit in the same period does not count the venue twice.
    await expectStatus(c.worker1.client.post(`/v1/venues/${shop.venueId}/inspections`, { items: answers(["street"]) }), 201);
    const cov2 = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage/nodes/${c.grid1.nodeId}`), 200);
    expect(cov2.items.find((r) => r.category === "street")).toMatchObject({ due: 1, inspected: 1 });
  });

  it("refuses more failed items than one transaction holds, with a 400 naming the limit, and writes nothing", async () => {
    const all = Object.fromEntries(Inspections.checklistFor(profile, ["major_unit"]).map((e) => [e.itemId, "不合格"]));
    const before = await partition(`T#${c.tenantId}#V#${plant.venueId}`);
    const res = await body(c.admin.client.post(`/v1/venues/${plant.venueId}/inspections`, { items: answers(["major_unit"], all) }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("inspection.too_many_failures");
    expect(res.body.errors[0].path).toBe("body.items");
    expect(await partition(`T#${c.tenantId}#V#${plant.venueId}`)).toEqual(before);
  });

  it("answers 400 naming the item for an answer not on the checklist or a checklist left incomplete", async () => {
    const items = answers(["street"]);
    const res = await body(c.worker1.client.post(`/v1/venues/${shop.venueId}/inspections`, { items: [...items.slice(1), { category: "street", itemId: "no_such_item", result: "pass" }] }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path)).toEqual([`body.items[${items.length - 1}].itemId`, "body.items"]);
  });

  it("lets no viewer inspect, and a grid worker only in their own grid", async () => {
    const items = answers(["street"]);
    expect((await body(c.viewer.client.post(`/v1/venues/${shop.venueId}/inspections`, { items }))).status).toBe(403);
    expect((await body(c.worker2.client.post(`/v1/venues/${shop.venueId}/inspections`, { items }))).status).toBe(403);
    expect((await body(c.worker2.client.post(`/v1/venues/${shop.venueId}/photos`, { contentType: "image/jpeg", size: 1000 }))).status).toBe(403);
    expect((await body(c.worker1.client.get(`/v1/venues/${shop.venueId}/inspections`))).status).toBe(200);
  });
});

describe("venue photos", () => {
  let c: County;
  let shop: Json;
  beforeAll(async () => {
    process.env.FILES_BUCKET ??= "firegov-files-test";
    process.env.S3_ENDPOINT ??= "http://127.0.0.1:9";
    c = await county(app);
    shop = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "商铺丙", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
  }, 60_000);

  it("hands out a presigned upload under the tenant's and venue's prefix, for images of limited size only", async () => {
    const up = await expectStatus<Json>(c.worker1.client.post(`/v1/venues/${shop.venueId}/photos`, { contentType: "image/png", size: 2048 }), 201);
    expect(up.key.startsWith(`t/${c.tenantId}/venues/${shop.venueId}/`)).toBe(true);
    expect(up.uploadUrl).toContain("X-Amz-Signature");
    // Type and length are signed: S3 refuses an upload of another type or size.
    expect(decodeURIComponent(up.uploadUrl)).toMatch(/X-Amz-SignedHeaders=[^&]*content-length;content-type/);
    expect(up.headers).toEqual({ "content-type": "image/png", "content-length": "2048" });
    expect((await body(c.worker1.client.post(`/v1/venues/${shop.venueId}/photos`, { contentType: "image/gif", size: 10 }))).status).toBe(400);
    expect((await body(c.worker1.client.post(`/v1/venues/${shop.venueId}/photos`, { contentType: "image/jpeg", size: 50 * 1024 * 1024 }))).status).toBe(400);

    const link = await expectStatus<Json>(c.worker1.client.get(`/v1/venues/${shop.venueId}/photos/${up.photoId}`), 200);
    expect(link.key).toBe(up.key);
    expect((await body(c.worker2.client.get(`/v1/venues/${shop.venueId}/photos/${up.photoId}`))).status).toBe(403);
  });

  it("accepts only this venue's photos on an inspection item", async () => {
    const items = answers(["street"]).map((i, n) => (n === 0 ? { ...i, photos: [`t/${c.tenantId}/venues/other/x.jpg`] } : i));
    const res = await body(c.worker1.client.post(`/v1/venues/${shop.venueId}/inspections`, { items }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("body.items[0].photos[0]");
  });
});
