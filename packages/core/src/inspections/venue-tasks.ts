import { auditItem } from "../audit/index.ts";
import { useTenant } from "../context/actor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { boundedPool } from "../jobs/index.ts";
import { profileAt } from "../profile/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import type { VenueWritten } from "../venues/index.ts";
import { coverageSlice } from "./inspection.entity.ts";
import { MAX_TRANSACTION_ITEMS } from "./perform.ts";
import { basePeriod } from "./periods.ts";
import { ancestry, coverageDeltas, dueTasks, responsibleNode, taskIdOf, type DueTask } from "./schedule.ts";

// A venue's tasks follow its writes at once, not at the next daily run: a
// venue created or imported gets the tasks of the current periods, one
// reclassified gets those of its new categories and loses the open ones of
// the categories it left, one moved takes its open tasks along, and one
// given a patrol plan gets the task of its patroller. Written right after
// the venue's own transaction (an import's: after each chunk), with the same
// deterministic keys and counter changes as the daily job, so the job run
// afterwards finds every task made and changes nothing. What a failure here
// leaves undone the job still makes.

type Key = { subjectId: string; category: string; period: string };

interface StoredTask extends Key {
  kind: "coverage" | "patrol" | "plan";
  state: "open" | "done";
  path: string;
  nodeId: string;
  dueAt: string;
  venuePath?: string | undefined;
  venueName?: string | undefined;
  assigneeId?: string | undefined;
}

/** One task written (created, dropped or patched) with the coverage counter changes that go with it. */
interface Op {
  item: (tx: TxEntities) => TxItem;
  counters: { venuePath: string; category: string; period: string; due: number; inspected: number }[];
  change: "created" | "dropped" | "moved";
}

/** A transaction cancelled because a task changed since it was read: read again and retry. */
class TasksChanged extends AppError {
  constructor() {
    super("conflict", "request.conflict_retry");
  }
}

const ATTEMPTS = 5;
const READERS = 8;
const keyOf = (t: Key) => taskIdOf(t);

/** The tasks of these venues (not of fresh ones: they have none), every state and period: one Query of each venue's partition. */
async function tasksOf(venueIds: string[]): Promise<Map<string, StoredTask[]>> {
  const tenantId = useTenant();
  const tasks = tenantDb().service.entities.inspectionTask;
  const out = new Map<string, StoredTask[]>();
  const pool = boundedPool(READERS);
  for (const subjectId of venueIds) {
    await pool.add(async () => {
      const { data } = await tasks.query.byId({ tenantId, subjectId }).go({ pages: "all", consistent: true });
      out.set(subjectId, data as StoredTask[]);
    });
  }
  await pool.settle();
  return out;
}

