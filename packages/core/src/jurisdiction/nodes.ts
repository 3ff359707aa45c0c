import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize } from "../access/index.ts";
import { childLevel, profileAt, tierLevels } from "../profile/index.ts";
import { invalid } from "../errors/index.ts";
import { nodeOrNotFound, type NodeItem } from "./lookup.ts";
import { atPlace, nodeMoving } from "./place.ts";
import { pageQuery, withCursor } from "../db/cursor.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { rewritePaths } from "./move.ts";

export const NodeViewSchema = z
  .object({
    nodeId: z.string(),
    parentId: z.string().optional(),
    path: z.string(),
    level: z.string(),
    name: z.string(),
    unit: z.string().optional(),
    tier: z.string().optional(),
    status: z.string(),
    activeChildren: z.number().optional(),
  })
  .meta({ id: "Node" });

export type NodeView = z.infer<typeof NodeViewSchema>;

export function toNodeView(node: NodeItem): NodeView {
  const { nodeId, parentId, path, level, name, unit, tier, status, activeChildren } = node;
  return { nodeId, ...(parentId ? { parentId } : {}), path, level, name, ...(unit ? { unit } : {}), ...(tier ? { tier } : {}), status, activeChildren };
}

// ── Reading ────────────────────────────────────────────────────────────────

export const ListSubtreeInput = pageQuery({ max: 500, default: 200 });

/** The nodes of the caller's subtree in path order (parents before children). */
export const listSubtree = useCase(
  ListSubtreeInput,
  async (input) => {
    const actor = useUser();
    authorize(actor, "node.read");
    return subtreePage(actor.scopePath, input);
  },
  "query",
);

async function subtreePage(path: string, input: { cursor?: string | undefined; limit: number }) {
  const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.node.query.bySubtree({ tenantId: useUser().tenantId }).begins({ path }).go({ cursor, limit: input.limit }));
  return { items: page.data.map(toNodeView), cursor: page.cursor };
}

export const NodeParams = z.object({ nodeId: z.string().min(1).max(64) });

/** One node (retired ones too: their records are history). */
export async function getNode(nodeId: string): Promise<NodeView> {
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  authorize(useUser(), "node.read", node);
  return toNodeView(node);
}

/** The subtree under a node of the caller's own subtree, a page at a time. */
export const listUnder = useCase(
  ListSubtreeInput,
  async (input, nodeId: string) => {
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(useUser(), "node.read", node);
    return subtreePage(node.path, input);
  },
  "query",
);

// ── Writing ────────────────────────────────────────────────────────────────

const Name = z.string().trim().min(1, bilingual("请填写名称", "Name is required")).max(60, bilingual("名称不超过 60 个字", "At most 60 characters"));

/** A unit kind the level lists (镇 / 园区), or a tier of the profile; checked against the profile in force. */
function checkUnit(profile: PolicyProfile, level: string, unit: string | undefined, path = "body.unit") {
  if (unit === undefined) return;
  const units = profile.levels.find((l) => l.id === level)?.units ?? [];
  if (!units.includes(unit)) throw invalid(path, "node.unit_unknown", `“${unit}”不是该层级的单位类型，可选：${units.join("、")}`, `“${unit}” is not a unit of this level; one of: ${units.join(", ")}`);
}

function checkTier(profile: PolicyProfile, level: string, tier: string | null | undefined, path = "body.tier") {
  if (tier === undefined || tier === null) return;
  const tiers = profile.staffing.tiers;
  if (!tierLevels(profile).has(level)) throw invalid(path, "node.tier_not_for_level", "该层级的节点不分类别", "Nodes of this level have no tier");
  if (!tiers.some((t) => t.id === tier)) {
    throw invalid(path, "node.tier_unknown", `“${tier}”不是政策档案中的类别，可选：${tiers.map((t) => `${t.id}（${t.name.zh}）`).join("、")}`, `“${tier}” is not a tier of the profile; one of: ${tiers.map((t) => t.id).join(", ")}`);
  }
}

