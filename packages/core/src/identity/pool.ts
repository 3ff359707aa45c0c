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
