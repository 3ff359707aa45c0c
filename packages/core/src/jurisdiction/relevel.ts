import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { followProfilePublishes, type PolicyProfile, type PublishFollowUp } from "../profile/index.ts";

// A node's level is the profile's level at its depth (the root at the first).
// A published version may name its levels anew (a county that started from
// the blank profile's 县/镇/村 imports its own 区/街道/社区/小区): the tree
// follows, so every node carries the new id of its depth. Its path, children
// and history do not change.

/** Nodes whose stored level is not the new profile's level at their depth take that id. */
export async function relevelNodes(profile: PolicyProfile): Promise<{ checked: number; changed: number; stale: number }> {
  const tenantId = useTenant();
  const { node } = tenantDb().service.entities;
  const nodes = await allPages((cursor) => node.query.bySubtree({ tenantId }).go({ cursor, limit: 500 }));
  let changed = 0;
  let stale = 0;
  for (const n of nodes) {
    const want = profile.levels[n.path.split("/").filter(Boolean).length - 1]?.id;
    // A node deeper than the new profile's levels keeps its id: nothing can be built under it, and a finding says so.
    if (want === undefined) stale++;
    if (want === undefined || want === n.level) continue;
    await node.patch({ tenantId, nodeId: n.nodeId }).set({ level: want }).go();
    changed++;
  }
  return { checked: nodes.length, changed, stale };
}

followProfilePublishes(async ({ profile }): Promise<PublishFollowUp> => ({ nodes: await relevelNodes(profile) }));