export const CreateNodeInput = z
  .object({
    parentId: z.string().min(1).max(64),
    name: Name,
    unit: z.string().trim().min(1).max(20).optional().meta({ description: "The kind of unit within the level, from the profile (e.g. 镇 or 园区)" }),
    tier: z.string().min(1).max(40).optional().meta({ description: "Town tier id from profile.staffing.tiers (tenant admins only)" }),
  })
  .meta({ id: "CreateNodeInput" });

/**
 * A child node at the level below its parent's in the profile in force. One
 * transaction: the node, its parent's active-child count (the parent must
 * still be active), the audit entry.
 */
export const createNode = useCase(CreateNodeInput, async (input, opts: { idempotencyKey?: string } = {}): Promise<NodeView> => {
  const actor = useUser();
  const parent = await nodeOrNotFound(input.parentId);
  authorize(actor, "node.manage", parent);
  if (input.tier !== undefined) authorize(actor, "node.classify", parent);
  const { profile } = await profileAt();
  const level = childLevel(profile, parent.level);
  if (!level) throw invalid("body.parentId", "node.no_lower_level", "该节点已是政策档案的最末一级，不能再建下级", "The parent is at the profile's lowest level");
  checkUnit(profile, level.id, input.unit);
  checkTier(profile, level.id, input.tier);
  const nodeId = randomUUID();
  const unit = input.unit ?? (level.units.length === 1 ? level.units[0] : undefined);
  const item = { tenantId: actor.tenantId, nodeId, parentId: parent.nodeId, path: `${parent.path}/${nodeId}`, level: level.id, name: input.name, unit, tier: input.tier };
  const place = atPlace(parent, { except: parent.nodeId });
  const stored = await writeTransaction<{ nodeId: string }>((tx) =>
      place.items(tx, [
        tx.node.create(item).commit(),
        // The parent still active, still at the path the child's is made of, and not on the move.
        tx.node
          .patch({ tenantId: actor.tenantId, nodeId: parent.nodeId })
          .add({ activeChildren: 1 })
          .where((a, op) => `${op.eq(a.status, "active")} AND ${op.eq(a.path, parent.path)} AND ${op.notExists(a.moving)}`)
          .commit(),
        auditItem(tx, { action: "node.create", targetType: "node", targetId: nodeId, details: { parentId: parent.nodeId, level: level.id, name: input.name } }),
      ] as never) as never,
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: input, result: { nodeId } } : undefined,
      onCanceled: (reasons) => (place.moved(reasons) || reasons.some((r) => r.index === 1) ? nodeMoving() : new AppError("conflict", "request.conflict_retry")),
    },
  ).catch(async (err) => {
    // The parent's own condition failed: it moved or is moving (409 node.moving), or it retired meanwhile (404).
    if (err instanceof AppError && err.code === "node.moving") await nodeOrNotFound(parent.nodeId, { consistent: true });
    throw err;
  });
  return toNodeView(await nodeOrNotFound(stored?.nodeId ?? nodeId, { consistent: true }));
});

