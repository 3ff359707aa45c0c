import { useTenant, withActor } from "../context/actor.ts";
import type { Job } from "../jobs/index.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { localMonth } from "./clock.ts";
import { openedList, type Summary } from "./entries.ts";
import { segments } from "./rules.ts";
import { isOpen, STATES } from "./types.ts";

/** The counters this recount owns: the two the dashboard added (issue 17). */
const OWNED = ["listed#", "opened#"] as const;
const PARALLEL = 8;

export interface RecountStats {
  hazards: number;
  nodes: number;
  written: number;
}

/**
 * Sets the `listed#<severity>` and `opened#<month>` counters of the tenant in
 * context to what its hazards say, once, at the deploy that added them: until
 * then no write kept them, and a hazard listed before would be taken off a
 * count it never joined. Reads every hazard's list row (the `state:<s>`
 * lists, which hold every hazard once) and each counted node's counter
 * partition, then writes only the counters that differ (absolute values, so
 * run it before traffic, or again after; it is idempotent).
 */
export async function recountDashboardCounters(): Promise<RecountStats> {
  const tenantId = useTenant();
  const timeZone = await tenantTimeZone();
  const { hazardEntry, hazardCounter } = tenantDb().service.entities;
  const want = new Map<string, Map<string, number>>();
  let hazards = 0;
  for (const state of STATES) {
    const rows = await allPages((cursor) => hazardEntry.query.byList({ tenantId, list: `state:${state}` }).go({ cursor, limit: 500 }));
    for (const row of rows) {
      const s = row.summary as Summary;
      hazards += 1;
      const metrics = [`opened#${localMonth(new Date(s.createdAt), timeZone)}`, ...(isOpen(s.state) && s.listedAt.length ? [`listed#${s.severity ?? "none"}`] : [])];
      for (const nodeId of segments(s.path)) {
        const node = want.get(nodeId) ?? new Map<string, number>();
        for (const m of metrics) node.set(m, (node.get(m) ?? 0) + 1);
        want.set(nodeId, node);
      }
    }
  }
  const puts: { tenantId: string; nodeId: string; metric: string; value: number }[] = [];
  const nodes = [...want];
  for (let i = 0; i < nodes.length; i += PARALLEL) {
    await Promise.all(
      nodes.slice(i, i + PARALLEL).map(async ([nodeId, desired]) => {
        const have = await allPages((cursor) => hazardCounter.query.byNode({ tenantId, nodeId }).go({ cursor, limit: 1000 }));
        const current = new Map(have.filter((c) => OWNED.some((p) => c.metric.startsWith(p))).map((c) => [c.metric, c.value]));
        for (const [metric, value] of desired) if (current.get(metric) !== value) puts.push({ tenantId, nodeId, metric, value });
        for (const [metric, value] of current) if (!desired.has(metric) && value !== 0) puts.push({ tenantId, nodeId, metric, value: 0 });
      }),
    );
  }
  let left = puts;
  for (let attempt = 1; left.length && attempt <= 5; attempt++) {
    const { unprocessed } = await hazardCounter.put(left).go({ concurrency: 4 });
    const again = new Set((unprocessed as { nodeId: string; metric: string }[]).map((k) => `${k.nodeId}\u0000${k.metric}`));
    left = left.filter((p) => again.has(`${p.nodeId}\u0000${p.metric}`));
  }
  if (left.length) throw new AppError("unavailable", "server.busy", { seconds: 5 });
  return { hazards, nodes: want.size, written: puts.length };
}

/**
 * Gives hazards written before the `opened:<month>` lists their row there (a
 * copy of their `state:` row under the month's list), so a report of a
 * period finds them. Rows that exist are written again unchanged: idempotent.
 */
export async function backfillOpenedLists(): Promise<number> {
  const tenantId = useTenant();
  const { hazardEntry } = tenantDb().service.entities;
  let written = 0;
  for (const state of STATES) {
    const rows = await allPages((cursor) => hazardEntry.query.byList({ tenantId, list: `state:${state}` }).go({ cursor, limit: 500 }));
    let left = rows.map((r) => ({ tenantId, list: openedList((r.summary as Summary).createdAt), order: r.order, hazardId: r.hazardId, path: r.path, summary: r.summary }));
    written += left.length;
    for (let attempt = 1; left.length && attempt <= 5; attempt++) {
      const { unprocessed } = await hazardEntry.put(left).go({ concurrency: 4 });
      const again = new Set((unprocessed as { list: string; order: string }[]).map((k) => `${k.list}\u0000${k.order}`));
      left = left.filter((r) => again.has(`${r.list}\u0000${r.order}`));
    }
    if (left.length) throw new AppError("unavailable", "server.busy", { seconds: 5 });
  }
  return written;
}

// ── Once per tenant, by the daily jobs ─────────────────────────────────────

const JOB = "issue17-upkeep";
/** Where the recount marks a tenant done: a counter row outside any node's partition (no node has this id). */
const MARK = { nodeId: "~upkeep", metric: "upkeep#issue17-v1" } as const;

/**
 * The recount and the `opened:` lists' backfill, once per tenant: the first
 * daily run after the deploy that added them does both and marks the
 * tenant; every later run sees the mark and does nothing. Daily jobs run at night, when few hazards change
 * while the absolute values are written.
 */
export async function recountDashboardCountersOnce(): Promise<RecountStats & { listRows: number; skipped: boolean }> {
  const tenantId = useTenant();
  const { hazardCounter } = tenantDb().service.entities;
  const { data: mark } = await hazardCounter.get({ tenantId, ...MARK }).go({ consistent: true });
  if (mark) return { hazards: 0, nodes: 0, written: 0, listRows: 0, skipped: true };
  const stats = await recountDashboardCounters();
  const listRows = await backfillOpenedLists();
  await hazardCounter.put({ tenantId, ...MARK, value: 1 }).go();
  return { ...stats, listRows, skipped: false };
}

export const dashboardRecountJob: Job = {
  name: JOB,
  cadence: "daily",
  forTenant: (t) => withActor({ type: "system", tenantId: t.tenantId, job: JOB }, async () => {
    const { skipped, ...stats } = await recountDashboardCountersOnce();
    return { ...stats, skipped: skipped ? 1 : 0 };
  }),
};
