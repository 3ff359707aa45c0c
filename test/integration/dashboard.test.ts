import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { Compliance, Dashboard, Hazards, tenantDb, withActor, withRequest, type Actor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { forward, hazardOp, playHazardOps, withdrawOpen, type HazardOp } from "../support/hazard-ops.ts";
import { addNode, adminOf } from "../support/tenants.ts";

// The leaders' dashboard (issue 17, Build 2) reads only maintained counters;
// here every figure it shows is checked against the hazards themselves after
// a random sequence of reports, loop actions, listings, waits and sweeps.

const app = testApp(testDb());
const TZ = "Asia/Shanghai";
const op = hazardOp({ createWeight: 3, maxWaitHours: 1000, listings: true });

/** One sequence run before the random ones, so that every figure is reached whatever the draw: closes in two months, a listed hazard, an overdue one. */
const REACHES_ALL: HazardOp[] = [
  { kind: "create", node: 2, severity: "general", venue: null },
  ...forward(0, 5),
  { kind: "wait", hours: 1000 },
  { kind: "create", node: 1, severity: "general", venue: 0 },
  ...forward(1, 5),
  { kind: "create", node: 0, severity: "general", venue: null },
  ...forward(2, 2),
  { kind: "list", target: 2, off: false },
  { kind: "wait", hours: 1000 },
  { kind: "sweep" },
];

/** The dashboard's hazard figures worked out from the hazards and their timelines alone (no counter read). */
function truthFor(node: string, months: readonly string[], timelines: Hazards.Timeline[]) {
  const month = months.at(-1)!;
  const inWindow = new Set(months);
  const open: Record<string, Record<string, number>> = {};
  const overdue: Record<string, number> = {};
  const listed: Record<string, number> = {};
  const opened: Record<string, number> = {};
  const closed: Record<string, number> = {};
  const durations: number[] = [];
  const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);
  for (const { hazard, events } of timelines) {
    const h = hazard!;
    if (!h.path.split("/").includes(node)) continue;
    const severity = h.severity ?? "none";
    if (Hazards.isOpen(h.state)) {
      bump((open[h.state] ??= {}), severity);
      if (h.overdue) bump(overdue, severity);
      if (h.listings.length) bump(listed, severity);
    }
    const reported = Hazards.localMonth(new Date(h.createdAt), TZ);
    if (inWindow.has(reported)) bump(opened, reported);
    let openedAt = h.createdAt;
    const closedIn = new Set<number>();
    for (const e of events) {
      if (e.action === "reopen") openedAt = e.at;
      // The events of one change share its version and its from/to (a close that ends a listing adds "delisted"): one close per change.
      if (e.to === "closed" && e.from !== "closed" && !closedIn.has(e.version)) {
        closedIn.add(e.version);
        const m = Hazards.localMonth(new Date(e.at), TZ);
        if (!inWindow.has(m)) continue;
        bump(closed, m);
        durations.push(Date.parse(e.at) - Date.parse(openedAt));
      }
    }
  }
  durations.sort((a, b) => a - b);
  /** The bucket of the k-th shortest close, k = ceil(q·n): the quantile from the closes themselves. */
  const quantile = (q: number) => {
    if (!durations.length) return null;
    const bucket = Hazards.ttcBucket(durations[Math.max(1, Math.ceil(q * durations.length - 1e-9)) - 1]!);
    const index = bucket === "inf" ? Hazards.TTC_BUCKETS.length : Hazards.TTC_BUCKETS.indexOf(Number(bucket) as (typeof Hazards.TTC_BUCKETS)[number]);
    return { above: index === 0 ? 0 : Hazards.TTC_BUCKETS[index - 1]!, atMost: bucket === "inf" ? null : Number(bucket) };
  };
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return {
    open,
    openTotal: Object.values(open).reduce((a, r) => a + sum(r), 0),
    overdue: { total: sum(overdue), bySeverity: overdue },
    listed: { total: sum(listed), bySeverity: listed },
    closedThisMonth: closed[month] ?? 0,
    closes: durations.length,
    medianDays: quantile(0.5),
    p90Days: quantile(0.9),
    trend: months.map((m) => ({ month: m, opened: opened[m] ?? 0, closed: closed[m] ?? 0 })),
  };
}

