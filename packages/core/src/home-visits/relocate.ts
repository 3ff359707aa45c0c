import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { inSubtree, packGroups, rebased, type MovedWith } from "../jurisdiction/index.ts";

/**
 * A node moved in the tree takes its households along (as venues do): each
 * household under the old path gets the new one, its version bumped, the
 * write conditioned on the version and path read.
 */
export async function householdsMovedWith(oldPath: string, newPath: string, maxItems: number): Promise<MovedWith> {
  const tenantId = useTenant();
  const { household } = tenantDb().service.entities;
  const found = await allPages((cursor) => household.query.bySubtree({ tenantId }).begins({ path: `${oldPath}/` }).go({ cursor, limit: 500 }));
  const at = new Date().toISOString();
  return packGroups(
    found
      .filter((h) => inSubtree(h.path, oldPath))
      .map((h) => ({
        size: 1,
        items: (tx) => [
          tx.household
            .patch({ tenantId, householdId: h.householdId })
            .set({ path: rebased(h.path, oldPath, newPath), version: h.version + 1, updatedAt: at })
            .where((a, op) => `${op.eq(a.version, h.version)} AND ${op.eq(a.path, h.path)}`)
            .commit(),
        ],
      })),
    maxItems,
  );
}
