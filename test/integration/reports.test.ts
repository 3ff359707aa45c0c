import { beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { Hazards, Inspections, Reports, tenantDb, withActor, withRequest, type Actor } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, userAt } from "../support/tenants.ts";
import { county, type Json } from "./venues-fixtures.ts";

// Response times per handling body and per node, read back from the xlsx the
// API hands out, against figures worked out by hand from hazards seeded with
// an injected clock in two towns and two bodies; and the two ledgers.

const app = testApp(testDb());
const profile = getPreset("songjiang")!;
const TZ = "Asia/Shanghai";
const DAY = 86_400_000;
// The profile takes effect at signup, so the seeded hazards lie ahead: in the
// calendar month after next (local), whatever day the suite runs.
const MONTH = Hazards.localMonth(new Date(Date.now() + 62 * DAY), TZ);
const FIRST = `${MONTH}-01`;
const NEXT_FIRST = Hazards.localDate(new Date(Hazards.startOfLocalDay(FIRST, TZ).getTime() + 40 * DAY), TZ).slice(0, 7) + "-01";
const LAST = Hazards.addDays(NEXT_FIRST, -1);
/** Noon in Shanghai on a day of that month, plus whole days. */
const march = (day: number, plusDays = 0) => new Date(Hazards.startOfLocalDay(`${MONTH}-${String(day).padStart(2, "0")}`, TZ).getTime() + 12 * 3_600_000 + plusDays * DAY);
const dayOf = (day: number, plusDays = 0) => Hazards.localDate(march(day, plusDays), TZ);
const LOOP = ["register", "dispatch", "start", "submit", "close"] as const;
const NEXT: Record<string, (typeof LOOP)[number]> = { discovered: "register", registered: "dispatch", dispatched: "start", rectifying: "submit", verifying: "close" };

type Place = { nodeId: string; path: string };
type County = Awaited<ReturnType<typeof county>>;

function officerOf(tenantId: string, town: Place): Actor {
  return { type: "user", tenantId, userId: `officer-${town.nodeId}`, role: "town_officer", scopeNodeId: town.nodeId, scopePath: town.path, sessionId: "reports" };
}

