import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, addPerson, expectStatus, findings, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";

// The facts issue 13's rules are judged from, through the API: what is
// recorded, how bad input is refused (field named, zh and en), and that the
// findings read it.

type Admin = Awaited<ReturnType<typeof adminOf>>;
type Errors = { errors: { path: string; code: string; message: string }[] };
type Found = Awaited<ReturnType<typeof findings>>["findings"][number] & { subjectId?: string };

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const lastYear = () => Number(today().slice(0, 4)) - 1;
const paths = (e: Errors) => e.errors.map((x) => x.path).sort();
const rules = async (admin: Admin, nodeId: string, ruleId: string) => ((await findings(admin.client, nodeId)).findings as Found[]).filter((f) => f.ruleId === ruleId);
const setFigure = (app: ReturnType<typeof testApp>, token: string, path: string, body: unknown, lang = "zh-CN") =>
  app.request(path, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "accept-language": lang }, body: JSON.stringify(body) });

describe("people: hire, change of post, pay and leaving", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let village: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "qidong");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇", { unit: "镇" });
    village = await addChild(admin.client, town.nodeId, "甲一村");
  }, 60_000);

  it("refuses a hire still to come, a change of post before the hire, leaving fields for someone in post and negative pay, naming each field", async () => {
    const pay = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${town.nodeId}/people`, { name: "甲", employment: "on_payroll", annualPay: -5 }), 400);
    expect(pay.errors).toMatchObject([{ path: "body.annualPay", message: "年工资不能为负数" }]);
    const future = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${town.nodeId}/people`, { name: "甲", employment: "on_payroll", hiredOn: "2999-01-01" }), 400);
    expect(future.errors).toMatchObject([{ path: "body.hiredOn", code: "org.date_in_future" }]);
    const person = await addPerson(admin.client, town.nodeId, { name: "乙", hiredOn: "2020-05-01" });
    const order = await expectStatus<Errors>(admin.client.patch(`/v1/nodes/${town.nodeId}/people/${person.personId}`, { jobChangedOn: "2019-01-01", leftOn: "2024-01-01" }), 400);
    expect(order.errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ["body.jobChangedOn", "org.job_change_before_hire"],
      ["body.leftOn", "org.only_when_left"],
    ]);
    expect(order.errors.find((e) => e.path === "body.jobChangedOn")!.message).toBe("转岗日期不能早于入职日期");
  });

  it("keeps pay as personal data: a village manager may not set it and does not see it", async () => {
    const person = await addPerson(admin.client, village.nodeId, { name: "丙", annualPay: 96_000 });
    expect(person).toMatchObject({ annualPay: 96_000 });
    const manager = await userAt(app, admin.client, admin.tenant.tenantId, "pay.manager", "village_manager", village.nodeId);
    const path = `/v1/nodes/${village.nodeId}/people/${person.personId}`;
    expect(await expectStatus<Record<string, unknown>>(manager.client.get(path), 200)).not.toHaveProperty("annualPay");
    await expectStatus(manager.client.patch(path, { annualPay: 100_000 }), 403);
    expect(await expectStatus(manager.client.patch(path, { hiredOn: "2021-03-01" }), 200)).toMatchObject({ hiredOn: "2021-03-01" });
  });

  it("qidong 三(九): a firefighter who leaves goes from the roster to the brigade's former members, and an owed long-service subsidy is a finding", async () => {
    const firefighter = await addPerson(admin.client, town.nodeId, { name: "老队员", hiredOn: "2010-03-01" });
    const brigade = await expectStatus<{ brigadeId: string }>(admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "甲镇专职消防队", force: "full_time_brigade", memberIds: [firefighter.personId] }), 201);
    const path = `/v1/nodes/${town.nodeId}/people/${firefighter.personId}`;
    await expectStatus(admin.client.patch(path, { status: "left", leftOn: daysAgo(10), leftFor: "other" }), 200);
    expect(await expectStatus(admin.client.get(`/v1/nodes/${town.nodeId}/brigades/${brigade.brigadeId}`), 200)).toMatchObject({ memberIds: [], formerMemberIds: [firefighter.personId] });
    const [owed] = await rules(admin, town.nodeId, "brigades.personnel.long_service_subsidy");
    expect(owed).toMatchObject({ status: "unmet", subjectId: brigade.brigadeId, sourceRef: "qidong 三(九)" });
    expect(owed!.evidence.zh).toContain("老队员");
    await expectStatus(admin.client.patch(path, { longServiceBenefitOn: today() }), 200);
    expect((await rules(admin, town.nodeId, "brigades.personnel.long_service_subsidy"))[0]!.status).toBe("met");
    // Back in post: what was recorded of the leaving goes with it.
    const back = await expectStatus<Record<string, unknown>>(admin.client.patch(path, { status: "active" }), 200);
    expect(back).not.toHaveProperty("leftOn");
    expect(back).not.toHaveProperty("longServiceBenefitOn");
  });
});

