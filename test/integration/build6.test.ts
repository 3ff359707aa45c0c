import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, addPerson, expectStatus, findings, ruleOf, type NodeRef } from "../support/org.ts";
import { adminOf } from "../support/tenants.ts";

// Issue 14, Build 6: what real documents ask that the schema could not say
// before, entered through the API as a county would (a draft, published) and
// judged on data recorded through the API.

type Admin = Awaited<ReturnType<typeof adminOf>>;
type Json = Record<string, any>;

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const cite = (clause: string, text: string) => ({ sourceRef: `zezhou ${clause}`, text });

describe("Build 6: seat roles, numeric standards, postings, station teams, ledger reports", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let village: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇");
    village = await addChild(admin.client, town.nodeId, "东村");
    const draft = await expectStatus<{ rev: number; profile: Json }>(admin.client.get("/v1/profile/draft"), 200);
    const p = draft.profile;
    const head = p.composition.find((c: Json) => c.id === "station_head");
    head.mustHoldRole = { ...cite("三(二)", "由乡镇分管消防工作负责人兼任"), value: true };
    head.publicPosting = { ...cite("三(二)", "站（所）长挂牌公示"), value: true };
    const premises = p.stationStandards[0].items.find((i: Json) => i.id === "premises");
    Object.assign(premises, { min: 5, unit: { zh: "人", en: "people" } });
    p.brigades.requirements.push({
      id: "village_station",
      force: "micro_station",
      per: "village",
      ...cite("三(六)", "各村建立微型消防站"),
      requiredTeams: { ...cite("三(六)", "微型消防站设灭火救援组、宣传组"), value: [{ id: "firefighting", name: { zh: "灭火救援组", en: "Firefighting team" } }, { id: "publicity", name: { zh: "宣传组", en: "Publicity team" } }] },
    });
    p.obligations.push({ id: "ledger_monthly", kind: "ledger_report", name: { zh: "隐患台账月报", en: "Monthly hazard ledger report" }, frequency: { every: 1, unit: "month" }, levels: ["town"], covers: [], ...cite("三(四)", "每月向县消防安全委员会报送隐患台账") });
    await expectStatus(admin.client.put("/v1/profile/draft", { profile: p, rev: draft.rev }), 200);
    await expectStatus(admin.client.post("/v1/profile/publish", {}), 201);
  });

  it("a seat filled by a person without the seat's role is unmet, naming who lacks which role; with the role it is met", async () => {
    const person = await addPerson(admin.client, town.nodeId, { name: "赵某", bodyId: "town_office", positions: ["station_head"], roles: ["office_staff"] });
    const before = ruleOf(await findings(admin.client, town.nodeId), "composition.station_head");
    expect(before).toMatchObject({ status: "unmet", sourceRef: "zezhou 三(二)" });
    expect(before.evidence.zh).toContain("站（所）长 0 人");
    expect(before.evidence.zh).toMatch(/赵某未担任“.+”，不计入/);
    await expectStatus(admin.client.patch(`/v1/nodes/${town.nodeId}/people/${person.personId}`, { roles: ["fire_lead"] }), 200);
    expect(ruleOf(await findings(admin.client, town.nodeId), "composition.station_head")).toMatchObject({ status: "met", evidence: { zh: expect.stringContaining("站（所）长 1 人（赵某）") } });
  });

  it("an office of capacity 4 against a minimum of 5 is unmet; 5 meets it; a numeric item needs its value", async () => {
    const item = `/v1/nodes/${town.nodeId}/standards/eight_haves/items`;
    const others = ["sign", "seal", "rules", "funding", "equipment", "uniform", "work_archive"];
    for (const id of others) await expectStatus(admin.client.post(`${item}/${id}`, { metOn: today() }), 200);

    const missing = await expectStatus<{ errors: Json[] }>(admin.client.post(`${item}/premises`, { metOn: today() }), 400);
    expect(missing.errors).toEqual([expect.objectContaining({ path: "body.value", code: "org.value_missing" })]);
    const notNumeric = await expectStatus<{ errors: Json[] }>(admin.client.post(`${item}/sign`, { metOn: today(), value: 3 }), 400);
    expect(notNumeric.errors).toEqual([expect.objectContaining({ path: "body.value", code: "org.value_not_numeric" })]);

    expect(await expectStatus(admin.client.post(`${item}/premises`, { metOn: today(), value: 4 }), 200)).toMatchObject({ value: 4 });
    const four = ruleOf(await findings(admin.client, town.nodeId), "standard.eight_haves");
    expect(four.status).toBe("overdue"); // the standard's deadline (2023-09-30) has passed
    expect(four.evidence.zh).toContain("缺：有场所（4人，要求 ≥5人）");

    await expectStatus(admin.client.post(`${item}/premises`, { metOn: today(), value: 5 }), 200);
    expect(ruleOf(await findings(admin.client, town.nodeId), "standard.eight_haves").status).toBe("met");
    const org = await expectStatus<Json>(admin.client.get(`/v1/nodes/${town.nodeId}/organisation`), 200);
    const premises = org.bodies.find((b: Json) => b.bodyId === "town_office").standards[0].items.find((i: Json) => i.itemId === "premises");
    expect(premises).toMatchObject({ min: 5, unit: { zh: "人" }, value: 5, metOn: today() });
  });

  it("a seat to be publicly posted (挂牌公示) is unmet until its posting is recorded", async () => {
    expect(ruleOf(await findings(admin.client, town.nodeId), "composition.station_head.posting")).toMatchObject({ status: "unmet", sourceRef: "zezhou 三(二)" });
    const future = await expectStatus<{ errors: Json[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/positions/station_head/posting`, { postedOn: "2999-01-01" }), 400);
    expect(future.errors).toEqual([expect.objectContaining({ path: "body.postedOn" })]);
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/positions/village_first_responsible/posting`, { postedOn: today() }), 404);

    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/positions/station_head/posting`, { postedOn: today(), evidence: "镇政府一楼公示栏" }), 200);
    expect(ruleOf(await findings(admin.client, town.nodeId), "composition.station_head.posting")).toMatchObject({ status: "met", evidence: { zh: expect.stringContaining(today()) } });
    const org = await expectStatus<Json>(admin.client.get(`/v1/nodes/${town.nodeId}/organisation`), 200);
    expect(org.bodies.find((b: Json) => b.bodyId === "town_office").postings).toEqual([
      { positionId: "station_head", title: { zh: "站（所）长", en: "Station head" }, required: true, sourceRef: "zezhou 三(二)", postedOn: today(), evidence: "镇政府一楼公示栏" },
    ]);

    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/positions/station_head/posting`, { postedOn: null }), 200);
    expect(ruleOf(await findings(admin.client, town.nodeId), "composition.station_head.posting").status).toBe("unmet");
  });

  it("a micro station missing a required team is unmet, naming the team; with every team it is met", async () => {
    const duplicate = await admin.client.post(`/v1/nodes/${village.nodeId}/brigades`, { name: "东村微型消防站", force: "micro_station", teams: [{ id: "firefighting", name: "灭火组" }, { id: "firefighting", name: "灭火组" }] });
    expect(duplicate.status).toBe(400);
    const station = await expectStatus<Json>(admin.client.post(`/v1/nodes/${village.nodeId}/brigades`, { name: "东村微型消防站", force: "micro_station", teams: [{ id: "firefighting", name: "灭火组", memberCount: 4 }] }), 201);
    expect(station.teams).toEqual([{ id: "firefighting", name: "灭火组", memberCount: 4 }]);
    const lacking = ruleOf(await findings(admin.client, village.nodeId), "brigades.village_station.teams");
    expect(lacking).toMatchObject({ status: "unmet", sourceRef: "zezhou 三(六)" });
    expect(lacking.evidence.zh).toContain("缺编队：宣传组");

    await expectStatus(admin.client.patch(`/v1/nodes/${village.nodeId}/brigades/${station.brigadeId}`, { teams: [{ id: "firefighting", name: "灭火组", memberCount: 4 }, { id: "publicity", name: "宣传组" }] }), 200);
    expect(ruleOf(await findings(admin.client, village.nodeId), "brigades.village_station.teams").status).toBe("met");
  });

  it("a ledger report whose monthly counts disagree with the hazard counters is unmet, naming the states; no report is unmet like any obligation", async () => {
    const none = ruleOf(await findings(admin.client, town.nodeId), "obligation.ledger_monthly");
    expect(["unmet", "due_soon", "overdue"]).toContain(none.status);
    expect((await findings(admin.client, town.nodeId)).findings.some((f) => f.ruleId === "obligation.ledger_monthly.counts")).toBe(false);

    const grid = await addChild(admin.client, village.nodeId, "一网格");
    for (const description of ["楼道堆放杂物", "灭火器过期"]) {
      await expectStatus(admin.client.post("/v1/hazards", { nodeId: grid.nodeId, code: "other", codeText: "其他", severity: "general", description, source: "inspection" }), 201);
    }
    const month = today().slice(0, 7);
    const bad = await expectStatus<{ errors: Json[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "ledger_report", date: today() }), 400);
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["body.ledgerCounts", "body.ledgerMonth"]);
    const stray = await expectStatus<{ errors: Json[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "meeting", date: today(), ledgerMonth: month }), 400);
    expect(stray.errors).toEqual([expect.objectContaining({ path: "body.ledgerMonth", code: "org.ledger_only" })]);

    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "ledger_report", obligationId: "ledger_monthly", date: today(), ledgerMonth: month, ledgerCounts: { discovered: 1, closed: 0 } }), 201);
    const wrong = await findings(admin.client, town.nodeId);
    expect(ruleOf(wrong, "obligation.ledger_monthly").status).toBe("met");
    const counts = ruleOf(wrong, "obligation.ledger_monthly.counts");
    expect(counts).toMatchObject({ status: "unmet", sourceRef: "zezhou 三(四)" });
    expect(counts.evidence.zh).toBe(`隐患台账月报：报送数与隐患台账不符——${month}：发现 报 1、台账 2`);

    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "ledger_report", obligationId: "ledger_monthly", date: today(), ledgerMonth: month, ledgerCounts: { discovered: 2, closed: 0 } }), 201);
    expect(ruleOf(await findings(admin.client, town.nodeId), "obligation.ledger_monthly.counts")).toMatchObject({ status: "met" });
  });
});
