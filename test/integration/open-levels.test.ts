import { beforeAll, describe, expect, it } from "vitest";
import { presets } from "@firegov/profiles";
import type { PolicyProfile } from "@firegov/core/profile/index";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";

// Levels are the profile's own (issue 14): a county of six levels (a 片区
// between the county and its towns, every level under the county's own id)
// validates, builds its tree, routes by level and rolls up by its town-like
// level; a wave-1 export (no schemaVersion, no vocabulary) imports into
// today's shape, and a version stored in that shape reads in today's.

const app = testApp(testDb());
type Json = Record<string, any>;

async function send(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await app.request(path, { method, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as Json };
}
async function ok(call: Promise<{ status: number; text: string; body: Json }>, status: number): Promise<Json> {
  const res = await call;
  expect(res.status, res.text.slice(0, 800)).toBe(status);
  return res.body;
}

let seq = 0;
async function signUp(presetId: string) {
  const slug = `lvl${Date.now().toString(36)}${seq++}`;
  const password = "Fire-safe-2026";
  const tenant = await ok(send("POST", "/v1/signup", undefined, { slug, name: `层级县${seq}`, presetId, admin: { username: "admin", displayName: "管理员", phone: "13800000000", password } }), 201);
  const login = await ok(send("POST", "/v1/auth/login", undefined, { tenant: tenant.tenantId, username: "admin", password }), 200);
  const token = login.accessToken as string;
  return { tenant, get: (p: string) => send("GET", p, token), post: (p: string, b: unknown = {}) => send("POST", p, token, b), put: (p: string, b: unknown = {}) => send("PUT", p, token, b) };
}

const LEVEL_FIELDS = new Set(["level", "per", "levels", "assessedLevels"]);

/** The profile with its level ids renamed (every rule that names a level follows). */
function renameLevels(profile: PolicyProfile, rename: Record<string, string>): PolicyProfile {
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return typeof value === "string" && key !== undefined && LEVEL_FIELDS.has(key) && rename[value] ? rename[value] : value;
  };
  const renamed = walk(profile) as PolicyProfile;
  renamed.levels = renamed.levels.map((l) => (rename[l.id] ? { ...l, id: rename[l.id]!, kernel: l.id as never } : l));
  return renamed;
}

/** A six-level county: lianyungang's five levels under its own ids, and a 片区 (no kernel level) between county and towns. */
function sixLevels(): PolicyProfile {
  const base = renameLevels(structuredClone(presets.lianyungang!), { city: "shi", county: "xian", town: "xiangzhen", village: "cun", grid: "wangge" });
  const zone = { id: "pianqu", name: { zh: "片区", en: "Zone" }, units: ["片区"], sourceRef: null, assumption: { zh: "测试：县与乡镇之间设片区，由县级统筹", en: "Test: zones between the county and its towns, run by the county" } };
  base.levels.splice(2, 0, zone as PolicyProfile["levels"][number]);
  return base;
}

describe("a county of six levels, each under its own id", () => {
  let county: Awaited<ReturnType<typeof signUp>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    county = await signUp("lianyungang");
  });

  it("validates, imports and publishes; its levels are its own", async () => {
    const draft = await ok(county.post("/v1/profile/import", sixLevels()), 200);
    expect(draft.issues).toEqual([]);
    await ok(county.post("/v1/profile/publish", { note: "六级" }), 201);
    const current = (await ok(county.get("/v1/profile"), 200)).profile as PolicyProfile;
    expect(current.levels.map((l) => l.id)).toEqual(["shi", "xian", "pianqu", "xiangzhen", "cun", "wangge"]);
  });

  it("builds its tree six deep: the root takes the new first level, each child the next, none below the last", async () => {
    const root = ((await ok(county.get("/v1/nodes"), 200)).items as Json[]).find((n) => n.nodeId === county.tenant.rootNodeId)!;
    expect(root.level).toBe("shi");
    ids.shi = root.nodeId;
    let parent = root.nodeId as string;
    for (const [level, name] of [["xian", "甲县"], ["pianqu", "东片区"], ["xiangzhen", "甲镇"], ["cun", "甲村"], ["wangge", "一网格"]] as const) {
      const node = await ok(county.post("/v1/nodes", { parentId: parent, name }), 201);
      expect(node.level).toBe(level);
      ids[level] = parent = node.nodeId;
    }
    expect((await county.post("/v1/nodes", { parentId: parent, name: "更下一级" })).status).toBe(400);
  });

  it("rolls up by its town-like level (乡镇, under the 片区), not by the second level", async () => {
    await ok(county.post("/v1/compliance/refresh", { nodeId: ids.shi }), 200);
    const rollup = (await ok(county.get(`/v1/compliance/rollup?nodeId=${ids.shi}`), 200)).items as Json[];
    expect(rollup.map((r) => r.nodeId)).toEqual([ids.xiangzhen]);
    expect(rollup[0]).toMatchObject({ nodesEvaluated: 3 });
  });

  it("a zone (no kernel level) takes its officer role from the level above: a town officer fits the 乡镇, not the 片区", async () => {
    const atTown = await ok(county.post("/v1/users", { username: "zhen1", displayName: "镇干部", phone: "13800000001", password: "Fire-safe-2026", role: "town_officer", scopeNodeId: ids.xiangzhen }), 201);
    expect(atTown.warnings ?? []).toEqual([]);
    const atZone = await ok(county.post("/v1/users", { username: "pian1", displayName: "片区干部", phone: "13800000002", password: "Fire-safe-2026", role: "town_officer", scopeNodeId: ids.pianqu }), 201);
    expect(atZone.warnings?.[0]?.code).toBe("user.role_level_mismatch");
    expect(atZone.warnings?.[0]?.message.zh).toContain("乡镇");
  });
});

describe("profiles of wave 1 (no schemaVersion, no vocabulary)", () => {
  const waveOne = () => {
    const { schemaVersion: _, vocabulary: __, ...old } = structuredClone(presets.qidong!);
    return old;
  };

  it("an old export imports into today's shape, publishes, and reads with the baseline words", async () => {
    const county = await signUp("qidong");
    const draft = await ok(county.post("/v1/profile/import", waveOne()), 200);
    expect(draft.issues).toEqual([]);
    expect(draft.profile.schemaVersion).toBe(2);
    expect(draft.profile.vocabulary.recordKinds.map((k: Json) => k.id)).toContain("meeting");
    await ok(county.post("/v1/profile/publish", {}), 201);
    const current = (await ok(county.get("/v1/profile"), 200)).profile as PolicyProfile;
    expect(current).toMatchObject({ schemaVersion: 2, id: "qidong" });
  });

  it("a draft saved in the old shape is kept as saved, validates and publishes; the version stored in that shape reads in today's", async () => {
    const county = await signUp("qidong");
    const head = await county.get("/v1/profile/draft");
    const put = await ok(county.put("/v1/profile/draft", { profile: waveOne(), ...(head.status === 200 ? { rev: head.body.rev } : {}) }), 200);
    expect(put.profile.schemaVersion).toBeUndefined();
    expect(put.issues).toEqual([]);
    await ok(county.post("/v1/profile/publish", {}), 201);
    const version = (await ok(county.get("/v1/profile/versions/2"), 200)).profile as PolicyProfile;
    expect(version.schemaVersion).toBe(2);
    expect(version.vocabulary.bodyKinds.length).toBeGreaterThan(10);
  });
});
