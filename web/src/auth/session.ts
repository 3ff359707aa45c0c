/**
 * The signed-in session. The access token lives only in memory; the refresh
 * token in localStorage, so a reload (or a new tab) restores the session by
 * refreshing. Every refresh rotates the refresh token: the new one is stored
 * at once, because presenting a spent one makes the API revoke the session.
 *
 * Offline (a basement, a village without signal) the refresh cannot reach the
 * API: so the access token, its expiry and the user are kept too, and a reload
 * while that token lives restores the session without the network. A network
 * failure never signs anyone out; only the API's own refusal does. (The
 * service worker's data cache is dropped on sign-out by src/offline/outbox-badge.tsx.)
 */
import { query } from "@solidjs/router";
import { createSignal } from "solid-js";
import type { LoginInput, SignedIn, User } from "@firegov/core/contract";
import * as auth from "../api/auth.ts";
import { ApiError, setTokenSource } from "../api/http.ts";

export const REFRESH_KEY = "firegov.refresh";
const TENANT_KEY = "firegov.tenant";
/** The access token, its expiry and user, for a reload without network (see above). */
export const ACCESS_KEY = "firegov.access";
/** Refresh this long before the access token expires… */
const RENEW_BEFORE_MS = 60_000;
/** …but never sooner than this, so a client clock far ahead cannot make a refresh loop. */
const MIN_RENEW_DELAY_MS = 30_000;

/** Why the user was signed out, shown on the login page. */
export type SignedOutNotice = "expired" | "ended";

export type SessionState =
  | { status: "restoring" }
  | { status: "unreachable"; message: string }
  | { status: "signed-out"; notice?: SignedOutNotice }
  | { status: "signed-in"; user: User; mustChangePassword: boolean };

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
const read = (key: string) => storage()?.getItem(key) ?? null;
function write(key: string, value: string | null) {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Storage full or blocked (private mode): the session lasts until the tab closes.
  }
}

const [state, setState] = createSignal<SessionState>(read(REFRESH_KEY) ? { status: "restoring" } : { status: "signed-out" });
export const session = state;

/** The signed-in user, or undefined. */
export function signedInUser(): User | undefined {
  const current = state();
  return current.status === "signed-in" ? current.user : undefined;
}

let access: { token: string; expiresAt: number } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let renewing: Promise<string> | undefined;

function accept(signedIn: SignedIn) {
  access = { token: signedIn.accessToken, expiresAt: Date.parse(signedIn.accessTokenExpiresAt) };
  write(REFRESH_KEY, signedIn.refreshToken);
  write(ACCESS_KEY, JSON.stringify({ ...signedIn, refreshToken: "" }));
  clearTimeout(timer);
  const delay = Math.max(access.expiresAt - Date.now() - RENEW_BEFORE_MS, MIN_RENEW_DELAY_MS);
  timer = setTimeout(() => void renew().catch(() => {}), delay);
  setState({ status: "signed-in", user: signedIn.user, mustChangePassword: signedIn.mustChangePassword });
}

/** Forget the session on this device; cached data of the old user goes with it. */
function end(notice?: SignedOutNotice) {
  access = undefined;
  clearTimeout(timer);
  write(REFRESH_KEY, null);
  write(ACCESS_KEY, null);
  query.clear();
  setState({ status: "signed-out", ...(notice ? { notice } : {}) });
}

async function rotate(): Promise<string> {
  // Read inside the lock: another tab may have rotated the token meanwhile.
  const token = read(REFRESH_KEY);
  if (!token) {
    end("expired");
    throw new ApiError(401, "auth.refresh_invalid", "no refresh token");
  }
  try {
    const signedIn = await auth.refresh(token);
    accept(signedIn);
    return signedIn.accessToken;
  } catch (err) {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500) end("expired");
    else if (state().status === "restoring") setState({ status: "unreachable", message: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/**
 * A fresh access token. Concurrent callers share one refresh; tabs take turns
 * (Web Locks), since two tabs presenting the same refresh token would look
 * like theft to the API.
 */
export function renew(): Promise<string> {
  const locks = globalThis.navigator?.locks;
  renewing ??= (locks ? locks.request("firegov.refresh", rotate) : rotate()).finally(() => {
    renewing = undefined;
  });
  return renewing;
}

setTokenSource({
  accessToken: () => access?.token,
  renew,
  ended: (error) => end(error.code === "auth.token_expired" ? "expired" : "ended"),
});

/** On page load: a stored refresh token restores the session. */
export function restoreSession(): Promise<void> {
  if (!read(REFRESH_KEY)) return Promise.resolve();
  // The access token still lives: signed in at once, network or not; renewed before it expires, when the network allows.
  const stored = JSON.parse(read(ACCESS_KEY) ?? "{}") as SignedIn;
  if (!stored.mustChangePassword && Date.parse(stored.accessTokenExpiresAt) > Date.now() + 5_000) {
    accept({ ...stored, refreshToken: read(REFRESH_KEY)! });
    return Promise.resolve();
  }
  setState({ status: "restoring" });
  return renew().then(
    () => {},
    () => {},
  );
}

export async function signIn(input: LoginInput): Promise<SignedIn> {
  const signedIn = await auth.login(input);
  query.clear();
  accept(signedIn);
  write(TENANT_KEY, input.tenant.trim().toLowerCase());
  return signedIn;
}

export async function signOut(): Promise<void> {
  try {
    if (access) await auth.logout();
  } catch {
    // Ending it here matters more than telling the API, whose session expires anyway.
  } finally {
    end();
  }
}

/** The county code last signed in with on this device. */
export function rememberedTenant(): string {
  return read(TENANT_KEY) ?? "";
}

export async function changeOwnPassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  await auth.changePassword(input);
  const current = state();
  if (current.status === "signed-in") setState({ ...current, mustChangePassword: false, user: { ...current.user, mustChangePassword: false } });
}

// Signed out in another tab: sign out here too.
globalThis.addEventListener?.("storage", (e: StorageEvent) => {
  if (e.key === REFRESH_KEY && e.newValue === null && state().status === "signed-in") end();
});