export const UpdateNodeInput = z
  .object({
    name: Name.optional(),
    unit: z.string().trim().min(1).max(20).optional(),
    tier: z.string().min(1).max(40).nullable().optional().meta({ description: "Town tier id; null clears it (tenant admins only)" }),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual("没有要修改的内容", "Nothing to change"))
  .meta({ id: "UpdateNodeInput" });

/** Rename a node, set its unit kind, or (tenant admins) set or clear its tier. */
export const updateNode = useCase(UpdateNodeInput, async (input, nodeId: string): Promise<NodeView> => {
  const actor = useUser();
  const current = await nodeOrNotFound(nodeId);
  authorize(actor, "node.manage", current);
  if (input.tier !== undefined) authorize(actor, "node.classify", current);
  const { profile } = await profileAt();
  checkUnit(profile, current.level, input.unit);
  checkTier(profile, current.level, input.tier);
  const set = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
    ...(typeof input.tier === "string" ? { tier: input.tier } : {}),
  };
  const remove = input.tier === null ? (["tier"] as const) : [];
  await writeTransaction(({ node, audit }) => [
      node
        .patch({ tenantId: actor.tenantId, nodeId })
        .set(set)
        .remove([...remove])
        // Nodes written before updatedAt existed have none: they match on its absence.
        .where((a, op) => `${current.updatedAt ? op.eq(a.updatedAt, current.updatedAt) : op.notExists(a.updatedAt)} AND ${op.eq(a.status, "active")}`)
        .commit(),
      auditItem({ audit }, { action: "node.update", targetType: "node", targetId: nodeId, details: { ...set, ...(input.tier === null ? { tier: null } : {}), previousName: current.name } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return toNodeView(await nodeOrNotFound(nodeId, { consistent: true }));
});

/** Neither the root nor the caller's own scope node: those are moved or retired from above. */
function assertBelowScope(node: NodeItem) {
  const actor = useUser();
  if (!node.parentId || node.path === actor.scopePath) throw new AppError("forbidden", "node.own_scope");
}

export const MoveNodeInput = z.object({ parentId: z.string().min(1).max(64) }).meta({ id: "MoveNodeInput" });

/**
 * Move a node under a new parent of the level above it. The node keeps its
 * id, so its people, records and history (all keyed by the id) follow; every
 * item that carries its path for subtree queries is rewritten (see move.ts).
 */
export const moveNode = useCase(MoveNodeInput, async (input, nodeId: string): Promise<NodeView> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "node.manage", node);
  assertBelowScope(node);
  const parent = await nodeOrNotFound(input.parentId);
  authorize(actor, "node.manage", parent);
  // A move under way (or interrupted) is finished by asking for it again; any other waits for it.
  if ((node.moving !== undefined && node.moving !== parent.nodeId) || parent.moving !== undefined) throw nodeMoving();
  if (parent.nodeId === node.parentId) return toNodeView(node);
  if (parent.path === node.path || parent.path.startsWith(`${node.path}/`)) {
    throw invalid("body.parentId", "node.move_into_subtree", "不能移到自己或自己的下级节点之下", "A node cannot move under itself or its own descendants");
  }
  const { profile } = await profileAt();
  if (childLevel(profile, parent.level)?.id !== node.level) {
    const want = profile.levels[profile.levels.findIndex((l) => l.id === node.level) - 1];
    throw invalid("body.parentId", "node.parent_level", `新的上级须为“${want?.name.zh ?? "—"}”一级`, `The new parent must be at the level “${want?.name.en ?? "—"}”`);
  }
  await rewritePaths(node, parent);
  return toNodeView(await nodeOrNotFound(nodeId, { consistent: true }));
});

/**
 * Retire a node: it stays, with its history, but takes no new children or
 * records. Refused while it has active children (the count is kept in the
 * same transactions that add, move and retire children, and checked by the
 * write's condition, so a child added concurrently makes one of them fail).
 */
export async function retireNode(nodeId: string): Promise<NodeView> {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "node.manage", node);
  assertBelowScope(node);
  if (node.activeChildren > 0) throw new AppError("conflict", "node.has_active_children", { count: node.activeChildren });
  const at = new Date().toISOString();
  await writeTransaction(({ node: nodes, complianceSummary, audit }) => [
      // A retired town leaves the roll-up.
      complianceSummary.delete({ tenantId: actor.tenantId, nodeId }).commit(),
      nodes
        .patch({ tenantId: actor.tenantId, nodeId })
        .set({ status: "retired", retiredAt: at })
        .where((a, op) => `${op.eq(a.status, "active")} AND (${op.eq(a.activeChildren, 0)} OR ${op.notExists(a.activeChildren)})`)
        .commit(),
      nodes.patch({ tenantId: actor.tenantId, nodeId: node.parentId! }).add({ activeChildren: -1 }).commit(),
      auditItem({ audit }, { action: "node.retire", targetType: "node", targetId: nodeId, details: { name: node.name, path: node.path } }),
    ],
    { onCanceled: () => new AppError("conflict", "node.has_active_children", { count: "≥1" }) },
  );
  return toNodeView(await nodeOrNotFound(nodeId, { allowRetired: true, consistent: true }));
}
