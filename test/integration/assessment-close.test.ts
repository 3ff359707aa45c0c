import { beforeAll, describe, expect, it } from "vitest";
import { Assessment, Campaigns, Hazards, withActor, withRequest, type Actor } from "@firegov/core";
import { readSheet } from "read-excel-file/node";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, expectStatus, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";

// Songjiang's annual assessment of towns (七(一)) scored for two towns from
// data seeded through the API: the automatic indicators equal the values
// worked out by hand below, a manual indicator carries its note and an
// attachment, totals and ranks follow; then the period is closed and new
// data does not change it, while the live computation would.

const app = testApp(testDb());
const DAY = 86_400_000;
const TZ = "Asia/Shanghai";
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());

type Indicator = { indicatorId: string; method: string; computed: number | null; score: number | null; evidence?: { zh: string }; link?: Record<string, unknown>; entered?: { score: number; note: string; attachments?: string[] } };
type Card = { nodeId: string; name: string; total: number | null; rank: number | null; ranked: number; lagging: boolean; mayScore: boolean; indicators: Indicator[] };
type Cards = { schemeId: string; period: { start: string; end: string }; cards: Card[]; closed?: { closedAt: string; closedBy: string }; mayClose: boolean };
type Admin = Awaited<ReturnType<typeof adminOf>>;

const send = (token: string, method: string, path: string, body?: unknown) =>
  app.request(path, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });

const officerOf = (tenantId: string, town: NodeRef): Actor => ({ type: "user", tenantId, userId: `officer-${town.nodeId}`, role: "town_officer", scopeNodeId: town.nodeId, scopePath: town.path, sessionId: "assessment-close" });
const as = <T>(actor: Actor, fn: () => Promise<T>) => withRequest({ requestId: `close-${Math.random()}` }, () => withActor(actor, fn));

/** A hazard at a town, taken to submitted; closed at once when asked. */
async function hazardAt(tenantId: string, town: NodeRef, close: boolean) {
  const officer = officerOf(tenantId, town);
  const created = await as(officer, () => Hazards.createHazard({ nodeId: town.nodeId, code: "ebike_charging", severity: "general", description: "楼道内电动自行车充电", source: "inspection" }));
  for (const action of ["register", "dispatch", "start", "submit", ...(close ? (["close"] as const) : [])] as const) await as(officer, () => Hazards.actOnHazard({ action }, created.hazardId));
  return created.hazardId;
}

const card = (cards: Cards, town: NodeRef) => cards.cards.find((c) => c.nodeId === town.nodeId)!;
const scores = (c: Card) => Object.fromEntries(c.indicators.map((i) => [i.indicatorId, i.score]));
const weighted = (values: (number | null)[]) => {
  const scored = values.filter((v): v is number => v !== null);
  return Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10; // equal weights (12.5 each)
};

