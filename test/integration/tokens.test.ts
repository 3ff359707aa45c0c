import { SignJWT } from "jose";
import { describe, expect, it, vi } from "vitest";
import { Identity } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { adminOf, as } from "../support/tenants.ts";

const app = testApp(testDb());
const refresh = (refreshToken: string) => app.request("/v1/auth/refresh", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken }) });

async function codeOf(res: Response) {
  return { status: res.status, code: ((await res.json()) as { code: string }).code };
}

describe("access tokens", () => {
  it("accepts a fresh token", async () => {
    const { client } = await adminOf(app);
    expect((await client.get("/v1/me")).status).toBe(200);
  });

  it("refuses a missing or malformed Authorization header with 401", async () => {
    expect(await codeOf(await app.request("/v1/me"))).toEqual({ status: 401, code: "auth.required" });
    expect((await app.request("/v1/me", { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("refuses an expired token with 401 auth.token_expired", async () => {
    const { tenant, client } = await adminOf(app);
    const me = await (await client.get("/v1/me")).json();
    const old = await Identity.issueAccessToken(
      { tenantId: tenant.tenantId, userId: me.user.userId, role: "tenant_admin", scopeNodeId: tenant.rootNodeId, scopePath: `/${tenant.rootNodeId}`, sessionId: "s" },
      new Date(Date.now() - 60 * 60 * 1000),
    );
    expect(await codeOf(await as(app, old.token).get("/v1/me"))).toEqual({ status: 401, code: "auth.token_expired" });
  });

  it("refuses a tampered token: a role changed in the payload breaks the signature", async () => {
    const { token } = await adminOf(app);
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    expect(claims.role).toBe("tenant_admin");
    const lowered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: "viewer" })).toString("base64url")}.${signature}`;
    expect(await codeOf(await as(app, lowered).get("/v1/me"))).toEqual({ status: 401, code: "auth.token_invalid" });
    const signed = await Identity.issueAccessToken({ ...claims, tenantId: claims.tid, userId: claims.sub, role: "viewer", scopeNodeId: claims.scope, scopePath: claims.sp, sessionId: claims.sid });
    const [vHeader, vPayload, vSignature] = signed.token.split(".");
    const viewerClaims = JSON.parse(Buffer.from(vPayload!, "base64url").toString());
    const forged = `${vHeader}.${Buffer.from(JSON.stringify({ ...viewerClaims, role: "tenant_admin" })).toString("base64url")}.${vSignature}`;
    expect(await codeOf(await as(app, forged).get("/v1/me"))).toEqual({ status: 401, code: "auth.token_invalid" });
  });

  it("refuses a token signed with another key, or with no signature at all", async () => {
    const { token } = await adminOf(app);
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    const stranger = Identity.signingKeyFromSeed("someone-else's-seed");
    const wrong = await new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", typ: "at+jwt" }).sign(stranger.privateKey);
    expect(await codeOf(await as(app, wrong).get("/v1/me"))).toEqual({ status: 401, code: "auth.token_invalid" });
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt" })).toString("base64url")}.${token.split(".")[1]}.`;
    expect((await as(app, unsigned).get("/v1/me")).status).toBe(401);
  });

  it("refuses a token whose session was logged out", async () => {
    const { client, token } = await adminOf(app);
    expect((await client.post("/v1/auth/logout")).status).toBe(204);
    expect(await codeOf(await as(app, token).get("/v1/me"))).toEqual({ status: 401, code: "auth.session_revoked" });
  });
});

describe("refresh tokens", () => {
  it("rotate: each refresh returns a new refresh token and a working access token", async () => {
    const { refreshToken } = await adminOf(app);
    const first = await refresh(refreshToken);
    expect(first.status).toBe(200);
    const next = await first.json();
    expect(next.refreshToken).not.toBe(refreshToken);
    expect((await as(app, next.accessToken).get("/v1/me")).status).toBe(200);
    expect((await refresh(next.refreshToken)).status).toBe(200);
  });

  it("detect reuse: presenting a spent token after the grace window revokes the whole session, the newest token and its access token too", async () => {
    const { refreshToken } = await adminOf(app);
    const rotated = await (await refresh(refreshToken)).json();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + (Identity.REFRESH_REUSE_GRACE_SECONDS + 1) * 1000 });
    try {
      expect(await codeOf(await refresh(refreshToken))).toEqual({ status: 401, code: "auth.refresh_invalid" });
      expect((await refresh(rotated.refreshToken)).status).toBe(401);
      expect(await codeOf(await as(app, rotated.accessToken).get("/v1/me"))).toEqual({ status: 401, code: "auth.session_revoked" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("grace window: the token just spent, presented again at once (a second tab, a lost response), gets a valid session; the other copy is spent", async () => {
    const { refreshToken } = await adminOf(app);
    const first = await (await refresh(refreshToken)).json();
    const again = await refresh(refreshToken);
    expect(again.status).toBe(200);
    const second = await again.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await as(app, second.accessToken).get("/v1/me")).status).toBe(200);
    // The session lives on through the newest token.
    const third = await refresh(second.refreshToken);
    expect(third.status).toBe(200);
    // An older token than the one just spent is reuse even inside the window: the session is revoked.
    expect(await codeOf(await refresh(refreshToken))).toEqual({ status: 401, code: "auth.refresh_invalid" });
    expect((await refresh((await third.json()).refreshToken)).status).toBe(401);
  });

  it("grace window: two tabs presenting the same token at once both get a valid session, and the session lives on", async () => {
    const { refreshToken } = await adminOf(app);
    const answers = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(await Promise.all(answers.map(async (r) => (r.status === 200 ? 200 : await r.clone().text())))).toEqual([200, 200]);
    const [a, b] = await Promise.all(answers.map((r) => r.json()));
    expect((await as(app, a.accessToken).get("/v1/me")).status).toBe(200);
    expect((await as(app, b.accessToken).get("/v1/me")).status).toBe(200);
  });

  it("refuse a forged secret, a foreign tenant prefix and garbage", async () => {
    const { refreshToken } = await adminOf(app);
    const [tenantId, sessionId] = refreshToken.split(".");
    expect((await refresh(`${tenantId}.${sessionId}.forged-secret`)).status).toBe(401);
    expect((await refresh(`other-county.${sessionId}.${refreshToken.split(".")[2]}`)).status).toBe(401);
    expect((await refresh("not a token")).status).toBe(401);
    // The forgeries were not reuse: the real token still works.
    expect((await refresh(refreshToken)).status).toBe(200);
  });

  it("stop working when the user is disabled, and the disabled user's access token fails at once", async () => {
    const admin = await adminOf(app);
    await admin.client.post("/v1/users", { username: "temp.user", displayName: "临时", role: "viewer", scopeNodeId: admin.tenant.rootNodeId, password: "Short-lived-1" });
    const login = await (await app.request("/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tenant: admin.tenant.tenantId, username: "temp.user", password: "Short-lived-1" }) })).json();
    const users = await (await admin.client.get("/v1/users?limit=100")).json();
    const target = users.items.find((u: { username: string }) => u.username === "temp.user");
    expect((await admin.client.post(`/v1/users/${target.userId}/status`, { status: "disabled" })).status).toBe(200);
    expect((await as(app, login.accessToken).get("/v1/me")).status).toBe(401);
    expect((await refresh(login.refreshToken)).status).toBe(401);
    const again = await app.request("/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tenant: admin.tenant.tenantId, username: "temp.user", password: "Short-lived-1" }) });
    expect(await codeOf(again)).toEqual({ status: 403, code: "auth.disabled" });
  });
});
