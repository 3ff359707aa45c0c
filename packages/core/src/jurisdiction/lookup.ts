import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";

/** The tenant's node, or 404: another tenant's id is simply not there, and retired nodes take nothing new unless asked. */
export async function nodeOrNotFound(nodeId: string, opts: { allowRetired?: boolean; consistent?: boolean } = {}) {
  const { data } = await tenantDb().service.entities.node.get({ tenantId: useTenant(), nodeId }).go({ consistent: opts.consistent ?? false });
  if (!data || (data.status !== "active" && !opts.allowRetired)) throw new AppError("not_found", "node.not_found");
  return data;
}

export type NodeItem = Awaited<ReturnType<typeof nodeOrNotFound>>;

/**
 * The place a read is asked for: the caller's own scope as their verified
 * token carries it (no read: every authorisation already trusts the token's
 * scope), or another node, read and found.
 */
export async function readPlace(nodeId: string | undefined): Promise<{ nodeId: string; path: string }> {
  const actor = useUser();
  if (nodeId === undefined || nodeId === actor.scopeNodeId) return { nodeId: actor.scopeNodeId, path: actor.scopePath };
  return nodeOrNotFound(nodeId, { allowRetired: true });
}

/** The active nodes of a subtree (its root included), in path order, read a Query page at a time. */
export async function activeNodesUnder(path: string): Promise<NodeItem[]> {
  const out: NodeItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: NodeItem[]; cursor: string | null } = await tenantDb().service.entities.node.query.bySubtree({ tenantId: useTenant() }).begins({ path }).go({ cursor });
    for (const n of page.data) if (n.status === "active" && (n.path === path || n.path.startsWith(`${path}/`))) out.push(n);
    cursor = page.cursor;
  } while (cursor);
  return out;
}
