import { randomBytes } from "node:crypto";
import { z } from "zod";
import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useUser, withActor } from "../context/actor.ts";
import { pageQuery, withCursor } from "../db/cursor.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { storedResult, writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { localDate } from "../hazards/index.ts";
import { activeUsersWithRoles } from "../identity/index.ts";
import { assignedTaskId, assignedTaskItem, MAX_TRANSACTION_ITEMS, periodOf, taskOutcomes, type TaskOutcome } from "../inspections/index.ts";
import { profileAt, type PolicyProfile, type SpotCheckPolicy } from "../profile/index.ts";
import { DEFAULT_TIME_ZONE, tenantInContext } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { activeVenuesMatching } from "../venues/index.ts";
import { DRAW_ALGORITHM, drawCount, drawSpotCheck, holds } from "./draw.ts";
import type { DrawView, PublicDrawPage } from "./views.ts";

// 双随机、一公开: the county draws, for a period, venues at random from those a
// profile rule names and for each its inspectors at random from a pool of
// users; tasks go to the drawn inspectors only, and the draw with its results
// is published.

/** Venues one draw may consider: their ids are kept on the draw, an item of at most 400 KB. */
export const MAX_POOL = 5000;
/** Besides its tasks, a draw's transaction holds the draw, the audit entry and the idempotency key. */
export const MAX_DRAWN = MAX_TRANSACTION_ITEMS - 3;

export const RunDrawInput = z
  .object({ ruleId: z.string().min(1).max(64).meta({ description: "The id of a random_spot_check rule of the profile (venues.policies)" }) })
  .meta({ id: "RunSpotCheckDrawInput" });

export const DrawParams = z.object({ ruleId: z.string().min(1).max(64), period: z.string().min(4).max(32) });
export const ListDrawsInput = pageQuery({ max: 50, default: 20 });
export const PublicDrawsInput = pageQuery({ max: 20, default: 10 });

interface StoredPick {
  venueId: string;
  venueName: string;
  taskId: string;
  inspectorIds: string[];
  inspectorNames: string[];
}

type DrawItem = {
  ruleId: string;
  period: string;
  category: string;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  seed: string;
  algorithm: string;
  drawnAt: string;
  drawnBy: string;
  profileVersion: number;
  inspectorsPerVenue: number;
  venuePool: string[];
  inspectorPool: string[];
  picks: unknown;
};

const spotCheckRule = (profile: PolicyProfile, ruleId: string) =>
  profile.venues.policies.find((p): p is SpotCheckPolicy => p.kind === "random_spot_check" && p.id === ruleId);

const titleOf = (profile: PolicyProfile | undefined, category: string) => profile?.inspectionCategories.find((c) => c.id === category)?.name ?? { zh: category, en: category };

function resultOf(outcome: TaskOutcome | undefined, timeZone: string) {
  if (!outcome) return { outcome: "withdrawn" as const };
  if (outcome.state !== "done") return { outcome: "pending" as const };
  const hazards = outcome.failed ?? 0;
  return plain({
    outcome: hazards > 0 ? ("hazards_found" as const) : ("passed" as const),
    inspectedOn: outcome.doneAt ? localDate(new Date(outcome.doneAt), timeZone) : undefined,
    passed: outcome.passed,
    hazards,
  });
}

const picksOf = (item: DrawItem) => item.picks as StoredPick[];

/** A draw's view, with each pick's result from what became of its task. */
function toView(d: DrawItem, profile: PolicyProfile | undefined, timeZone: string, outcomeOf: (taskId: string) => TaskOutcome | undefined): DrawView {
  return {
    ruleId: d.ruleId,
    period: d.period,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    dueAt: d.dueAt,
    category: d.category,
    title: titleOf(profile, d.category),
    seed: d.seed,
    algorithm: d.algorithm,
    drawnAt: d.drawnAt,
    drawnBy: d.drawnBy,
    profileVersion: d.profileVersion,
    inspectorsPerVenue: d.inspectorsPerVenue,
    pool: { venues: d.venuePool.length, inspectors: d.inspectorPool.length },
    picks: picksOf(d).map((p) => ({
      venueId: p.venueId,
      venueName: p.venueName,
      taskId: p.taskId,
      inspectors: p.inspectorIds.map((userId, i) => ({ userId, displayName: p.inspectorNames[i] ?? userId })),
      result: resultOf(outcomeOf(p.taskId), timeZone),
    })),
  };
}

