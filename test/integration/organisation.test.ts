import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, addPerson, expectStatus, findings, idNumber, ruleOf, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";

type Admin = Awaited<ReturnType<typeof adminOf>>;
type Errors = { errors: { path: string; message: string }[] };

/** Today in the tenants' calendar (records may not be dated in the future). */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

describe("people", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let otherTown: NodeRef;
  let village: NodeRef;
  const ID = idNumber("32010219800101123");

  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇");
    otherTown = await addChild(admin.client, admin.tenant.rootNodeId, "乙镇");
    village = await addChild(admin.client, town.nodeId, "甲一村");
  });

  it("records a person with the profile's employment, body, roles and positions", async () => {
    const person = await addPerson(admin.client, town.nodeId, {
      name: "张站长",
      employment: "on_payroll",
      bodyId: "town_office",
      roles: ["fire_lead"],
      positions: ["station_head", "committee_deputy"],
      phone: "13912345678",
      idNumber: ID,
    });
    expect(person).toMatchObject({ nodeId: town.nodeId, path: town.path, bodyId: "town_office", roles: ["fire_lead"], positions: ["station_head", "committee_deputy"], phone: "13912345678", idNumber: ID, personalData: "full", status: "active" });
  });

  it("refuses what the profile does not know, naming each field", async () => {
    const bad = await expectStatus<Errors>(
      admin.client.post(`/v1/nodes/${town.nodeId}/people`, { name: "李", employment: "seconded", roles: ["mayor"], positions: ["village_group_leader"], bodyId: "nowhere" }),
      400,
    );
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["body.bodyId", "body.positions[0]", "body.roles[0]", "body.secondedFrom"]);
    const fields = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${town.nodeId}/people`, { name: "王", employment: "on_payroll", phone: "12345", idNumber: "320102198001011230" }), 400);
    expect(fields.errors.map((e) => e.path).sort()).toEqual(["body.idNumber", "body.phone"]);
    const lang = await expectStatus<Errors>(app.request(`/v1/nodes/${town.nodeId}/people`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}`, "accept-language": "en" }, body: JSON.stringify({ name: "王", employment: "on_payroll", idNumber: "1" }) }), 400);
    expect(lang.errors[0]!.message).toBe("Not a valid resident ID number (format or check digit)");
  });

  it("shows phone and ID number only to admins and officers whose subtree holds the person", async () => {
    const person = await addPerson(admin.client, village.nodeId, { name: "赵网格", roles: ["grid_worker"], phone: "13800001111", idNumber: ID });
    const officer = await userAt(app, admin.client, admin.tenant.tenantId, "ppl.officer", "town_officer", town.nodeId);
    const manager = await userAt(app, admin.client, admin.tenant.tenantId, "ppl.manager", "village_manager", village.nodeId);
    const otherOfficer = await userAt(app, admin.client, admin.tenant.tenantId, "ppl.other", "town_officer", otherTown.nodeId);
    const path = `/v1/nodes/${village.nodeId}/people/${person.personId}`;
    expect(await expectStatus(officer.client.get(path), 200)).toMatchObject({ phone: "13800001111", idNumber: ID, personalData: "full" });
    expect(await expectStatus(manager.client.get(path), 200)).toMatchObject({ phone: "138****1111", idNumber: `${ID.slice(0, 6)}********${ID.slice(-4)}`, personalData: "masked" });
    const listed = await expectStatus<{ items: { personId: string; phone?: string }[] }>(manager.client.get(`/v1/nodes/${village.nodeId}/people`), 200);
    expect(listed.items.find((p) => p.personId === person.personId)?.phone).toBe("138****1111");
    await expectStatus(otherOfficer.client.get(path), 403);
    await expectStatus(manager.client.patch(path, { phone: "13800002222" }), 403);
    expect(await expectStatus(manager.client.patch(path, { roles: ["grid_worker", "village_committee_member"] }), 200)).toMatchObject({ roles: ["grid_worker", "village_committee_member"] });
  });

  it("answers 400 naming the cursor when a page cursor is not one it gave", async () => {
    for (const cursor of ["not-base64-json", Buffer.from(JSON.stringify({ pk: "T#other", sk: "P#x" })).toString("base64url")]) {
      const bad = await expectStatus<Errors>(admin.client.get(`/v1/nodes/${town.nodeId}/people?cursor=${cursor}`), 400);
      expect(bad.errors[0]!.path).toBe("query.cursor");
    }
  });

  it("marks a person as left, keeping the record", async () => {
    const person = await addPerson(admin.client, town.nodeId, { name: "离岗人" });
    expect(await expectStatus(admin.client.patch(`/v1/nodes/${town.nodeId}/people/${person.personId}`, { status: "left" }), 200)).toMatchObject({ status: "left", name: "离岗人" });
  });
});

