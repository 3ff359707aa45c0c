import { auditItem } from "../audit/index.ts";
import { useTenant, withActor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { boundedPool } from "../jobs/index.ts";
import type { Job } from "../jobs/index.ts";
import { profileAt } from "../profile/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { forEveryTenant, tenantInContext } from "../tenancy/index.ts";
import { defined } from "../db/plain.ts";
import { coverageSlice } from "./inspection.entity.ts";
import { basePeriod, periodOf } from "./periods.ts";
import { ancestry, coverageDeltas, dueTasks, taskIdOf, type DueTask, type ScheduledVenue } from "./schedule.ts";
import { MAX_TRANSACTION_ITEMS } from "./perform.ts";

// The daily job: what each venue's categories and patrol plan make due today
// becomes tasks for the responsible staff (a plan's: for its patroller). A
// venue's write already made the tasks of the periods it was written in
// (venue-tasks.ts), so the job makes those of the periods that follow.
// Task keys are deterministic (subject, category, period) and the job first
// reads which exist, so a second run creates nothing; a task created by a
// racing run cancels the chunk, which is read again and retried. Venues are
// read a Query page at a time, never scanned; retired venues have nothing due
// (their open tasks went when they retired).

export const JOB = "inspection-schedule";

export interface ScheduleStats {
  tenants: number;
  venues: number;
  created: number;
  existing: number;
  transactions: number;
  raced: number;
}

/**
 * Items per Query page of the job's reads. DynamoDB Local, without a Limit,
 * reads the whole rest of the key range for every page it answers (a page's
 * time grows with what is left: reading 40k items a 1 MB page at a time took
 * 52 s, 1,000 at a time 2–3 s). In DynamoDB a page of 1,000 venues (≈ 0.75 MB)
 * or task ids (≈ 1 MB read) is about the 1 MB page it would be anyway.
 */
const PAGE_ITEMS = 1000;

/**
 * Subjects that already have a task of a category and period: one Query
 * (paged) per category and period, read once. The profile's categories'
 * current periods are read side by side up front; a patrol plan's (its own
 * frequency) when a venue first needs it.
 */
function existingSubjects(profile: PolicyProfile, now: Date, timeZone: string) {
  const tenantId = useTenant();
  const tasks = tenantDb().service.entities.inspectionTask;
  const read = async (category: string, period: string) => {
    const subjects = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { data: { subjectId: string }[]; cursor: string | null } = await tasks.query.byPeriod({ tenantId, category, period }).go({ cursor, attributes: ["subjectId"], limit: PAGE_ITEMS });
      for (const t of page.data) subjects.add(t.subjectId);
      cursor = page.cursor;
    } while (cursor);
    return subjects;
  };
  const reads = new Map<string, Promise<Set<string>>>();
  const of = (category: string, period: string) => {
    const key = `${category}.${period}`;
    if (!reads.has(key)) reads.set(key, read(category, period));
    return reads.get(key)!;
  };
  for (const c of profile.inspectionCategories) {
    for (const freq of [c.coveragePeriod, c.patrolFrequency]) if (freq) void of(c.id, periodOf(freq, now, timeZone).key);
  }
  return { of, settled: () => Promise.all(reads.values()) };
}

function taskItem(tx: TxEntities, t: DueTask, at: string): TxItem {
  const tenantId = useTenant();
  const task = { tenantId, ...t, state: "open" as const, inspections: 0, createdAt: at };
  // DynamoDB has no undefined; a shallow copy without them (the JSON round trip it replaced cost more than the write's own marshalling).
  return tx.inspectionTask.create(defined(task) as typeof task).commit() as TxItem;
}

type Chunk = { tasks: DueTask[]; deltas: ReturnType<typeof coverageDeltas> };

const deltasOf = (list: DueTask[]) => coverageDeltas(list.filter((t) => t.kind === "coverage").map((t) => ({ venuePath: t.venuePath!, category: t.category, period: t.period, due: 1, inspected: 0 })));

/**
 * Tasks in chunks that fit one transaction with their coverage counters and
 * an audit entry. The counters a chunk touches are counted as tasks join it
 * (one per ancestor, category and period of a coverage task), so cutting
 * 100k tasks stays linear.
 */
function chunks(tasks: DueTask[]): Chunk[] {
  const out: Chunk[] = [];
  let current: DueTask[] = [];
  let counters = new Set<string>();
  const countersOf = (t: DueTask) => (t.kind === "coverage" ? ancestry(t.venuePath!).map((n) => `${n.nodeId}#${t.category}#${basePeriod(t.period)}`) : []);
  for (const t of tasks) {
    const added = countersOf(t).filter((k) => !counters.has(k));
    if (current.length + 1 + counters.size + added.length + 1 > MAX_TRANSACTION_ITEMS && current.length) {
      out.push({ tasks: current, deltas: deltasOf(current) });
      current = [];
      counters = new Set();
    }
    current.push(t);
    for (const k of countersOf(t)) counters.add(k);
  }
  if (current.length) out.push({ tasks: current, deltas: deltasOf(current) });
  return out;
}

/** A chunk cancelled by its conditions: some of its tasks exist already (a concurrent run made them). */
class TasksExist extends AppError {
  constructor() {
    super("conflict", "request.conflict_retry");
  }
}

