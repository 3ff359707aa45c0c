import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useActor, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { brigadeFactsUnder, readNodeView, toOrgData, wageBenchmarkFor } from "../organisation/index.ts";
import { needsKeyUnits, needsSubtreeBrigades } from "./rules/forces.ts";
import { keyUnitsAt } from "../venues/index.ts";
import { subtreeCounters } from "../hazards/index.ts";
import { ledgerMonths } from "./rules/obligations.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { borrowedFor, meaningOf, profileAt, rollupLevel } from "../profile/index.ts";
import { tenantInContext, tenantTimeZone } from "../tenancy/index.ts";
import { allPages, pageOf, withCursor } from "../db/cursor.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { countByStatus, evaluateNode, recordsSince, type StatusCounts } from "./evaluate.ts";
import { localDate } from "./periods.ts";
import type { Finding } from "./types.ts";

// Findings are computed on read: a node's findings are a pure function of
// the profile version in effect at T, the node's data (one Query of its
// view) and T, so any instant can be asked about and nothing goes stale.
// The town roll-up is the one thing a dashboard reads for many nodes at
// once: it reads maintained summaries, written by `refreshRollup`.

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const FindingSchema = z
  .object({
    ruleId: z.string(),
    nodeId: z.string(),
    subjectId: z.string().optional(),
    status: z.enum(["met", "unmet", "due_soon", "not_applicable", "overdue"]),
    evidence: Bilingual,
    severity: z.enum(["high", "medium", "low", "info"]),
    sourceRef: z.string().nullable(),
    text: z.string(),
    borrowed: z.boolean().optional().meta({ description: "true: the clause is another county's document the profile borrows (借用), not yet re-cited as its own" }),
  })
  .meta({ id: "Finding" });

const Counts = z.object({ met: z.int(), unmet: z.int(), due_soon: z.int(), overdue: z.int(), not_applicable: z.int() });

export const NodeFindingsSchema = z
  .object({ nodeId: z.string(), at: z.string(), today: z.string(), profileVersion: z.int(), counts: Counts, findings: z.array(FindingSchema) })
  .meta({ id: "NodeFindings" });

export const FindingsInput = z.object({
  at: z.iso.datetime({ offset: true }).optional().meta({ description: "Judge as at this instant, with the profile version then in effect (default now)" }),
});


async function evaluateOne(nodeId: string, profile: PolicyProfile, now: Date, timeZone: string) {
  const view = await readNodeView(nodeId, recordsSince(profile, localDate(now, timeZone)));
  const node = view.node;
  if (!node) throw new AppError("not_found", "node.not_found");
  if (node.status !== "active") return { node, findings: [] };
  const data = toOrgData({ ...view, node });
  // Pay floors measure against the county's figure, read only where a full-time brigade is judged by one (a BatchGet along the path).
  const measuresPay = profile.brigades.personnel.some((r) => r.kind === "pay_floor") && data.brigades.some((b) => meaningOf(profile, "forceKinds", b.force) === "full_time_brigade");
  const wageBenchmark = measuresPay ? await wageBenchmarkFor(node.path, Number(localDate(now, timeZone).slice(0, 4)) - 1) : undefined;
  // The county totals its brigades' quotas: the brigades of its subtree, one more Query at that level only.
  const subtreeBrigades = needsSubtreeBrigades(profile, node.level) ? await brigadeFactsUnder(node.path) : undefined;
  // Micro stations per key unit: the key-unit venues registered at the node (one more Query, only under such a profile).
  const keyUnits = needsKeyUnits(profile) ? await keyUnitsAt(node.path) : undefined;
  // Hazard ledger reports are checked against the subtree's counters: one more Query, only when the node has such reports.
  const hazardCounters = ledgerMonths(profile, data) ? await subtreeCounters(node.nodeId) : undefined;
  const recorded = {
    ...data,
    node: { ...data.node, createdOn: localDate(new Date(node.createdAt), timeZone) },
    ...(wageBenchmark ? { wageBenchmark } : {}),
    ...(subtreeBrigades ? { subtreeBrigades } : {}),
    ...(keyUnits ? { keyUnits } : {}),
    ...(hazardCounters ? { hazardCounters } : {}),
  };
  return { node, findings: evaluateNode(profile, recorded, { now, timeZone }) };
}

