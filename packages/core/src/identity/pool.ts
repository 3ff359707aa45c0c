import { useTenant } from "../context/actor.ts";
import type { Role } from "../context/roles.ts";
import { tenantDb } from "../db/tenant-db.ts";

export interface PoolUser {
  userId: string;
  displayName: string;
  role: Role;
  scopePath: string;
}

/**
 * The tenant's active users holding one of these roles (names, roles and
 * scopes only: nothing to sign in with, no contact), read a Query page at a
 * time: a pool of people to draw from.
 */
export async function activeUsersWithRoles(roles: readonly Role[]): Promise<PoolUser[]> {
  const tenantId = useTenant();
  const out: PoolUser[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: (PoolUser & { status: string })[]; cursor: string | null } = await tenantDb()
      .service.entities.user.query.byScope({ tenantId })
      .begins({ scopePath: "/" })
      .go({ cursor, attributes: ["userId", "displayName", "role", "scopePath", "status"] });
    for (const u of page.data) if (u.status === "active" && roles.includes(u.role)) out.push({ userId: u.userId, displayName: u.displayName, role: u.role, scopePath: u.scopePath });
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export interface ScopedUser {
  userId: string;
  displayName: string;
  role: Role;
  scopeNodeId: string;
  scopePath: string;
  phone?: string | undefined;
}

/**
 * The tenant's active users scoped in a subtree (at its root node or below),
 * with their scope node and phone: the people to tell about something that
 * concerns their node (a warning to answer, an escalation).
 */
export async function activeUsersUnder(path: string): Promise<ScopedUser[]> {
  const tenantId = useTenant();
  const out: ScopedUser[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: (ScopedUser & { status: string })[]; cursor: string | null } = await tenantDb()
      .service.entities.user.query.byScope({ tenantId })
      .begins({ scopePath: path })
      .go({ cursor, attributes: ["userId", "displayName", "role", "scopeNodeId", "scopePath", "phone", "status"] });
    for (const u of page.data) {
      if (u.status !== "active") continue;
      // begins_with of `/a/b` also matches `/a/bc`: keep only the subtree.
      if (u.scopePath !== path && !u.scopePath.startsWith(`${path}/`)) continue;
      out.push({ userId: u.userId, displayName: u.displayName, role: u.role, scopeNodeId: u.scopeNodeId, scopePath: u.scopePath, ...(u.phone ? { phone: u.phone } : {}) });
    }
    cursor = page.cursor;
  } while (cursor);
  return out;
}
