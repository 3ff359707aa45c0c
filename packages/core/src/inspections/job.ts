import { auditItem } from "../audit/index.ts";
import { useTenant, withActor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import type { Job } from "../jobs/runner.ts";
import { profileAt } from "../profile/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { forEveryTenant } from "../tenancy/index.ts";
import { plain } from "../db/plain.ts";
import { coverageSlice } from "./inspection.entity.ts";
import { periodOf } from "./periods.ts";
import { coverageDeltas, dueTasks, taskIdOf, type DueTask, type ScheduledVenue } from "./schedule.ts";
import { MAX_TRANSACTION_ITEMS } from "./perform.ts";

// The daily job: what each venue's categories make due today becomes tasks
// for the responsible staff. Task keys are deterministic (subject, category,
// period) and the job first reads which exist, so a second run creates
// nothing; a task created by a racing run cancels the chunk, which is read
// again and retried. Venues are read a Query page at a time, never scanned;
// retired venues have nothing due (their open tasks went when they retired).

export const JOB = "inspection-schedule";

export interface ScheduleStats {
  tenants: number;
  venues: number;
  created: number;
  existing: number;
  transactions: number;
  raced: number;
}


/** Subjects that already have a task of each category and current period: one Query (paged) per category and period. */
async function existingSubjects(profile: PolicyProfile, now: Date, timeZone: string): Promise<Map<string, Set<string>>> {
  const tenantId = useTenant();
  const out = new Map<string, Set<string>>();
  const tasks = tenantDb().service.entities.inspectionTask;
  for (const c of profile.inspectionCategories) {
    for (const freq of [c.coveragePeriod, c.patrolFrequency]) {
      if (!freq) continue;
      const period = periodOf(freq, now, timeZone).key;
      const key = `${c.id}.${period}`;
      if (out.has(key)) continue;
      const subjects = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: { data: { subjectId: string }[]; cursor: string | null } = await tasks.query.byPeriod({ tenantId, category: c.id, period }).go({ cursor, attributes: ["subjectId"] });
        for (const t of page.data) subjects.add(t.subjectId);
        cursor = page.cursor;
      } while (cursor);
      out.set(key, subjects);
    }
  }
  return out;
}

function taskItem(tx: TxEntities, t: DueTask, at: string): TxItem {
  const tenantId = useTenant();
  return tx.inspectionTask.create(plain({ tenantId, ...t, state: "open" as const, inspections: 0, createdAt: at })).commit() as TxItem;
}

/** Tasks in chunks that fit one transaction with their coverage counters and an audit entry. */
function chunks(tasks: DueTask[]): { tasks: DueTask[]; deltas: ReturnType<typeof coverageDeltas> }[] {
  const out: { tasks: DueTask[]; deltas: ReturnType<typeof coverageDeltas> }[] = [];
  let current: DueTask[] = [];
  const deltasOf = (list: DueTask[]) => coverageDeltas(list.filter((t) => t.kind === "coverage").map((t) => ({ venuePath: t.venuePath!, category: t.category, period: t.period, due: 1, inspected: 0 })));
  for (const t of tasks) {
    const next = [...current, t];
    if (next.length + deltasOf(next).length + 1 > MAX_TRANSACTION_ITEMS && current.length) {
      out.push({ tasks: current, deltas: deltasOf(current) });
      current = [t];
    } else current = next;
  }
  if (current.length) out.push({ tasks: current, deltas: deltasOf(current) });
  return out;
}

async function writeChunk(chunk: { tasks: DueTask[]; deltas: ReturnType<typeof coverageDeltas> }, now: Date): Promise<void> {
  const tenantId = useTenant();
  const at = now.toISOString();
  await writeTransaction((tx) =>
      [
        ...chunk.tasks.map((t) => taskItem(tx, t, at)),
        ...chunk.deltas.map((d) => tx.coverage.update({ tenantId, nodeId: d.nodeId, category: d.category, period: d.period }).add({ due: d.due }).set({ path: d.path, slice: coverageSlice(d.category, d.period) }).commit()),
        auditItem(tx, { action: "inspection.schedule", targetType: "tenant", targetId: tenantId, details: { tasks: chunk.tasks.length, first: taskIdOf(chunk.tasks[0]!) } }, now),
      ] as never,
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
}

/** One tenant's tasks due at `now`. */
export async function scheduleTenant(tenantId: string, timeZone: string, now: Date): Promise<Omit<ScheduleStats, "tenants">> {
  return withActor({ type: "system", tenantId, job: JOB }, async () => {
    const stats = { venues: 0, created: 0, existing: 0, transactions: 0, raced: 0 };
    const { profile } = await profileAt(now);
    if (!profile.inspectionCategories.some((c) => c.coveragePeriod || c.patrolFrequency)) return stats;
    const existing = await existingSubjects(profile, now, timeZone);
    const venues = tenantDb().service.entities.venue;
    const counted = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { data: ScheduledVenue[]; cursor: string | null } = await venues.query
        .bySubtree({ tenantId })
        .begins({ path: "/" })
        .go({ cursor, attributes: ["venueId", "name", "nodeId", "path", "categories", "status"] });
      stats.venues += page.data.filter((v) => v.status === "active").length;
      const fresh: DueTask[] = [];
      for (const t of dueTasks(profile, page.data, now, timeZone)) {
        const seen = existing.get(`${t.category}.${t.period}`)!;
        if (seen.has(t.subjectId)) {
          // A patrol is due once per node whatever the number of pages its venues span.
          if (!counted.has(taskIdOf(t))) stats.existing += 1;
          counted.add(taskIdOf(t));
          continue;
        }
        counted.add(taskIdOf(t));
        seen.add(t.subjectId);
        fresh.push(t);
      }
      fresh.sort((a, b) => (a.venuePath ?? a.path).localeCompare(b.venuePath ?? b.path));
      for (const chunk of chunks(fresh)) {
        try {
          await writeChunk(chunk, now);
          stats.created += chunk.tasks.length;
        } catch (err) {
          if (!(err instanceof AppError && err.code === "request.conflict_retry")) throw err;
          // A concurrent run made some of these: keep only those still missing.
          stats.raced += 1;
          const missing: DueTask[] = [];
          for (const t of chunk.tasks) {
            const { data } = await tenantDb().service.entities.inspectionTask.get({ tenantId, subjectId: t.subjectId, category: t.category, period: t.period }).go({ consistent: true });
            if (data) stats.existing += 1;
            else missing.push(t);
          }
          for (const again of chunks(missing)) {
            await writeChunk(again, now);
            stats.created += again.tasks.length;
            stats.transactions += 1;
          }
          continue;
        }
        stats.transactions += 1;
      }
      cursor = page.cursor;
    } while (cursor);
    return stats;
  });
}

/** Every registered tenant's schedule, one after another. */
export function scheduleAll(now: Date): Promise<ScheduleStats> {
  return forEveryTenant({ venues: 0, created: 0, existing: 0, transactions: 0, raced: 0 }, (t) => scheduleTenant(t.tenantId, t.timeZone, now));
}

/** The daily job, one tenant per queue message: inspection tasks for what the profile makes due. */
export const inspectionScheduleJob: Job = {
  name: JOB,
  cadence: "daily",
  forTenant: (t, now) => scheduleTenant(t.tenantId, t.timeZone, now),
};
