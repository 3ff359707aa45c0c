import { ancestorAt } from "../hazards/index.ts";
import type { Frequency, PolicyProfile } from "../profile/index.ts";
import { basePeriod, periodOf, slotPeriod } from "./periods.ts";

// What is due, from each venue's inspection categories: a coverage visit per
// venue per coverage period (N of them, each its own task, for "N times per
// period"), and a patrol per responsible node per patrol period. Pure, with the clock and the time zone passed in.

/** A venue's patrol plan as the schedule reads it: who, and how often. */
export interface ScheduledPlan {
  patrollerId: string;
  patrollerName: string;
  frequency: Frequency;
}

export interface ScheduledVenue {
  venueId: string;
  name: string;
  nodeId: string;
  path: string;
  categories: readonly string[];
  status: "active" | "retired";
  /** The patrol_plan policy the venue falls under (derived by venues); with a plan, its patroller gets a task each period of the plan. */
  patrolPlanPolicy?: string | undefined;
  patrolPlan?: ScheduledPlan | undefined;
}

export interface DueTask {
  kind: "coverage" | "patrol" | "plan";
  /** The venue (coverage, plan) or the responsible node (patrol). */
  subjectId: string;
  category: string;
  period: string;
  dueAt: string;
  responsibleRole: string;
  /** The responsible node. */
  nodeId: string;
  path: string;
  venueId?: string;
  venueName?: string;
  venuePath?: string;
  /** A plan task's patroller: the only one who may perform it. */
  assigneeId?: string;
  assigneeName?: string;
}

/** The task id a client sees: subject, category and period (none of them holds a dot). */
export const taskIdOf = (t: { subjectId: string; category: string; period: string }) => `${t.subjectId}.${t.category}.${t.period}`;

export function parseTaskId(taskId: string): { subjectId: string; category: string; period: string } | undefined {
  const [subjectId, category, period, ...rest] = taskId.split(".");
  return subjectId && category && period && rest.length === 0 ? { subjectId, category, period } : undefined;
}

/** The level of the body the category's responsible role belongs to (村 staff, 镇 patrol, ...). */
export function responsibleLevel(profile: PolicyProfile, categoryId: string): string | undefined {
  const category = profile.inspectionCategories.find((c) => c.id === categoryId);
  const role = profile.roles.find((r) => r.id === category?.responsibleRole);
  return profile.bodies.find((b) => b.id === role?.body)?.level;
}

/** The node whose staff answer for a venue at `path` in a category: the ancestor at the role's level, else the venue's own node. */
export function responsibleNode(profile: PolicyProfile, categoryId: string, path: string): { nodeId: string; path: string } {
  const level = responsibleLevel(profile, categoryId);
  return (level && ancestorAt(profile, path, level)) || ownNode(path);
}

const ownNode = (path: string) => ({ nodeId: path.split("/").filter(Boolean).at(-1)!, path });

/**
 * A venue's patrol-plan task of the plan's period at `now`: for the named
 * patroller, listed at the venue, keyed by the patrol_plan policy. None while
 * the venue has no plan or the profile in effect no longer has its policy.
 */
export function planTask(profile: PolicyProfile, venue: ScheduledVenue, now: Date, timeZone: string): DueTask | undefined {
  const plan = venue.patrolPlan;
  const policy = venue.patrolPlanPolicy;
  if (venue.status !== "active" || !plan || !policy || !profile.venues.policies.some((p) => p.kind === "patrol_plan" && p.id === policy)) return undefined;
  const period = periodOf(plan.frequency, now, timeZone);
  // Shown as the role of the venue's own category (the patroller acts in it), when it has one.
  const role = venue.categories.map((id) => profile.inspectionCategories.find((c) => c.id === id)?.responsibleRole).find((r) => r !== undefined);
  return {
    kind: "plan",
    subjectId: venue.venueId,
    category: policy,
    period: period.key,
    dueAt: period.dueAt,
    responsibleRole: role ?? policy,
    nodeId: venue.nodeId,
    path: venue.path,
    venueId: venue.venueId,
    venueName: venue.name,
    venuePath: venue.path,
    assigneeId: plan.patrollerId,
    assigneeName: plan.patrollerName,
  };
}

