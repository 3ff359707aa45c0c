/**
 * What the signed-in user may see and do, from the domain's own policy table
 * (the API enforces it; the UI only hides what would be refused).
 */
import { assignableRoles, inSubtree, policy, type Action } from "@firegov/core/browser";
import type { Role, User } from "@firegov/core/contract";
import type { SessionState } from "./session.ts";

export type { Action };

export function can(role: Role, action: Action): boolean {
  return policy[action].includes(role);
}

/** The roles this role may hand out, in the policy's order. */
export function grantableRoles(role: Role): readonly Role[] {
  return assignableRoles[role] ?? [];
}

/** Whether `me` may edit, disable or reset `target` (never above their own grant, only in their subtree). */
export function canManage(me: User, target: User): boolean {
  return can(me.role, "user.manage") && grantableRoles(me.role).includes(target.role) && inSubtree(me.scopePath, target.scopePath);
}

export const CHANGE_PASSWORD_PATH = "/account/password";

export type Gate = "wait" | "unreachable" | "sign-in" | "change-password" | "forbidden" | "open";

/** What a protected page shows for this session: itself, or where the user must go first. */
export function gate(state: SessionState, pathname: string, needs?: Action): Gate {
  switch (state.status) {
    case "restoring":
      return "wait";
    case "unreachable":
      return "unreachable";
    case "signed-out":
      return "sign-in";
    case "signed-in":
      if (state.mustChangePassword && pathname !== CHANGE_PASSWORD_PATH) return "change-password";
      if (needs && !can(state.user.role, needs)) return "forbidden";
      return "open";
  }
}

/** A `next` target that stays on this site (no `//host` or absolute URLs). */
export function safeNext(next: string | undefined | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
