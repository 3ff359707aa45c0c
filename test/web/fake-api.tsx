import { createMemoryHistory, MemoryRouter, type RouteSectionProps } from "@solidjs/router";
import { cleanup, render } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { vi } from "vitest";
import type { SignedIn, User } from "@firegov/core/contract";
import { signOut } from "../../web/src/auth/session.ts";
import { I18nProvider, type Locale } from "../../web/src/i18n/index.tsx";

/** A request the fake API received, with its body parsed. */
export interface Call {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The API's RFC 9457 body, as functions/api/problem.ts writes it. */
export function problem(status: number, code: string, detail: string, errors?: { path: string; code: string; message: string }[], instance = "/") {
  return new Response(
    JSON.stringify({ type: `urn:firegov:problem:${code}`, title: detail, status, detail, instance, code, requestId: "4f1c2a9e-req", ...(errors ? { errors } : {}) }),
    { status, headers: { "content-type": "application/problem+json; charset=utf-8" } },
  );
}

/**
 * Stubs `fetch` with handlers keyed by "METHOD /path" (query string ignored).
 * An unexpected request fails the test loudly.
 */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init.method ?? "GET").toUpperCase();
    const call: Call = { method, path: url.pathname + url.search, headers: new Headers(init.headers), body: typeof init.body === "string" ? JSON.parse(init.body) : (init.body ?? undefined) };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) throw new Error(`unexpected request ${method} ${url.pathname}`);
    return handler(call);
  });
  vi.stubGlobal("fetch", fetch);
  return { calls: (key: string) => calls.filter((c) => `${c.method} ${c.path.split("?")[0]}` === key), all: calls };
}

export const admin: User = {
  userId: "7d3e0c4a-0b1f-4a57-9a51-1f7e3c2b9d10",
  username: "admin",
  displayName: "张建国",
  phone: "13912345678",
  role: "tenant_admin",
  scopeNodeId: "c0a8f1e2-root",
  scopePath: "/c0a8f1e2-root",
  status: "active",
  mustChangePassword: false,
  createdAt: "2026-11-20T02:00:00.000Z",
  updatedAt: "2026-11-20T02:00:00.000Z",
};

export function signedIn(accessToken: string, refreshToken: string, over: Partial<SignedIn> = {}): SignedIn {
  return {
    accessToken,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken,
    user: admin,
    mustChangePassword: false,
    ...over,
  };
}

/** Pages in a memory router at `path`, as the app mounts them. */
export function renderAt(path: string, routes: () => JSX.Element, locale: Locale = "zh-CN", root?: (props: RouteSectionProps) => JSX.Element) {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const result = render(() => (
    <I18nProvider locale={locale}>
      <MemoryRouter history={history} root={root}>
        {routes()}
      </MemoryRouter>
    </I18nProvider>
  ));
  return { ...result, history };
}

/** Unmount first (so nothing fetches as the session ends), then forget the session, the fake API and storage. */
export async function resetSession() {
  cleanup();
  fakeApi({ "POST /v1/auth/logout": () => new Response(null, { status: 204 }) });
  await signOut();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
}
