// Sign-up, sign-in and the caller's own account.
import type { ChangePasswordInput, LoginInput, RecoverInput, SignedIn, SignupInput, SignupResult, Tenant, User, UserBody } from "@firegov/core/contract";
import { apiFetch, idempotent, json, post } from "./http.ts";

export function signup(input: SignupInput, idempotencyKey: string): Promise<SignupResult> {
  return json<SignupResult>("/v1/signup", post(input, idempotent(idempotencyKey)), { anonymous: true });
}

/** Resets a password with a one-time recovery code (an admin with neither phone nor email). */
export async function recover(input: RecoverInput): Promise<void> {
  await apiFetch("/v1/auth/recover", post(input), { anonymous: true });
}

export function login(input: LoginInput): Promise<SignedIn> {
  return json<SignedIn>("/v1/auth/login", post(input), { anonymous: true });
}

/** Rotates the refresh token: the one returned replaces the one sent, which is spent. */
export function refresh(refreshToken: string): Promise<SignedIn> {
  return json<SignedIn>("/v1/auth/refresh", post({ refreshToken }), { anonymous: true });
}

export async function logout(): Promise<void> {
  await apiFetch("/v1/auth/logout", { method: "POST" });
}

export function getMe(): Promise<{ user: User; body: UserBody | null; tenant: Tenant }> {
  return json("/v1/me");
}

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await apiFetch("/v1/me/password", post(input));
}
