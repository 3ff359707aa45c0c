import { afterEach, describe, expect, it, vi } from "vitest";
import { getMe } from "../../web/src/api/auth.ts";
import { listNodes } from "../../web/src/api/nodes.ts";
import { listUsers } from "../../web/src/api/users.ts";
import { ACCESS_KEY, REFRESH_KEY, restoreSession, session, signIn } from "../../web/src/auth/session.ts";
import { admin, fakeApi, json, problem, resetSession, signedIn, type Call } from "./fake-api.tsx";

const me = { user: admin, tenant: { tenantId: "qidong", name: "启东市", timeZone: "Asia/Shanghai", presetId: "qidong", rootNodeId: admin.scopeNodeId, status: "active", createdAt: admin.createdAt } };
const expired = () => problem(401, "auth.token_expired", "登录已过期，请重新登录。");
const bearer = (call: Call) => call.headers.get("authorization");
/** Answers with `body` for the newest token, and "expired" for any other. */
const onlyWith = (token: string, body: unknown) => (call: Call) => (bearer(call) === `Bearer ${token}` ? json(200, body) : expired());

async function signInAs(accessToken: string, refreshToken: string) {
  const api = fakeApi({ "POST /v1/auth/login": () => json(200, signedIn(accessToken, refreshToken)) });
  await signIn({ tenant: "qidong", username: "admin", password: "Fire-safe-2026" });
  return api;
}

afterEach(resetSession);

