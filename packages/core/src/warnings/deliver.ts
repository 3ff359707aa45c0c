import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { activeUsersUnder, type ScopedUser } from "../identity/index.ts";
import type { Delivery } from "../notifications/index.ts";
import { deliveryCost } from "../notifications/index.ts";
import type { TargetItem } from "./store.ts";

// Who hears of a warning, and how its writes are cut into transactions.

/** The most items one transaction of a warning carries (DynamoDB allows 100; the idempotency record and the warning's counter need room). */
export const CHUNK_ITEMS = 90;
/** At most this many people of one node are messaged per item (a node's officers, not a crowd). */
const MAX_RECIPIENTS = 40;

/** The active users scoped in a subtree, by their scope node. */
export async function usersByNode(path: string): Promise<Map<string, ScopedUser[]>> {
  const byNode = new Map<string, ScopedUser[]>();
  for (const u of await activeUsersUnder(path)) {
    const list = byNode.get(u.scopeNodeId) ?? [];
    list.push(u);
    byNode.set(u.scopeNodeId, list);
  }
  return byNode;
}

/** A node's officers: its users who act (viewers only look), at most MAX_RECIPIENTS. */
export function officersOf(byNode: Map<string, ScopedUser[]>, nodeId: string | undefined): { userId: string; phone?: string | undefined }[] {
  if (nodeId === undefined) return [];
  return (byNode.get(nodeId) ?? [])
    .filter((u) => u.role !== "viewer")
    .slice(0, MAX_RECIPIENTS)
    .map((u) => ({ userId: u.userId, ...(u.phone ? { phone: u.phone } : {}) }));
}

/** The cost of one delivery in a transaction (none when it reaches nobody). */
export const costOf = (d: Delivery | undefined) => (d && d.users.length ? deliveryCost([d]) : 0);

/** Cuts units of work into groups whose items fit one transaction. */
export function chunked<T>(units: readonly T[], cost: (u: T) => number, limit = CHUNK_ITEMS): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const u of units) {
    const c = cost(u);
    if (current.length && used + c > limit) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(u);
    used += c;
  }
  if (current.length) out.push(current);
  return out;
}

/** The target rows already written for a warning (consistent: an interrupted issue resumes from them). */
export async function writtenTargets(warningId: string): Promise<TargetItem[]> {
  const { data } = await tenantDb().service.entities.warningTarget.query.byWarning({ tenantId: useTenant(), warningId }).go({ pages: "all", consistent: true });
  return data as TargetItem[];
}
