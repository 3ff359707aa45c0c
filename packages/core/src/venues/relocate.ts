import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { inSubtree, packGroups, rebased, type MovedWith } from "../jurisdiction/index.ts";

/**
 * A node moved in the tree takes its venues along: each venue under the old
 * path gets the new one, with its version bumped and the write conditioned on
 * the version and path read (a venue changed meanwhile cancels its batch; a
 * venue already moved by an interrupted run no longer matches the old path
 * and is left as it is).
 */
export async function venuesMovedWith(oldPath: string, newPath: string, maxItems: number): Promise<MovedWith> {
  const tenantId = useTenant();
  const { venue } = tenantDb().service.entities;
  const found = await allPages((cursor) => venue.query.bySubtree({ tenantId }).begins({ path: `${oldPath}/` }).go({ cursor, limit: 500 }));
  const at = new Date().toISOString();
  return packGroups(
    found
      .filter((v) => inSubtree(v.path, oldPath))
      .map((v) => ({
        size: 1,
        items: (tx) => [
          tx.venue
            .patch({ tenantId, venueId: v.venueId })
            .set({ path: rebased(v.path, oldPath, newPath), version: v.version + 1, updatedAt: at })
            .where((a, op) => `${op.eq(a.version, v.version)} AND ${op.eq(a.path, v.path)}`)
            .commit(),
        ],
      })),
    maxItems,
  );
}
