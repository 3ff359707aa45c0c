import { action, query } from "@solidjs/router";
import * as api from "../../api/client.ts";

export const usersPage = query((cursor?: string) => api.listUsers({ cursor, limit: 50 }), "users");

/** The caller's subtree, every page, parents before children. */
export const subtreeNodes = query(async () => {
  const nodes: api.JurisdictionNode[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listNodes({ cursor, limit: 500 });
    nodes.push(...page.items.filter((n) => n.status === "active"));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return nodes;
}, "nodes");

export const createUserAction = action((input: api.CreateUserInput, idempotencyKey: string) => api.createUser(input, idempotencyKey), "createUser");
export const updateUserAction = action((userId: string, input: api.UpdateUserInput) => api.updateUser(userId, input), "updateUser");
export const setStatusAction = action((userId: string, status: api.User["status"]) => api.setUserStatus(userId, status), "setUserStatus");
export const resetPasswordAction = action((userId: string, newPassword: string) => api.resetPassword(userId, newPassword), "resetPassword");

/** Only what the edit form changed; an emptied phone or email is removed (null). */
export function changesOf(user: api.User, form: Readonly<Record<string, string | undefined>>): api.UpdateUserInput {
  const changes: api.UpdateUserInput = {};
  const { displayName = "", phone = "", email = "", role = "", scopeNodeId = "" } = form;
  if (displayName !== user.displayName) changes.displayName = displayName;
  if (phone !== (user.phone ?? "")) changes.phone = phone || null;
  if (email !== (user.email ?? "")) changes.email = email || null;
  if (role !== user.role) changes.role = role as api.Role;
  if (scopeNodeId !== user.scopeNodeId) changes.scopeNodeId = scopeNodeId;
  return changes;
}
