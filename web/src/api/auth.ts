// Sign-up, sign-in and the caller's own account.
import type { ChangePasswordInput, LoginInput, SignedIn, SignupInput, SignupResult, Tenant, User, UserBody } from "@firegov/core/contract";
import { apiFetch, idempotent, json, post } from "./http.ts";

export function signup(input: SignupInput, idempotencyKey: string): Promise<SignupResult> {
  return json<SignupResult>("/v1/signup", post(input, idempotent(idempotencyKey)), { anonymous: true });
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
