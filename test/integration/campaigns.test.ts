import { beforeAll, describe, expect, it } from "vitest";
import { Campaigns, Inspections, tenantDb, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, adminOf, userAt } from "../support/tenants.ts";
import { partition } from "./hazards-fixtures.ts";
import { county, type Json } from "./venues-fixtures.ts";

// Campaigns (专项整治): songjiang 五(一)4 (the town committee leads area
// campaigns) and 六(二)3 (heavier checks around holidays and major events),
// yancheng (十二) (the county committee's cross-area 推磨式 checks).

const app = testApp(testDb());
const TZ = "Asia/Shanghai";
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
type County = Awaited<ReturnType<typeof county>>;

/** A county (songjiang) with a second town, and venues of two kinds in the first town and one in the second. */
async function place() {
  const c = await county(app);
  const town2 = await addNode(c.tenantId, c.root, "town", "乙镇");
  const village2 = await addNode(c.tenantId, town2, "village", "乙村");
  const venue = (name: string, nodeId: string, kind: string) => expectStatus<Json>(c.admin.client.post("/v1/venues", { name, nodeId, kinds: [kind] }), 201);
  const shopA = await venue("沿街商铺甲", c.grid1.nodeId, "street_shop");
  const shopB = await venue("沿街商铺乙", c.grid2.nodeId, "street_shop");
  const homes = await venue("住宅小区丙", c.grid1.nodeId, "residential_compound");
  const shopD = await venue("沿街商铺丁", village2.nodeId, "street_shop");
  const officer2 = await userAt(app, c.admin.client, c.tenantId, `o2-${c.tenantId}`, "town_officer", town2.nodeId);
  const officer1 = await userAt(app, c.admin.client, c.tenantId, `o1-${c.tenantId}`, "town_officer", c.town.nodeId);
  return { c, town2, village2, shopA, shopB, homes, shopD, officer1, officer2 };
}
type Place = Awaited<ReturnType<typeof place>>;

const holiday = (c: County, extra: Json = {}) => ({
  name: { zh: "春节期间消防安全专项整治", en: "Spring Festival campaign" },
  startDate: today(),
  endDate: addDays(today(), 7),
  areaNodeId: c.town.nodeId,
  target: { kinds: ["street_shop"] },
  adopt: [{ category: "street", itemId: "three_in_one" }],
  custom: [{ name: { zh: "烟花爆竹违规储存" }, hazardCode: "fireworks" }],
  ...extra,
});

async function tasksOf(client: County["admin"]["client"], nodeId: string, state = "open") {
  const page = await expectStatus<{ items: Json[] }>(client.get(`/v1/inspection-tasks?nodeId=${nodeId}&state=${state}&limit=200`), 200);
  return page.items.filter((t) => t.kind === "campaign");
}

const answers = (checklist: Json[], fail: Record<string, Json> = {}) =>
  checklist.map((e) => (e.itemId in fail ? { category: e.category, itemId: e.itemId, result: "fail", ...fail[e.itemId] } : { category: e.category, itemId: e.itemId, result: "pass" }));

