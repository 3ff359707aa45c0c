import { beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, addPerson, expectStatus, type NodeRef } from "../support/org.ts";
import { adminOf } from "../support/tenants.ts";

type Admin = Awaited<ReturnType<typeof adminOf>>;
type Finding = { ruleId: string; subjectId?: string; status: string; sourceRef: string | null; text: string; evidence: { zh: string; en: string } };
type Findings = { today: string; findings: Finding[] };

// Dates of next year: always after the tenant's signup, when its profile comes into effect.
const Y = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date())) + 1;

// The injected clock is the findings' `at`: 04:00 UTC is noon in the county (Asia/Shanghai), so `today` is the date written.
const at = (date: string) => `${date}T04:00:00Z`;

async function judged(admin: Admin, nodeId: string, date: string): Promise<Findings> {
  const out = await expectStatus<Findings>(admin.client.get(`/v1/nodes/${nodeId}/resources/findings?at=${encodeURIComponent(at(date))}`), 200);
  expect(out.today).toBe(date);
  return out;
}

const one = (out: Findings, ruleId: string, subjectId?: string) => {
  const hits = out.findings.filter((f) => f.ruleId === ruleId && (subjectId === undefined || f.subjectId === subjectId));
  expect(hits, `${ruleId}: ${out.findings.map((f) => f.ruleId).join(", ")}`).toHaveLength(1);
  return hits[0]!;
};

