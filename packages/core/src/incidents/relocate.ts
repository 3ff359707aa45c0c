import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { inSubtree, packGroups, rebased, type MovedWith } from "../jurisdiction/index.ts";

/** A node moved in the tree takes its incidents along (each conditioned on the path read, so a rerun leaves a moved one alone). */
export async function incidentsMovedWith(oldPath: string, newPath: string, maxItems: number): Promise<MovedWith> {
  const tenantId = useTenant();
  const { incident } = tenantDb().service.entities;
  const found = await allPages((cursor) => incident.query.bySubtree({ tenantId }).begins({ path: oldPath }).go({ cursor, limit: 500, attributes: ["incidentId", "path"] }));
  return packGroups(
    found
      .filter((r) => inSubtree(r.path, oldPath))
      .map((r) => ({
        size: 1,
        items: (tx) => [tx.incident.patch({ tenantId, incidentId: r.incidentId }).set({ path: rebased(r.path, oldPath, newPath) }).where((a, op) => op.eq(a.path, r.path)).commit()],
      })),
    maxItems,
  );
}