/** The draws' views with their results: the tasks and their inspections read in two batches for all of them. */
async function withResults(items: DrawItem[], profile: PolicyProfile | undefined, timeZone: string): Promise<DrawView[]> {
  const keys = items.flatMap((d) => picksOf(d).map((p) => ({ subjectId: p.venueId, category: d.category, period: d.period })));
  const outcomes = keys.length ? await taskOutcomes(keys) : new Map<string, TaskOutcome>();
  return items.map((d) => toView(d, profile, timeZone, (taskId) => outcomes.get(taskId)));
}

/**
 * A draw for the current period of a rule: the venues its match holds, the
 * active users of its inspector roles whose scope holds every one of them,
 * a fresh random seed (nobody chooses it), and the pure draw over the pools
 * sorted by id. The draw, a task per drawn venue assigned to its drawn
 * inspectors, and the audit entry are one transaction; a period already drawn
 * answers 409 (with the same Idempotency-Key, the first answer again).
 */
export const runDraw = useCase(RunDrawInput, async (input, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<DrawView> => {
  const actor = useUser();
  const tenant = await tenantInContext();
  authorize(actor, "spot_check.draw", { path: `/${tenant?.rootNodeId ?? ""}` });
  const request = { runSpotCheckDraw: input };
  if (opts.idempotencyKey !== undefined) {
    const stored = await storedResult<DrawView>(opts.idempotencyKey, request);
    if (stored) return stored;
  }
  const now = opts.now ?? new Date();
  const timeZone = tenant?.timeZone ?? DEFAULT_TIME_ZONE;
  const { version, profile } = await profileAt(now);
  const rule = spotCheckRule(profile, input.ruleId);
  if (!rule) {
    throw new AppError("validation", "request.invalid", {}, [
      { path: "body.ruleId", code: "spot_check.rule_unknown", message: { zh: `政策档案中没有“${input.ruleId}”这条随机抽查规则`, en: `The profile has no random spot-check rule “${input.ruleId}”` } },
    ]);
  }
  const period = periodOf(rule.frequency.value, now, timeZone);
  const draws = tenantDb().service.entities.spotCheckDraw;
  const { data: existing } = await draws.get({ tenantId: actor.tenantId, ruleId: rule.id, period: period.key }).go({ consistent: true });
  if (existing) throw new AppError("conflict", "spot_check.already_drawn", { period: period.key });

  const venues = await activeVenuesMatching(profile, rule.match);
  if (venues.length === 0) throw new AppError("conflict", "spot_check.pool_empty");
  if (venues.length > MAX_POOL) throw new AppError("conflict", "spot_check.pool_too_large", { count: venues.length, max: MAX_POOL });
  const needed = rule.inspectorsPerVenue.value;
  // Every inspector of the pool may inspect every venue of it: their scope holds them all.
  const inspectors = (await activeUsersWithRoles(rule.inspectorRoles.value)).filter((u) => venues.every((v) => holds(u.scopePath, v.path)));
  if (inspectors.length < needed) throw new AppError("conflict", "spot_check.too_few_inspectors", { count: inspectors.length, needed });
  const count = drawCount(rule.draw.value, venues.length);
  if (count > MAX_DRAWN) throw new AppError("conflict", "spot_check.too_many", { count, max: MAX_DRAWN });

  const seed = randomBytes(16).toString("hex");
  const picks = drawSpotCheck({ seed, venues, inspectors, size: rule.draw.value, inspectorsPerVenue: needed });
  const tasks = picks.map((p) => ({
    venue: p.venue,
    category: rule.category,
    period: period.key,
    dueAt: period.dueAt,
    assigneeIds: p.inspectors.map((i) => i.userId) as [string, ...string[]],
  }));
  const item: DrawItem = {
    ruleId: rule.id,
    period: period.key,
    category: rule.category,
    periodStart: period.start,
    periodEnd: period.end,
    dueAt: period.dueAt,
    seed,
    algorithm: DRAW_ALGORITHM,
    drawnAt: now.toISOString(),
    drawnBy: actor.userId,
    profileVersion: version,
    inspectorsPerVenue: needed,
    venuePool: venues.map((v) => v.venueId).sort(),
    inspectorPool: inspectors.map((i) => i.userId).sort(),
    picks: picks.map((p, i) => ({ venueId: p.venue.venueId, venueName: p.venue.name, taskId: assignedTaskId(tasks[i]!), inspectorIds: p.inspectors.map((x) => x.userId), inspectorNames: p.inspectors.map((x) => x.displayName) })),
  };
  // Its tasks are new: every one open.
  const view: DrawView = { ...toView(item, profile, timeZone, () => ({ state: "open" })), venuePool: item.venuePool, inspectorPool: item.inspectorPool };
  const stored = await writeTransaction<DrawView>(
    (tx) =>
      [
        tx.spotCheckDraw.create({ tenantId: actor.tenantId, ...item }).commit(),
        ...tasks.map((t) => assignedTaskItem(tx, profile, t, now)),
        auditItem(tx, { action: "spot_check.draw", targetType: "spot_check_draw", targetId: `${rule.id}.${period.key}`, details: { seed, algorithm: DRAW_ALGORITHM, venuePool: item.venuePool.length, inspectorPool: item.inspectorPool.length, tasks: item.picks } }, now),
      ] as never,
    {
      onCanceled: (reasons) => (reasons.some((r) => r.index === 0) ? new AppError("conflict", "spot_check.already_drawn", { period: period.key }) : new AppError("conflict", "request.conflict_retry")),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request, result: view },
    },
  );
  return stored ?? view;
});