describe("equipment and certificates: findings N days ahead (the profile's lead days), citing the clause", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let extinguisherId: string;
  let certificateId: string;

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
    const county = await addChild(admin.client, admin.tenant.rootNodeId, "甲县");
    town = await addChild(admin.client, county.nodeId, "甲镇");
    const made = await expectStatus<{ equipmentId: string; kindName: { zh: string } }>(
      admin.client.post(`/v1/nodes/${town.nodeId}/equipment`, { kind: "protective_gear", name: "消防头盔", count: 4, lastCheckOn: "2026-09-01", nextCheckDue: `${Y}-09-01`, expiresOn: `${Y}-03-31` }),
      201,
    );
    expect(made.kindName.zh).toBe("个人防护装备");
    extinguisherId = made.equipmentId;
    const person = await addPerson(admin.client, town.nodeId, { name: "张操作员" });
    const cert = await expectStatus<{ certificateId: string; personName: string }>(
      admin.client.post(`/v1/nodes/${town.nodeId}/certificates`, { personId: person.personId, kind: "facility_operator", number: "FO-2022-0001", issuedOn: "2022-06-30", expiresOn: `${Y}-06-30` }),
      201,
    );
    expect(cert.personName).toBe("张操作员");
    certificateId = cert.certificateId;
  });

  it("yancheng (十七): equipment expiring in 30 days (the profile's lead) is due soon, citing the clause; 31 days ahead it is not", async () => {
    const due = one(await judged(admin, town.nodeId, `${Y}-03-01`), "equipment.expiry", extinguisherId);
    expect(due).toMatchObject({ status: "due_soon", sourceRef: "yancheng (十七)", text: "保障办公场地、执法车辆、防护装备、应急救援器材等配备到位" });
    expect(due.evidence.zh).toContain(`${Y}-03-31`);
    expect(one(await judged(admin, town.nodeId, `${Y}-02-28`), "equipment.expiry", extinguisherId).status).toBe("met");
  });

  it("yancheng (十七): expired equipment is unmet, and no longer counts towards the standard's minimum", async () => {
    const lastDay = await judged(admin, town.nodeId, `${Y}-03-31`);
    expect(one(lastDay, "equipment.expiry", extinguisherId).status).toBe("due_soon");
    expect(one(lastDay, "equipment.minimum.protective_gear")).toMatchObject({ status: "met", sourceRef: "yancheng (十七)" });
    const after = await judged(admin, town.nodeId, `${Y}-04-01`);
    expect(one(after, "equipment.expiry", extinguisherId)).toMatchObject({ status: "unmet", severity: "medium", sourceRef: "yancheng (十七)" });
    expect(one(after, "equipment.minimum.protective_gear").status).toBe("unmet");
    // No rescue equipment was ever registered: the other minimum is unmet throughout.
    expect(one(after, "equipment.minimum.rescue_equipment").status).toBe("unmet");
  });

  it("an overdue check is a finding of its own; recording the check clears it", async () => {
    expect(one(await judged(admin, town.nodeId, `${Y}-09-02`), "equipment.check", extinguisherId).status).toBe("unmet");
    await expectStatus(admin.client.patch(`/v1/nodes/${town.nodeId}/equipment/${extinguisherId}`, { lastCheckOn: "2026-12-01", nextCheckDue: `${Y}-12-01` }), 200);
    expect(one(await judged(admin, town.nodeId, `${Y}-09-02`), "equipment.check", extinguisherId).status).toBe("met");
  });

  it("yancheng (十八): a certificate lapsing in 30 days is due soon, citing the clause; 31 days ahead it is not; lapsed it is unmet", async () => {
    const due = one(await judged(admin, town.nodeId, `${Y}-05-31`), "qualification.expiry", certificateId);
    expect(due).toMatchObject({ status: "due_soon", sourceRef: "yancheng (十八)" });
    expect(due.evidence.zh).toContain("张操作员");
    expect(one(await judged(admin, town.nodeId, `${Y}-05-30`), "qualification.expiry", certificateId).status).toBe("met");
    expect(one(await judged(admin, town.nodeId, `${Y}-07-01`), "qualification.expiry", certificateId)).toMatchObject({ status: "unmet", sourceRef: "yancheng (十八)" });
  });

  it("refuses a kind outside the profile's vocabulary and a person not of the node, naming the fields, and writes nothing", async () => {
    const before = await expectStatus<{ items: unknown[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/equipment`), 200);
    const bad = await expectStatus<{ errors: { path: string; message: string }[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/equipment`, { kind: "teleporter", count: 1 }), 400);
    expect(bad.errors[0]).toMatchObject({ path: "body.kind" });
    expect(bad.errors[0]!.message).toContain("不是政策档案中的装备类型");
    const zero = await expectStatus<{ errors: { path: string }[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/equipment`, { kind: "extinguisher", count: 0 }), 400);
    expect(zero.errors.map((e) => e.path)).toEqual(["body.count"]);
    const cert = await expectStatus<{ errors: { path: string }[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/certificates`, { personId: "nobody", kind: "fire_engineer", number: "X", issuedOn: "2020-01-01", expiresOn: "2019-01-01" }), 400);
    expect(cert.errors.map((e) => e.path)).toContain("body.expiresOn");
    const after = await expectStatus<{ items: unknown[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/equipment`), 200);
    expect(after.items).toHaveLength(before.items.length);
  });

  it("keeps equipment by one of the node's brigades or stations; another id is refused naming the field", async () => {
    const brigade = await expectStatus<{ brigadeId: string }>(admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "甲镇微型消防站", force: "micro_station" }), 201);
    const kept = await expectStatus<{ brigadeId?: string }>(admin.client.post(`/v1/nodes/${town.nodeId}/equipment`, { kind: "breathing_apparatus", count: 2, brigadeId: brigade.brigadeId, expiresOn: `${Y}-12-31` }), 201);
    expect(kept.brigadeId).toBe(brigade.brigadeId);
    const bad = await expectStatus<{ errors: { path: string }[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/equipment`, { kind: "breathing_apparatus", count: 2, brigadeId: "no-such-brigade" }), 400);
    expect(bad.errors.map((e) => e.path)).toEqual(["body.brigadeId"]);
  });

  it("exports the equipment and certificates with their status", async () => {
    const res = await admin.client.get(`/v1/nodes/${town.nodeId}/equipment/export`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const equipment = (await readSheet(bytes, "装备")) as unknown[][];
    expect(equipment[0]).toContain("有效期状态");
    expect(equipment[1]).toEqual(expect.arrayContaining(["个人防护装备", "消防头盔", 4]));
    const certificates = (await readSheet(bytes, "资格证书")) as unknown[][];
    expect(certificates[1]).toEqual(expect.arrayContaining(["张操作员", "消防设施操作员", "FO-2022-0001"]));
  });
});

