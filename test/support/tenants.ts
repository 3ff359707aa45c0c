import { randomUUID } from "node:crypto";
import { tenantDb, withActor } from "@firegov/core";
import type { testApp } from "./app.ts";

type App = ReturnType<typeof testApp>;
const json = { "content-type": "application/json" };

export const ADMIN_PASSWORD = "Fire-safe-2026";
export const USER_PASSWORD = "Field-work-2026";

/** A fresh tenant slug, unique per call within a run. */
export function newSlug(prefix = "t"): string {
  return `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;
}

export async function signUp(app: App, slug = newSlug(), presetId = "songjiang") {
  const res = await app.request("/v1/signup", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ slug, name: `测试${slug}`, presetId, admin: { username: "admin", displayName: "管理员", phone: "13800000000", password: ADMIN_PASSWORD } }),
  });
  if (res.status !== 201) throw new Error(`signup ${res.status}: ${await res.text()}`);
  return (await res.json()) as { tenantId: string; adminUserId: string; rootNodeId: string };
}

export async function logIn(app: App, tenant: string, username: string, password: string, ip = "192.0.2.1") {
  const res = await app.request("/v1/auth/login", { method: "POST", headers: { ...json, "x-test-client-ip": ip }, body: JSON.stringify({ tenant, username, password }) });
  return { res, body: (await res.json()) as { accessToken: string; refreshToken: string; user: { userId: string } } & Record<string, unknown> };
}

/** A client bound to one signed-in user. */
export function as(app: App, token: string) {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { ...json, authorization: `Bearer ${token}`, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call("POST", path, body ?? {}, headers),
    patch: (path: string, body: unknown) => call("PATCH", path, body),
    put: (path: string, body: unknown) => call("PUT", path, body),
    del: (path: string, body?: unknown) => call("DELETE", path, body),
  };
}

/** Signs a tenant up and signs its admin in. */
export async function adminOf(app: App, presetId = "songjiang") {
  const tenant = await signUp(app, newSlug(), presetId);
  const { body } = await logIn(app, tenant.tenantId, "admin", ADMIN_PASSWORD);
  return { tenant, token: body.accessToken, refreshToken: body.refreshToken, client: as(app, body.accessToken) };
}

/**
 * Adds a node under a parent directly in the table: the tree's own API comes
 * with the jurisdiction feature; identity tests only need nodes to scope to.
 */
export async function addNode(tenantId: string, parent: { nodeId: string; path: string }, level: string, name: string) {
  const nodeId = randomUUID();
  const path = `${parent.path}/${nodeId}`;
  await withActor({ type: "system", tenantId, job: "test-fixture" }, () => tenantDb().service.entities.node.create({ tenantId, nodeId, parentId: parent.nodeId, path, level, name }).go());
  return { nodeId, path };
}

/** Creates a user through the API as the given admin client and signs them in. */
export async function userAt(app: App, admin: ReturnType<typeof as>, tenantId: string, username: string, role: string, scopeNodeId: string) {
  const res = await admin.post("/v1/users", { username, displayName: username, role, scopeNodeId, password: USER_PASSWORD });
  if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${await res.text()}`);
  const user = (await res.json()) as { userId: string };
  const { body } = await logIn(app, tenantId, username, USER_PASSWORD);
  return { userId: user.userId, token: body.accessToken, client: as(app, body.accessToken) };
}