/** Everything due at `now` for these venues; retired venues have nothing due. */
export function dueTasks(profile: PolicyProfile, venues: Iterable<ScheduledVenue>, now: Date, timeZone: string): DueTask[] {
  const tasks: DueTask[] = [];
  const patrols = new Map<string, DueTask>();
  // Each category's periods and responsible level, worked out once: the same for every venue (the job passes 1,000 a page).
  const byId = new Map(
    profile.inspectionCategories.map((c) => [
      c.id,
      {
        category: c,
        level: responsibleLevel(profile, c.id),
        coverage: c.coveragePeriod && periodOf(c.coveragePeriod, now, timeZone),
        patrol: c.patrolFrequency && periodOf(c.patrolFrequency, now, timeZone),
      },
    ]),
  );
  for (const venue of venues) {
    if (venue.status !== "active") continue;
    const planned = planTask(profile, venue, now, timeZone);
    if (planned) tasks.push(planned);
    for (const categoryId of venue.categories) {
      const due = byId.get(categoryId);
      if (!due) continue;
      const { category } = due;
      const node = (due.level && ancestorAt(profile, venue.path, due.level)) || ownNode(venue.path);
      for (let n = 1; category.coveragePeriod && n <= (category.coveragePeriod.times ?? 1); n++) {
        const period = due.coverage!;
        tasks.push({
          kind: "coverage",
          subjectId: venue.venueId,
          category: categoryId,
          period: slotPeriod(period.key, n),
          dueAt: period.dueAt,
          responsibleRole: category.responsibleRole,
          nodeId: node.nodeId,
          // Listed under the venue's place, so everyone whose area holds the venue sees it:
          // the responsible staff above it and the grid worker who walks past it.
          path: venue.path,
          venueId: venue.venueId,
          venueName: venue.name,
          venuePath: venue.path,
        });
      }
      if (due.patrol) {
        const period = due.patrol;
        const key = `${node.nodeId}.${categoryId}.${period.key}`;
        if (!patrols.has(key)) {
          patrols.set(key, { kind: "patrol", subjectId: node.nodeId, category: categoryId, period: period.key, dueAt: period.dueAt, responsibleRole: category.responsibleRole, nodeId: node.nodeId, path: node.path });
        }
      }
    }
  }
  return [...tasks, ...patrols.values()];
}

/** Ancestors of a path, root first, the node itself last: a coverage count of a node covers its subtree. */
export function ancestry(path: string): { nodeId: string; path: string }[] {
  const ids = path.split("/").filter(Boolean);
  return ids.map((nodeId, i) => ({ nodeId, path: `/${ids.slice(0, i + 1).join("/")}` }));
}

export interface CoverageDelta {
  nodeId: string;
  path: string;
  category: string;
  period: string;
  due: number;
  inspected: number;
}

/** Coverage counter changes, summed per (node, category, period): one item per counter in a transaction. */
export function coverageDeltas(changes: readonly { venuePath: string; category: string; period: string; due: number; inspected: number }[]): CoverageDelta[] {
  const out = new Map<string, CoverageDelta>();
  for (const change of changes) {
    // The visits of one period (每月两次: two task slots) count in the period's one counter.
    const c = { ...change, period: basePeriod(change.period) };
    for (const node of ancestry(c.venuePath)) {
      const key = `${node.nodeId}#${c.category}#${c.period}`;
      const cur = out.get(key) ?? { nodeId: node.nodeId, path: node.path, category: c.category, period: c.period, due: 0, inspected: 0 };
      cur.due += c.due;
      cur.inspected += c.inspected;
      out.set(key, cur);
    }
  }
  return [...out.values()].filter((d) => d.due !== 0 || d.inspected !== 0);
}

/** Per cent covered, one decimal; a period with nothing due is fully covered. */
export const percentCovered = (due: number, inspected: number) => (due <= 0 ? 100 : Math.round((Math.min(inspected, due) / due) * 1000) / 10);
