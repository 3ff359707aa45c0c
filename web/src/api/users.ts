// The tenant's user accounts.
import type { CreateUserInput, UpdateUserInput, User, UserStatus } from "@firegov/core/contract";
import { idempotent, json, patch, post, queryString, type Page } from "./http.ts";

const userPath = (userId: string) => `/v1/users/${encodeURIComponent(userId)}`;

export function listUsers(params: { cursor?: string; limit?: number } = {}): Promise<Page<User>> {
  return json(`/v1/users${queryString(params)}`);
}

export function createUser(input: CreateUserInput, idempotencyKey: string): Promise<User> {
  return json("/v1/users", post(input, idempotent(idempotencyKey)));
}

export function updateUser(userId: string, input: UpdateUserInput): Promise<User> {
  return json(userPath(userId), patch(input));
}

export function setUserStatus(userId: string, status: UserStatus): Promise<User> {
  return json(`${userPath(userId)}/status`, post({ status }));
}

/** Sets a temporary password: the user must change it and is signed out everywhere. */
export function resetPassword(userId: string, newPassword: string): Promise<User> {
  return json(`${userPath(userId)}/password-reset`, post({ newPassword }));
}