describe("bodies and the station standard", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "丙镇");
  });

  it("names the bodies of the node's level as the profile does, with members by position", async () => {
    await addPerson(admin.client, town.nodeId, { name: "钱书记", positions: ["committee_director"], roles: ["town_head"] });
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/bodies/town_committee`, { localName: "丙镇消防安全委员会", establishedOn: "2023-09-01" }), 200);
    const org = await expectStatus<{ bodies: { bodyId: string; name: { zh: string }; setUp: boolean; localName?: string; members: { name: string; positionId: string }[]; standards: { standardId: string; items: unknown[] }[] }[] }>(
      admin.client.get(`/v1/nodes/${town.nodeId}/organisation`),
      200,
    );
    expect(org.bodies.map((b) => b.bodyId)).toEqual(["town_committee", "town_office", "town_brigade"]);
    const committee = org.bodies.find((b) => b.bodyId === "town_committee")!;
    expect(committee).toMatchObject({ name: { zh: "乡镇消防安全委员会" }, setUp: true, localName: "丙镇消防安全委员会", members: [{ name: "钱书记", positionId: "committee_director" }] });
    expect(org.bodies.find((b) => b.bodyId === "town_office")!.standards.map((s) => s.standardId)).toEqual(["eight_haves"]);
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/bodies/village_committee`, {}), 404);
  });

  it("keeps each checklist item with its evidence and date, and the finding follows", async () => {
    const items = ["premises", "sign", "seal", "rules", "funding", "equipment", "uniform"];
    for (const item of items) {
      await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/standards/eight_haves/items/${item}`, { metOn: "2023-09-20", evidence: `${item} 已落实` }), 200);
    }
    const before = await findings(admin.client, town.nodeId);
    expect(ruleOf(before, "standard.eight_haves")).toMatchObject({ status: "overdue", sourceRef: "zezhou 三(一)" });
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/standards/eight_haves/items/work_archive`, { metOn: "2023-10-08", evidence: "档案柜", photoKey: "photos/a.jpg" }), 200);
    const after = await findings(admin.client, town.nodeId);
    expect(ruleOf(after, "standard.eight_haves")).toMatchObject({ status: "met" });
    expect(ruleOf(after, "standard.eight_haves").evidence.zh).toContain("晚于期限 2023-09-30");
    const org = await expectStatus<{ bodies: { standards: { items: { itemId: string; metOn?: string; photoKey?: string }[] }[] }[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/organisation`), 200);
    expect(org.bodies[1]!.standards[0]!.items.at(-1)).toMatchObject({ itemId: "work_archive", metOn: "2023-10-08", photoKey: "photos/a.jpg" });
  });

  it("refuses an item the standard does not have, and a date still to come", async () => {
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/standards/eight_haves/items/garden`, { metOn: "2023-09-20" }), 404);
    const future = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${town.nodeId}/standards/eight_haves/items/seal`, { metOn: "2999-01-01" }), 400);
    expect(future.errors[0]!.path).toBe("body.metOn");
  });

  it("records a milestone done", async () => {
    expect(ruleOf(await findings(admin.client, town.nodeId), "milestone.town_committee").status).toBe("overdue");
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/milestones/town_committee`, { metOn: "2023-09-01", evidence: "成立文件" }), 200);
    expect(ruleOf(await findings(admin.client, town.nodeId), "milestone.town_committee")).toMatchObject({ status: "met", sourceRef: "zezhou 三(三)" });
  });
});

