import { beforeAll, describe, expect, it } from "vitest";
import { Compliance, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, addPerson, expectStatus, findings, ruleOf, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";

type Admin = Awaited<ReturnType<typeof adminOf>>;
type Profile = { staffing: { rules: { id: string; requirement: { min: number } }[] } };

describe("findings follow the profile version in effect", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  let publishedAt: number;
  let effectiveFrom: string;

  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇");
    for (const employment of ["on_payroll", "on_payroll", "auxiliary"]) await addPerson(admin.client, town.nodeId, { name: `站员${employment}`, employment, bodyId: "town_office" });

    // Raise the on-payroll minimum from 2 to 3, in effect two days from now.
    const draft = await expectStatus<{ rev: number; profile: Profile }>(admin.client.get("/v1/profile/draft"), 200);
    draft.profile.staffing.rules.find((r) => r.id === "station_on_payroll")!.requirement.min = 3;
    const saved = await app.request("/v1/profile/draft", {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ profile: draft.profile, rev: draft.rev }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    publishedAt = Date.now();
    effectiveFrom = new Date(publishedAt + 2 * 86_400_000).toISOString();
    await expectStatus(admin.client.post("/v1/profile/publish", { effectiveFrom, note: "在编人员不少于3名" }), 201);
  });

  it("before the new version's date: version 1, two on-payroll staff meet 三(二)", async () => {
    const now = await findings(admin.client, town.nodeId);
    expect(now.profileVersion).toBe(1);
    expect(ruleOf(now, "staffing.station_on_payroll")).toMatchObject({ status: "met", sourceRef: "zezhou 三(二)", evidence: { zh: "在编人员 2 人，要求 ≥2 人" } });
    const justBefore = await findings(admin.client, town.nodeId, new Date(Date.parse(effectiveFrom) - 1000).toISOString());
    expect(justBefore.profileVersion).toBe(1);
    expect(ruleOf(justBefore, "staffing.station_on_payroll").status).toBe("met");
  });

  it("from the new version's date: version 2, the same two fall short", async () => {
    const later = await findings(admin.client, town.nodeId, new Date(Date.parse(effectiveFrom) + 3_600_000).toISOString());
    expect(later.profileVersion).toBe(2);
    expect(ruleOf(later, "staffing.station_on_payroll")).toMatchObject({ status: "unmet", sourceRef: "zezhou 三(二)", evidence: { zh: "在编人员 2 人，要求 ≥3 人", en: "on-payroll staff 2, required ≥3" } });
  });

  it("a third on-payroll member meets the raised minimum", async () => {
    await addPerson(admin.client, town.nodeId, { name: "新站员", employment: "on_payroll", bodyId: "town_office" });
    const later = await findings(admin.client, town.nodeId, new Date(Date.parse(effectiveFrom) + 3_600_000).toISOString());
    expect(ruleOf(later, "staffing.station_on_payroll").status).toBe("met");
  });

  it("answers 404 before the tenant had any profile", async () => {
    await expectStatus(admin.client.get(`/v1/compliance/nodes/${town.nodeId}?at=2000-01-01T00:00:00Z`), 404);
  });
});

describe("town roll-up", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let county: NodeRef;
  let townA: NodeRef;
  let townB: NodeRef;
  let village: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
    county = await addChild(admin.client, admin.tenant.rootNodeId, "某县");
    townA = await addChild(admin.client, county.nodeId, "甲镇", { tier: "other" });
    townB = await addChild(admin.client, county.nodeId, "乙镇", { tier: "developed" });
    village = await addChild(admin.client, townA.nodeId, "甲一村");
    await expectStatus(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "drill", date: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()) }), 201);
  });

  it("counts findings per town, the town and everything under it, after a refresh", async () => {
    const refreshed = await expectStatus<{ items: { nodeId: string; counts: Record<string, number>; nodesEvaluated: number; profileVersion: number }[] }>(admin.client.post("/v1/compliance/refresh", { nodeId: county.nodeId }), 200);
    expect(refreshed.items.map((r) => r.nodeId)).toEqual([townA, townB].sort((x, y) => (x.path < y.path ? -1 : 1)).map((n) => n.nodeId));
    const rollup = await expectStatus<{ items: { nodeId: string; counts: Record<string, number>; nodesEvaluated: number; profileVersion: number }[] }>(admin.client.get(`/v1/compliance/rollup?nodeId=${county.nodeId}`), 200);
    const a = rollup.items.find((r) => r.nodeId === townA.nodeId)!;
    expect(a.nodesEvaluated).toBe(2);
    expect(a.profileVersion).toBe(1);
    // The village's drill is met; the rest of the two nodes' judged rules are not yet.
    const town = await findings(admin.client, townA.nodeId);
    const vill = await findings(admin.client, village.nodeId);
    const sum = (status: string) => [...town.findings, ...vill.findings].filter((f) => f.status === status).length;
    expect(a.counts).toEqual({ met: sum("met"), unmet: sum("unmet"), due_soon: sum("due_soon"), overdue: sum("overdue"), not_applicable: sum("not_applicable") });
    expect(a.counts.met).toBeGreaterThanOrEqual(1);
  });

  it("refreshes as the system for a scheduled job: the whole tenant", async () => {
    const result = await withActor({ type: "system", tenantId: admin.tenant.tenantId, job: "compliance.refresh" }, () => Compliance.refreshRollup({}));
    expect(result.items.map((r) => r.nodeId).sort()).toEqual([townA.nodeId, townB.nodeId].sort());
  });

  it("a town officer refreshes and reads their own town only; a grid worker cannot refresh", async () => {
    const officer = await userAt(app, admin.client, admin.tenant.tenantId, "roll.officer", "town_officer", townB.nodeId);
    const own = await expectStatus<{ items: { nodeId: string }[] }>(officer.client.post("/v1/compliance/refresh", {}), 200);
    expect(own.items.map((r) => r.nodeId)).toEqual([townB.nodeId]);
    expect((await expectStatus<{ items: { nodeId: string }[] }>(officer.client.get("/v1/compliance/rollup"), 200)).items.map((r) => r.nodeId)).toEqual([townB.nodeId]);
    await expectStatus(officer.client.get(`/v1/compliance/rollup?nodeId=${county.nodeId}`), 403);
    await expectStatus(officer.client.post("/v1/compliance/refresh", { nodeId: townA.nodeId }), 403);
    await expectStatus(officer.client.get(`/v1/compliance/nodes/${townA.nodeId}`), 403);
    const grid = await userAt(app, admin.client, admin.tenant.tenantId, "roll.grid", "grid_worker", village.nodeId);
    await expectStatus(grid.client.post("/v1/compliance/refresh", {}), 403);
    expect(ruleOf(await findings(grid.client, village.nodeId), "obligation.comprehensive_drill").status).toBe("met");
  });
});
