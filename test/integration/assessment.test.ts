import { beforeAll, describe, expect, it } from "vitest";
import { Hazards, withActor, withRequest, type Actor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, expectStatus, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";

// Scorecards computed from real findings and hazard counters in DynamoDB
// Local, a manual score, a lagging town, an incentive recorded; and none of
// it reachable from another tenant.

const app = testApp(testDb());
const DAY = 86_400_000;
const TZ = "Asia/Shanghai";
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());

type Admin = Awaited<ReturnType<typeof adminOf>>;
type Card = { nodeId: string; name: string; total: number | null; rank: number | null; ranked: number; lagging: boolean; laggingReasons: string[]; mayScore: boolean; indicators: { indicatorId: string; method: string; computed: number | null; score: number | null; evidence?: { zh: string }; entered?: { score: number; note: string } }[] };
type Cards = { schemeId: string; period: { start: string; end: string }; cards: Card[] };

const send = (token: string, method: string, path: string, body?: unknown) =>
  app.request(path, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });

/** A hazard at a town, reported by the town's officer; closed at once (round the whole loop), or left open. */
async function hazardAt(tenantId: string, town: NodeRef, close: boolean) {
  const officer: Actor = { type: "user", tenantId, userId: `officer-${town.nodeId}`, role: "town_officer", scopeNodeId: town.nodeId, scopePath: town.path, sessionId: "assessment" };
  const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: `assessment-${town.nodeId}` }, () => withActor(officer, fn));
  const created = await as(() => Hazards.createHazard({ nodeId: town.nodeId, code: "ebike_charging", severity: "general", description: "楼道内电动自行车充电", source: "inspection" }));
  for (const action of ["register", "dispatch", "start", "submit", ...(close ? (["close"] as const) : [])] as const) await as(() => Hazards.actOnHazard({ action }, created.hazardId));
  return created.hazardId;
}

const card = (cards: Cards, node: NodeRef) => cards.cards.find((c) => c.nodeId === node.nodeId)!;
const indicator = (c: Card, id: string) => c.indicators.find((i) => i.indicatorId === id)!;