describe("the api client with a session", () => {
  it("sends the access token as a bearer token", async () => {
    await signInAs("at-1", "rt-1");
    const api = fakeApi({ "GET /v1/me": onlyWith("at-1", me) });
    expect((await getMe()).tenant.name).toBe("启东市");
    expect(bearer(api.calls("GET /v1/me")[0]!)).toBe("Bearer at-1");
  });

  it("refreshes once when the API says the token expired, stores the rotated refresh token and retries", async () => {
    await signInAs("at-1", "rt-1");
    const api = fakeApi({
      "GET /v1/me": onlyWith("at-2", me),
      "POST /v1/auth/refresh": () => json(200, signedIn("at-2", "rt-2")),
    });
    expect((await getMe()).user.displayName).toBe("张建国");
    expect(api.calls("POST /v1/auth/refresh").map((c) => c.body)).toEqual([{ refreshToken: "rt-1" }]);
    expect(api.calls("GET /v1/me").map(bearer)).toEqual(["Bearer at-1", "Bearer at-2"]);
    expect(localStorage.getItem(REFRESH_KEY)).toBe("rt-2");
  });

  it("shares one refresh among concurrent requests that all found the token expired", async () => {
    await signInAs("at-1", "rt-1");
    let release!: () => void;
    const refreshHeld = new Promise<void>((done) => (release = done));
    const api = fakeApi({
      "GET /v1/me": onlyWith("at-2", me),
      "GET /v1/users": onlyWith("at-2", { items: [admin], cursor: null }),
      "GET /v1/nodes": onlyWith("at-2", { items: [], cursor: null }),
      "POST /v1/auth/refresh": async () => {
        await refreshHeld;
        return json(200, signedIn("at-2", "rt-2"));
      },
    });
    const all = Promise.all([getMe(), listUsers(), listNodes()]);
    await vi.waitFor(() => expect(api.all.filter((c) => c.path !== "/v1/auth/refresh")).toHaveLength(3));
    release();
    const [mine, users, nodes] = await all;
    expect(mine.user.userId).toBe(admin.userId);
    expect(users.items).toHaveLength(1);
    expect(nodes.items).toEqual([]);
    expect(api.calls("POST /v1/auth/refresh")).toHaveLength(1);
    expect(localStorage.getItem(REFRESH_KEY)).toBe("rt-2");
  });

  it("signs out with the session-expired notice when the refresh token is refused", async () => {
    await signInAs("at-1", "rt-1");
    fakeApi({
      "GET /v1/me": () => expired(),
      "POST /v1/auth/refresh": () => problem(401, "auth.refresh_invalid", "登录已失效，请重新登录。"),
    });
    await expect(getMe()).rejects.toMatchObject({ status: 401, code: "auth.refresh_invalid" });
    expect(session()).toEqual({ status: "signed-out", notice: "expired" });
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
  });

  it("ends the session without refreshing when the API says it was revoked", async () => {
    await signInAs("at-1", "rt-1");
    const api = fakeApi({ "GET /v1/me": () => problem(401, "auth.session_revoked", "该登录已失效，请重新登录。") });
    await expect(getMe()).rejects.toMatchObject({ code: "auth.session_revoked" });
    expect(api.calls("POST /v1/auth/refresh")).toHaveLength(0);
    expect(session()).toEqual({ status: "signed-out", notice: "ended" });
  });

  it("refreshes proactively a minute before the access token expires", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    await signInAs("at-1", "rt-1");
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, signedIn("at-2", "rt-2")) });
    await vi.advanceTimersByTimeAsync(13 * 60_000);
    expect(api.calls("POST /v1/auth/refresh")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000 + 1);
    expect(api.calls("POST /v1/auth/refresh")).toHaveLength(1);
    expect(localStorage.getItem(REFRESH_KEY)).toBe("rt-2");
  });

  it("restores the session on page load from the stored refresh token", async () => {
    localStorage.setItem(REFRESH_KEY, "rt-stored");
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, signedIn("at-9", "rt-10")) });
    await restoreSession();
    expect(api.calls("POST /v1/auth/refresh").map((c) => c.body)).toEqual([{ refreshToken: "rt-stored" }]);
    expect(session()).toMatchObject({ status: "signed-in", user: { username: "admin" } });
    expect(localStorage.getItem(REFRESH_KEY)).toBe("rt-10");
  });

  it("keeps the refresh token when the API cannot be reached while restoring, and says so", async () => {
    localStorage.setItem(REFRESH_KEY, "rt-stored");
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await restoreSession();
    expect(session()).toEqual({ status: "unreachable", message: "网络不可用" });
    expect(localStorage.getItem(REFRESH_KEY)).toBe("rt-stored");
  });

  it("offline: a reload while the access token lives restores the session without the network, and the token is sent", async () => {
    await signInAs("at-live", "rt-live");
    expect(JSON.parse(localStorage.getItem(ACCESS_KEY)!)).toMatchObject({ accessToken: "at-live", user: { username: "admin" } });
    // A reload: the page forgets the session it held in memory; the network is gone.
    const stored = { refresh: localStorage.getItem(REFRESH_KEY)!, access: localStorage.getItem(ACCESS_KEY)! };
    await resetSession();
    localStorage.setItem(REFRESH_KEY, stored.refresh);
    localStorage.setItem(ACCESS_KEY, stored.access);
    const offline = vi.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
    vi.stubGlobal("fetch", offline);
    await restoreSession();
    expect(session()).toMatchObject({ status: "signed-in", user: { username: "admin" } });
    expect(offline).not.toHaveBeenCalled();
    // A request that fails on the network is a bilingual error, and does not sign anyone out.
    await expect(listNodes({})).rejects.toMatchObject({ code: "network.offline", message: "网络不可用" });
    expect(session().status).toBe("signed-in");
    const api = fakeApi({ "GET /v1/nodes": (call) => json(200, { items: [], cursor: bearer(call) }) });
    expect((await listNodes({})).cursor).toBe("Bearer at-live");
    expect(api.calls("GET /v1/nodes")).toHaveLength(1);
  });

  it("an expired stored access token is not used: the refresh token restores the session", async () => {
    localStorage.setItem(REFRESH_KEY, "rt-stored");
    localStorage.setItem(ACCESS_KEY, JSON.stringify({ ...signedIn("at-old", "x"), accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString() }));
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, signedIn("at-9", "rt-10")) });
    await restoreSession();
    expect(api.calls("POST /v1/auth/refresh")).toHaveLength(1);
    expect(session()).toMatchObject({ status: "signed-in" });
  });
});