describe("brigades", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let neighbour: NodeRef;
  let members: string[];

  beforeAll(async () => {
    admin = await adminOf(app, "lianyungang");
    const county = await addChild(admin.client, admin.tenant.rootNodeId, "某区");
    town = await addChild(admin.client, county.nodeId, "东镇");
    neighbour = await addChild(admin.client, county.nodeId, "西镇");
    members = [];
    for (let i = 0; i < 3; i++) members.push((await addPerson(admin.client, town.nodeId, { name: `队员${i}`, employment: "contracted" })).personId);
  });

  it("keeps grade, members, engines and the nodes it covers; the findings judge them", async () => {
    const brigade = await expectStatus<{ brigadeId: string }>(
      admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, {
        name: "东镇专职消防队",
        force: "full_time_brigade",
        grade: "grade_1",
        memberIds: members,
        vehicles: [{ type: "water_tanker", count: 1 }, { type: "other_firefighting", count: 1 }],
        coveredNodeIds: [neighbour.nodeId],
        dutyStatus: "on_duty",
      }),
      201,
    );
    const home = await findings(admin.client, town.nodeId);
    expect(ruleOf(home, "brigades.town_brigade")).toMatchObject({ status: "met", sourceRef: "lianyungang 三(四)" });
    expect(home.findings.find((f) => f.ruleId === "brigades.grade.grade_1.staff")).toMatchObject({ status: "unmet", evidence: { zh: "东镇专职消防队（一级乡镇专职消防队）队员 3 人，要求 ≥15 人" } });
    expect(home.findings.find((f) => f.ruleId === "brigades.grade.grade_1.engines.other_firefighting")).toMatchObject({ status: "met" });
    expect(ruleOf(await findings(admin.client, neighbour.nodeId), "brigades.town_brigade").status).toBe("met");

    await expectStatus(admin.client.patch(`/v1/nodes/${town.nodeId}/brigades/${brigade.brigadeId}`, { status: "disbanded" }), 200);
    expect(ruleOf(await findings(admin.client, neighbour.nodeId), "brigades.town_brigade").status).toBe("unmet");
    expect(ruleOf(await findings(admin.client, town.nodeId), "brigades.town_brigade").status).toBe("unmet");
    const listed = await expectStatus<{ items: { brigadeId: string; status: string }[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/subtree/brigades`), 200);
    expect(listed.items).toContainEqual(expect.objectContaining({ brigadeId: brigade.brigadeId, status: "disbanded" }));
  });

  it("refuses a grade the profile does not have and members from elsewhere", async () => {
    const stranger = await addPerson(admin.client, neighbour.nodeId, { name: "外人" });
    const bad = await expectStatus<Errors>(admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "队", force: "full_time_brigade", grade: "grade_9", memberIds: [members[0], stranger.personId] }), 400);
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["body.grade", "body.memberIds[1]"]);
  });
});

describe("obligation records", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let village: NodeRef;
  let workers: { personId: string; nodeId: string }[];

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
    const county = await addChild(admin.client, admin.tenant.rootNodeId, "某县");
    town = await addChild(admin.client, county.nodeId, "南镇");
    village = await addChild(admin.client, town.nodeId, "南一村");
    workers = [];
    for (const name of ["网格员一", "网格员二"]) {
      const p = await addPerson(admin.client, village.nodeId, { name, employment: "contracted", roles: ["grid_worker"] });
      workers.push({ personId: p.personId, nodeId: village.nodeId });
    }
  });

  it("a training at the town counts for each attendee at their own node", async () => {
    expect(ruleOf(await findings(admin.client, village.nodeId), "obligation.rotation_training").status).not.toBe("met");
    const training = await expectStatus<{ recordId: string; attendees: unknown[] }>(
      admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "training", obligationId: "rotation_training", date: today(), course: "消防业务轮训", hours: 4, attendees: workers }),
      201,
    );
    expect(training.attendees).toHaveLength(2);
    expect(ruleOf(await findings(admin.client, village.nodeId), "obligation.rotation_training")).toMatchObject({ status: "met", sourceRef: "yancheng (十四)" });

    await expectStatus(admin.client.patch(`/v1/nodes/${town.nodeId}/records/${training.recordId}`, { attendees: [workers[0]] }), 200);
    const after = ruleOf(await findings(admin.client, village.nodeId), "obligation.rotation_training");
    expect(after.status).not.toBe("met");
    expect(after.evidence.zh).toContain("未参训：网格员二");
  });

  it("a drill in the village meets its yearly drill; a drill moved to last year no longer does", async () => {
    const drill = await expectStatus<{ recordId: string }>(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "drill", date: today(), drillType: "综合演练", participantCount: 40 }), 201);
    expect(ruleOf(await findings(admin.client, village.nodeId), "obligation.comprehensive_drill").status).toBe("met");
    const lastYear = `${Number(today().slice(0, 4)) - 1}-06-01`;
    await expectStatus(admin.client.patch(`/v1/nodes/${village.nodeId}/records/${drill.recordId}`, { date: lastYear }), 200);
    expect(ruleOf(await findings(admin.client, village.nodeId), "obligation.comprehensive_drill").status).not.toBe("met");
  });

  it("lists a node's records newest first, by kind", async () => {
    await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "meeting", date: today(), topics: ["汛期风险研判"], workNotices: ["关于做好汛期消防安全的提示"], minutes: "……" }), 201);
    const all = await expectStatus<{ items: { kind: string; recordId: string }[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/records`), 200);
    expect(all.items.map((r) => r.kind)).toEqual(["meeting", "training"]);
    const meetings = await expectStatus<{ items: { kind: string }[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/records?kind=meeting`), 200);
    expect(meetings.items.map((r) => r.kind)).toEqual(["meeting"]);
  });

  it("fills a page of one kind before the limit: 60 records of mixed kinds, 10 trainings a page while more exist", async () => {
    const node = await addChild(admin.client, town.nodeId, "南二村");
    for (let i = 0; i < 60; i++) {
      const record = i % 4 === 0 ? { kind: "training", date: today(), course: `轮训 ${i}`, hours: 2 } : { kind: "drill", date: today(), drillType: "疏散演练", participantCount: 10 + i };
      await expectStatus(admin.client.post(`/v1/nodes/${node.nodeId}/records`, record), 201);
    }
    type Page = { items: { kind: string; recordId: string }[]; cursor: string | null };
    const first = await expectStatus<Page>(admin.client.get(`/v1/nodes/${node.nodeId}/records?kind=training&limit=10`), 200);
    expect(first.items).toHaveLength(10);
    expect(first.items.every((r) => r.kind === "training")).toBe(true);
    expect(first.cursor).toBeTruthy();
    const second = await expectStatus<Page>(admin.client.get(`/v1/nodes/${node.nodeId}/records?kind=training&limit=10&cursor=${first.cursor}`), 200);
    expect(second.items.map((r) => r.kind)).toEqual(Array(5).fill("training"));
    const ids = [...first.items, ...second.items].map((r) => r.recordId);
    expect(new Set(ids).size).toBe(15);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it("refuses an obligation of another kind, a future date, and attendees that are not people of the tenant", async () => {
    const bad = await expectStatus<Errors>(
      admin.client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "meeting", obligationId: "comprehensive_drill", date: "2999-01-01", attendees: [{ personId: "nobody", nodeId: village.nodeId }] }),
      400,
    );
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["body.attendees[0]", "body.date", "body.obligationId"]);
  });
});