describe("qidong 三(九): the wage benchmark and the pay floor", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "qidong");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "乙镇", { unit: "镇" });
    const crew = [await addPerson(admin.client, town.nodeId, { name: "队员一", annualPay: 100_000 }), await addPerson(admin.client, town.nodeId, { name: "队员二", annualPay: 110_000 })];
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "乙镇专职消防队", force: "full_time_brigade", memberIds: crew.map((p) => p.personId) }), 201);
  }, 60_000);

  it("refuses this year's figure and a zero amount, naming the fields in the reader's language", async () => {
    const year = await expectStatus<Errors>(setFigure(app, admin.token, `/v1/nodes/${admin.tenant.rootNodeId}/benchmarks/wage/${lastYear() + 1}`, { amount: 100_000 }, "en"), 400);
    expect(year.errors).toMatchObject([{ path: "path.year", code: "org.benchmark_year", message: "Only a past year's figure can be entered" }]);
    const zero = await expectStatus<Errors>(setFigure(app, admin.token, `/v1/nodes/${admin.tenant.rootNodeId}/benchmarks/wage/${lastYear()}`, { amount: 0 }), 400);
    expect(paths(zero)).toEqual(["body.amount"]);
  });

  it("without last year's figure the floor cannot be judged; with it, the brigade's average pay below it is a finding", async () => {
    expect((await rules(admin, town.nodeId, "brigades.personnel.pay_floor"))[0]).toMatchObject({ status: "not_applicable", sourceRef: "qidong 三(九)" });
    await expectStatus(setFigure(app, admin.token, `/v1/nodes/${admin.tenant.rootNodeId}/benchmarks/wage/${lastYear()}`, { amount: 120_000, source: "统计公报" }), 200);
    expect(await expectStatus(admin.client.get(`/v1/nodes/${admin.tenant.rootNodeId}/benchmarks/wage`), 200)).toEqual({
      items: [expect.objectContaining({ year: lastYear(), amount: 120_000, source: "统计公报" })],
    });
    const [floor] = await rules(admin, town.nodeId, "brigades.personnel.pay_floor");
    expect(floor).toMatchObject({ status: "unmet" });
    expect(floor!.evidence.zh).toContain("人均年工资 105,000 元");
    // The town's own figure, nearer than the county's, is the one used.
    await expectStatus(setFigure(app, admin.token, `/v1/nodes/${town.nodeId}/benchmarks/wage/${lastYear()}`, { amount: 100_000 }), 200);
    expect((await rules(admin, town.nodeId, "brigades.personnel.pay_floor"))[0]!.status).toBe("met");
  });
});

describe("qidong 三(七): a key unit's micro fire station", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let village: NodeRef;
  let other: NodeRef;
  let venueId: string;

  beforeAll(async () => {
    admin = await adminOf(app, "qidong");
    const town = await addChild(admin.client, admin.tenant.rootNodeId, "丙镇", { unit: "镇" });
    village = await addChild(admin.client, town.nodeId, "丙一村");
    other = await addChild(admin.client, town.nodeId, "丙二村");
    const venue = await expectStatus<{ venueId: string }>(admin.client.post("/v1/venues", { name: "丙镇商场", nodeId: village.nodeId, kinds: ["crowded_venue"], keyUnitLevel: "key_unit" }), 201);
    venueId = venue.venueId;
  }, 60_000);

  it("qidong 三(七): the key unit reads unmet until a micro station is recorded as built at it", async () => {
    expect(await rules(admin, village.nodeId, "brigades.key_unit_micro_station")).toMatchObject([{ status: "unmet", subjectId: venueId, sourceRef: "qidong 三(七)" }]);
    await expectStatus(admin.client.post(`/v1/nodes/${village.nodeId}/brigades`, { name: "丙镇商场微型消防站", force: "micro_station", venueId }), 201);
    expect(await rules(admin, village.nodeId, "brigades.key_unit_micro_station")).toMatchObject([{ status: "met", subjectId: venueId }]);
  });

  it("refuses a venue of another node and an unknown venue, naming the field", async () => {
    const elsewhere = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${other.nodeId}/brigades`, { name: "站", force: "micro_station", venueId }), 400);
    expect(elsewhere.errors).toMatchObject([{ path: "body.venueId", code: "org.venue_elsewhere" }]);
    const unknown = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${other.nodeId}/brigades`, { name: "站", force: "micro_station", venueId: "no-such-venue" }), 400);
    expect(unknown.errors).toMatchObject([{ path: "body.venueId", code: "org.venue_unknown" }]);
  });
});

