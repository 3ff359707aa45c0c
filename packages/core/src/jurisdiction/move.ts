import { auditItem } from "../audit/index.ts";
import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { allPages } from "../db/cursor.ts";
import { defined } from "../db/plain.ts";
import { type NodeItem } from "./lookup.ts";
import { inSubtree, movedWith, rebased } from "./subtree-movers.ts";
import { nodeMoving, placeCheckItems, placeChecks } from "./place.ts";

/** DynamoDB takes 100 items per transaction; the last one also carries the node, its parents and the audit entry. */
const CHUNK = 90;
const MAX_ITEMS = 100;

/** One item of a transaction, built once the transaction hands over its entities. */
type Op = (tx: TxEntities) => unknown;

/**
 * Rewrites the materialised path of a node and of every item that carries a
 * path under it (descendant nodes, people, brigades, users' scopes, town
 * summaries, and through the registered movers hazards with their list rows
 * and counters, venues, inspection tasks, inspections and coverage counters), in transactions of
 * at most 100 items. Each rewrite is conditioned on the old path (a hazard on
 * its version), so a concurrent change fails the move instead of being
 * overwritten. The node itself moves in the last transaction, with
 * its parents' child counts and the audit entry: until then it still answers
 * at its old path, and a move interrupted part-way is finished by asking for
 * it again (what is already rewritten no longer matches the old path).
 */
export async function rewritePaths(node: NodeItem, parent: NodeItem): Promise<void> {
  const tenantId = useTenant();
  const { service } = tenantDb();
  const { entities } = service;
  const oldPath = node.path;
  const newPath = `${parent.path}/${node.nodeId}`;
  const onCanceled = () => new AppError("conflict", "request.conflict_retry");
  // First the mark: from here no write may store a path under the node (place.ts). A move
  // interrupted part-way leaves it set; only the same move, asked again, passes it and finishes.
  await writeTransaction(
    (tx) => [
      tx.node
        .patch({ tenantId, nodeId: node.nodeId })
        .set({ moving: parent.nodeId })
        .where((a, op) => `${op.eq(a.path, oldPath)} AND ${op.eq(a.status, "active")} AND (${op.notExists(a.moving)} OR ${op.eq(a.moving, parent.nodeId)})`)
        .commit(),
      ...placeChecks(tx, { nodeId: node.nodeId, path: oldPath }, { except: node.nodeId }),
    ] as never,
    { onCanceled: nodeMoving },
  );
  const moved = (path: string) => rebased(path, oldPath, newPath);
  const opts = (cursor: string | null) => ({ cursor, limit: 500 });
  // begins_with on a path also matches a sibling whose id merely starts the same; ids are UUIDs, but keep to the subtree.
  const under = (path: string) => inSubtree(path, oldPath);

  const nodes = (await allPages((c) => entities.node.query.bySubtree({ tenantId }).begins({ path: `${oldPath}/` }).go(opts(c)))).filter((n) => under(n.path));
  const [people, brigades, users, summaries, others] = await Promise.all([
    allPages((c) => entities.person.query.bySubtree({ tenantId }).begins({ path: oldPath }).go(opts(c))),
    allPages((c) => entities.brigade.query.bySubtree({ tenantId }).begins({ path: oldPath }).go(opts(c))),
    allPages((c) => entities.user.query.byScope({ tenantId }).begins({ scopePath: oldPath }).go(opts(c))),
    allPages((c) => entities.complianceSummary.query.byRollup({ tenantId }).begins({ path: oldPath }).go(opts(c))),
    // What domains above the tree keep under it (hazards, venues, inspections) comes packed in transactions of their own.
    movedWith(oldPath, newPath, MAX_ITEMS, [{ nodeId: node.nodeId, path: oldPath }, ...nodes.map((n) => ({ nodeId: n.nodeId, path: n.path }))]),
  ]);

  const ops: Op[] = [
    ...nodes.map((n): Op => (tx) => tx.node.patch({ tenantId, nodeId: n.nodeId }).set({ path: moved(n.path) }).where((a, op) => op.eq(a.path, n.path)).commit()),
    ...people.filter((p) => under(p.path)).map((p): Op => (tx) => tx.person.patch({ tenantId, nodeId: p.nodeId, personId: p.personId }).set({ path: moved(p.path) }).where((a, op) => op.eq(a.path, p.path)).commit()),
    ...brigades.filter((b) => under(b.path)).map((b): Op => (tx) => tx.brigade.patch({ tenantId, nodeId: b.nodeId, brigadeId: b.brigadeId }).set({ path: moved(b.path) }).where((a, op) => op.eq(a.path, b.path)).commit()),
    ...users.filter((u) => under(u.scopePath)).map((u): Op => (tx) => tx.user.patch({ tenantId, userId: u.userId }).set({ scopePath: moved(u.scopePath) }).where((a, op) => op.eq(a.scopePath, u.scopePath)).commit()),
    ...summaries.filter((s) => under(s.path)).map((s): Op => (tx) => tx.complianceSummary.patch({ tenantId, nodeId: s.nodeId }).set({ path: moved(s.path) }).where((a, op) => op.eq(a.path, s.path)).commit()),
  ];
  const last: Op[] = [
    (tx) =>
      tx.node
        .patch({ tenantId, nodeId: node.nodeId })
        .set({ path: newPath, parentId: parent.nodeId })
        .remove(["moving"])
        .where((a, op) => `${op.eq(a.path, oldPath)} AND ${op.eq(a.status, "active")} AND ${op.eq(a.moving, parent.nodeId)}`)
        .commit(),
    (tx) => tx.node.patch({ tenantId, nodeId: node.parentId! }).add({ activeChildren: -1 }).commit(),
    // The new parent must still be where the new path says, and not itself on the move.
    (tx) =>
      tx.node
        .patch({ tenantId, nodeId: parent.nodeId })
        .add({ activeChildren: 1 })
        .where((a, op) => `${op.eq(a.status, "active")} AND ${op.eq(a.path, parent.path)} AND ${op.notExists(a.moving)}`)
        .commit(),
    ...placeCheckItems(parent, { except: parent.nodeId }),
    (tx) =>
      auditItem(tx, {
        action: "node.move",
        targetType: "node",
        targetId: node.nodeId,
        details: defined({ fromParentId: node.parentId, toParentId: parent.nodeId, fromPath: oldPath, toPath: newPath, itemsRewritten: ops.length, hazardsRewritten: others.hazards?.count ?? 0, venuesRewritten: others.venues?.count ?? 0, inspectionItemsRewritten: others.inspections?.count ?? 0 }),
      }),
  ];

  const chunks: Op[][] = [];
  for (let i = 0; i < ops.length; i += CHUNK) chunks.push(ops.slice(i, i + CHUNK));
  if (chunks.length && chunks.at(-1)!.length + last.length <= MAX_ITEMS) chunks.at(-1)!.push(...last);
  else chunks.push(last);
  for (const batch of Object.values(others).flatMap((o) => o.batches)) await writeTransaction(batch as never, { onCanceled });
  for (const chunk of chunks) {
    await writeTransaction((tx) => chunk.map((op) => op(tx)) as never, { onCanceled });
  }
}