/** A node's findings at an instant (default now), under the profile version in effect then. */
export const nodeFindings = useCase(
  FindingsInput,
  async (input, nodeId: string): Promise<z.infer<typeof NodeFindingsSchema>> => {
    const actor = useUser();
    const now = input.at ? new Date(input.at) : new Date();
    const [{ version, profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
    const { node, findings } = await evaluateOne(nodeId, profile, now, timeZone);
    authorize(actor, "compliance.read", node);
    const cited = findings.map((f) => (borrowedFor(profile, f.sourceRef) ? { ...f, borrowed: true } : f));
    return { nodeId, at: now.toISOString(), today: localDate(now, timeZone), profileVersion: version, counts: countByStatus(findings), findings: cited };
  },
  "query",
);

// ── Town roll-up ───────────────────────────────────────────────────────────

export const RollupRowSchema = z
  .object({ nodeId: z.string(), name: z.string(), path: z.string(), counts: Counts, nodesEvaluated: z.int(), profileVersion: z.int(), evaluatedAt: z.string() })
  .meta({ id: "TownRollupRow" });

export const RollupSchema = pageOf(RollupRowSchema).meta({ id: "TownRollup" });

export const RollupInput = z.object({
  nodeId: z.string().min(1).max(64).optional().meta({ description: "Towns under this node (default: the caller's scope)" }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

type SummaryItem = { nodeId: string; name: string; path: string; met: number; unmet: number; dueSoon: number; overdue: number; notApplicable: number; nodesEvaluated: number; profileVersion: number; evaluatedAt: string };

const toRow = (s: SummaryItem) => ({
  nodeId: s.nodeId,
  name: s.name,
  path: s.path,
  counts: { met: s.met, unmet: s.unmet, due_soon: s.dueSoon, overdue: s.overdue, not_applicable: s.notApplicable },
  nodesEvaluated: s.nodesEvaluated,
  profileVersion: s.profileVersion,
  evaluatedAt: s.evaluatedAt,
});

/** Counts older than this are recomputed when the roll-up is opened. */
export const ROLLUP_STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Met/unmet counts per town under a node: one Query. Opening it keeps it
 * current: when no town has counts yet, or none was recomputed within the hour,
 * the towns are recomputed first (derived counts, so reading is enough to ask).
 */
export const rollup = useCase(
  RollupInput,
  async (input): Promise<z.infer<typeof RollupSchema>> => {
    const actor = useUser();
    const scope = input.nodeId ? await nodeOrNotFound(input.nodeId, { allowRetired: true }) : undefined;
    const path = scope?.path ?? actor.scopePath;
    authorize(actor, "compliance.read", { path });
    const read = () => withCursor(input.cursor, (cursor) => tenantDb().service.entities.complianceSummary.query.byRollup({ tenantId: actor.tenantId }).begins({ path }).go({ cursor, limit: input.limit }));
    let page = await read();
    // Only the first page decides: a later page belongs to a listing already current.
    if (input.cursor === undefined && isStale(page.data, Date.now()) && scope?.status !== "retired") {
      await recomputeOnce(actor.tenantId, path, () => recomputeTowns(path, scope?.nodeId ?? actor.scopeNodeId ?? "", { auto: true }));
      page = await read();
    }
    return { items: page.data.map(toRow), cursor: page.cursor };
  },
  "query",
);

/** Missing, or not recomputed within the limit (the newest row decides: a retired town's last counts never age out). */
export function isStale(rows: readonly { evaluatedAt: string }[], now: number): boolean {
  if (rows.length === 0) return true;
  return now - Math.max(...rows.map((r) => Date.parse(r.evaluatedAt))) > ROLLUP_STALE_AFTER_MS;
}

// One recompute per tenant and subtree at a time in this process: a second open while one runs waits for it.
const running = new Map<string, Promise<unknown>>();

function recomputeOnce(tenantId: string, path: string, run: () => Promise<unknown>): Promise<unknown> {
  const key = `${tenantId}${path}`;
  const current = running.get(key);
  if (current) return current;
  const started = run().finally(() => running.delete(key));
  running.set(key, started);
  return started;
}

export const RefreshInput = z.object({ nodeId: z.string().min(1).max(64).optional().meta({ description: "Refresh the towns under this node (default: the caller's scope)" }) }).meta({ id: "RefreshRollupInput" });

const PARALLEL_READS = 8;

/**
 * Re-evaluates every active node of the towns under a node (one Query per
 * node) and writes each town's summary: its own and its descendants' counts.
 * A batch action, for the scheduled job and for an officer who wants the
 * dashboard current now; the summaries go in transactions of up to 99 with
 * one audit entry each.
 */
export const refreshRollup = useCase(RefreshInput, async (input): Promise<z.infer<typeof RollupSchema>> => {
  // A signed-in officer, or a scheduled job acting as the system for one tenant (the whole tree).
  const actor = useActor();
  const tenant = await tenantInContext();
  if (!tenant) throw new AppError("not_found", "tenant.not_found");
  const scope = input.nodeId && actor.type === "user" ? await nodeOrNotFound(input.nodeId) : undefined;
  const scopeNodeId = scope?.nodeId ?? (actor.type === "user" ? actor.scopeNodeId : tenant.rootNodeId);
  const path = scope?.path ?? (actor.type === "user" ? actor.scopePath : `/${tenant.rootNodeId}`);
  authorize(actor, "compliance.refresh", { path });
  const items = await recomputeOnce(actor.tenantId, path, () => recomputeTowns(path, scopeNodeId ?? "", {}));
  return { items: (items as SummaryItem[]).map(toRow), cursor: null };
});

/** Evaluates every active node of the towns under a path and writes each town's summary; the summaries in path order. */
async function recomputeTowns(path: string, scopeNodeId: string, details: { auto?: true }): Promise<SummaryItem[]> {
  const actor = useActor();
  const tenant = await tenantInContext();
  if (!tenant) throw new AppError("not_found", "tenant.not_found");
  const now = new Date();
  const timeZone = tenant.timeZone;
  const { version, profile } = await profileAt(now);
  // The level the roll-up counts by: the profile's settings.rollupLevel, by default the town.
  const level = rollupLevel(profile).value;
  const townDepth = profile.levels.findIndex((l) => l.id === level);
  // Towns are summarised whole: a refresh asked for below town level has no town to write.
  const nodes = (await allPages((cursor) => tenantDb().service.entities.node.query.bySubtree({ tenantId: actor.tenantId }).begins({ path }).go({ cursor, limit: 500 }))).filter((n) => n.status === "active");
  const townIdOf = (p: string) => p.split("/")[townDepth + 1];
  const towns = nodes.filter((n) => n.level === level);
  const summaries = new Map(towns.map((t) => [t.nodeId, { town: t, counts: countByStatus([]) as StatusCounts, nodes: 0 }]));
  const inTowns = nodes.filter((n) => summaries.has(townIdOf(n.path) ?? ""));
  for (let i = 0; i < inTowns.length; i += PARALLEL_READS) {
    await Promise.all(
      inTowns.slice(i, i + PARALLEL_READS).map(async (n) => {
        const summary = summaries.get(townIdOf(n.path)!)!;
        const counts = countByStatus((await evaluateOne(n.nodeId, profile, now, timeZone)).findings);
        for (const key of Object.keys(counts) as (keyof StatusCounts)[]) summary.counts[key] += counts[key];
        summary.nodes += 1;
      }),
    );
  }
  const items = [...summaries.values()].map(({ town, counts, nodes: evaluated }) => ({
    tenantId: actor.tenantId,
    nodeId: town.nodeId,
    path: town.path,
    name: town.name,
    met: counts.met,
    unmet: counts.unmet,
    dueSoon: counts.due_soon,
    overdue: counts.overdue,
    notApplicable: counts.not_applicable,
    nodesEvaluated: evaluated,
    profileVersion: version,
    evaluatedAt: now.toISOString(),
  }));
  for (let i = 0; i < items.length; i += 99) {
    const chunk = items.slice(i, i + 99);
    await writeTransaction(({ complianceSummary, audit }) => [
        ...chunk.map((s) => complianceSummary.put(s).commit()),
        auditItem({ audit }, { action: "compliance.refresh", targetType: "node", targetId: scopeNodeId ?? "", details: { towns: chunk.map((s) => s.nodeId), profileVersion: version, ...details } }, now),
      ],
      { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
    );
  }
  return items.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export type { Finding };