describe("songjiang 七(一): a closed assessment period is an immutable snapshot", () => {
  let admin: Admin;
  let townA: NodeRef;
  let townB: NodeRef;
  let shopB: string;
  let hazardB: string;
  let openA: string;

  type Client = Admin["client"];
  let officerA: Client;
  let officerB: Client;

  /** A visit by the town's officer (who acts as its 街镇巡查人员, 六(一)2): it settles the venue's coverage task. */
  async function inspect(client: Client, venueId: string) {
    const { items } = await expectStatus<{ items: { category: string; itemId: string }[] }>(client.get(`/v1/venues/${venueId}/checklist`), 200);
    await expectStatus(client.post(`/v1/venues/${venueId}/inspections`, { items: items.map((e) => ({ category: e.category, itemId: e.itemId, result: "pass" })) }), 201);
  }

  beforeAll(async () => {
    admin = await adminOf(app, "songjiang");
    townA = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇");
    townB = await addChild(admin.client, admin.tenant.rootNodeId, "乙镇");
    officerA = (await userAt(app, admin.client, admin.tenant.tenantId, `officer-a-${Date.now()}`, "town_officer", townA.nodeId)).client;
    officerB = (await userAt(app, admin.client, admin.tenant.tenantId, `officer-b-${Date.now()}`, "town_officer", townB.nodeId)).client;
    // 甲镇: both duty reports (五(一), 五(二)); 五进 publicity to all five audiences (五(一)7).
    for (const responsibilityId of ["town_committee_duties", "town_office_duties"]) {
      await expectStatus(admin.client.post(`/v1/nodes/${townA.nodeId}/records`, { kind: "duty_report", responsibilityId, date: today(), title: "年度履职报告" }), 201);
    }
    for (const target of ["企业", "农村", "社区", "学校", "家庭"]) {
      await expectStatus(admin.client.post(`/v1/nodes/${townA.nodeId}/records`, { kind: "publicity", obligationId: "five_into_publicity", target, date: today(), title: `消防宣传进${target}` }), 201);
    }
    // Street shops are covered each quarter (六(一)2): 甲镇 has two and inspects one; 乙镇 has one, not inspected.
    const shop = async (town: NodeRef, name: string) => (await expectStatus<{ venueId: string }>(admin.client.post("/v1/venues", { name, nodeId: town.nodeId, kinds: ["street_shop"] }), 201)).venueId;
    const shopA1 = await shop(townA, "甲镇一号店");
    await shop(townA, "甲镇二号店");
    shopB = await shop(townB, "乙镇一号店");
    await inspect(officerA, shopA1);
    // Hazards: 甲镇 closes one in time and leaves one overdue; 乙镇 leaves its one overdue.
    await hazardAt(admin.tenant.tenantId, townA, true);
    openA = await hazardAt(admin.tenant.tenantId, townA, false);
    hazardB = await hazardAt(admin.tenant.tenantId, townB, false);
    await Hazards.sweepTenant(admin.tenant.tenantId, TZ, new Date(Date.now() + 17 * DAY));
  }, 120_000);

  it("songjiang 七(一): the automatic indicators of two towns equal the values worked out by hand; a manual one has its note and attachment; totals and rank follow", async () => {
    process.env.S3_ENDPOINT ??= "http://127.0.0.1:9";
    process.env.FILES_BUCKET ??= "firegov-files-test";
    const upload = await expectStatus<{ key: string }>(send(admin.token, "POST", "/v1/assessment/attachments", { contentType: "image/jpeg", size: 2048 }), 201);
    expect(upload.key.startsWith(`t/${admin.tenant.tenantId}/assessment/`)).toBe(true);
    const foreign = await expectStatus<{ errors: { path: string }[] }>(send(admin.token, "PUT", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "funding", score: 80, note: "x", attachments: ["t/other/assessment/a.jpg"] }), 400);
    expect(foreign.errors[0]!.path).toBe("body.attachments[0]");
    await expectStatus(send(admin.token, "PUT", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "funding", score: 80, note: "年度消防经费已列入预算", attachments: [upload.key] }), 200);
    await expectStatus(send(admin.token, "PUT", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townB.nodeId, indicatorId: "funding", score: 60, note: "经费未足额到位" }), 200);

    const cards = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(cards.closed).toBeUndefined();
    expect(cards.mayClose).toBe(true);
    const a = card(cards, townA);
    const b = card(cards, townB);
    // 甲镇 by hand: duties 2/2 reported → 100; coverage 1 of 2 shops → 50; its empty committee, office and forces → 0;
    // hazards 1 closed in time of 1 closed + 1 overdue → 50; 五进 met, and the yearly training (八(三)) has nobody to train yet (not applicable) → 1/1 → 100; funding 80 (entered).
    expect(scores(a)).toEqual({ responsibility_system: 100, work_plan: 50, management_rules: null, organisation: 0, funding: 80, hazard_governance: 50, publicity_training: 100, incident_handling: 100 });
    // 乙镇 by hand: no duty report → 0; 0 of 1 shop → 0; organisation 0; 0 closed + 1 overdue → 0; neither publicity nor training → 0; funding 60.
    expect(scores(b)).toEqual({ responsibility_system: 0, work_plan: 0, management_rules: null, organisation: 0, funding: 60, hazard_governance: 0, publicity_training: 0, incident_handling: 100 });
    expect(a.indicators.find((i) => i.indicatorId === "work_plan")).toMatchObject({ method: "inspection_coverage", evidence: { zh: "本期应检 2 家次，已检 1 家次" }, link: { kind: "coverage", nodeId: townA.nodeId } });
    expect(a.indicators.find((i) => i.indicatorId === "hazard_governance")!.link).toEqual({ kind: "hazards", nodeId: townA.nodeId, filter: "closed" });
    expect(b.indicators.find((i) => i.indicatorId === "responsibility_system")!.link).toEqual({ kind: "findings", nodeId: townB.nodeId, ruleIds: ["duty.town_committee_duties", "duty.town_office_duties"] });
    expect(a.indicators.find((i) => i.indicatorId === "funding")!.entered).toMatchObject({ score: 80, note: "年度消防经费已列入预算", attachments: [upload.key] });
    // 火灾事故处置 (七(一)): no fire incident in either town this year → 100 each.
    // Totals over the seven scored indicators (equal weights), and the rank.
    expect(a.total).toBe(weighted([100, 50, 0, 80, 50, 100, 100])); // 68.6
    expect(b.total).toBe(weighted([0, 0, 0, 60, 0, 0, 100])); // 22.9
    expect([a.total, b.total]).toEqual([68.6, 22.9]);
    expect([a.rank, b.rank, a.ranked]).toEqual([1, 2, 2]);
    expect(b.lagging).toBe(true);
    // The attachment is linked only through its score.
    const link = await expectStatus<{ url: string }>(admin.client.get(`/v1/assessment/attachments?schemeId=town_annual&period=${cards.period.start}&nodeId=${townA.nodeId}&indicatorId=funding&key=${encodeURIComponent(upload.key)}`), 200);
    expect(link.url).toContain("assessment");
    await expectStatus(admin.client.get(`/v1/assessment/attachments?schemeId=town_annual&period=${cards.period.start}&nodeId=${townB.nodeId}&indicatorId=funding&key=${encodeURIComponent(upload.key)}`), 404);
  });

  it("songjiang 七(一): the closed period keeps its scores while new data comes; scores are refused, a second close is 409", async () => {
    const before = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    const closed = await expectStatus<Cards>(send(admin.token, "POST", "/v1/assessment/schemes/town_annual/close", { period: today() }), 200);
    expect(closed.closed).toMatchObject({ closedBy: expect.any(String) });
    expect(closed.mayClose).toBe(false);
    const strip = (c: Cards) => c.cards.map(({ mayScore: _m, ...rest }) => rest);
    expect(strip(closed)).toEqual(strip(before));

    // New data after closing: 乙镇 reports its duties, inspects its shop and closes its hazard.
    for (const responsibilityId of ["town_committee_duties", "town_office_duties"]) {
      await expectStatus(admin.client.post(`/v1/nodes/${townB.nodeId}/records`, { kind: "duty_report", responsibilityId, date: today(), title: "补交履职报告" }), 201);
    }
    await inspect(officerB, shopB);
    await as(officerOf(admin.tenant.tenantId, townB), () => Hazards.actOnHazard({ action: "close" }, hazardB));

    const after = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(after.closed).toEqual(closed.closed);
    expect(strip(after)).toEqual(strip(before));
    expect(after.cards.every((c) => !c.mayScore)).toBe(true);
    // The live computation, which the closed period no longer answers, has moved for 乙镇.
    const live = await withActor({ type: "system", tenantId: admin.tenant.tenantId, job: "assessment-test" }, () => Assessment.computeScorecards("town_annual", today(), `/${admin.tenant.rootNodeId}`));
    const liveB = live.cards.find((c) => c.nodeId === townB.nodeId)!;
    expect(Object.fromEntries(liveB.indicators.map((i) => [i.indicatorId, i.score]))).toMatchObject({ responsibility_system: 100, work_plan: 100, hazard_governance: 100 });
    expect(card(after, townB).indicators.find((i) => i.indicatorId === "responsibility_system")!.score).toBe(0);

    // The export of the closed period is the snapshot too.
    const res = await app.request(`/v1/assessment/schemes/town_annual/export?period=${today()}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    const rows = (await readSheet(Buffer.from(await res.arrayBuffer()), "考核结果")) as unknown[][];
    expect(rows.slice(1, -1).map((r) => [r[0], r[9], r[10]])).toEqual([
      ["甲镇", 68.6, 1],
      ["乙镇", 22.9, 2],
    ]);

    const refused = await send(admin.token, "PUT", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townB.nodeId, indicatorId: "funding", score: 100, note: "补录" });
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { code: string; detail?: string; title?: string };
    expect(problem.code).toBe("assessment.period_closed");
    expect(problem.detail).toContain("已关闭归档");
    await expectStatus(send(admin.token, "DELETE", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "funding" }), 409);
    await expectStatus(send(admin.token, "POST", "/v1/assessment/schemes/town_annual/close", { period: today() }), 409);
  });

  it("songjiang 五(三), 六(一)1: a committee's publicity is scored by its publicity records of the period, 12 a year for full marks", async () => {
    const village = await addChild(admin.client, townA.nodeId, "甲一村");
    for (const date of [today(), today(), today()]) await expectStatus(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "publicity", date, title: "上门防火提示" }), 201);
    await expectStatus(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "meeting", date: today(), title: "村委消防例会" }), 201);
    const cards = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/member_units_and_committees/scorecards"), 200);
    const publicity = card(cards, village).indicators.find((i) => i.indicatorId === "village_publicity")!;
    // 3 publicity records of 12 (the meeting does not count): 25.
    expect(publicity).toMatchObject({ method: "records", score: 25, evidence: { zh: "本期记录 3 次，应不少于 12 次" }, link: { kind: "records", nodeId: village.nodeId, recordKinds: ["publicity"] } });
    expect((publicity.link as { recordIds: string[] }).recordIds).toHaveLength(3);
  });

  it("songjiang 六(二)2: the hazards a town lists for supervision are counted under it (the listed-hazards measure), not under its sibling", async () => {
    await as(officerOf(admin.tenant.tenantId, townA), () => Hazards.actOnHazard({ action: "list", level: "town", trigger: "hard_to_fix", criteria: ["难以推动整改"], reason: "多次督促仍未整改" }, openA));
    const system = { type: "system" as const, tenantId: admin.tenant.tenantId, job: "assessment-test" };
    expect(await withActor(system, () => Promise.all([Hazards.listedUnder(townA.path), Hazards.listedUnder(townB.path), Hazards.listedUnder(`/${admin.tenant.rootNodeId}`)]))).toEqual([1, 0, 1]);
  });

  it("a county-wide campaign's progress is read once and shared out to each town's branch (the campaign-progress measure)", async () => {
    const end = new Date(Date.now() + 5 * DAY).toLocaleDateString("en-CA", { timeZone: TZ });
    const made = await expectStatus<{ campaignId: string }>(
      admin.client.post("/v1/campaigns", { name: { zh: "电动自行车专项整治" }, startDate: today(), endDate: end, areaNodeId: admin.tenant.rootNodeId, target: { kinds: ["street_shop"] }, adopt: [{ category: "street", itemId: "three_in_one" }], custom: [] }),
      201,
    );
    const system = { type: "system" as const, tenantId: admin.tenant.tenantId, job: "assessment-test" };
    const campaigns = await withActor(system, () => Campaigns.campaignsBetween(today(), today()));
    expect(campaigns.map((c) => c.campaignId)).toEqual([made.campaignId]);
    // 甲镇 has two street shops, 乙镇 one; none visited yet.
    expect(Assessment.campaignShares(townA.path, campaigns)).toEqual([{ campaignId: made.campaignId, total: 2, done: 0 }]);
    expect(Assessment.campaignShares(townB.path, campaigns)).toEqual([{ campaignId: made.campaignId, total: 1, done: 0 }]);
  });

  it("only an admin of the whole tree closes a period", async () => {
    const officer = await userAt(app, admin.client, admin.tenant.tenantId, `close-officer-${Date.now()}`, "town_officer", townA.nodeId);
    await expectStatus(send(officer.token, "POST", "/v1/assessment/schemes/member_units_and_committees/close", { period: today() }), 403);
    const view = await expectStatus<Cards>(officer.client.get("/v1/assessment/schemes/member_units_and_committees/scorecards"), 200);
    expect(view.mayClose).toBe(false);
  });

  it("a score entered while the period closes is in its snapshot or refused with 409, never lost", async () => {
    // A county of its own, whose year is still open.
    const county = await adminOf(app, "songjiang");
    for (const name of ["丙镇", "丁镇"]) await addChild(county.client, county.tenant.rootNodeId, name);
    const scheme = "/v1/assessment/schemes/town_annual";
    const open = await expectStatus<Cards>(county.client.get(`${scheme}/scorecards`), 200);
    expect(open.closed).toBeUndefined();
    const targets = open.cards.flatMap((c) => c.indicators.filter((i) => i.method === "manual").map((i) => ({ nodeId: c.nodeId, indicatorId: i.indicatorId }))).slice(0, 8);
    expect(targets.length).toBeGreaterThanOrEqual(4);
    // The assessor presses again if scores kept coming while the close computed (409 request.conflict_retry).
    const close = (async () => {
      for (let attempt = 1; ; attempt++) {
        const res = await send(county.token, "POST", `${scheme}/close`, { period: today() });
        if (res.status !== 409 || attempt === 5) return res;
        expect(((await res.clone().json()) as { code: string }).code).toBe("request.conflict_retry");
      }
    })();
    // Spread over the close's own time: some land before it reads, some while it computes, some after it.
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const writes = targets.map((t, k) => later(k * 60).then(() => send(county.token, "PUT", `${scheme}/scores`, { period: today(), ...t, score: 40 + k, note: `并发评分 ${k}` })));
    const [closed, ...scored] = await Promise.all([close, ...writes]);
    expect(closed!.status).toBe(200);
    const snapshot = await expectStatus<Cards>(county.client.get(`${scheme}/scorecards`), 200);
    expect(snapshot.closed).toBeDefined();
    for (const [k, res] of scored.entries()) {
      const kept = snapshot.cards.find((c) => c.nodeId === targets[k]!.nodeId)!.indicators.find((i) => i.indicatorId === targets[k]!.indicatorId)!;
      if (res.status === 200) expect(kept.entered?.score).toBe(40 + k);
      else {
        expect(res.status).toBe(409);
        expect(((await res.json()) as { code: string }).code).toBe("assessment.period_closed");
        expect(kept.entered).toBeUndefined();
      }
    }
  }, 60_000);
});