describe("funding ledger", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let lineId: string;

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
    const county = await addChild(admin.client, admin.tenant.rootNodeId, "乙县");
    town = await addChild(admin.client, county.nodeId, "乙镇");
  });

  it("yancheng (十七): budget lines and spending give per-line totals and balance, summed in fen", async () => {
    lineId = (await expectStatus<{ lineId: string }>(admin.client.post(`/v1/nodes/${town.nodeId}/funding/lines`, { year: 2026, item: "微型消防站建设", amount: 100000.5, source: "财政预算" }), 201)).lineId;
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/funding/lines`, { year: 2026, item: "宣传培训", amount: 20000, source: "上级补助" }), 201);
    for (const amount of [30000.25, 0.1, 0.2]) await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/funding/spending`, { lineId, date: "2026-05-01", amount, note: "采购" }), 201);
    const ledger = await expectStatus<{ lines: { lineId: string; spent: number; balance: number }[]; spending: unknown[]; totals: Record<string, number> }>(admin.client.get(`/v1/nodes/${town.nodeId}/funding?year=2026`), 200);
    expect(ledger.totals).toEqual({ budget: 120000.5, spent: 30000.55, balance: 89999.95 });
    expect(ledger.lines.find((l) => l.lineId === lineId)).toMatchObject({ spent: 30000.55, balance: 69999.95 });
    expect(ledger.spending).toHaveLength(3);
    // Another year's ledger is empty.
    expect((await expectStatus<{ totals: Record<string, number> }>(admin.client.get(`/v1/nodes/${town.nodeId}/funding?year=2025`), 200)).totals).toEqual({ budget: 0, spent: 0, balance: 0 });
  });

  it("yancheng (十七): a town with this year's budget meets the funding rule; the next year without one does not", async () => {
    // The profile is in effect from signup (now): judge now, and on 2 January of next year.
    const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
    if (year !== 2026) await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/funding/lines`, { year, item: "年度经费", amount: 1, source: "财政预算" }), 201);
    const met = await expectStatus<Findings>(admin.client.get(`/v1/nodes/${town.nodeId}/resources/findings`), 200);
    expect(one(met, "funding.budget")).toMatchObject({ status: "met", sourceRef: "yancheng (十七)" });
    expect(one(await judged(admin, town.nodeId, `${year + 1}-01-02`), "funding.budget")).toMatchObject({ status: "unmet", evidence: { zh: `未录入 ${year + 1} 年度消防工作经费预算` } });
  });

  it("refuses spending outside the line's year, on an unknown line, with too many decimals or a foreign attachment, naming the field, and writes nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ lineId, date: "2025-12-31", amount: 10 }, "body.date"],
      [{ lineId: "no-such-line", date: "2026-05-01", amount: 10 }, "body.lineId"],
      [{ lineId, date: "2026-05-01", amount: 10.001 }, "body.amount"],
      [{ lineId, date: "2026-05-01", amount: -1 }, "body.amount"],
      [{ lineId, date: "2026-05-01", amount: 10, attachments: ["t/other-tenant/resources/x/y.jpg"] }, "body.attachments[0]"],
    ];
    for (const [input, path] of cases) {
      const problem = await expectStatus<{ errors: { path: string }[] }>(admin.client.post(`/v1/nodes/${town.nodeId}/funding/spending`, input), 400);
      expect(problem.errors.map((e) => e.path), JSON.stringify(input)).toContain(path);
    }
    const ledger = await expectStatus<{ spending: unknown[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/funding`), 200);
    expect(ledger.spending).toHaveLength(3);
  });

  it("a retried write with the same Idempotency-Key records the line once", async () => {
    const send = () =>
      app.request(`/v1/nodes/${town.nodeId}/funding/lines`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}`, "idempotency-key": "line-retry-1" },
        body: JSON.stringify({ year: 2027, item: "装备购置", amount: 5000, source: "财政预算" }),
      });
    const first = await expectStatus<{ lineId: string }>(send(), 201);
    const second = await expectStatus<{ lineId: string }>(send(), 201);
    expect(second.lineId).toBe(first.lineId);
    const ledger = await expectStatus<{ lines: unknown[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/funding?year=2027`), 200);
    expect(ledger.lines).toHaveLength(1);
  });

  it("exports the ledger as xlsx with a total row, read back", async () => {
    const res = await admin.client.get(`/v1/nodes/${town.nodeId}/funding/export?year=2026`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("经费台账"));
    const bytes = Buffer.from(await res.arrayBuffer());
    const lines = (await readSheet(bytes, "预算科目")) as unknown[][];
    expect(lines[0]).toEqual(["年度", "预算科目", "资金来源", "预算（元）", "已支出（元）", "结余（元）", "备注"]);
    expect(lines.at(-1)!.slice(0, 6)).toEqual(["合计", null, null, 120000.5, 30000.55, 89999.95]);
    const spending = (await readSheet(bytes, "支出明细")) as unknown[][];
    expect(spending).toHaveLength(4);
  });

  it("audits each write", async () => {
    const audit = await expectStatus<{ items: { action: string; targetId: string }[] }>(admin.client.get(`/v1/audit?from=${new Date(Date.now() - 600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}&limit=200`), 200);
    const actions = audit.items.filter((e) => e.targetId === town.nodeId).map((e) => e.action);
    expect(actions.filter((a) => a === "funding.line.create").length).toBeGreaterThanOrEqual(3);
    expect(actions.filter((a) => a === "funding.spending.create")).toHaveLength(3);
  });
});