/** The tenant's draws, newest period first (per rule), with their results: for staff of the tenant. */
export const listDraws = useCase(
  ListDrawsInput,
  async (input): Promise<{ items: DrawView[]; cursor: string | null }> => {
    const actor = useUser();
    authorize(actor, "inspection.read");
    const [{ profile }, tenant] = await Promise.all([profileAt().catch(() => ({ profile: undefined })), tenantInContext()]);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.spotCheckDraw.query.byRulePeriod({ tenantId: actor.tenantId }).go({ cursor, limit: input.limit, order: "desc" }));
    return { items: await withResults(page.data as DrawItem[], profile, tenant?.timeZone ?? DEFAULT_TIME_ZONE), cursor: page.cursor };
  },
  "query",
);

/** One draw with its pools' ids (what reproduces it) and its results; another tenant's is not there (404). */
export const getDraw = useCase(
  DrawParams,
  async (input): Promise<DrawView> => {
    const actor = useUser();
    authorize(actor, "inspection.read");
    const { data } = await tenantDb().service.entities.spotCheckDraw.get({ tenantId: actor.tenantId, ruleId: input.ruleId, period: input.period }).go();
    if (!data) throw new AppError("not_found", "spot_check.not_found");
    const [{ profile }, tenant] = await Promise.all([profileAt().catch(() => ({ profile: undefined })), tenantInContext()]);
    const [view] = await withResults([data as DrawItem], profile, tenant?.timeZone ?? DEFAULT_TIME_ZONE);
    return { ...view!, venuePool: data.venuePool, inspectorPool: data.inspectorPool };
  },
  "path",
);

/**
 * 一公开: a county's draws and their results, without signing in. The county
 * comes from the path (its public code, as for residents' tips); an unknown
 * or suspended one answers 404. Nothing but names of venues, dates, counts
 * and the seed leaves: no ids of venues, users or tasks, no inspector.
 */
export const publicDraws = useCase(
  PublicDrawsInput,
  async (input, tenantSlug: string): Promise<PublicDrawPage> => {
    if (!TENANT_ID_PATTERN.test(tenantSlug)) throw new AppError("not_found", "tenant.not_found");
    return withActor({ type: "public", tenantId: tenantSlug }, async () => {
      const tenant = await tenantInContext();
      if (!tenant || tenant.status !== "active") throw new AppError("not_found", "tenant.not_found");
      const [{ profile }, page] = await Promise.all([
        profileAt().catch(() => ({ profile: undefined })),
        withCursor(input.cursor, (cursor) => tenantDb().service.entities.spotCheckDraw.query.byRulePeriod({ tenantId: tenantSlug }).go({ cursor, limit: input.limit, order: "desc" })),
      ]);
      const views = await withResults(page.data as DrawItem[], profile, tenant.timeZone ?? DEFAULT_TIME_ZONE);
      return {
        county: { name: tenant.name },
        items: views.map(({ drawnBy: _by, profileVersion: _v, picks, venuePool: _vp, inspectorPool: _ip, ...draw }) => ({ ...draw, picks: picks.map((p) => ({ venueName: p.venueName, result: p.result })) })),
        cursor: page.cursor,
      };
    });
  },
  "query",
);
