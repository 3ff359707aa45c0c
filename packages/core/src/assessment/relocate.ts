import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { inSubtree, packGroups, rebased, type MovedWith } from "../jurisdiction/index.ts";

/**
 * A node moved in the tree takes its incentive records along: each record
 * under the old path gets the new one (conditioned on the path read, so a
 * record already moved by an interrupted run is left as it is). Scores and
 * claims are keyed by node id and need nothing.
 */
export async function incentivesMovedWith(oldPath: string, newPath: string, maxItems: number): Promise<MovedWith> {
  const tenantId = useTenant();
  const { incentiveRecord } = tenantDb().service.entities;
  const found = await allPages((cursor) => incentiveRecord.query.bySubtree({ tenantId }).begins({ path: oldPath }).go({ cursor, limit: 500 }));
  return packGroups(
    found
      .filter((r) => inSubtree(r.path, oldPath))
      .map((r) => ({
        size: 1,
        items: (tx) => [
          tx.incentiveRecord
            .patch({ tenantId, recordId: r.recordId })
            .set({ path: rebased(r.path, oldPath, newPath) })
            .where((a, op) => op.eq(a.path, r.path))
            .commit(),
        ],
      })),
    maxItems,
  );
}
