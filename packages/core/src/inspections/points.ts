import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { withCursor } from "../db/cursor.ts";
import { areaOf } from "./inspection.entity.ts";
import { taskIdOf } from "./schedule.ts";

// What the one map (一张图) reads of tasks: the open venue tasks of a
// subtree that are due by a time (today's, and those left over), soonest due
// first, from the task lists by due time. Patrol tasks of a node have no point.

export interface TaskPointRow {
  taskId: string;
  venueId: string;
  venueName?: string;
  category: string;
  kind: string;
  dueAt: string;
  title?: { zh: string; en?: string };
}

/** Open venue tasks under `path` due at or before `until`, about `limit` a page; the page ends at the first task due later. */
export async function openTasksDueUnder(path: string, until: string, cursor: string | undefined, limit: number): Promise<{ items: TaskPointRow[]; cursor: string | null }> {
  const tenantId = useTenant();
  const tasks = tenantDb().service.entities.inspectionTask.query;
  const depth = path.split("/").filter(Boolean).length;
  const key = { tenantId, state: "open" as const };
  const read = (from: string | null) =>
    (depth < 2 ? tasks.byDue(key) : tasks.byArea({ ...key, area: areaOf(path) }))
      .where((a, op) => `(${op.eq(a.path, path)} OR ${op.begins(a.path, `${path}/`)}) AND ${op.exists(a.venueId)}`)
      .go({ cursor: from, limit: Math.max(limit, 200) });
  const items: TaskPointRow[] = [];
  let next: string | null = cursor ?? null;
  let first = true;
  do {
    const page = first ? await withCursor(cursor, read) : await read(next);
    first = false;
    next = page.cursor;
    for (const t of page.data) {
      // The lists are in due order: the first task due later ends the read.
      if (t.dueAt > until) return { items, cursor: null };
      items.push({ taskId: taskIdOf(t), venueId: t.venueId!, category: t.category, kind: t.kind, dueAt: t.dueAt, ...(t.venueName ? { venueName: t.venueName } : {}), ...(t.title ? { title: t.title as { zh: string; en?: string } } : {}) });
    }
  } while (next && items.length < limit);
  return { items, cursor: next };
}
