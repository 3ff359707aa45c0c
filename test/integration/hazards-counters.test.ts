import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError, Hazards, withActor, withRequest, type Actor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addNode, adminOf } from "../support/tenants.ts";

const app = testApp(testDb());
const HOUR = 3_600_000;
const TZ = "Asia/Shanghai";

type Op =
  | { kind: "create"; node: 0 | 1 | 2; severity: "general" | "major"; venue: number | null }
  | { kind: "act"; target: number; choice: number; wild: boolean }
  | { kind: "wait"; hours: number }
  | { kind: "sweep" };

const ACTIONS = ["register", "dispatch", "start", "submit", "close", "reject", "fix_on_spot", "withdraw", "reopen"] as const;
/** Mostly the moves a hazard's state allows, so that sequences get somewhere; sometimes any move, to be refused. */
const NEXT: Record<string, readonly (typeof ACTIONS)[number][]> = {
  discovered: ["register", "register", "fix_on_spot", "withdraw"],
  registered: ["dispatch", "dispatch", "withdraw"],
  dispatched: ["start", "start", "withdraw"],
  rectifying: ["submit", "submit", "withdraw"],
  verifying: ["close", "close", "reject"],
  closed: ["reopen"],
  withdrawn: ["reopen"],
};
const REASONED = new Set<string>(["reject", "withdraw", "reopen"]);

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("create" as const), node: fc.constantFrom(0 as const, 1 as const, 2 as const), severity: fc.constantFrom("general" as const, "major" as const), venue: fc.option(fc.nat(2)) }) },
  { weight: 14, arbitrary: fc.record({ kind: fc.constant("act" as const), target: fc.nat(), choice: fc.nat(), wild: fc.nat(9).map((n) => n === 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "sweep" as const }) },
);

/** What the counters should say, worked out from the hazards and their timelines alone. */
function groundTruth(nodes: string[], timelines: Hazards.Timeline[]) {
  const truth = new Map(nodes.map((n) => [n, { open: {} as Record<string, Record<string, number>>, overdue: {} as Record<string, number>, closed: {} as Record<string, number>, ttc: {} as Record<string, number> }]));
  const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);
  for (const { hazard, events } of timelines) {
    const h = hazard!;
    const under = nodes.filter((n) => h.path.split("/").includes(n));
    let openedAt = "";
    const closes: { month: string; bucket: string }[] = [];
    for (const e of events) {
      if (e.action === "create" || e.action === "reopen") openedAt = e.at;
      if (e.action === "close") closes.push({ month: Hazards.localMonth(new Date(e.at), TZ), bucket: Hazards.ttcBucket(Date.parse(e.at) - Date.parse(openedAt)) });
    }
    for (const n of under) {
      const t = truth.get(n)!;
      if (Hazards.isOpen(h.state)) {
        t.open[h.state] ??= {};
        bump(t.open[h.state]!, h.severity ?? "none");
        if (h.overdue) bump(t.overdue, h.severity ?? "none");
      }
      for (const c of closes) {
        bump(t.closed, c.month);
        bump(t.ttc, c.bucket);
      }
    }
  }
  return truth;
}

describe("counters", () => {
  let tenantId: string;
  let root: { nodeId: string; path: string };
  beforeAll(async () => {
    const admin = await adminOf(app, "songjiang");
    tenantId = admin.tenant.tenantId;
    root = { nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` };
  });

  it("equal the ground truth after any sequence of reports, actions, waits and sweeps", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 50 }), async (ops) => {
        run += 1;
        const town = await addNode(tenantId, root, "town", `镇${run}`);
        const village = await addNode(tenantId, town, "village", `村${run}`);
        const grid = await addNode(tenantId, village, "grid", `网格${run}`);
        const places = [town, village, grid];
        const officer: Actor = { type: "user", tenantId, userId: `officer-${run}`, role: "town_officer", scopeNodeId: town.nodeId, scopePath: town.path, sessionId: "property" };
        let clock = Date.now() + 1000;
        const ids: string[] = [];
        const states = new Map<string, string>();
        const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: `property-${run}` }, () => withActor(officer, fn));
        const refusedOk = (err: unknown) => {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
        };

        for (const step of ops) {
          clock += 1000;
          const now = new Date(clock);
          if (step.kind === "wait") clock += step.hours * HOUR;
          else if (step.kind === "sweep") await Hazards.sweepTenant(tenantId, TZ, now);
          else if (step.kind === "create") {
            const input = {
              nodeId: places[step.node]!.nodeId,
              code: "ebike_charging",
              severity: step.severity,
              description: "属性测试隐患",
              source: "inspection",
              ...(step.venue === null ? {} : { venueId: `r${run}-v${step.venue}` }),
            };
            const created = await as(() => Hazards.createHazard(input, { now })).catch(refusedOk);
            if (created && !ids.includes(created.hazardId)) ids.push(created.hazardId);
            if (created) states.set(created.hazardId, created.state);
          } else if (ids.length) {
            const id = ids[step.target % ids.length]!;
            const moves = step.wild ? ACTIONS : NEXT[states.get(id)!]!;
            const action = moves[step.choice % moves.length]!;
            const body = { action, ...(REASONED.has(action) ? { reason: "属性测试" } : {}) };
            const after = await as(() => Hazards.actOnHazard(body, id, { now })).catch(refusedOk);
            if (after) states.set(id, after.state);
          }
        }

        const timelines = await as(() => Promise.all(ids.map((id) => Hazards.getTimeline({ limit: 200 }, id))));
        const truth = groundTruth([town.nodeId, village.nodeId, grid.nodeId], timelines);
        for (const node of places) {
          const counted = await as(() => Hazards.getCounters({ path: node.path }));
          const expected = truth.get(node.nodeId)!;
          expect(counted.open.byStateAndSeverity).toEqual(expected.open);
          expect(counted.overdue.bySeverity).toEqual(expected.overdue);
          expect(counted.closed.byMonth).toEqual(expected.closed);
          expect(counted.timeToClose.histogram).toEqual(expected.ttc);
        }

        // Leave nothing open, so later runs' sweeps have only their own hazards to look at.
        for (const { hazard } of timelines) {
          if (Hazards.isOpen(hazard!.state)) await as(() => Hazards.actOnHazard({ action: "withdraw", reason: "测试结束" }, hazard!.hazardId, { now: new Date(clock + 1000) }));
        }
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