/** Which of these patrol tasks exist already (a node's patrol is shared by all its venues). */
async function existingPatrols(keys: Key[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const tenantId = useTenant();
  const { data } = await tenantDb().service.entities.inspectionTask.get(keys.map((k) => ({ tenantId, ...k }))).go({ consistent: true });
  return new Set((data as Key[]).map(keyOf));
}

function createOp(t: DueTask, at: string): Op {
  const tenantId = useTenant();
  return {
    item: (tx) => tx.inspectionTask.create(plain({ tenantId, ...t, state: "open" as const, inspections: 0, createdAt: at })).commit() as TxItem,
    counters: t.kind === "coverage" ? [{ venuePath: t.venuePath!, category: t.category, period: t.period, due: 1, inspected: 0 }] : [],
    change: "created",
  };
}

function dropOp(t: StoredTask): Op {
  const tenantId = useTenant();
  return {
    item: (tx) => tx.inspectionTask.delete({ tenantId, subjectId: t.subjectId, category: t.category, period: t.period }).where((a, op) => op.eq(a.state, "open")).commit() as TxItem,
    counters: t.kind === "coverage" ? [{ venuePath: t.venuePath ?? t.path, category: t.category, period: t.period, due: -1, inspected: 0 }] : [],
    change: "dropped",
  };
}

/** An open task brought to its venue's place, name and (for a plan's task) patroller; a coverage task's due count moves with it. */
function moveOp(profile: PolicyProfile, t: StoredTask, venue: VenueWritten["venue"], assignee?: { assigneeId: string; assigneeName: string; responsibleRole: string }): Op {
  const tenantId = useTenant();
  const nodeId = t.kind === "coverage" ? responsibleNode(profile, t.category, venue.path).nodeId : venue.nodeId;
  const moved = t.venuePath !== venue.path;
  return {
    item: (tx) =>
      tx.inspectionTask
        .patch({ tenantId, subjectId: t.subjectId, category: t.category, period: t.period })
        // The index keys are rebuilt from state, due time and path: all given, as a move of the tree does.
        .set(plain({ path: venue.path, venuePath: venue.path, venueName: venue.name, nodeId, state: "open" as const, dueAt: t.dueAt, ...(assignee ?? {}) }))
        .where((a, op) => `${op.eq(a.state, "open")} AND ${op.eq(a.path, t.path)}`)
        .commit() as TxItem,
    counters:
      t.kind === "coverage" && moved
        ? [
            { venuePath: t.venuePath ?? t.path, category: t.category, period: t.period, due: -1, inspected: 0 },
            { venuePath: venue.path, category: t.category, period: t.period, due: 1, inspected: 0 },
          ]
        : [],
    change: "moved",
  };
}

/** What these venue writes change of the tasks, read afresh. */
async function opsFor(profile: PolicyProfile, written: readonly VenueWritten[], now: Date, timeZone: string): Promise<Op[]> {
  const at = now.toISOString();
  const due = dueTasks(profile, written.map((w) => w.venue), now, timeZone);
  const stored = await tasksOf(written.filter((w) => !w.fresh).map((w) => w.venue.venueId));
  const patrols = due.filter((t) => t.kind === "patrol");
  const patrolsThere = await existingPatrols(patrols);
  const ops: Op[] = patrols.filter((t) => !patrolsThere.has(keyOf(t))).map((t) => createOp(t, at));
  const dueOf = new Map<string, DueTask[]>();
  for (const t of due) if (t.kind !== "patrol") dueOf.set(t.subjectId, [...(dueOf.get(t.subjectId) ?? []), t]);

  for (const { venue, planChanged } of written) {
    const mine = stored.get(venue.venueId) ?? [];
    const have = new Set(mine.map(keyOf));
    const wanted = dueOf.get(venue.venueId) ?? [];
    const plan = wanted.find((t) => t.kind === "plan");
    for (const t of wanted) if (!have.has(keyOf(t))) ops.push(createOp(t, at));
    for (const t of mine) {
      if (t.state !== "open") continue;
      if (t.kind === "coverage") {
        // A drawn spot check (assigned, in a category the schedule does not make) stays while the venue is active.
        const drawn = t.assigneeId !== undefined;
        if (venue.status !== "active" || (!drawn && !venue.categories.includes(t.category))) ops.push(dropOp(t));
        else if (t.venuePath !== venue.path || t.venueName !== venue.name) ops.push(moveOp(profile, t, venue));
      } else if (t.kind === "plan") {
        const current = plan !== undefined && keyOf(plan) === keyOf(t);
        // An earlier period's task of the same plan stays (overdue) for its patroller; a new plan or none drops it.
        if (!current && (plan === undefined || planChanged || plan.category !== t.category)) ops.push(dropOp(t));
        else if (current && (t.assigneeId !== plan.assigneeId || t.venuePath !== venue.path || t.venueName !== venue.name)) {
          ops.push(moveOp(profile, t, venue, { assigneeId: plan.assigneeId!, assigneeName: plan.assigneeName!, responsibleRole: plan.responsibleRole }));
        } else if (!current && (t.venuePath !== venue.path || t.venueName !== venue.name)) ops.push(moveOp(profile, t, venue));
      }
    }
  }
  return ops;
}

/** Ops in transactions of at most 100 items: the tasks, the counters they change (summed), and an audit entry. */
function pack(ops: Op[]): Op[][] {
  const out: Op[][] = [];
  let current: Op[] = [];
  let counters = new Set<string>();
  const keysOf = (op: Op) => op.counters.flatMap((c) => ancestry(c.venuePath).map((n) => `${n.nodeId}#${c.category}#${basePeriod(c.period)}`));
  for (const op of ops) {
    const added = keysOf(op).filter((k) => !counters.has(k));
    if (current.length && current.length + 1 + counters.size + added.length + 1 > MAX_TRANSACTION_ITEMS) {
      out.push(current);
      current = [];
      counters = new Set();
    }
    current.push(op);
    for (const k of keysOf(op)) counters.add(k);
  }
  if (current.length) out.push(current);
  return out;
}

async function write(batch: Op[], written: readonly VenueWritten[], now: Date): Promise<void> {
  const tenantId = useTenant();
  const deltas = coverageDeltas(batch.flatMap((op) => op.counters));
  const count = (change: Op["change"]) => batch.filter((op) => op.change === change).length;
  await writeTransaction(
    (tx) =>
      [
        ...batch.map((op) => op.item(tx)),
        ...deltas.map((d) => tx.coverage.update({ tenantId, nodeId: d.nodeId, category: d.category, period: d.period }).add({ due: d.due }).set({ path: d.path, slice: coverageSlice(d.category, d.period) }).commit()),
        auditItem(tx, { action: "inspection.follow_venues", targetType: "venue", targetId: written[0]!.venue.venueId, details: { venues: written.length, created: count("created"), dropped: count("dropped"), moved: count("moved") } }, now),
      ] as never,
    { onCanceled: () => new TasksChanged() },
  );
}

/**
 * Brings the tasks of venues just written in line with them (the follower
 * venues call after a create, an update, an import chunk or a new patrol
 * plan). A transaction cancelled by a task changed meanwhile (the daily job,
 * a visit, another request) is read again and retried.
 */
export async function followVenueWrites(written: readonly VenueWritten[], now: Date): Promise<void> {
  const [{ profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
  for (let attempt = 1; ; attempt++) {
    try {
      for (const batch of pack(await opsFor(profile, written, now, timeZone))) await write(batch, written, now);
      return;
    } catch (err) {
      const again = err instanceof AppError && err.code === "request.conflict_retry";
      if (!again || attempt === ATTEMPTS) throw err;
      await new Promise((wake) => setTimeout(wake, Math.random() * 25 * 2 ** attempt));
      // A second attempt reads every venue's tasks: some of a fresh one's may be written by now.
      written = written.map((w) => ({ ...w, fresh: false }));
    }
  }
}
