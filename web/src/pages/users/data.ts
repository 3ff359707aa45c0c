import { action, query } from "@solidjs/router";
import type { CreateUserInput, Role, UpdateUserInput, User, UserStatus } from "@firegov/core/contract";
import { createUser, listUsers, resetPassword, setUserStatus, updateUser } from "../../api/users.ts";

export const usersPage = query((cursor?: string) => listUsers({ cursor, limit: 50 }), "users");

export const createUserAction = action((input: CreateUserInput, idempotencyKey: string) => createUser(input, idempotencyKey), "createUser");
export const updateUserAction = action((userId: string, input: UpdateUserInput) => updateUser(userId, input), "updateUser");
export const setStatusAction = action((userId: string, status: UserStatus) => setUserStatus(userId, status), "setUserStatus");
export const resetPasswordAction = action((userId: string, newPassword: string) => resetPassword(userId, newPassword), "resetPassword");

/** Only what the edit form changed; an emptied phone or email is removed (null). */
export function changesOf(user: User, form: Readonly<Record<string, string | undefined>>): UpdateUserInput {
  const changes: UpdateUserInput = {};
  const { displayName = "", phone = "", email = "", role = "", scopeNodeId = "", bodyId } = form;
  if (displayName !== user.displayName) changes.displayName = displayName;
  if (phone !== (user.phone ?? "")) changes.phone = phone || null;
  if (email !== (user.email ?? "")) changes.email = email || null;
  if (role !== user.role) changes.role = role as Role;
  if (scopeNodeId !== user.scopeNodeId) changes.scopeNodeId = scopeNodeId;
  // Absent when the form did not ask (not a liaison); emptied: the user acts for no body.
  if (bodyId !== undefined && bodyId !== (user.bodyId ?? "")) changes.bodyId = bodyId || null;
  return changes;
}