describe("training results against the profile's pass mark", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let recordId: string;
  const people: { personId: string; name: string }[] = [];

  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "丙镇");
    for (const name of ["王合格", "李不及格", "赵刚好", "孙缺考"]) people.push({ ...(await addPerson(admin.client, town.nodeId, { name })), name });
    recordId = (
      await expectStatus<{ recordId: string }>(
        admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "training", date: "2026-11-01", course: "消防业务培训", attendees: people.map((p) => ({ personId: p.personId, nodeId: town.nodeId })) }),
        201,
      )
    ).recordId;
  });

  it("zezhou 四(二): a score below the pass mark fails; who failed and who passed are listed, not only attendance", async () => {
    const scores = [85, 59.5, 60].map((score, i) => ({ personId: people[i]!.personId, nodeId: town.nodeId, score }));
    const out = await expectStatus<{ passMark: number; sourceRef: string | null; passed: { name: string }[]; failed: { name: string; score: number }[]; unscored: { personId: string }[] }>(
      admin.client.put(`/v1/nodes/${town.nodeId}/records/${recordId}/results`, { scores }),
      200,
    );
    expect(out.passMark).toBe(60);
    expect(out.sourceRef).toBe("zezhou 四(二)");
    expect(out.failed).toEqual([expect.objectContaining({ name: "李不及格", score: 59.5 })]);
    expect(out.passed.map((p) => p.name)).toEqual(["王合格", "赵刚好"]);
    expect(out.unscored.map((u) => u.personId)).toEqual([people[3]!.personId]);
    const read = await expectStatus<{ failed: { name: string }[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/records/${recordId}/results`), 200);
    expect(read.failed.map((f) => f.name)).toEqual(["李不及格"]);
  });

  it("scores only the training's attendees, once each, on a training record", async () => {
    const stranger = await addPerson(admin.client, town.nodeId, { name: "未参训" });
    const notAttendee = await expectStatus<{ errors: { path: string }[] }>(
      admin.client.put(`/v1/nodes/${town.nodeId}/records/${recordId}/results`, { scores: [{ personId: stranger.personId, nodeId: town.nodeId, score: 90 }] }),
      400,
    );
    expect(notAttendee.errors.map((e) => e.path)).toEqual(["body.scores[0].personId"]);
    const twice = await expectStatus<{ errors: { path: string }[] }>(
      admin.client.put(`/v1/nodes/${town.nodeId}/records/${recordId}/results`, { scores: [0, 1].map(() => ({ personId: people[0]!.personId, nodeId: town.nodeId, score: 90 })) }),
      400,
    );
    expect(twice.errors.map((e) => e.path)).toEqual(["body.scores[1].personId"]);
    const tooHigh = await expectStatus<{ errors: { path: string }[] }>(admin.client.put(`/v1/nodes/${town.nodeId}/records/${recordId}/results`, { scores: [{ personId: people[0]!.personId, nodeId: town.nodeId, score: 101 }] }), 400);
    expect(tooHigh.errors[0]!.path).toMatch(/^body\.scores.*score$/);
    const meeting = await expectStatus<{ recordId: string }>(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "meeting", date: "2026-11-02", attendees: [{ personId: people[0]!.personId, nodeId: town.nodeId }] }), 201);
    const notTraining = await expectStatus<{ errors: { path: string }[] }>(admin.client.put(`/v1/nodes/${town.nodeId}/records/${meeting.recordId}/results`, { scores: [{ personId: people[0]!.personId, nodeId: town.nodeId, score: 90 }] }), 400);
    expect(notTraining.errors.map((e) => e.path)).toContain("path.recordId");
    // The earlier results stand.
    const read = await expectStatus<{ results: unknown[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/records/${recordId}/results`), 200);
    expect(read.results).toHaveLength(3);
  });
});
