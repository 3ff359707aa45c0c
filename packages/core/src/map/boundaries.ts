import { z } from "zod";
import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { listUnder, nodeOrNotFound, readPlace, type NodeView } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";
import { BoundaryInput, MAX_BOUNDARY_BYTES, MAX_BOUNDARY_POSITIONS, normaliseBoundary, type BoundaryGeometry } from "./geo.ts";

export const BoundaryReceiptSchema = z
  .object({ nodeId: z.string(), bbox: z.array(z.number()).length(4), positions: z.int(), bytes: z.int(), uploadedAt: z.string() })
  .meta({ id: "BoundaryReceipt" });

/** The boundary of a node (its admin's GeoJSON, checked), replacing any before; 400 naming what is wrong, in both languages. */
export const setBoundary = useCase(BoundaryInput, async (input, nodeId: string, opts: { bytes?: number } = {}): Promise<z.infer<typeof BoundaryReceiptSchema>> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "node.manage", node);
  const { geometry, bbox, positions } = normaliseBoundary(input);
  const text = JSON.stringify(geometry);
  const bytes = Math.max(opts.bytes ?? 0, Buffer.byteLength(text));
  if (bytes > MAX_BOUNDARY_BYTES)
    throw invalid("body", "map.boundary_too_large", `边界文件 ${Math.ceil(bytes / 1000)} KB，超过 ${MAX_BOUNDARY_BYTES / 1000} KB 的上限，请先简化（如在 mapshaper 中按 1–5 米容差简化）`, `The boundary is ${Math.ceil(bytes / 1000)} KB, over the ${MAX_BOUNDARY_BYTES / 1000} KB limit: simplify it first (e.g. mapshaper at a 1–5 m tolerance)`);
  if (positions > MAX_BOUNDARY_POSITIONS)
    throw invalid("body", "map.boundary_too_detailed", `边界有 ${positions} 个坐标点，超过 ${MAX_BOUNDARY_POSITIONS} 个的上限，请先简化`, `The boundary has ${positions} positions, over the limit of ${MAX_BOUNDARY_POSITIONS}: simplify it first`);
  const uploadedAt = new Date().toISOString();
  await writeTransaction(
    (tx) => [
      tx.boundary.put({ tenantId: actor.tenantId, nodeId: node.nodeId, geometry: text, bbox, positions, uploadedBy: actor.userId, uploadedAt }).commit(),
      auditItem(tx, { action: "node.boundary", targetType: "node", targetId: node.nodeId, details: { positions, bytes, bbox } }),
    ] as never,
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { nodeId: node.nodeId, bbox, positions, bytes, uploadedAt };
});

export const BoundaryRemovalSchema = z.object({ nodeId: z.string(), removed: z.boolean().meta({ description: "false when the node had no boundary (a retried removal)" }) }).meta({ id: "BoundaryRemoval" });

/**
 * Remove a node's boundary (its admin, `node.manage` in their subtree): the map
 * then draws the node without it. Removing none is not an error (a retried
 * DELETE answers removed: false) and writes no audit entry.
 */
export async function deleteBoundary(nodeId: string): Promise<z.infer<typeof BoundaryRemovalSchema>> {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "node.manage", node);
  const { data } = await tenantDb().service.entities.boundary.get({ tenantId: actor.tenantId, nodeId: node.nodeId }).go();
  if (!data) return { nodeId: node.nodeId, removed: false };
  await writeTransaction(
    (tx) => [
      // Only the boundary read above: one replaced meanwhile is not removed unseen (the retry reads it again).
      tx.boundary.delete({ tenantId: actor.tenantId, nodeId: node.nodeId }).where((a, op) => op.eq(a.uploadedAt, data.uploadedAt)).commit(),
      auditItem(tx, { action: "node.boundary_removed", targetType: "node", targetId: node.nodeId, details: { positions: data.positions, bbox: data.bbox, uploadedAt: data.uploadedAt } }),
    ] as never,
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { nodeId: node.nodeId, removed: true };
}

export const BoundariesInput = z.object({ nodeId: z.string().min(1).max(64).optional().meta({ description: "The node whose boundary and whose children's boundaries to draw (default: your scope node)" }) });

export const BoundaryCollectionSchema = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        id: z.string(),
        geometry: z.object({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.any()) }),
        properties: z.object({ nodeId: z.string(), name: z.string(), level: z.string(), role: z.enum(["self", "child"]), uploadedAt: z.string().optional().meta({ description: "When the boundary was last uploaded" }) }),
      }),
    ),
    bbox: z.array(z.number()).length(4).optional(),
  })
  .meta({ id: "BoundaryCollection" });

/** The boundaries of a node and of its children that have one, as one FeatureCollection (the node's own first). */
export const getBoundaries = useCase(
  BoundariesInput,
  async (input): Promise<z.infer<typeof BoundaryCollectionSchema>> => {
    const actor = useUser();
    const place = await readPlace(input.nodeId);
    authorize(actor, "node.read", place);
    const nodes: NodeView[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUnder({ limit: 500, ...(cursor ? { cursor } : {}) }, place.nodeId);
      nodes.push(...page.items.filter((n) => n.nodeId === place.nodeId || n.parentId === place.nodeId));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    const wanted = nodes.filter((n) => n.status !== "retired" || n.nodeId === place.nodeId);
    const found = new Map<string, { geometry: string; bbox: number[]; uploadedAt: string }>();
    for (let i = 0; i < wanted.length; i += 100) {
      const { data } = await tenantDb().service.entities.boundary.get(wanted.slice(i, i + 100).map((n) => ({ tenantId: actor.tenantId, nodeId: n.nodeId }))).go();
      for (const b of data) found.set(b.nodeId, b);
    }
    const features = wanted
      .filter((n) => found.has(n.nodeId))
      .sort((a, b) => (a.nodeId === place.nodeId ? -1 : b.nodeId === place.nodeId ? 1 : a.path.localeCompare(b.path)))
      .map((n) => ({
        type: "Feature" as const,
        id: n.nodeId,
        geometry: JSON.parse(found.get(n.nodeId)!.geometry) as BoundaryGeometry,
        properties: { nodeId: n.nodeId, name: n.name, level: n.level, role: n.nodeId === place.nodeId ? ("self" as const) : ("child" as const), uploadedAt: found.get(n.nodeId)!.uploadedAt },
      }));
    const boxes = [...found.values()].map((b) => b.bbox);
    const bbox = boxes.length ? [Math.min(...boxes.map((b) => b[0]!)), Math.min(...boxes.map((b) => b[1]!)), Math.max(...boxes.map((b) => b[2]!)), Math.max(...boxes.map((b) => b[3]!))] : undefined;
    return { type: "FeatureCollection", features, ...(bbox ? { bbox } : {}) };
  },
  "query",
);
