import { useTenant } from "../context/actor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { responsibleNode, taskIdOf } from "./schedule.ts";

// Tasks made for named people (a drawn spot check's inspectors), and what
// became of them. The task keeps the usual key (venue, category, period);
// only its assignees may perform it.


export interface AssignedTask {
  venue: { venueId: string; name: string; path: string };
  category: string;
  period: string;
  dueAt: string;
  /** The first is the task's `assigneeId`, the others its `coAssigneeIds`. */
  assigneeIds: readonly [string, ...string[]];
}

/** The task key of an assigned task, as a client sees it. */
export const assignedTaskId = (t: Pick<AssignedTask, "venue" | "category" | "period">) => taskIdOf({ subjectId: t.venue.venueId, category: t.category, period: t.period });

/** A new open task for its assignees, as an item of the caller's transaction (refused if the task exists). */
export function assignedTaskItem(tx: TxEntities, profile: PolicyProfile, t: AssignedTask, now: Date): TxItem {
  const category = profile.inspectionCategories.find((c) => c.id === t.category);
  const node = responsibleNode(profile, t.category, t.venue.path);
  const [assigneeId, ...co] = t.assigneeIds;
  return tx.inspectionTask
    .create(
      plain({
        tenantId: useTenant(),
        subjectId: t.venue.venueId,
        category: t.category,
        period: t.period,
        kind: "coverage" as const,
        venueId: t.venue.venueId,
        venueName: t.venue.name,
        venuePath: t.venue.path,
        nodeId: node.nodeId,
        path: t.venue.path,
        responsibleRole: category?.responsibleRole ?? t.category,
        dueAt: t.dueAt,
        state: "open" as const,
        inspections: 0,
        createdAt: now.toISOString(),
        assigneeId,
        coAssigneeIds: co.length ? co : undefined,
      }),
    )
    .commit() as TxItem;
}

export interface TaskOutcome {
  state: "open" | "done";
  doneAt?: string | undefined;
  inspectionId?: string | undefined;
  /** Of the inspection that settled it: items passed, items failed (each raised a hazard), not applicable. */
  passed?: number | undefined;
  failed?: number | undefined;
  notApplicable?: number | undefined;
}

const BATCH = 100;

/** Batch reads of one entity, unprocessed keys asked again (a few times). */
async function batchGet<K, T>(keys: K[], read: (keys: K[]) => Promise<{ data: T[]; unprocessed: K[] }>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    let pending = keys.slice(i, i + BATCH);
    for (let attempt = 0; pending.length && attempt < 5; attempt++) {
      const { data, unprocessed } = await read(pending);
      out.push(...data);
      pending = unprocessed;
    }
  }
  return out;
}

/**
 * What became of these tasks (by task id): open, or done with the counts of
 * the inspection that settled it. Two batch reads: the tasks, then their
 * inspections. A task that no longer exists (its venue retired) is left out.
 */
export async function taskOutcomes(keys: readonly { subjectId: string; category: string; period: string }[]): Promise<Map<string, TaskOutcome>> {
  const tenantId = useTenant();
  const entities = tenantDb().service.entities;
  type Task = { subjectId: string; category: string; period: string; venueId?: string; state: "open" | "done"; doneAt?: string; inspectionId?: string };
  type Inspection = { venueId: string; inspectionId: string; passed: number; failed: number; notApplicable: number };
  const tasks = await batchGet(
    keys.map((k) => ({ tenantId, subjectId: k.subjectId, category: k.category, period: k.period })),
    async (batch) => (await entities.inspectionTask.get(batch).go({ attributes: ["subjectId", "category", "period", "venueId", "state", "doneAt", "inspectionId"] })) as unknown as { data: Task[]; unprocessed: typeof batch },
  );
  const settled = tasks.filter((t) => t.state === "done" && t.inspectionId && t.venueId);
  const inspections = await batchGet(
    settled.map((t) => ({ tenantId, venueId: t.venueId!, inspectionId: t.inspectionId! })),
    async (batch) => (await entities.inspection.get(batch).go({ attributes: ["venueId", "inspectionId", "passed", "failed", "notApplicable"] })) as unknown as { data: Inspection[]; unprocessed: typeof batch },
  );
  const byInspection = new Map(inspections.map((i) => [i.inspectionId, i]));
  return new Map(
    tasks.map((t) => {
      const i = t.inspectionId ? byInspection.get(t.inspectionId) : undefined;
      return [taskIdOf(t), { state: t.state, doneAt: t.doneAt, inspectionId: t.inspectionId, passed: i?.passed, failed: i?.failed, notApplicable: i?.notApplicable }];
    }),
  );
}