async function writeChunk(chunk: Chunk, now: Date): Promise<void> {
  const tenantId = useTenant();
  const at = now.toISOString();
  await writeTransaction((tx) =>
      [
        ...chunk.tasks.map((t) => taskItem(tx, t, at)),
        ...chunk.deltas.map((d) => tx.coverage.update({ tenantId, nodeId: d.nodeId, category: d.category, period: d.period }).add({ due: d.due }).set({ path: d.path, slice: coverageSlice(d.category, d.period) }).commit()),
        auditItem(tx, { action: "inspection.schedule", targetType: "tenant", targetId: tenantId, details: { tasks: chunk.tasks.length, first: taskIdOf(chunk.tasks[0]!) } }, now),
      ] as never,
    { onCanceled: () => new TasksExist() },
  );
}

/** Transactions of one tenant in flight at once: enough to hide each one's latency, few enough not to crowd the counters they share. */
const SCHEDULE_WRITE_CONCURRENCY = 8;
const CONFLICT_ATTEMPTS = 8;

/**
 * A chunk's transaction, tried again with jittered backoff while it only
 * collided with another transaction on a shared item (the chunks written in
 * parallel all add to their ancestors' coverage counters, the root's
 * included): nothing of it was written, so the same items go again.
 */
async function writeChunkPatiently(chunk: Chunk, now: Date): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeChunk(chunk, now);
    } catch (err) {
      const collided = err instanceof AppError && err.code === "request.conflict_retry" && !(err instanceof TasksExist);
      if (!collided || attempt === CONFLICT_ATTEMPTS) throw err;
      await new Promise((wake) => setTimeout(wake, Math.random() * 25 * 2 ** attempt));
    }
  }
}

/**
 * One chunk written, counted in `stats`. A chunk some of whose tasks a
 * concurrent run made is read back task by task and only the missing ones
 * are written again (the same way: the other run may be writing them too).
 */
async function scheduleChunk(chunk: Chunk, now: Date, stats: Omit<ScheduleStats, "tenants">): Promise<void> {
  const tenantId = useTenant();
  try {
    await writeChunkPatiently(chunk, now);
    stats.created += chunk.tasks.length;
    stats.transactions += 1;
  } catch (err) {
    if (!(err instanceof TasksExist)) throw err;
    stats.raced += 1;
    const missing: DueTask[] = [];
    for (const t of chunk.tasks) {
      const { data } = await tenantDb().service.entities.inspectionTask.get({ tenantId, subjectId: t.subjectId, category: t.category, period: t.period }).go({ consistent: true });
      if (data) stats.existing += 1;
      else missing.push(t);
    }
    for (const again of chunks(missing)) await scheduleChunk(again, now, stats);
  }
}

/** Venue shards of one tenant read side by side. */
const SHARD_READERS = 4;

/**
 * Path prefixes that split a tenant's venues into disjoint shards, so that
 * they are read side by side and no Query pages through the whole county:
 * the root's own venues, then one shard per first hex digit of the
 * top-level node's id (node ids are UUIDs). Without a root, one shard.
 */
function venueShards(rootNodeId: string | undefined): string[] {
  if (!rootNodeId) return ["/"];
  return [`/${rootNodeId}/#`, ...[..."0123456789abcdef"].map((c) => `/${rootNodeId}/${c}`)];
}

/**
 * One tenant's tasks due at `now`. The venue shards are read a few at a
 * time, each a Query page after another, while the transactions of the pages
 * read so far are in flight, at most `SCHEDULE_WRITE_CONCURRENCY` at once (a reader waits
 * for a free slot). Each transaction holds the same items and conditions as
 * when they went one by one, so a second run still creates nothing.
 */
export async function scheduleTenant(tenantId: string, timeZone: string, now: Date): Promise<Omit<ScheduleStats, "tenants">> {
  return withActor({ type: "system", tenantId, job: JOB }, async () => {
    const stats = { venues: 0, created: 0, existing: 0, transactions: 0, raced: 0 };
    const { profile } = await profileAt(now);
    if (!profile.inspectionCategories.some((c) => c.coveragePeriod || c.patrolFrequency) && !profile.venues.policies.some((p) => p.kind === "patrol_plan")) return stats;
    const existing = existingSubjects(profile, now, timeZone);
    await existing.settled();
    const venues = tenantDb().service.entities.venue;
    const writes = boundedPool(SCHEDULE_WRITE_CONCURRENCY);
    const counted = new Set<string>();
    const readShard = async (prefix: string) => {
      let cursor: string | null = null;
      do {
        const page: { data: ScheduledVenue[]; cursor: string | null } = await venues.query
          .bySubtree({ tenantId })
          .begins({ path: prefix })
          .go({ cursor, attributes: ["venueId", "name", "nodeId", "path", "categories", "status", "patrolPlanPolicy", "patrolPlan"], limit: PAGE_ITEMS });
        stats.venues += page.data.filter((v) => v.status === "active").length;
        const fresh: DueTask[] = [];
        for (const t of dueTasks(profile, page.data, now, timeZone)) {
          const seen = await existing.of(t.category, t.period);
          if (seen.has(t.subjectId)) {
            // A patrol is due once per node whatever the number of pages (and shards) its venues span.
            if (!counted.has(taskIdOf(t))) stats.existing += 1;
            counted.add(taskIdOf(t));
            continue;
          }
          counted.add(taskIdOf(t));
          seen.add(t.subjectId);
          fresh.push(t);
        }
        fresh.sort((a, b) => (a.venuePath ?? a.path).localeCompare(b.venuePath ?? b.path));
        for (const chunk of chunks(fresh)) await writes.add(() => scheduleChunk(chunk, now, stats));
        cursor = page.cursor;
      } while (cursor);
    };
    const readers = boundedPool(SHARD_READERS);
    try {
      for (const prefix of venueShards((await tenantInContext())?.rootNodeId)) await readers.add(() => readShard(prefix));
      await readers.settle();
    } finally {
      await writes.settle();
    }
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