describe("qidong 三(八): the town's full-time brigade registered as a public-institution legal person", () => {
  const app = testApp(testDb());

  it("qidong 三(八): reads unmet until the brigade's registration is recorded, then met", async () => {
    const admin = await adminOf(app, "qidong");
    const town = await addChild(admin.client, admin.tenant.rootNodeId, "戊镇", { unit: "镇" });
    const made = await expectStatus<{ brigadeId: string; publicInstitution?: boolean }>(admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "戊镇政府专职消防救援队", force: "full_time_brigade" }), 201);
    expect(await rules(admin, town.nodeId, "brigades.town_brigade.public_institution")).toMatchObject([{ status: "unmet", sourceRef: "qidong 三(八)" }]);
    const bad = await expectStatus<Errors>(admin.client.patch(`/v1/nodes/${town.nodeId}/brigades/${made.brigadeId}`, { publicInstitution: "yes" }), 400);
    expect(paths(bad)).toEqual(["body.publicInstitution"]);
    const registered = await expectStatus<{ publicInstitution?: boolean }>(admin.client.patch(`/v1/nodes/${town.nodeId}/brigades/${made.brigadeId}`, { publicInstitution: true }), 200);
    expect(registered.publicInstitution).toBe(true);
    expect(await rules(admin, town.nodeId, "brigades.town_brigade.public_institution")).toMatchObject([{ status: "met" }]);
  }, 60_000);
});

describe("yancheng (十六) and (七): publicity targets and campaigns, the county's brigade quota", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let county: NodeRef;
  let town: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
    county = await addChild(admin.client, admin.tenant.rootNodeId, "某县");
    town = await addChild(admin.client, county.nodeId, "丁镇", { tier: "other" });
  }, 60_000);

  it("yancheng (十六): a publicity record's target and campaign must be the obligation's", async () => {
    const bad = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "publicity", obligationId: "campaign_publicity", date: today(), target: "工厂", campaign: "植树节" }), 400);
    expect(bad.errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ["body.campaign", "org.campaign_unknown"],
      ["body.target", "org.target_unknown"],
    ]);
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "publicity", obligationId: "campaign_publicity", date: today(), target: "学校", campaign: "安全生产月" }), 201);
    const [targets] = await rules(admin, town.nodeId, "obligation.campaign_publicity");
    expect(targets!.evidence.zh).toContain("已覆盖 1/5 个对象，未覆盖：企业、农村、社区、家庭");
    expect(await rules(admin, town.nodeId, "obligation.campaign_publicity.occasions")).toHaveLength(1);
  });

  it("yancheng (七): the county's finding totals its towns' graded brigades against their quotas", async () => {
    const crew = [];
    for (let i = 0; i < 12; i++) crew.push((await addPerson(admin.client, town.nodeId, { name: `队员${i}` })).personId);
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "丁镇专职消防队", force: "full_time_brigade", grade: "grade_2", memberIds: crew }), 201);
    const [total] = await rules(admin, county.nodeId, "brigades.quota_total");
    expect(total).toMatchObject({ status: "unmet", sourceRef: "yancheng (七)", nodeId: county.nodeId });
    expect(total!.evidence.zh).toContain("实名队员 12 人，员额总量 11 名，超出 1 名");
    expect(await rules(admin, town.nodeId, "brigades.quota_total")).toEqual([]);
  });
});

describe("lianyungang 三(五): training on hire", () => {
  const app = testApp(testDb());

  it("lianyungang 三(五): an employee hired 40 days ago and not trained since is overdue; a training after the hire meets it", async () => {
    const admin = await adminOf(app, "lianyungang");
    const county = await addChild(admin.client, admin.tenant.rootNodeId, "某县");
    const town = await addChild(admin.client, county.nodeId, "戊镇");
    const worker = await addPerson(admin.client, town.nodeId, { name: "新员工", roles: ["enterprise_employee"], hiredOn: daysAgo(40) });
    expect((await rules(admin, town.nodeId, "obligation.enterprise_training.events"))[0]).toMatchObject({ status: "overdue", sourceRef: "lianyungang 三(五)" });
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "training", obligationId: "enterprise_training", date: today(), attendees: [{ personId: worker.personId, nodeId: town.nodeId }] }), 201);
    expect((await rules(admin, town.nodeId, "obligation.enterprise_training.events"))[0]!.status).toBe("met");
  }, 60_000);
});