/** A hazard found at `at` by the town's officer at `created`, taken round the loop and closed at `closed` (or left where `openAt` says). */
async function seed(officer: Actor, at: Place, severity: "general" | "major", created: Date, closed?: Date, text = "楼道堆放杂物") {
  const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: `seed-${created.getTime()}` }, () => withActor(officer, fn));
  let h: { hazardId: string; state: string } = await as(() => Hazards.createHazard({ nodeId: at.nodeId, code: "three_in_one", severity, description: text, source: "inspection", locationText: "沿街商铺" }, { now: created }));
  if (!closed) return h;
  // Each step a minute apart, the close itself at `closed`.
  let clock = created.getTime();
  while (h.state !== "closed") {
    const action = NEXT[h.state]!;
    clock = action === "close" ? closed.getTime() : clock + 60_000;
    h = await as(() => Hazards.actOnHazard({ action }, h.hazardId, { now: new Date(clock) }));
  }
  return h;
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe("reports", () => {
  let c: County;
  let townB: Place;
  let other: County;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    c = await county(app);
    townB = await addNode(c.tenantId, c.root, "town", "乙镇");
    const officerA = officerOf(c.tenantId, c.town);
    const officerB = officerOf(c.tenantId, townB);
    // 甲镇 (a grid of it), general → 消防办: closed after 1 and 3 days, one left open past its 15-day deadline.
    ids.a1 = (await seed(officerA, c.grid1, "general", march(2), march(2, 1))).hazardId;
    ids.a2 = (await seed(officerA, c.grid1, "general", march(2), march(2, 3))).hazardId;
    ids.a3 = (await seed(officerA, c.grid1, "general", march(2))).hazardId;
    // 乙镇 itself: a general one closed after 2 days; a major one (镇消委) closed after 61 days, past its 60-day deadline.
    ids.b1 = (await seed(officerB, townB, "general", march(10), march(10, 2))).hazardId;
    ids.b2 = (await seed(officerB, townB, "major", march(10), march(10, 61))).hazardId;
    // Outside the period: the day before, and the first minute of the day after (local time).
    await seed(officerB, townB, "general", march(1, -1), march(1, 0));
    await seed(officerB, townB, "general", new Date(Hazards.startOfLocalDay(NEXT_FIRST, TZ).getTime() + 30_000));
    // Another tenant's hazard in the same period is never counted.
    other = await county(app);
    await seed(officerOf(other.tenantId, other.town), other.grid1, "general", march(5), march(5, 1));
  }, 120_000);

  const period = { from: FIRST, to: LAST };

  it("songjiang 六(二)1: the response-time xlsx reads back with the hand-computed totals per body and per node", async () => {
    const res = await c.admin.client.get(`/v1/reports/response-times?${q({ ...period, path: c.root.path, format: "xlsx" })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const bytes = Buffer.from(await res.arrayBuffer());
    const bodies = (await readSheet(bytes, "按办理部门")) as unknown[][];
    const nodes = (await readSheet(bytes, "按区域")) as unknown[][];
    const header = bodies[0]!;
    expect(header.slice(0, 4)).toEqual(["办理部门", "受理数", "立案数", "撤销数"]);
    const col = (name: string) => header.indexOf(name);
    const rowOf = (sheet: unknown[][], name: string) => {
      const row = sheet.find((r) => r[0] === name);
      expect(row, name).toBeDefined();
      return (h: string) => row![col(h)];
    };
    const office = rowOf(bodies, "消防安全管理办公室（消防办）");
    const committee = rowOf(bodies, profile.bodies.find((b) => b.id === "town_committee")!.name.zh);
    const total = rowOf(bodies, "合计");
    // 消防办: a1 (1 day), a2 (3), a3 (open, overdue), b1 (2): median of 1,2,3 is 2 (2nd of 3), p90 the 3rd.
    expect([office("受理数"), office("结案数"), office("按期结案"), office("超期结案"), office("未结案"), office("当前超期")]).toEqual([4, 3, 3, 0, 1, 0]);
    expect([office("结案用时中位数（天）"), office("结案用时90分位（天）")]).toEqual([2, 3]);
    // 镇消委: b2, closed late after 61 days.
    expect([committee("受理数"), committee("结案数"), committee("按期结案"), committee("超期结案"), committee("结案用时中位数（天）")]).toEqual([1, 1, 0, 1, 61]);
    // Total: 1, 2, 3, 61 → median the 2nd (2), p90 the 4th (61). a3 was never registered (still 发现).
    expect([total("受理数"), total("立案数"), total("结案数"), total("超期结案"), total("未结案"), total("结案用时中位数（天）"), total("结案用时90分位（天）")]).toEqual([5, 4, 4, 1, 1, 2, 61]);

    const townA = rowOf(nodes, "甲镇");
    const townBRow = rowOf(nodes, "乙镇");
    expect([townA("受理数"), townA("结案数"), townA("未结案"), townA("结案用时中位数（天）"), townA("结案用时90分位（天）")]).toEqual([3, 2, 1, 1, 3]);
    expect([townBRow("受理数"), townBRow("结案数"), townBRow("超期结案"), townBRow("结案用时中位数（天）"), townBRow("结案用时90分位（天）")]).toEqual([2, 2, 1, 2, 61]);
    expect(rowOf(nodes, "合计")("受理数")).toBe(5);
  });

  it("answers the same figures as JSON, and a town's own report holds only its subtree", async () => {
    const all = await expectStatus<Json>(c.admin.client.get(`/v1/reports/response-times?${q({ ...period, path: c.root.path })}`), 200);
    expect(all.total).toMatchObject({ received: 5, closed: 4, closedOnTime: 3, closedLate: 1, open: 1, overdueNow: 0, medianDaysToClose: 2, p90DaysToClose: 61 });
    expect(all.ackRule).toMatchObject({ days: 1, sourceRef: null });
    expect(all.byNode.map((r: Json) => r.name.zh)).toEqual(["甲镇", "乙镇"]);
    const a = await expectStatus<Json>(c.admin.client.get(`/v1/reports/response-times?${q({ ...period, path: c.town.path })}`), 200);
    expect(a.total).toMatchObject({ received: 3, closed: 2 });
    // 甲镇's own report is per child: its village.
    expect(a.byNode.map((r: Json) => r.name.zh)).toEqual(["甲村"]);
  });

  it("counts an open hazard past its deadline as overdue now (clock injected: the 15-day deadline of a3 has passed)", async () => {
    const admin: Actor = { type: "user", tenantId: c.tenantId, userId: c.admin.tenant.adminUserId, role: "tenant_admin", scopeNodeId: c.root.nodeId, scopePath: c.root.path, sessionId: "reports" };
    const later = await withRequest({ requestId: "overdue" }, () => withActor(admin, () => Reports.responseTimes({ ...period }, { now: march(2, 20) })));
    expect(later.total).toMatchObject({ open: 1, overdueNow: 1 });
    expect(later.byBody.find((r) => r.key === "town_office")).toMatchObject({ overdueNow: 1 });
    expect(later.byNode.find((r) => r.key === c.town.nodeId)).toMatchObject({ overdueNow: 1 });
    const before = await withRequest({ requestId: "overdue" }, () => withActor(admin, () => Reports.responseTimes({ ...period }, { now: march(2, 15) })));
    expect(before.total.overdueNow).toBe(0);
  });

  it("never counts another tenant's hazards", async () => {
    const mine = await expectStatus<Json>(other.admin.client.get(`/v1/reports/response-times?${q(period)}`), 200);
    expect(mine.total).toMatchObject({ received: 1, closed: 1 });
    // The first county's path lies outside the other tenant's tree: refused, nothing read.
    const res = await other.admin.client.get(`/v1/reports/response-times?${q({ ...period, path: c.town.path })}`);
    expect(res.status).toBe(403);
  });

  it("refuses a path outside the caller's scope, a bad date and a period over a year, naming the field in both languages", async () => {
    const officer = await userAt(app, c.admin.client, c.tenantId, `rep-${c.tenantId.slice(0, 8)}`, "town_officer", c.town.nodeId);
    const outside = await officer.client.get(`/v1/reports/response-times?${q({ ...period, path: townB.path })}`);
    expect(outside.status).toBe(403);
    const problem = (await outside.json()) as Json;
    expect(problem.errors[0]).toMatchObject({ path: "query.path", code: "report.path_outside_scope", message: "该节点不在您的管辖范围内" });
    const en = await app.request(`/v1/reports/response-times?${q({ ...period, path: townB.path })}`, { headers: { authorization: `Bearer ${officer.token}`, "accept-language": "en" } });
    expect(((await en.json()) as Json).errors[0]).toMatchObject({ path: "query.path", message: "This node is outside your scope" });
    expect((await officer.client.get(`/v1/reports/hazards.xlsx?${q({ ...period, path: townB.path })}`)).status).toBe(403);

    const bad = await c.admin.client.get(`/v1/reports/response-times?${q({ from: "2026-02-30", to: "2026-03-31" })}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).errors[0]).toMatchObject({ path: "query.from" });
    const long = await c.admin.client.get(`/v1/reports/inspections.xlsx?${q({ from: "2026-01-01", to: "2027-01-01" })}`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as Json).errors[0]).toMatchObject({ path: "query.to", message: "统计期间不能超过一年" });
  });

  it("the hazard ledger has one row per hazard of the period, with its cells", async () => {
    const res = await c.admin.client.get(`/v1/reports/hazards.xlsx?${q(period)}`);
    expect(res.status).toBe(200);
    const sheet = (await readSheet(Buffer.from(await res.arrayBuffer()))) as unknown[][];
    expect(sheet[0]).toEqual(["隐患编号", "隐患类别", "隐患描述", "场所", "所在区域", "隐患等级", "状态", "来源", "上报时间", "整改期限", "结案时间", "超期结案", "办理部门"]);
    expect(sheet.length - 1).toBe(5);
    const a1 = sheet.find((r) => r[0] === ids.a1)!;
    const code = profile.hazards.codes.find((x) => x.id === "three_in_one")!.name.zh;
    expect(a1).toEqual([ids.a1, code, "楼道堆放杂物", "沿街商铺", "甲镇/甲村/一网格", "一般火灾隐患", "结案", "检查发现", `${dayOf(2)} 12:00`, dayOf(17), `${dayOf(3)} 12:00`, "否", "消防安全管理办公室（消防办）"]);
    expect(sheet.find((r) => r[0] === ids.b2)![11]).toBe("是");
  });

  it("the inspection ledger has one row per inspection of the period: venue, category, inspector, result, failed items, hazards raised", async () => {
    const shop = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "沿街商铺甲", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const items = Inspections.checklistFor(profile, ["street"]).map((e) =>
      e.itemId === "three_in_one" ? { category: e.category, itemId: e.itemId, result: "fail", note: "二楼住人", severity: "general" } : { category: e.category, itemId: e.itemId, result: "pass" },
    );
    const inspection = await expectStatus<Json>(c.worker1.client.post(`/v1/venues/${shop.venueId}/inspections`, { items }), 201);
    const today = Hazards.localDate(new Date(), TZ);
    const res = await c.admin.client.get(`/v1/reports/inspections.xlsx?${q({ from: today, to: today })}`);
    expect(res.status).toBe(200);
    const sheet = (await readSheet(Buffer.from(await res.arrayBuffer()))) as unknown[][];
    expect(sheet[0]).toEqual(["检查编号", "场所", "所在区域", "检查类别", "检查人", "检查时间", "检查结果", "合格项", "不合格项数", "不合格项", "发现隐患数"]);
    expect(sheet.length - 1).toBe(1);
    const row = sheet[1]!;
    const item = profile.inspectionCategories.flatMap((cat) => cat.checklist).find((i) => i.id === "three_in_one")!.name.zh;
    expect(row[0]).toBe(inspection.inspectionId);
    expect(row.slice(1, 3)).toEqual(["沿街商铺甲", "甲镇/甲村/一网格"]);
    expect(row[6]).toBe("不合格");
    expect(row.slice(7, 11)).toEqual([items.length - 1, 1, item, 1]);
    // Nothing in the seeded month: an empty ledger still has its header.
    const ahead = (await readSheet(Buffer.from(await (await c.admin.client.get(`/v1/reports/inspections.xlsx?${q(period)}`)).arrayBuffer()))) as unknown[][];
    expect(ahead.length).toBe(1);
  });

  it("finds a hazard written before the month lists existed once the daily upkeep has given it its row", async () => {
    const system = { type: "system" as const, tenantId: c.tenantId, job: "reports-test" };
    const received = async () => (await expectStatus<Json>(c.admin.client.get(`/v1/reports/response-times?${q({ ...period, path: c.root.path })}`), 200)).total.received as number;
    // As the data stood before the deploy: b1 has no row in its month's list.
    await withActor(system, async () => {
      const { hazardEntry } = tenantDb().service.entities;
      const { data } = await hazardEntry.query.byList({ tenantId: c.tenantId, list: `opened:${march(10).toISOString().slice(0, 7)}` }).go({ pages: "all" });
      const row = data.find((r) => r.hazardId === ids.b1)!;
      expect(row).toBeDefined();
      await hazardEntry.delete({ tenantId: c.tenantId, list: row.list, order: row.order }).go();
    });
    expect(await received()).toBe(4);
    const upkeep = await Hazards.dashboardRecountJob.forTenant({ tenantId: c.tenantId, timeZone: TZ }, new Date());
    expect(upkeep).toMatchObject({ skipped: 0 });
    expect(upkeep.listRows).toBeGreaterThanOrEqual(7);
    expect(await received()).toBe(5);
    expect(await Hazards.dashboardRecountJob.forTenant({ tenantId: c.tenantId, timeZone: TZ }, new Date())).toMatchObject({ skipped: 1, listRows: 0 });
  });
});
