import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { hazardOp, playHazardOps, withdrawOpen } from "../support/hazard-ops.ts";
import { adminOf } from "../support/tenants.ts";

const app = testApp(testDb());
const TZ = "Asia/Shanghai";
const op = hazardOp({ createWeight: 2, maxWaitHours: 600, listings: false });

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
        const played = await playHazardOps(tenantId, TZ, root, run, ops);
        const { places, timelines, as } = played;
        const truth = groundTruth(places.map((p) => p.nodeId), timelines);
        for (const node of places) {
          const counted = await as(() => Hazards.getCounters({ path: node.path }));
          const expected = truth.get(node.nodeId)!;
          expect(counted.open.byStateAndSeverity).toEqual(expected.open);
          expect(counted.overdue.bySeverity).toEqual(expected.overdue);
          expect(counted.closed.byMonth).toEqual(expected.closed);
          expect(counted.timeToClose.histogram).toEqual(expected.ttc);
        }

        await withdrawOpen(played);
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