describe("a campaign in a town (songjiang 五(一)4, 六(二)3)", () => {
  let p: Place;
  let campaign: Json;
  let tasks: Json[];

  beforeAll(async () => {
    p = await place();
    campaign = await expectStatus<Json>(p.officer1.client.post("/v1/campaigns", holiday(p.c)), 201);
    tasks = await tasksOf(p.c.admin.client, p.c.root.nodeId);
  }, 60_000);

  it("songjiang 五(一)4: setting it up makes one task at once per venue of the target kinds in the area, and none elsewhere", () => {
    expect(campaign.state).toBe("active");
    expect(campaign.status).toBe("running");
    expect(campaign.tasks).toBe(2);
    expect(tasks.map((t) => t.venueId).sort()).toEqual([p.shopA.venueId, p.shopB.venueId].sort());
    // Not the residential compound (another kind), not the shop of the other town (outside the area).
    expect(tasks.map((t) => t.venueId)).not.toContain(p.homes.venueId);
    expect(tasks.map((t) => t.venueId)).not.toContain(p.shopD.venueId);
    expect(tasks.every((t) => t.title.zh === "春节期间消防安全专项整治" && t.dueAt > new Date().toISOString())).toBe(true);
  });

  it("keys its tasks apart from the regular schedule's (venue.campaign.period), and parseTaskId reads them", async () => {
    const task = tasks.find((t) => t.venueId === p.shopA.venueId)!;
    expect(task.taskId).toBe(`${p.shopA.venueId}.${campaign.campaignId}.${campaign.startDate}~${campaign.endDate}`);
    expect(Inspections.parseTaskId(task.taskId)).toEqual({ subjectId: p.shopA.venueId, category: campaign.campaignId, period: `${campaign.startDate}~${campaign.endDate}` });
    // The shop's regular coverage task sits beside it (made when the venue was), and the daily schedule makes no second one.
    await Inspections.scheduleTenant(p.c.tenantId, TZ, new Date(Date.now() + 60_000));
    const all = await expectStatus<{ items: Json[] }>(p.c.admin.client.get(`/v1/inspection-tasks?nodeId=${p.c.root.nodeId}&limit=200`), 200);
    const shopA = all.items.filter((t) => t.venueId === p.shopA.venueId);
    expect(shopA.map((t) => t.kind).sort()).toEqual(["campaign", "coverage"]);
  });

  it("opening a task shows the campaign's checklist: the adopted item with its code, and its own item", async () => {
    const task = tasks.find((t) => t.venueId === p.shopA.venueId)!;
    const opened = await expectStatus<Json>(p.c.worker1.client.get(`/v1/inspection-tasks/${task.taskId}`), 200);
    expect(opened.checklist.items.map((i: Json) => [i.category, i.itemId, i.hazardCode])).toEqual([
      [campaign.campaignId, "street-three_in_one", "three_in_one"],
      [campaign.campaignId, "custom-1", "fireworks"],
    ]);
    expect(opened.checklist.categories).toEqual([{ id: campaign.campaignId, name: { zh: "春节期间消防安全专项整治", en: "Spring Festival campaign" } }]);
  });

  it("a visit must answer the campaign's checklist, not the venue's own", async () => {
    const task = tasks.find((t) => t.venueId === p.shopA.venueId)!;
    const regular = (await expectStatus<Json>(p.c.worker1.client.get(`/v1/venues/${p.shopA.venueId}/checklist`), 200)).items;
    const res = await p.c.worker1.client.post(`/v1/venues/${p.shopA.venueId}/inspections`, { taskId: task.taskId, items: answers(regular) });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Json;
    expect(problem.errors.map((e: Json) => e.code)).toContain("inspection.item_unknown");
  });

  it("songjiang 六(二)3: a failed campaign item raises a hazard with the item's code; progress counts the visit and the hazard by branch", async () => {
    const task = tasks.find((t) => t.venueId === p.shopA.venueId)!;
    const opened = await expectStatus<Json>(p.c.worker1.client.get(`/v1/inspection-tasks/${task.taskId}`), 200);
    const inspection = await expectStatus<Json>(
      p.c.worker1.client.post(`/v1/venues/${p.shopA.venueId}/inspections`, { taskId: task.taskId, items: answers(opened.checklist.items, { "street-three_in_one": { note: "二楼住人", severity: "general" } }) }),
      201,
    );
    expect(inspection.categories).toEqual([campaign.campaignId]);
    expect(inspection.taskIds).toEqual([task.taskId]);
    expect(inspection.hazardIds).toHaveLength(1);
    const hazard = (await partition(`T#${p.c.tenantId}#HZ#${inspection.hazardIds[0]}`)).find((i) => i.sk!.S === "HAZARD")!.doc!.M!;
    expect(hazard.code!.S).toBe("three_in_one");
    expect(hazard.source!.S).toBe("inspection");

    const progress = await expectStatus<Json>(p.c.viewer.client.get(`/v1/campaigns/${campaign.campaignId}`), 200);
    expect(progress.totals).toEqual({ tasks: 2, done: 1, hazards: 1 });
    expect(progress.byNode).toEqual([{ nodeId: p.c.village.nodeId, name: "甲村", tasks: 2, done: 1, hazards: 1 }]);
    const open = await tasksOf(p.c.admin.client, p.c.root.nodeId);
    expect(open.map((t) => t.venueId)).toEqual([p.shopB.venueId]);
  });

  it("a custom item with the code “other” raises a hazard described by the item's name", async () => {
    const other = await expectStatus<Json>(p.c.admin.client.post("/v1/campaigns", holiday(p.c, { name: { zh: "其他项测试" }, adopt: [], custom: [{ name: { zh: "灭火器过期" }, hazardCode: "other" }] })), 201);
    const task = (await tasksOf(p.c.admin.client, p.c.root.nodeId)).find((t) => t.category === other.campaignId && t.venueId === p.shopB.venueId)!;
    const inspection = await expectStatus<Json>(
      p.c.worker2.client.post(`/v1/venues/${p.shopB.venueId}/inspections`, { taskId: task.taskId, items: [{ category: other.campaignId, itemId: "custom-1", result: "fail" }] }),
      201,
    );
    const hazard = (await partition(`T#${p.c.tenantId}#HZ#${inspection.hazardIds[0]}`)).find((i) => i.sk!.S === "HAZARD")!.doc!.M!;
    expect([hazard.code!.S, hazard.codeText!.S]).toEqual(["other", "灭火器过期"]);
    await expectStatus(p.c.admin.client.post(`/v1/campaigns/${other.campaignId}/close`), 200);
  });

  it("closing stores and shows the summary: tasks, visits, venues not visited, hazards raised and closed; open tasks leave the lists", async () => {
    // The hazard raised is fixed on the spot and closed before the campaign closes.
    const progress = await expectStatus<Json>(p.c.admin.client.get(`/v1/campaigns/${campaign.campaignId}`), 200);
    expect(progress.campaign.summary).toBeUndefined();
    const inspections = await expectStatus<{ items: Json[] }>(p.c.admin.client.get(`/v1/venues/${p.shopA.venueId}/inspections`), 200);
    const hazardId = inspections.items.find((i) => i.categories[0] === campaign.campaignId)!.hazardIds[0];
    await expectStatus(p.officer1.client.post(`/v1/hazards/${hazardId}/transitions`, { action: "fix_on_spot", photos: [`t/${p.c.tenantId}/hazards/test/fixed.jpg`] }), 200);
    await expectStatus(p.officer1.client.post(`/v1/hazards/${hazardId}/transitions`, { action: "close" }), 200);

    const closed = await expectStatus<Json>(p.officer1.client.post(`/v1/campaigns/${campaign.campaignId}/close`), 200);
    expect(closed.state).toBe("closed");
    expect(closed.closeReason).toBe("admin");
    expect(closed.summary).toMatchObject({ tasks: 2, done: 1, notVisited: 1, hazardsRaised: 1, hazardsClosed: 1, hazardsOpen: 0, reason: "admin" });
    expect(closed.summary.venuesNotVisited).toEqual([{ venueId: p.shopB.venueId, name: "沿街商铺乙", nodeId: p.c.village.nodeId, path: p.shopB.path }]);
    expect(closed.summary.byNode).toEqual([{ nodeId: p.c.village.nodeId, name: "甲村", tasks: 2, done: 1, notVisited: 1, hazardsRaised: 1, hazardsClosed: 1 }]);

    // Stored: read back, and closing again answers the same summary.
    const read = await expectStatus<Json>(p.c.viewer.client.get(`/v1/campaigns/${campaign.campaignId}`), 200);
    expect(read.campaign.summary).toEqual(closed.summary);
    expect((await expectStatus<Json>(p.c.admin.client.post(`/v1/campaigns/${campaign.campaignId}/close`), 200)).summary).toEqual(closed.summary);
    expect((await tasksOf(p.c.admin.client, p.c.root.nodeId)).filter((t) => t.category === campaign.campaignId)).toEqual([]);
    const listed = await expectStatus<{ items: Json[] }>(p.c.admin.client.get("/v1/campaigns?state=closed"), 200);
    expect(listed.items.map((c) => c.campaignId)).toContain(campaign.campaignId);
  });

  it("a closed campaign's task can no longer be performed (409)", async () => {
    const done = tasks.find((t) => t.venueId === p.shopA.venueId)!;
    const res = await p.c.worker1.client.post(`/v1/venues/${p.shopA.venueId}/inspections`, { taskId: done.taskId, items: [] });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).code).toBe("campaign.closed");
  });
});

