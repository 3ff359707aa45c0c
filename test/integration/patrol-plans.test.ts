import { beforeAll, describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { userAt } from "../support/tenants.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

// yancheng (十): 清单化 — a high-risk venue names its patroller, frequency and
// method (the profile's patrol_plan policy). Officers set the plan; the
// named patroller gets a task each period of its frequency, theirs alone.

const app = testApp(testDb());
const TZ = "Asia/Shanghai";
type County = Awaited<ReturnType<typeof county>>;
const WEEKLY = { every: 1, unit: "week" };

async function allPass(c: County, venueId: string) {
  const list = await expectStatus<{ items: { category: string; itemId: string }[] }>(c.admin.client.get(`/v1/venues/${venueId}/checklist`), 200);
  return list.items.map((i) => ({ category: i.category, itemId: i.itemId, result: "pass" }));
}

const planTasks = async (c: County, venueId: string, state = "open") =>
  (await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/inspection-tasks?nodeId=${c.root.nodeId}&state=${state}&limit=200`), 200)).items.filter((t) => t.kind === "plan" && t.venueId === venueId);
const missing = async (c: County) => (await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/venues?patrolPlan=missing&limit=200`), 200)).items.map((v) => v.venueId);

describe("yancheng (十): patrol plans of high-risk venues", () => {
  let c: County;
  let officer: Awaited<ReturnType<typeof userAt>>;
  let village: Awaited<ReturnType<typeof userAt>>;
  let other: Awaited<ReturnType<typeof userAt>>;
  let risky: Json;
  let plain: Json;
  beforeAll(async () => {
    c = await county(app, "yancheng");
    officer = await userAt(app, c.admin.client, c.tenantId, "pp-officer", "town_officer", c.town.nodeId);
    village = await userAt(app, c.admin.client, c.tenantId, "pp-village", "village_manager", c.village.nodeId);
    other = await userAt(app, c.admin.client, c.tenantId, "pp-grid-b", "grid_worker", c.grid1.nodeId);
    risky = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "高风险小场所", nodeId: c.grid1.nodeId, kinds: ["small_venue"], riskGrade: "high" }), 201);
    plain = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "一般小场所", nodeId: c.grid1.nodeId, kinds: ["small_venue"] }), 201);
  }, 60_000);

  it("yancheng (十): a high-risk venue falls under the plan rule and is listed as missing its plan until one is set; another venue is not", async () => {
    expect(risky).toMatchObject({ patrolPlanPolicy: "high_risk_patrol_plan" });
    expect(risky.patrolPlan).toBeUndefined();
    expect(plain.patrolPlanPolicy).toBeUndefined();
    const listed = await missing(c);
    expect(listed).toContain(risky.venueId);
    expect(listed).not.toContain(plain.venueId);
  });

  it("yancheng (十): only admins and town officers set a plan, naming someone who may inspect there, for a venue the rule covers", async () => {
    const plan = { patrollerId: c.worker1.userId, frequency: WEEKLY, method: "on_site" };
    expect((await body(village.client.post(`/v1/venues/${risky.venueId}/patrol-plan`, plan))).status).toBe(403);
    expect((await body(c.worker1.client.post(`/v1/venues/${risky.venueId}/patrol-plan`, plan))).status).toBe(403);
    const outOfScope = await body(officer.client.post(`/v1/venues/${risky.venueId}/patrol-plan`, { ...plan, patrollerId: c.worker2.userId }));
    expect(outOfScope.status).toBe(400);
    expect(outOfScope.body.errors.map((e: Json) => [e.path, e.code])).toEqual([["body.patrollerId", "venue.patroller_cannot_inspect"]]);
    const badMethod = await body(officer.client.post(`/v1/venues/${risky.venueId}/patrol-plan`, { ...plan, method: "telepathy" }));
    expect(badMethod.status).toBe(400);
    expect(badMethod.body.errors[0].path).toBe("body.method");
    const notCovered = await body(officer.client.post(`/v1/venues/${plain.venueId}/patrol-plan`, plan));
    expect(notCovered.status).toBe(400);
    expect(notCovered.body.code).toBe("venue.patrol_plan_not_required");
    expect(await planTasks(c, risky.venueId)).toEqual([]);
  });

  it("yancheng (十): a named patroller gets the task at once; another grid worker may not perform it (403, nothing stored, task open)", async () => {
    const now = new Date();
    const set = await expectStatus<Json>(officer.client.post(`/v1/venues/${risky.venueId}/patrol-plan`, { patrollerId: c.worker1.userId, frequency: WEEKLY, method: "night", note: "重点查夜间住人" }), 200);
    expect(set.patrolPlan).toMatchObject({ patrollerId: c.worker1.userId, frequency: WEEKLY, method: "night", setBy: officer.userId });
    expect(await missing(c)).not.toContain(risky.venueId);

    const [task, ...more] = await planTasks(c, risky.venueId);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ category: "high_risk_patrol_plan", period: Inspections.periodOf(WEEKLY as never, now, TZ).key, assigneeId: c.worker1.userId, assigneeName: expect.any(String), path: c.grid1.path });

    const items = await allPass(c, risky.venueId);
    const refused = await body(other.client.post(`/v1/venues/${risky.venueId}/inspections`, { taskId: task!.taskId, items }));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("inspection.task_assigned");
    expect((await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/venues/${risky.venueId}/inspections`), 200)).items).toEqual([]);
    // Nor does an ad hoc visit of the other grid worker settle it: it is recorded, the patroller's task stays open.
    const adHoc = await expectStatus<Json>(other.client.post(`/v1/venues/${risky.venueId}/inspections`, { items }), 201);
    // (It settles the venue's regular coverage of the month, which any grid worker may.)
    expect(adHoc.taskIds.filter((id: string) => id.includes(".high_risk_patrol_plan."))).toEqual([]);
    expect(await planTasks(c, risky.venueId)).toHaveLength(1);

    const done = await expectStatus<Json>(c.worker1.client.post(`/v1/venues/${risky.venueId}/inspections`, { taskId: task!.taskId, items }), 201);
    expect(done.taskIds).toEqual([task!.taskId]);
    expect(await planTasks(c, risky.venueId)).toEqual([]);
    expect((await planTasks(c, risky.venueId, "done")).map((t) => t.taskId)).toEqual([task!.taskId]);

    const history = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/venues/${risky.venueId}/history`), 200);
    expect(history.items.map((e) => e.action)).toEqual(["create", "plan"]);
  });

  it("yancheng (十): a new plan hands the open task to its patroller; the daily job then changes nothing, and makes the next period's task for them", async () => {
    const daily = { patrollerId: other.userId, frequency: { every: 1, unit: "day" }, method: "on_site" };
    await expectStatus(officer.client.post(`/v1/venues/${risky.venueId}/patrol-plan`, daily), 200);
    // The weekly plan's task (done) stays as it was; the daily plan's of today is the only open one.
    const [today, ...more] = await planTasks(c, risky.venueId);
    expect(more).toEqual([]);
    expect(today).toMatchObject({ assigneeId: other.userId, period: Inspections.periodOf(daily.frequency as never, new Date(), TZ).key });
    // Another patroller named: the same open task is now theirs alone.
    await expectStatus(officer.client.post(`/v1/venues/${risky.venueId}/patrol-plan`, { ...daily, patrollerId: c.worker1.userId }), 200);
    expect((await planTasks(c, risky.venueId)).map((t) => [t.taskId, t.assigneeId])).toEqual([[today!.taskId, c.worker1.userId]]);
    const refused = await body(other.client.post(`/v1/venues/${risky.venueId}/inspections`, { taskId: today!.taskId, items: await allPass(c, risky.venueId) }));
    expect(refused.status).toBe(403);

    expect((await Inspections.scheduleTenant(c.tenantId, TZ, new Date())).created).toBe(0);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await Inspections.scheduleTenant(c.tenantId, TZ, tomorrow)).created).toBe(1);
    const open = await planTasks(c, risky.venueId);
    expect(open.map((t) => [t.period, t.assigneeId]).sort()).toEqual(
      [
        [today!.period, c.worker1.userId],
        [Inspections.periodOf(daily.frequency as never, tomorrow, TZ).key, c.worker1.userId],
      ].sort(),
    );
  });
});
