import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { inSubtree, packGroups, rebased, type MovedWith } from "../jurisdiction/index.ts";

/**
 * A node moved in the tree takes the warnings issued at or under it along:
 * who may read a warning goes by its issuer's path, so that path gets the new
 * one (conditioned on the path read, so a warning already moved by an
 * interrupted run is left as it is). Target rows are keyed by node id and
 * need nothing.
 */
export async function warningsMovedWith(oldPath: string, newPath: string, maxItems: number): Promise<MovedWith> {
  const tenantId = useTenant();
  const { warning } = tenantDb().service.entities;
  const found = await allPages((cursor) => warning.query.list({ tenantId }).where((a, op) => op.begins(a.issuerPath, oldPath)).go({ cursor, limit: 500 }));
  return packGroups(
    found
      .filter((w) => inSubtree(w.issuerPath, oldPath))
      .map((w) => ({
        size: 1,
        items: (tx) => [
          tx.warning
            .patch({ tenantId, warningId: w.warningId })
            .set({ issuerPath: rebased(w.issuerPath, oldPath, newPath) })
            .where((a, op) => op.eq(a.issuerPath, w.issuerPath))
            .commit(),
        ],
      })),
    maxItems,
  );
}
