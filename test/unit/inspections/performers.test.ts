import { describe, expect, it } from "vitest";
import { Inspections, type Profiles } from "@firegov/core";
import { getPreset } from "@firegov/profiles";

type PolicyProfile = Profiles.PolicyProfile;
const TZ = "Asia/Shanghai";
const qidong = getPreset("qidong")!;
const songjiang = getPreset("songjiang")!;
const yancheng = getPreset("yancheng")!;
const user = (role: string, userId = "u1") => ({ type: "user", userId, role: role as never });
const taskOf = (profile: PolicyProfile, category: string, extra: { assigneeId?: string } = {}) => ({ responsibleRole: profile.inspectionCategories.find((c) => c.id === category)!.responsibleRole, ...extra });

describe("who may perform a task: the profile's roles mapped to the platform's", () => {
  it("qidong 二(五): a grid worker may perform a grid-patrol task, a brigade member or a town officer may not", () => {
    const task = taskOf(qidong, "grid_patrol");
    expect(Inspections.mayPerform(qidong, user("grid_worker"), task)).toBe(true);
    expect(Inspections.mayPerform(qidong, user("brigade_member"), task)).toBe(false);
    expect(Inspections.mayPerform(qidong, user("town_officer"), task)).toBe(false);
    expect(Inspections.mayPerform(qidong, user("viewer"), task)).toBe(false);
  });

  it("songjiang 六(一): the committee's fire staff are village managers, the town's patrollers town officers (by the roles' bodies and ids)", () => {
    expect(Inspections.platformRolesOf(songjiang, "village_fire_staff")).toEqual(["village_manager"]);
    expect(Inspections.platformRolesOf(songjiang, "town_patroller")).toEqual(["town_officer"]);
    expect(Inspections.mayPerform(songjiang, user("grid_worker"), taskOf(songjiang, "street"))).toBe(false);
    expect(Inspections.mayPerform(songjiang, user("town_officer"), taskOf(songjiang, "street"))).toBe(true);
  });

  it("falls back on the role's body where the id has no default: a police station's officer acts as a department liaison", () => {
    expect(Inspections.DEFAULT_ACTS_AS.police_officer).toBeUndefined();
    expect(Inspections.platformRolesOf(qidong, "police_officer")).toEqual(["department_liaison"]);
    expect(Inspections.platformRolesOf(qidong, "no_such_role")).toEqual([]);
  });

  it("takes the profile's own `actsAs` over the default: a county whose grid workers also walk the town's patrols says so", () => {
    const edited = structuredClone(songjiang);
    edited.roles = edited.roles.map((r) => (r.id === "town_patroller" ? { ...r, actsAs: ["town_officer", "grid_worker"] as const } : r)) as never;
    expect(Inspections.mayPerform(edited, user("grid_worker"), taskOf(edited, "street"))).toBe(true);
    expect(Inspections.mayPerform(songjiang, user("grid_worker"), taskOf(songjiang, "street"))).toBe(false);
  });

  it("gives a task with an assignee to that user alone, whatever their role", () => {
    const task = taskOf(qidong, "grid_patrol", { assigneeId: "u1" });
    expect(Inspections.mayPerform(qidong, user("grid_worker", "u1"), task)).toBe(true);
    expect(Inspections.mayPerform(qidong, user("grid_worker", "u2"), task)).toBe(false);
    expect(Inspections.mayPerform(qidong, user("tenant_admin", "u3"), task)).toBe(false);
    expect(Inspections.mayPerform(qidong, { type: "system" }, task)).toBe(true);
  });
});

describe("yancheng (十): a high-risk venue's patrol plan makes a task for its patroller each period of its frequency", () => {
  const venue = (extra: Partial<Inspections.ScheduledVenue> = {}): Inspections.ScheduledVenue => ({
    venueId: "shop",
    name: "小场所甲",
    nodeId: "village1",
    path: "/city/county/town1/village1",
    categories: ["small_venue_patrol"],
    status: "active",
    patrolPlanPolicy: "high_risk_patrol_plan",
    patrolPlan: { patrollerId: "p1", patrollerName: "王巡查", frequency: { every: 1, unit: "week" } },
    ...extra,
  });
  const now = new Date("2026-11-26T04:00:00Z");
  // The category's own coverage tasks come beside the plan's; these tests look at the plan's.
  const planTasks = (...args: Parameters<typeof Inspections.dueTasks>) => Inspections.dueTasks(...args).filter((t) => t.kind === "plan");

  it("a weekly plan: one task this week, for the named patroller, listed at the venue", () => {
    expect(planTasks(yancheng, [venue()], now, TZ)).toEqual([
      expect.objectContaining({ kind: "plan", subjectId: "shop", category: "high_risk_patrol_plan", period: "W2026-11-23", assigneeId: "p1", assigneeName: "王巡查", responsibleRole: "patroller", path: "/city/county/town1/village1", venueId: "shop" }),
    ]);
  });

  it("none without a plan, for a retired venue, or once the profile drops the policy", () => {
    expect(planTasks(yancheng, [venue({ patrolPlan: undefined })], now, TZ)).toEqual([]);
    expect(Inspections.dueTasks(yancheng, [venue({ status: "retired" })], now, TZ)).toEqual([]);
    const without = { ...yancheng, venues: { ...yancheng.venues, policies: yancheng.venues.policies.filter((p) => p.kind !== "patrol_plan") } };
    expect(planTasks(without, [venue()], now, TZ)).toEqual([]);
  });
});