describe("dashboard", () => {
  let tenantId: string;
  let root: { nodeId: string; path: string };
  let admin: Awaited<ReturnType<typeof adminOf>>;
  beforeAll(async () => {
    admin = await adminOf(app, "songjiang");
    tenantId = admin.tenant.tenantId;
    root = { nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` };
  });

  it("songjiang 八(三): every figure equals the ground truth from the hazards after any sequence of reports, actions, listings, waits and sweeps", async () => {
    let run = 0;
    // What the runs reached, so that a property passing on empty figures is seen.
    const reached = { listed: 0, overdue: 0, closes: 0, monthsWithCloses: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 25, maxLength: 50 }), async (ops) => {
        run += 1;
        const played = await playHazardOps(tenantId, TZ, root, run, ops);
        const { places, timelines, clock, as } = played;
        // The dashboard is asked at the last step's time.
        for (const node of places) {
          const shown = await as(() => Dashboard.getDashboard({ path: node.path }, { now: new Date(clock) }));
          const truth = truthFor(node.nodeId, Dashboard.monthsEnding(shown.month, Dashboard.TREND_MONTHS), timelines);
          expect(shown.hazards.open.byStateAndSeverity).toEqual(truth.open);
          expect(shown.hazards.open.total).toBe(truth.openTotal);
          expect(shown.hazards.overdue).toEqual(truth.overdue);
          expect(shown.hazards.listed).toEqual(truth.listed);
          expect(shown.hazards.closedThisMonth).toBe(truth.closedThisMonth);
          expect(shown.hazards.timeToClose.closes).toBe(truth.closes);
          expect(shown.hazards.timeToClose.medianDays).toEqual(truth.medianDays);
          expect(shown.hazards.timeToClose.p90Days).toEqual(truth.p90Days);
          expect(shown.hazards.trend).toEqual(truth.trend);
          reached.listed += truth.listed.total;
          reached.overdue += truth.overdue.total;
          reached.closes += truth.closes;
          for (const t of truth.trend) if (t.closed) reached.monthsWithCloses.add(t.month);
        }

        await withdrawOpen(played);
      }),
      { numRuns: 12, endOnFailure: true, examples: [[REACHES_ALL]] },
    );
    expect(reached.listed).toBeGreaterThan(0);
    expect(reached.overdue).toBeGreaterThan(0);
    expect(reached.closes).toBeGreaterThan(0);
    expect(reached.monthsWithCloses.size).toBeGreaterThan(1);
  }, 240_000);

  it("songjiang 八(三): GET /v1/dashboard gives the caller's scope by default, the towns' compliance counts, and refuses a malformed path naming the field", async () => {
    // A tenant of its own: the property's runs add towns by the dozen.
    const admin = await adminOf(app, "songjiang");
    const tenantId = admin.tenant.tenantId;
    const root = { nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` };
    const town = await addNode(tenantId, root, "town", "驾驶舱镇");
    await withActor({ type: "system", tenantId, job: "test" }, () => Compliance.refreshRollup({}));
    const res = await admin.client.get("/v1/dashboard");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Dashboard.Dashboard;
    expect(body.path).toBe(root.path);
    expect(body.hazards.trend).toHaveLength(12);
    const rollup = (await (await admin.client.get("/v1/compliance/rollup?limit=200")).json()) as { items: { counts: { met: number; unmet: number } }[] };
    expect(body.compliance?.towns).toBe(rollup.items.length);
    expect(body.compliance?.towns).toBeGreaterThan(0);
    expect(body.compliance?.unmet).toBe(rollup.items.reduce((n, t) => n + t.counts.unmet, 0));
    expect(body.compliance?.met).toBe(rollup.items.reduce((n, t) => n + t.counts.met, 0));
    expect(Array.isArray(body.coverage)).toBe(true);
    for (const c of body.coverage!) expect(c).toMatchObject({ due: 0, inspected: 0, percent: 100 });
    const one = (await (await admin.client.get(`/v1/dashboard?path=${encodeURIComponent(town.path)}`)).json()) as Dashboard.Dashboard;
    expect(one.compliance?.towns).toBe(1);
    const bad = await admin.client.get("/v1/dashboard?path=nope");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("query.path");
  }, 60_000);

  it("sets the counters the dashboard added (listed, opened) from the hazards themselves for data written before them, and a second run changes nothing", async () => {
    const town = await addNode(tenantId, root, "town", "补数镇");
    const officer: Actor = { type: "user", tenantId, userId: "officer-recount", role: "town_officer", scopeNodeId: town.nodeId, scopePath: town.path, sessionId: "recount" };
    const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: "recount" }, () => withActor(officer, fn));
    const ids: string[] = [];
    for (const severity of ["general", "major", "general"]) ids.push((await as(() => Hazards.createHazard({ nodeId: town.nodeId, code: "ebike_charging", severity, description: "补数测试隐患", source: "inspection" }))).hazardId);
    await as(() => Hazards.actOnHazard({ action: "register" }, ids[0]!));
    await as(() => Hazards.actOnHazard({ action: "list", level: "town", trigger: "hard_to_fix", criteria: ["难以推动整改"], reason: "补数测试" }, ids[0]!));
    const before = await as(() => Dashboard.getDashboard({ path: town.path }));
    expect(before.hazards.listed).toEqual({ total: 1, bySeverity: { general: 1 } });
    // As the data stood before the deploy that added them: no listed# or opened# counter anywhere.
    await withActor({ type: "system", tenantId, job: "test" }, async () => {
      const { hazardCounter } = tenantDb().service.entities;
      for (const nodeId of [root.nodeId, town.nodeId]) {
        const { data } = await hazardCounter.query.byNode({ tenantId, nodeId }).go({ pages: "all" });
        const stale = data.filter((c) => c.metric.startsWith("listed#") || c.metric.startsWith("opened#"));
        if (stale.length) await hazardCounter.delete(stale.map((c) => ({ tenantId, nodeId, metric: c.metric }))).go();
      }
    });
    expect((await as(() => Dashboard.getDashboard({ path: town.path }))).hazards.listed.total).toBe(0);
    // The daily job recounts once and marks the tenant; its next run does nothing.
    const tenant = { tenantId, timeZone: "Asia/Shanghai" };
    const first = await Hazards.dashboardRecountJob.forTenant(tenant, new Date());
    expect(first.skipped).toBe(0);
    expect(first.hazards).toBeGreaterThanOrEqual(3);
    expect(first.written).toBeGreaterThan(0);
    expect(await Hazards.dashboardRecountJob.forTenant(tenant, new Date())).toMatchObject({ skipped: 1, written: 0 });
    const after = await as(() => Dashboard.getDashboard({ path: town.path }));
    expect(after.hazards.listed).toEqual(before.hazards.listed);
    expect(after.hazards.trend).toEqual(before.hazards.trend);
    expect(after.hazards.trend.at(-1)!.opened).toBe(3);
    // Taken off the list now, the count goes to 0, not below.
    await as(() => Hazards.actOnHazard({ action: "delist", level: "town", reason: "补数测试" }, ids[0]!));
    expect((await as(() => Dashboard.getDashboard({ path: town.path }))).hazards.listed).toEqual({ total: 0, bySeverity: {} });
    expect((await withActor({ type: "system", tenantId, job: "recount" }, () => Hazards.recountDashboardCounters())).written).toBe(0);
  }, 60_000);
});
