import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { inSubtree, packGroups, rebased, type MoveGroup, type MovedWith, type SubtreeNode } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { areaOf, coverageSlice } from "./inspection.entity.ts";
import { ancestry, responsibleNode } from "./schedule.ts";

// A node moved in the tree takes along what inspections keep under its path:
// the tasks (a venue's at the venue's place, a patrol at its node's), the
// finished inspections, and the coverage counters. Every counter of a node
// counts its whole subtree, so the moved node's counts leave the nodes that
// were above it and are no longer, and join those above it now; the nodes
// above both keep theirs. Every write is conditioned on what was read: a
// change meanwhile cancels its batch (the move answers 409 and, asked again,
// finishes), and what an interrupted run already moved no longer matches the
// old path and is left as it is.

export async function inspectionsMovedWith(oldPath: string, newPath: string, maxItems: number, nodes: readonly SubtreeNode[]): Promise<MovedWith> {
  const tenantId = useTenant();
  const { inspectionTask, inspection, coverage } = tenantDb().service.entities;
  const moved = (path: string) => rebased(path, oldPath, newPath);
  const under = (path: string) => inSubtree(path, oldPath);
  const [{ profile }, tasks, inspections, counters] = await Promise.all([
    profileAt(),
    Promise.all(
      (["open", "done"] as const).map((state) =>
        allPages((cursor) =>
          inspectionTask.query
            .byArea({ tenantId, state, area: areaOf(oldPath) })
            .where((a, op) => `${op.eq(a.path, oldPath)} OR ${op.begins(a.path, `${oldPath}/`)}`)
            .go({ cursor, limit: 500 }),
        ),
      ),
    ).then((lists) => lists.flat()),
    allPages((cursor) => inspection.query.bySubtree({ tenantId }).begins({ path: `${oldPath}/` }).go({ cursor, limit: 500 })),
    Promise.all(nodes.map((n) => allPages((cursor) => coverage.query.byNode({ tenantId, nodeId: n.nodeId }).go({ cursor, limit: 500 })))).then((lists) => lists.flat()),
  ]);

  const groups: MoveGroup[] = [];
  for (const t of tasks.filter((t) => under(t.path))) {
    const venuePath = t.venuePath !== undefined && under(t.venuePath) ? moved(t.venuePath) : t.venuePath;
    // A venue's task answers to the node at its category's level above the venue's new place.
    const nodeId = t.kind === "coverage" && venuePath !== undefined ? responsibleNode(profile, t.category, venuePath).nodeId : t.nodeId;
    groups.push({
      size: 1,
      items: (tx) => [
        tx.inspectionTask
          .patch({ tenantId, subjectId: t.subjectId, category: t.category, period: t.period })
          .set({ path: moved(t.path), state: t.state, dueAt: t.dueAt, nodeId, ...(venuePath !== undefined ? { venuePath } : {}) })
          .where((a, op) => `${op.eq(a.path, t.path)} AND ${op.eq(a.state, t.state)}`)
          .commit(),
      ],
    });
  }
  for (const i of inspections.filter((i) => under(i.path))) {
    groups.push({
      size: 1,
      items: (tx) => [tx.inspection.patch({ tenantId, venueId: i.venueId, inspectionId: i.inspectionId }).set({ path: moved(i.path) }).where((a, op) => op.eq(a.path, i.path)).commit()],
    });
  }

  // The nodes above the moved one before and after, less those above both.
  const movedNodeId = nodes[0]!.nodeId;
  const above = (path: string) => ancestry(path).slice(0, -1);
  const before = above(oldPath);
  const after = above(newPath);
  const left = before.filter((b) => !after.some((a) => a.nodeId === b.nodeId));
  const joined = after.filter((a) => !before.some((b) => b.nodeId === a.nodeId));
  for (const c of counters.filter((c) => under(c.path))) {
    const slice = coverageSlice(c.category, c.period);
    // A counter only ever ADDed to may lack one of its counts: absent is 0, and must still be absent.
    const due = c.due ?? 0;
    const inspected = c.inspected ?? 0;
    const counts = c.nodeId === movedNodeId && (due !== 0 || inspected !== 0);
    const deltas = counts ? [...left.map((n) => ({ ...n, sign: -1 })), ...joined.map((n) => ({ ...n, sign: 1 }))] : [];
    groups.push({
      size: 1 + deltas.length,
      items: (tx) => [
        tx.coverage
          .patch({ tenantId, nodeId: c.nodeId, category: c.category, period: c.period })
          .set({ path: moved(c.path), slice })
          // The moved node's counts are what its ancestors' change by: they must still be the counts read.
          .where((a, op) =>
            counts
              ? [op.eq(a.path, c.path), c.due === undefined ? op.notExists(a.due) : op.eq(a.due, due), c.inspected === undefined ? op.notExists(a.inspected) : op.eq(a.inspected, inspected)].join(" AND ")
              : op.eq(a.path, c.path),
          )
          .commit(),
        ...deltas.map((d) =>
          tx.coverage
            .update({ tenantId, nodeId: d.nodeId, category: c.category, period: c.period })
            .add({ due: d.sign * due, inspected: d.sign * inspected })
            .set({ path: d.path, slice })
            .commit(),
        ),
      ],
    });
  }
  return packGroups(groups, maxItems);
}