describe("who may set up a campaign, and where", () => {
  let p: Place;
  beforeAll(async () => {
    p = await place();
  }, 60_000);

  it("a town officer may not set one up in another town, a grid worker nowhere; a viewer reads", async () => {
    expect((await p.officer2.client.post("/v1/campaigns", holiday(p.c))).status).toBe(403);
    expect((await p.c.worker1.client.post("/v1/campaigns", holiday(p.c))).status).toBe(403);
    const made = await expectStatus<Json>(p.c.admin.client.post("/v1/campaigns", holiday(p.c)), 201);
    await expectStatus(p.c.viewer.client.get(`/v1/campaigns/${made.campaignId}`), 200);
    // The officer of the town inside the campaign's area follows it; the other town's does not see it.
    expect((await p.officer1.client.get(`/v1/campaigns/${made.campaignId}`)).status).toBe(200);
    expect((await p.officer2.client.get(`/v1/campaigns/${made.campaignId}`)).status).toBe(403);
    expect((await p.officer2.client.post(`/v1/campaigns/${made.campaignId}/close`)).status).toBe(403);
    const theirs = await expectStatus<{ items: Json[] }>(p.officer2.client.get("/v1/campaigns"), 200);
    expect(theirs.items.map((c) => c.campaignId)).not.toContain(made.campaignId);
  });

  it("bad input answers 400 naming each field, in Chinese and English", async () => {
    const res = await p.c.admin.client.post(
      "/v1/campaigns",
      holiday(p.c, { endDate: addDays(today(), -3), target: { kinds: ["no_such_kind"] }, adopt: [{ category: "street", itemId: "nope" }], custom: [{ name: { zh: "自定义" }, hazardCode: "nope" }] }),
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Json;
    expect(problem.errors.map((e: Json) => [e.path, e.code]).sort()).toEqual(
      [
        ["body.endDate", "campaign.dates_reversed"],
        ["body.target.kinds[0]", "campaign.target_unknown"],
        ["body.adopt[0].itemId", "campaign.item_unknown"],
        ["body.custom[0].hazardCode", "campaign.hazard_code_unknown"],
      ].sort(),
    );
    const zh = await p.c.admin.client.post("/v1/campaigns", holiday(p.c, { target: {} }));
    expect(zh.status).toBe(400);
    const message = ((await zh.json()) as Json).errors[0].message as string;
    expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("the same Idempotency-Key answers the first campaign and makes its tasks once", async () => {
    const headers = { "idempotency-key": `cmp-${p.c.tenantId}` };
    const first = await expectStatus<Json>(p.c.admin.client.post("/v1/campaigns", holiday(p.c, { name: { zh: "重试" } }), headers), 201);
    const again = await expectStatus<Json>(p.c.admin.client.post("/v1/campaigns", holiday(p.c, { name: { zh: "重试" } }), headers), 201);
    expect(again.campaignId).toBe(first.campaignId);
    const progress = await expectStatus<Json>(p.c.admin.client.get(`/v1/campaigns/${first.campaignId}`), 200);
    expect(progress.totals.tasks).toBe(2);
    expect((await tasksOf(p.c.admin.client, p.c.root.nodeId)).filter((t) => t.category === first.campaignId)).toHaveLength(2);
    expect((await p.c.admin.client.post("/v1/campaigns", holiday(p.c, { name: { zh: "另一个" } }), headers)).status).toBe(409);
  });

  it("another tenant can neither read nor close the campaign: 404", async () => {
    const made = await expectStatus<Json>(p.c.admin.client.post("/v1/campaigns", holiday(p.c)), 201);
    const stranger = await adminOf(app);
    expect((await stranger.client.get(`/v1/campaigns/${made.campaignId}`)).status).toBe(404);
    expect((await stranger.client.post(`/v1/campaigns/${made.campaignId}/close`)).status).toBe(404);
    expect((await stranger.client.get("/v1/campaigns")).status).toBe(200);
    const listed = await expectStatus<{ items: Json[] }>(stranger.client.get("/v1/campaigns"), 200);
    expect(listed.items).toEqual([]);
    expect((await expectStatus<Json>(p.c.admin.client.get(`/v1/campaigns/${made.campaignId}`), 200)).campaign.state).toBe("active");
  });

  it("the templates prefill the form from the tenant's profile (holidays, major events, cross-area)", async () => {
    const { items } = await expectStatus<{ items: Json[] }>(p.c.admin.client.get("/v1/campaign-templates"), 200);
    expect(items.map((t) => t.templateId)).toEqual(expect.arrayContaining(["spring_festival", "national_day", "major_event", "cross_area_rotation"]));
    const spring = items.find((t) => t.templateId === "spring_festival")!;
    expect(spring).toMatchObject({ startDate: today(), endDate: addDays(today(), 29), sourceRef: null });
    // The profile's checklist item of the code is adopted: it has one for fireworks.
    expect(spring.adopt).toContainEqual({ category: "residential", itemId: "fireworks" });
    expect((await p.c.worker1.client.get("/v1/campaign-templates")).status).toBe(403);
  });
});

describe("yancheng (十二): a cross-area (推磨式) campaign of the county", () => {
  let p: Place;
  let campaign: Json;
  beforeAll(async () => {
    p = await place();
    campaign = await expectStatus<Json>(p.c.admin.client.post("/v1/campaigns", holiday(p.c, { areaNodeId: p.c.root.nodeId, crossArea: { mode: "rotate" } })), 201);
  }, 60_000);

  it("each town's venues are tasks of the other town's staff", async () => {
    expect(campaign.groups.map((g: Json) => [g.nodeId, g.inspectors.nodeId]).sort()).toEqual([
      [p.c.town.nodeId, p.town2.nodeId],
      [p.town2.nodeId, p.c.town.nodeId],
    ].sort());
    const town2Tasks = await tasksOf(p.officer2.client, p.town2.nodeId);
    expect(town2Tasks.map((t) => t.venueId).sort()).toEqual([p.shopA.venueId, p.shopB.venueId].sort());
    expect(town2Tasks.every((t) => t.nodeId === p.town2.nodeId)).toBe(true);
    const town1Tasks = await tasksOf(p.officer1.client, p.c.town.nodeId);
    expect(town1Tasks.map((t) => t.venueId)).toEqual([p.shopD.venueId]);
  });

  it("the venue's own grid worker may not perform it; the other town's officer does, and it counts for the venue's town", async () => {
    const task = (await tasksOf(p.officer2.client, p.town2.nodeId)).find((t) => t.venueId === p.shopA.venueId)!;
    const opened = await expectStatus<Json>(p.officer2.client.get(`/v1/inspection-tasks/${task.taskId}`), 200);
    const items = answers(opened.checklist.items);
    expect((await p.c.worker1.client.post(`/v1/venues/${p.shopA.venueId}/inspections`, { taskId: task.taskId, items })).status).toBe(403);
    await expectStatus(p.officer2.client.post(`/v1/venues/${p.shopA.venueId}/inspections`, { taskId: task.taskId, items }), 201);
    const progress = await expectStatus<Json>(p.c.admin.client.get(`/v1/campaigns/${campaign.campaignId}`), 200);
    const town1 = progress.byNode.find((r: Json) => r.nodeId === p.c.town.nodeId);
    expect(town1).toEqual({ nodeId: p.c.town.nodeId, name: "甲镇", inspectors: { nodeId: p.town2.nodeId, name: "乙镇" }, tasks: 2, done: 1, hazards: 0 });
  });

  it("names the branch and the inspectors a pairs assignment gets wrong", async () => {
    const res = await p.c.admin.client.post("/v1/campaigns", holiday(p.c, { areaNodeId: p.c.root.nodeId, crossArea: { mode: "pairs", pairs: [{ venuesIn: p.c.town.nodeId, inspectors: p.c.village.nodeId }, { venuesIn: p.c.grid1.nodeId, inspectors: p.town2.nodeId }] } }));
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Json;
    expect(problem.errors.map((e: Json) => [e.path, e.code])).toEqual([
      ["body.crossArea.pairs[0].inspectors", "campaign.inspectors_invalid"],
      ["body.crossArea.pairs[1].venuesIn", "campaign.not_a_branch"],
    ]);
  });

  it("closes itself with the daily job once its end date has passed", async () => {
    const later = new Date(Date.now() + 9 * 86_400_000);
    const stats = await Campaigns.campaignUpkeep(p.c.tenantId, TZ, later);
    expect(stats.closed).toBe(1);
    const read = await expectStatus<Json>(p.c.admin.client.get(`/v1/campaigns/${campaign.campaignId}`), 200);
    expect(read.campaign.closeReason).toBe("end_date");
    expect(read.campaign.summary).toMatchObject({ tasks: 3, done: 1, notVisited: 2, reason: "end_date" });
    expect(read.campaign.closedBy).toBe("system:campaign-upkeep");
  });
});

describe("an interrupted start", () => {
  it("is finished by the daily job: only the missing tasks are made, each counted once", async () => {
    const p = await place();
    const made = await expectStatus<Json>(p.c.admin.client.post("/v1/campaigns", holiday(p.c)), 201);
    // As if the start had stopped before the last chunk: the campaign still `starting`, a target venue without its task.
    const late = await expectStatus<Json>(p.c.admin.client.post("/v1/venues", { name: "沿街商铺戊", nodeId: p.c.grid2.nodeId, kinds: ["street_shop"] }), 201);
    await withActor({ type: "system", tenantId: p.c.tenantId, job: "test-fixture" }, () =>
      tenantDb().service.entities.campaign.patch({ tenantId: p.c.tenantId, campaignId: made.campaignId }).set({ state: "starting" }).go(),
    );
    const stats = await Campaigns.campaignUpkeep(p.c.tenantId, TZ, new Date());
    expect(stats).toEqual({ resumed: 1, closed: 0 });
    const read = await expectStatus<Json>(p.c.admin.client.get(`/v1/campaigns/${made.campaignId}`), 200);
    expect(read.campaign.state).toBe("active");
    expect(read.campaign.tasks).toBe(3);
    expect(read.totals.tasks).toBe(3);
    const tasks = (await tasksOf(p.c.admin.client, p.c.root.nodeId)).filter((t) => t.category === made.campaignId);
    expect(tasks.map((t) => t.venueId).sort()).toEqual([p.shopA.venueId, p.shopB.venueId, late.venueId].sort());
  }, 60_000);
});