describe("songjiang 七(一)–七(三): the annual assessment of towns, in DynamoDB", () => {
  let admin: Admin;
  let townA: NodeRef;
  let townB: NodeRef;
  let townC: NodeRef;
  let village: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "songjiang");
    townA = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇");
    townB = await addChild(admin.client, admin.tenant.rootNodeId, "乙镇");
    townC = await addChild(admin.client, admin.tenant.rootNodeId, "丙镇");
    village = await addChild(admin.client, townA.nodeId, "甲一村");
    // 甲镇 reports both of its duties (五(一), 五(二)), closes one hazard in time and leaves one overdue.
    for (const responsibilityId of ["town_committee_duties", "town_office_duties"]) {
      await expectStatus(admin.client.post(`/v1/nodes/${townA.nodeId}/records`, { kind: "duty_report", responsibilityId, date: today(), title: "年度履职报告" }), 201);
    }
    // … and takes its 五进 publicity to all five audiences (五(一)7).
    for (const target of ["企业", "农村", "社区", "学校", "家庭"]) {
      await expectStatus(admin.client.post(`/v1/nodes/${townA.nodeId}/records`, { kind: "publicity", obligationId: "five_into_publicity", target, date: today(), title: `消防宣传进${target}` }), 201);
    }
    await hazardAt(admin.tenant.tenantId, townA, true);
    await hazardAt(admin.tenant.tenantId, townA, false);
    // 乙镇 reports nothing and leaves its one hazard open.
    await hazardAt(admin.tenant.tenantId, townB, false);
    // The sweep finds the open ones past their deadline (15 days for a general hazard).
    await Hazards.sweepTenant(admin.tenant.tenantId, TZ, new Date(Date.now() + 17 * DAY));
  }, 60_000);

  it("songjiang 五(三): a duty report is the holder's, at the holder's level, and names the duty", async () => {
    const wrongLevel = await expectStatus<{ errors: { path: string; code: string }[] }>(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "duty_report", responsibilityId: "town_office_duties", date: today() }), 400);
    expect(wrongLevel.errors).toEqual([expect.objectContaining({ path: "body.responsibilityId", code: "org.responsibility_level" })]);
    const unnamed = await expectStatus<{ errors: { path: string; code: string }[] }>(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "duty_report", date: today() }), 400);
    expect(unnamed.errors.map((e) => e.code)).toEqual(["org.responsibility_required"]);
    await expectStatus(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "duty_report", responsibilityId: "village_committee_duties", date: today() }), 201);
    const findings = await expectStatus<{ findings: { ruleId: string; status: string; sourceRef: string }[] }>(admin.client.get(`/v1/compliance/nodes/${village.nodeId}`), 200);
    expect(findings.findings.find((f) => f.ruleId === "duty.village_committee_duties")).toMatchObject({ status: "met", sourceRef: "songjiang 五(三)" });
  });

  it("songjiang 七(一): the scorecard is computed from the towns' findings and hazards; the towns are ranked", async () => {
    const cards = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(cards.period).toEqual({ start: `${today().slice(0, 4)}-01-01`, end: `${today().slice(0, 4)}-12-31` });
    expect(cards.cards.map((c) => c.name)).toEqual(expect.arrayContaining(["甲镇", "乙镇", "丙镇"]));
    const a = card(cards, townA);
    expect(indicator(a, "responsibility_system")).toMatchObject({ method: "compliance", score: 100 });
    expect(indicator(a, "hazard_governance")).toMatchObject({ method: "hazard_closure_on_time", score: 50, evidence: { zh: "本期结案 1 件，其中按期 1 件，逾期未结 1 件" } });
    expect(indicator(a, "work_plan")).toMatchObject({ method: "inspection_coverage", score: null, evidence: { zh: "本期无应检场所" } });
    const b = card(cards, townB);
    expect(indicator(b, "responsibility_system").score).toBe(0);
    expect(indicator(b, "hazard_governance").score).toBe(0);
    expect(indicator(card(cards, townC), "hazard_governance").score).toBeNull();
    expect([a.rank, a.ranked]).toEqual([1, 3]);
    expect(a.total!).toBeGreaterThan(b.total!);
    expect(a.mayScore).toBe(true);
  });

  it("songjiang 七(一): the assessor enters a manual score with a note; it is validated and audited", async () => {
    const put = (body: Record<string, unknown>) => send(admin.token, "PUT", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "work_plan", score: 90, note: "年度工作计划已实施", ...body });
    const bad = await expectStatus<{ errors: { path: string }[] }>(put({ score: 101, note: "" }), 400);
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["body.note", "body.score"]);
    expect((await expectStatus<{ errors: { code: string }[] }>(put({ indicatorId: "nonsense" }), 400)).errors[0]!.code).toBe("assessment.indicator_unknown");
    expect((await expectStatus<{ errors: { code: string }[] }>(put({ nodeId: village.nodeId }), 400)).errors[0]!.code).toBe("assessment.node_not_assessed");
    expect((await expectStatus<{ errors: { path: string }[] }>(put({ period: "2999-01-01" }), 400)).errors[0]!.path).toBe("body.period");
    await expectStatus(send(admin.token, "PUT", "/v1/assessment/schemes/no_such_scheme/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "work_plan", score: 90, note: "x" }), 404);

    const stored = await expectStatus<{ score: number; period: string }>(put({}), 200);
    expect(stored).toMatchObject({ score: 90, period: `${today().slice(0, 4)}-01-01` });
    const cards = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(indicator(card(cards, townA), "work_plan")).toMatchObject({ score: 90, entered: { score: 90, note: "年度工作计划已实施" } });
    const audit = await expectStatus<{ items: { action: string; targetId: string; details: Record<string, unknown> }[] }>(admin.client.get(`/v1/audit?from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`), 200);
    expect(audit.items.find((e) => e.action === "assessment.score")).toMatchObject({ targetId: townA.nodeId, details: { schemeId: "town_annual", indicatorId: "work_plan", score: 90 } });
  });

  it("songjiang 七(三) / zezhou 四(三): a town at the bottom of the ranking is flagged lagging and becomes a sanction candidate", async () => {
    const cards = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    const b = card(cards, townB);
    expect(b.lagging).toBe(true);
    expect(b.laggingReasons).toEqual(expect.arrayContaining(["bottom", "below_score"]));
    expect(card(cards, townA).lagging).toBe(false);
    const candidates = await expectStatus<{ incentives: { incentiveId: string; from: string; candidates: { nodeId: string; recorded: boolean; reason: { zh: string } }[] }[] }>(
      admin.client.get("/v1/assessment/incentives/candidates?schemeId=town_annual"),
      200,
    );
    expect(candidates.incentives.map((i) => i.incentiveId)).toEqual(["lagging_town_talk"]);
    const talk = candidates.incentives[0]!;
    expect(talk.candidates.map((c) => c.nodeId)).toContain(townB.nodeId);
    expect(talk.candidates.find((c) => c.nodeId === townB.nodeId)).toMatchObject({ recorded: false, reason: { zh: expect.stringContaining("街镇年度消防工作考核") } });
  });

  it("songjiang 七(三): the talk with the lagging town is recorded once, with its audit entry", async () => {
    const body = { incentiveId: "lagging_town_talk", nodeId: townB.nodeId, target: { type: "node" }, date: today(), note: "年度考评靠后，约见谈话", source: { type: "lagging", schemeId: "town_annual", period: today() } };
    const recorded = await expectStatus<{ recordId: string; kind: string; source: { period: string } }>(admin.client.post("/v1/assessment/incentives", body), 201);
    expect(recorded).toMatchObject({ kind: "sanction", source: { period: `${today().slice(0, 4)}-01-01` } });
    expect((await expectStatus<{ code: string }>(admin.client.post("/v1/assessment/incentives", body), 409)).code).toBe("assessment.incentive_already_recorded");
    const register = await expectStatus<{ items: { recordId: string; nodeName: string }[] }>(admin.client.get("/v1/assessment/incentives"), 200);
    expect(register.items.map((r) => r.recordId)).toEqual([recorded.recordId]);
    expect(register.items[0]!.nodeName).toBe("乙镇");
    const candidates = await expectStatus<{ incentives: { candidates: { nodeId: string; recorded: boolean }[] }[] }>(admin.client.get("/v1/assessment/incentives/candidates?schemeId=town_annual"), 200);
    expect(candidates.incentives[0]!.candidates.find((c) => c.nodeId === townB.nodeId)!.recorded).toBe(true);
    const audit = await expectStatus<{ items: { action: string; targetId: string }[] }>(admin.client.get(`/v1/audit?from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`), 200);
    expect(audit.items.filter((e) => e.action === "assessment.incentive").map((e) => e.targetId)).toEqual([recorded.recordId]);
    // A sanction source on a reward, and a date to come, are refused.
    expect((await expectStatus<{ errors: { path: string }[] }>(admin.client.post("/v1/assessment/incentives", { ...body, incentiveId: "reward_major_hazard_lead" }), 400)).errors[0]!.path).toBe("body.source");
    expect((await expectStatus<{ errors: { path: string }[] }>(admin.client.post("/v1/assessment/incentives", { ...body, date: "2999-01-01" }), 400)).errors[0]!.path).toBe("body.date");
  });

  it("songjiang 七(二): whoever reported a hazard judged major is a reward candidate; micro stations' fires are data only", async () => {
    await expectStatus(admin.client.post("/v1/hazards", { nodeId: village.nodeId, code: "ebike_charging", severity: "major", description: "地下室违规住人并充电", source: "grid_patrol" }), 201);
    type Lead = { nodeId: string; target: { type: string; name: string; userId?: string }; nodeName: string; source: { type: string; hazardId: string }; recorded: boolean };
    const candidates = await expectStatus<{ incentives: { incentiveId: string; from: string; why?: { zh: string }; candidates: Lead[] }[] }>(admin.client.get("/v1/assessment/incentives/candidates"), 200);
    const leads = candidates.incentives.find((i) => i.incentiveId === "reward_major_hazard_lead")!;
    expect(leads.from).toBe("major_hazard_leads");
    expect(leads.candidates).toEqual([expect.objectContaining({ target: expect.objectContaining({ type: "person", name: "管理员", userId: admin.tenant.adminUserId }), nodeName: "甲一村", recorded: false })]);
    const lead = leads.candidates[0]!;
    const reward = { incentiveId: "reward_major_hazard_lead", nodeId: lead.nodeId, target: lead.target, date: today(), note: "巡查上报重大火灾隐患线索", source: lead.source };
    const bogus = await expectStatus<{ errors: { path: string }[] }>(admin.client.post("/v1/assessment/incentives", { ...reward, source: { type: "hazard_lead", hazardId: "no-such-hazard" } }), 400);
    expect(bogus.errors[0]!.path).toBe("body.source.hazardId");
    await expectStatus(admin.client.post("/v1/assessment/incentives", reward), 201);
    const after = await expectStatus<{ incentives: { incentiveId: string; candidates: Lead[] }[] }>(admin.client.get("/v1/assessment/incentives/candidates"), 200);
    expect(after.incentives.find((i) => i.incentiveId === "reward_major_hazard_lead")!.candidates[0]!.recorded).toBe(true);
    const fires = candidates.incentives.find((i) => i.incentiveId === "reward_micro_station_fire")!;
    // songjiang 七(二): proposed from the fire incidents' early-fire saves; none recorded in this county.
    expect(fires).toMatchObject({ from: "early_fire_saves", candidates: [] });
  });

  it("a town officer reads their own town's card, ranked among all towns, and may neither score it nor sanction it; a viewer only reads", async () => {
    const officer = await userAt(app, admin.client, admin.tenant.tenantId, "asm.officer", "town_officer", townA.nodeId);
    const own = await expectStatus<Cards>(officer.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(own.cards.map((c) => c.nodeId)).toEqual([townA.nodeId]);
    expect(own.cards[0]).toMatchObject({ rank: 1, ranked: 3, mayScore: false });
    await expectStatus(officer.client.get(`/v1/assessment/schemes/town_annual/scorecards?nodeId=${townB.nodeId}`), 403);
    await expectStatus(send(officer.token, "PUT", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "funding", score: 100, note: "自评" }), 403);
    // songjiang 五(一)6: a town's officers assess its committees (居村委).
    const villageCards = await expectStatus<Cards>(officer.client.get("/v1/assessment/schemes/member_units_and_committees/scorecards"), 200);
    expect(villageCards.cards.map((c) => [c.name, c.mayScore])).toEqual([["甲一村", true]]);
    await expectStatus(send(officer.token, "PUT", "/v1/assessment/schemes/member_units_and_committees/scores", { period: today(), nodeId: village.nodeId, indicatorId: "village_publicity", score: 85, note: "宣传到位" }), 200);
    const viewer = await userAt(app, admin.client, admin.tenant.tenantId, "asm.viewer", "viewer", admin.tenant.rootNodeId);
    expect((await expectStatus<Cards>(viewer.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200)).cards.every((c) => !c.mayScore)).toBe(true);
    await expectStatus(viewer.client.post("/v1/assessment/incentives", { incentiveId: "property_warning_talk", nodeId: townA.nodeId, target: { type: "unit", name: "某物业公司" }, date: today(), note: "履职不力" }), 403);
    await expectStatus(viewer.client.get("/v1/assessment/incentives/candidates"), 403);
  });

  it("another tenant can neither read nor write any of it (404)", async () => {
    const other = await adminOf(app, "songjiang");
    await expectStatus(other.client.get(`/v1/assessment/schemes/town_annual/scorecards?nodeId=${townA.nodeId}`), 404);
    await expectStatus(send(other.token, "PUT", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "work_plan", score: 10, note: "x" }), 404);
    await expectStatus(send(other.token, "DELETE", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "work_plan" }), 404);
    await expectStatus(other.client.post("/v1/assessment/incentives", { incentiveId: "lagging_town_talk", nodeId: townB.nodeId, target: { type: "node" }, date: today(), note: "x" }), 404);
    await expectStatus(other.client.get(`/v1/assessment/incentives?nodeId=${townB.nodeId}`), 404);
    await expectStatus(other.client.get(`/v1/assessment/incentives/candidates?nodeId=${townB.nodeId}`), 404);
    expect((await expectStatus<{ items: unknown[] }>(other.client.get("/v1/assessment/incentives"), 200)).items).toEqual([]);
    // Its own scorecards know nothing of the first tenant's scores.
    const own = await expectStatus<Cards>(other.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(own.cards).toEqual([]);
    // And the first tenant's manual score is still its own.
    const cards = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(indicator(card(cards, townA), "work_plan").score).toBe(90);
  });

  it("songjiang 五(一)6: a warning talk recorded for a property company at a village moves with the village", async () => {
    const village2 = await addChild(admin.client, townA.nodeId, "甲二村");
    const talk = await expectStatus<{ recordId: string }>(
      admin.client.post("/v1/assessment/incentives", { incentiveId: "property_warning_talk", nodeId: village2.nodeId, target: { type: "unit", name: "某物业公司" }, date: today(), note: "未落实消防安全责任" }),
      201,
    );
    const under = async (node: NodeRef) => (await expectStatus<{ items: { recordId: string }[] }>(admin.client.get(`/v1/assessment/incentives?nodeId=${node.nodeId}`), 200)).items.map((r) => r.recordId);
    expect(await under(townA)).toContain(talk.recordId);
    await expectStatus(admin.client.post(`/v1/nodes/${village2.nodeId}/move`, { parentId: townC.nodeId }), 200);
    expect(await under(townA)).not.toContain(talk.recordId);
    expect(await under(townC)).toContain(talk.recordId);
  });

  it("the assessor withdraws a score: the manual indicator is unscored again", async () => {
    await expectStatus(send(admin.token, "DELETE", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "work_plan" }), 204);
    const cards = await expectStatus<Cards>(admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
    expect(indicator(card(cards, townA), "work_plan").score).toBeNull();
    await expectStatus(send(admin.token, "DELETE", "/v1/assessment/schemes/town_annual/scores", { period: today(), nodeId: townA.nodeId, indicatorId: "work_plan" }), 404);
  });
});
