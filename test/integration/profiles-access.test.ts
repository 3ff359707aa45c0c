import { getPreset } from "@firegov/profiles";
import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { adminOf, logIn, USER_PASSWORD } from "../support/tenants.ts";

const app = testApp(testDb());

type Json = Record<string, any>;

function profileApi(token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return {
    get: (path: string) => call("GET", path),
    put: (path: string, body: unknown) => call("PUT", path, body),
    post: (path: string, body: unknown = {}) => call("POST", path, body),
  };
}

async function county(presetId: string) {
  const { tenant, token } = await adminOf(app, presetId);
  return { tenant, token, api: profileApi(token) };
}

/** A user of the admin's county with the role, signed in. */
async function member(admin: { tenant: { tenantId: string; rootNodeId: string }; token: string }, role: string) {
  const username = role.replace("_", ".");
  const created = await profileApi(admin.token).post("/v1/users", { username, displayName: username, role, scopeNodeId: admin.tenant.rootNodeId, password: USER_PASSWORD });
  if (created.status !== 201) throw new Error(`create ${role}: ${created.status}`);
  const { body } = await logIn(app, admin.tenant.tenantId, username, USER_PASSWORD);
  return profileApi(body.accessToken);
}

describe("who may read and change the profile", () => {
  it.each(["grid_worker", "viewer"])("lets a %s read the published profile but not edit, import or publish it (403)", async (role) => {
    const admin = await county("songjiang");
    const user = await member(admin, role);
    const profile = getPreset("songjiang")!;

    expect((await user.get("/v1/profile")).status).toBe(200);
    expect((await user.get("/v1/profile/versions")).status).toBe(200);
    expect((await user.get("/v1/profile/versions/1")).status).toBe(200);
    expect((await user.get("/v1/profile/diff?from=preset:qidong&to=v:1")).status).toBe(200);
    expect((await user.get("/v1/profile/export")).status).toBe(200);

    for (const refused of [
      await user.put("/v1/profile/draft", { profile, rev: 0 }),
      await user.post("/v1/profile/import", profile),
      await user.post("/v1/profile/publish", {}),
      await user.get("/v1/profile/draft"),
      await user.get("/v1/profile/export?version=draft"),
      await user.get("/v1/profile/diff?from=v:1&to=draft"),
    ]) {
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("auth.forbidden");
    }
    expect((await admin.api.get("/v1/profile/draft")).body.rev).toBe(0);
  });

  it("answers 401 without a token", async () => {
    const res = await app.request("/v1/profile");
    expect(res.status).toBe(401);
  });
});

describe("tenant isolation", () => {
  it("keeps each county to its own profile: B neither sees nor changes A's versions or draft", async () => {
    const a = await county("qidong");
    const b = await county("songjiang");

    const draftA = (await a.api.get("/v1/profile/draft")).body;
    const edited = structuredClone(draftA.profile);
    edited.hazards.severities[0].rectificationDays.value = 1;
    expect((await a.api.put("/v1/profile/draft", { profile: edited, rev: 0 })).status).toBe(200);
    expect((await a.api.post("/v1/profile/publish", {})).status).toBe(201);

    expect((await b.api.get("/v1/profile")).body).toMatchObject({ version: 1, basedOn: "preset:songjiang", profile: { id: "songjiang" } });
    expect((await b.api.get("/v1/profile/versions/2")).status).toBe(404);
    expect((await b.api.get("/v1/profile/versions")).body.items.map((v: Json) => v.version)).toEqual([1]);
    expect((await b.api.get("/v1/profile/draft")).body).toMatchObject({ rev: 0, profile: { id: "songjiang" } });

    expect((await b.api.put("/v1/profile/draft", { profile: getPreset("zezhou"), rev: 0 })).status).toBe(200);
    expect((await a.api.get("/v1/profile/draft")).body).toMatchObject({ rev: 2, pending: false, profile: { id: "qidong" } });
    expect((await a.api.get("/v1/profile")).body).toMatchObject({ version: 2, profile: { id: "qidong" } });
  });
});
