import { GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import type { PolicyProfile } from "@firegov/core/profile/index";
import { getPreset } from "@firegov/profiles";
import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { adminOf } from "../support/tenants.ts";
import { Profiles } from "@firegov/core";

const db = testDb();
const app = testApp(db);

type Json = Record<string, any>;

/** A signed-in admin's calls to the profile API, each answering status, headers and parsed body. */
function profileApi(token: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
  };
  return {
    get: (path: string) => call("GET", path),
    put: (path: string, body: unknown, headers?: Record<string, string>) => call("PUT", path, body, headers),
    post: (path: string, body: unknown = {}, headers?: Record<string, string>) => call("POST", path, body, headers),
  };
}

async function county(presetId = "songjiang") {
  const { tenant, token } = await adminOf(app, presetId);
  return { tenant, api: profileApi(token) };
}

const preset = (id: string): PolicyProfile => getPreset(id)!;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The draft with one change: the first severity's rectification deadline. */
async function editDraft(api: ReturnType<typeof profileApi>, days: number) {
  const draft = (await api.get("/v1/profile/draft")).body;
  const profile = structuredClone(draft.profile) as PolicyProfile;
  profile.hazards.severities[0]!.rectificationDays.value = days;
  return api.put("/v1/profile/draft", { profile, rev: draft.rev });
}

async function rawVersion(tenantId: string, version: number) {
  const key = { pk: { S: `T#${tenantId}#PROFILE` }, sk: { S: `V#${String(version).padStart(6, "0")}` } };
  const { Item } = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }));
  return Item;
}

describe("a county's profile at signup", () => {
  it("is version 1, a copy of the chosen preset citing it, in effect from signup", async () => {
    const before = new Date().toISOString();
    const { api } = await county("qidong");
    const current = await api.get("/v1/profile");
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: 1, basedOn: "preset:qidong" });
    expect(current.body.profile).toEqual(preset("qidong"));
    expect(current.body.effectiveFrom >= before).toBe(true);
    expect(current.body.publishedAt).toBe(current.body.effectiveFrom);
  });

  it("gives the root node the profile's first level", async () => {
    for (const presetId of ["qidong", "yancheng"]) {
      const { api } = await county(presetId);
      const nodes = await api.get("/v1/nodes");
      expect(nodes.body.items[0].level).toBe(preset(presetId).levels[0]!.id);
    }
  });

  it("keeps every partition key of the profile led by the tenant", async () => {
    const { tenant } = await county();
    const { Items = [] } = await db.client.send(
      new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: `T#${tenant.tenantId}#PROFILE` } } }),
    );
    expect(Items.map((item) => item.sk!.S).sort()).toEqual(["HEAD", "V#000001"]);
    expect(Items.find((item) => item.sk!.S === "V#000001")!.gsi1pk!.S).toBe(`T#${tenant.tenantId}#PROFILE`);
  });

  it("is written with the tenant or not at all: a signup with a taken slug adds no version", async () => {
    const { tenant } = await county("qidong");
    const again = await app.request("/v1/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slug: tenant.tenantId, name: "重名县", presetId: "zezhou", admin: { username: "other", displayName: "他人", phone: "13700000000", password: "Second-try-2026" } }),
    });
    expect(again.status).toBe(409);
    const { Items = [] } = await db.client.send(
      new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: `T#${tenant.tenantId}#PROFILE` } }, ConsistentRead: true }),
    );
    expect(Items).toHaveLength(2);
    expect(Items.find((item) => item.sk!.S === "V#000001")!.basedOn!.S).toBe("preset:qidong");
  });

  it("offers version 1 as a virtual draft at rev 0 until the first save", async () => {
    const { api } = await county();
    const draft = await api.get("/v1/profile/draft");
    expect(draft.body).toMatchObject({ rev: 0, basedOnVersion: 1, pending: false, updatedAt: null, issues: [] });
    expect(draft.body.profile).toEqual(preset("songjiang"));
    expect(draft.headers.get("etag")).toBe('"0"');
  });
});

describe("publishing", () => {
  it("creates version 2 from the draft and leaves version 1 byte for byte as it was", async () => {
    const { tenant, api } = await county();
    const v1 = await rawVersion(tenant.tenantId, 1);
    expect((await editDraft(api, 3)).status).toBe(200);
    const published = await api.post("/v1/profile/publish", { note: "整改期限缩短" });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, basedOn: "v:1", note: "整改期限缩短" });
    expect(await rawVersion(tenant.tenantId, 1)).toEqual(v1);

    const v2 = await api.get("/v1/profile/versions/2");
    expect(v2.body.profile.hazards.severities[0].rectificationDays.value).toBe(3);
    expect((await api.get("/v1/profile")).body.version).toBe(2);
    const draft = await api.get("/v1/profile/draft");
    expect(draft.body).toMatchObject({ rev: 2, basedOnVersion: 2, pending: false });

    const audit = await api.get(`/v1/audit?from=${encodeURIComponent(inDays(-1))}&to=${encodeURIComponent(inDays(1))}`);
    expect(audit.body.items.map((entry: Json) => [entry.action, entry.targetId])).toEqual(
      expect.arrayContaining([["profile.publish", "v:2"], ["profile.draft_save", "draft"]]),
    );
  });

  it("answers the version in effect at a time: v1 before v2's start, v2 from it on", async () => {
    const { api } = await county();
    await editDraft(api, 5);
    const start = inDays(1);
    const v2 = await api.post("/v1/profile/publish", { effectiveFrom: start });
    expect(v2.body.effectiveFrom).toBe(start);
    const at = async (instant: string) => (await api.get(`/v1/profile?at=${encodeURIComponent(instant)}`)).body.version;
    expect(await at(new Date().toISOString())).toBe(1);
    expect(await at(new Date(Date.parse(start) - 1).toISOString())).toBe(1);
    expect(await at(start)).toBe(2);
    expect(await at(inDays(2))).toBe(2);
    expect((await api.get("/v1/profile")).body.version).toBe(1);
  });

  it("answers 404 for a time before the first version", async () => {
    const { api } = await county();
    const res = await api.get("/v1/profile?at=2020-01-01T00:00:00Z");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("profile.not_in_effect");
  });

  it("rolls forward only: refuses a start in the past or before the previous version's", async () => {
    const { api } = await county();
    await editDraft(api, 5);
    const past = await api.post("/v1/profile/publish", { effectiveFrom: "2024-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: "body.effectiveFrom", code: "profile.effective_from_past" })]);

    const v2Start = inDays(10);
    expect((await api.post("/v1/profile/publish", { effectiveFrom: v2Start })).status).toBe(201);
    await editDraft(api, 6);
    const early = await api.post("/v1/profile/publish", { effectiveFrom: inDays(5) });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].code).toBe("profile.effective_from_before_previous");
    // Without a start, the next version starts with the scheduled one and replaces it there.
    const v3 = await api.post("/v1/profile/publish", {});
    expect(v3.body).toMatchObject({ version: 3, effectiveFrom: v2Start });
    expect((await api.get(`/v1/profile?at=${encodeURIComponent(v2Start)}`)).body.version).toBe(3);
  });

  it("lets exactly one of two concurrent publishes of the same draft succeed; the other answers 409", async () => {
    const { api } = await county();
    await editDraft(api, 4);
    const results = await Promise.all([api.post("/v1/profile/publish", { note: "甲" }), api.post("/v1/profile/publish", { note: "乙" })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    // The loser either raced the winner's transaction, or (slower) read the draft the winner had already published.
    expect(["profile.publish_conflict", "request.conflict_retry", "profile.no_changes"]).toContain(results.find((r) => r.status === 409)!.body.code);
    const versions = await api.get("/v1/profile/versions");
    expect(versions.body.items.map((v: Json) => v.version)).toEqual([2, 1]);
  });

  it("answers 409 when the draft has nothing new to publish", async () => {
    const { api } = await county();
    const res = await api.post("/v1/profile/publish", {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("profile.no_changes");
  });

  it("returns the first result to a retry with the same Idempotency-Key and publishes once", async () => {
    const { api } = await county();
    await editDraft(api, 4);
    const key = { "idempotency-key": "publish-once" };
    const first = await api.post("/v1/profile/publish", { note: "一次" }, key);
    const retry = await api.post("/v1/profile/publish", { note: "一次" }, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect((await api.get("/v1/profile/versions")).body.items).toHaveLength(2);
  });

  it("refuses to publish an invalid draft, naming the JSON path of each issue", async () => {
    const { api } = await county();
    const draft = (await api.get("/v1/profile/draft")).body;
    const profile = structuredClone(draft.profile) as PolicyProfile;
    profile.hazards.escalations[0]!.to = "no_such_body";
    const saved = await api.put("/v1/profile/draft", { profile, rev: draft.rev });
    expect(saved.status).toBe(200);
    expect(saved.body.issues).toEqual([
      { path: "$.hazards.escalations[0].to", code: "profile.reference_missing", message: { zh: "引用的机构“no_such_body”不存在", en: 'body "no_such_body" does not exist' } },
    ]);

    const refused = await api.post("/v1/profile/publish", {}, { "accept-language": "en" });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("profile.invalid");
    expect(refused.body.errors).toEqual([{ path: "$.hazards.escalations[0].to", code: "profile.reference_missing", message: 'body "no_such_body" does not exist' }]);
    const zh = await api.post("/v1/profile/publish", {});
    expect(zh.body.errors[0].message).toBe("引用的机构“no_such_body”不存在");
    expect((await api.get("/v1/profile/versions")).body.items).toHaveLength(1);
  });

  it("lists versions newest first, a page at a time, without their documents", async () => {
    const { api } = await county();
    for (const days of [3, 4]) {
      await editDraft(api, days);
      await api.post("/v1/profile/publish", {});
    }
    const first = await api.get("/v1/profile/versions?limit=2");
    expect(first.body.items.map((v: Json) => v.version)).toEqual([3, 2]);
    expect(first.body.items[0]).not.toHaveProperty("profile");
    const second = await api.get(`/v1/profile/versions?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.body.items.map((v: Json) => v.version)).toEqual([1]);
    expect(second.body.items[0]).toMatchObject({ basedOn: "preset:songjiang" });
  });

  it("answers 404 for a version that does not exist", async () => {
    const { api } = await county();
    const res = await api.get("/v1/profile/versions/7");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("profile.version_not_found");
  });
});

describe("the draft", () => {
  it("refuses a save from a stale rev with 409 and keeps the newer save", async () => {
    const { api } = await county();
    expect((await editDraft(api, 3)).body.rev).toBe(1);
    const stale = await api.put("/v1/profile/draft", { profile: preset("songjiang"), rev: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("profile.draft_stale");
    const viaHeader = await api.put("/v1/profile/draft", { profile: preset("songjiang") }, { "if-match": '"0"' });
    expect(viaHeader.status).toBe(409);
    const draft = await api.get("/v1/profile/draft");
    expect(draft.body.profile.hazards.severities[0].rectificationDays.value).toBe(3);
    expect(draft.body.rev).toBe(1);
  });

  it("takes the rev from If-Match and answers the new rev as ETag", async () => {
    const { api } = await county();
    const saved = await api.put("/v1/profile/draft", { profile: preset("songjiang") }, { "if-match": '"0"' });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe('"1"');
    expect(saved.body).toMatchObject({ rev: 1, pending: true, basedOnVersion: 1 });
  });

  it("needs a rev to save", async () => {
    const { api } = await county();
    const res = await api.put("/v1/profile/draft", { profile: preset("songjiang") });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("body.rev");
  });

  it("refuses a rev made stale by a publish", async () => {
    const { api } = await county();
    const saved = await editDraft(api, 3);
    await api.post("/v1/profile/publish", {});
    const late = await api.put("/v1/profile/draft", { profile: saved.body.profile, rev: saved.body.rev });
    expect(late.status).toBe(409);
  });

  it("is saved even when it is not a valid profile, so no work is lost", async () => {
    const { api } = await county();
    const saved = await api.put("/v1/profile/draft", { profile: { id: "Not An Id" }, rev: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.issues.length).toBeGreaterThan(1);
    expect(saved.body.issues).toContainEqual(expect.objectContaining({ path: "$.id" }));
    expect((await api.get("/v1/profile/draft")).body.profile).toEqual({ id: "Not An Id" });
  });

  it("validates a document without saving it, or the saved draft", async () => {
    const { api } = await county();
    const broken = structuredClone(preset("songjiang"));
    broken.levels[0]!.id = "grid";
    const checked = await api.post("/v1/profile/draft/validate", { profile: broken });
    expect(checked.status).toBe(200);
    expect(checked.body.valid).toBe(false);
    expect(checked.body.issues.map((i: Json) => i.path)).toContain("$.levels[1].id");
    expect((await api.post("/v1/profile/draft/validate", {})).body).toEqual({ valid: true, issues: [] });
    expect((await api.get("/v1/profile/draft")).body.rev).toBe(0);
  });
});

describe("comparing profiles", () => {
  it("lists the differences between two presets with the clause cited on each side", async () => {
    const { api } = await county();
    const res = await api.get("/v1/profile/diff?from=preset:qidong&to=preset:songjiang");
    expect(res.status).toBe(200);
    expect(res.body.changes.length).toBeGreaterThan(10);
    const town = res.body.changes.find((c: Json) => c.path === "$.levels[id=town].name.zh");
    expect(town).toMatchObject({ kind: "changed", before: "镇（园区）", after: "街镇（经开区）", sourceRefBefore: "qidong 一(一)", sourceRefAfter: "songjiang 四(二)" });
    expect(town.text.zh).toContain("依据：qidong 一(一) → songjiang 四(二)");
    expect(town.text.en).toContain("source: qidong 一(一) → songjiang 四(二)");
  });

  it("finds nothing between a version and itself, or a version and its preset", async () => {
    const { api } = await county();
    expect((await api.get("/v1/profile/diff?from=v:1&to=v:1")).body.changes).toEqual([]);
    expect((await api.get("/v1/profile/diff?from=preset:songjiang&to=v:1")).body.changes).toEqual([]);
  });

  it("shows what the draft changes against the published version", async () => {
    const { api } = await county();
    await editDraft(api, 2);
    const res = await api.get("/v1/profile/diff?from=v:1&to=draft");
    expect(res.body.changes).toHaveLength(1);
    expect(res.body.changes[0]).toMatchObject({ kind: "changed", before: 15, after: 2 });
  });

  it("answers 400 for a malformed reference and 404 for an unknown preset or version", async () => {
    const { api } = await county();
    const bad = await api.get("/v1/profile/diff?from=v1&to=draft");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("query.from");
    expect((await api.get("/v1/profile/diff?from=preset:nowhere&to=draft")).status).toBe(404);
    expect((await api.get("/v1/profile/diff?from=v:9&to=draft")).status).toBe(404);
  });
});

describe("export and import", () => {
  it("round-trips: an exported version imported as the draft is the same document, and nothing is published", async () => {
    const { api } = await county("zezhou");
    const exported = await api.get("/v1/profile/export?version=1");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="profile-v1.json"');
    expect(exported.body).toEqual(preset("zezhou"));

    const imported = await api.post("/v1/profile/import", exported.body);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rev: 1, pending: true, issues: [] });
    expect((await api.get("/v1/profile/export?version=draft")).body).toEqual(exported.body);
    expect((await api.get("/v1/profile/diff?from=v:1&to=draft")).body.changes).toEqual([]);
    expect((await api.get("/v1/profile/versions")).body.items).toHaveLength(1);
  });

  it("exports the version in effect by default", async () => {
    const { api } = await county();
    await editDraft(api, 9);
    await api.post("/v1/profile/publish", { effectiveFrom: inDays(30) });
    const res = await api.get("/v1/profile/export");
    expect(res.headers.get("content-disposition")).toContain("profile-v1.json");
  });

  it("returns the issues of an invalid import and guards it with If-Match when sent", async () => {
    const { api } = await county();
    const broken = structuredClone(preset("songjiang")) as Json;
    delete broken.levels;
    const imported = await api.post("/v1/profile/import", broken);
    expect(imported.status).toBe(200);
    expect(imported.body.issues).toContainEqual(expect.objectContaining({ path: "$.levels" }));
    const stale = await api.post("/v1/profile/import", preset("songjiang"), { "if-match": "0" });
    expect(stale.status).toBe(409);
  });
});

describe("publishing, as a reader sees it", () => {
  it("names the publisher in the version, and takes a start typed to the current minute as now", async () => {
    const { token } = await adminOf(app);
    const api = profileApi(token);
    const draft = await api.get("/v1/profile/draft");
    const profile = structuredClone(draft.body.profile);
    profile.hazards.severities[0].rectificationDays.value += 1;
    expect((await api.put("/v1/profile/draft", { profile }, { "if-match": String(draft.body.rev) })).status).toBe(200);
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    expect((await api.post("/v1/profile/publish", { effectiveFrom: minute, note: "按分钟填写" })).status).toBe(201);
    const versions = await api.get("/v1/profile/versions");
    expect(versions.body.items.map((v: Json) => v.publishedByName)).toEqual(["管理员", "管理员"]);
  });
});

describe("which rules of the county's own profile run (GET /v1/profile/coverage)", () => {
  it("reports the profile in effect of the caller's tenant, and a newly published rule with it", async () => {
    const zezhou = await adminOf(app, "zezhou");
    const songjiang = await adminOf(app, "songjiang");
    const za = profileApi(zezhou.token);
    const first = await za.get("/v1/profile/coverage");
    expect(first.status).toBe(200);
    const expected = Profiles.ruleCoverage(getPreset("zezhou")!);
    expect(first.body).toMatchObject({ version: 1, rules: expected.length, dataOnly: expected.filter((r) => r.dataOnly).length });
    // Its own clauses (and national norms its checklists cite), never another county's.
    expect(first.body.rows.some((r: Json) => r.clause?.startsWith("zezhou "))).toBe(true);
    expect(first.body.rows.some((r: Json) => r.clause?.startsWith("songjiang "))).toBe(false);
    // The other tenant sees its own profile's rules, never this one's.
    const other = await profileApi(songjiang.token).get("/v1/profile/coverage");
    expect(other.body.rows.some((r: Json) => r.clause?.startsWith("zezhou "))).toBe(false);

    // A platform rule asking for nothing the product has is data only once published.
    const draft = (await za.get("/v1/profile/draft")).body;
    const doc = structuredClone(draft.profile) as PolicyProfile;
    doc.platforms.push({ id: "county_iot", name: { zh: "智能识别", en: "Smart detection" }, level: "county", functions: ["smart_detection"], sourceRef: "zezhou 三(六)", text: "研发泽州县基层消防工作云平台" });
    expect((await za.put("/v1/profile/draft", { profile: doc }, { "if-match": `"${draft.rev}"` })).status).toBe(200);
    expect((await za.post("/v1/profile/publish", {})).status).toBe(201);
    const after = await za.get("/v1/profile/coverage");
    expect(after.body).toMatchObject({ version: 2, rules: expected.length + 1, dataOnly: first.body.dataOnly + 1 });
    expect(after.body.rows.find((r: Json) => r.path === "platforms.county_iot")).toMatchObject({ dataOnly: true, missing: [{ fn: "smart_detection" }] });
  });

  it("answers 401 without a token", async () => {
    expect((await app.request("/v1/profile/coverage")).status).toBe(401);
  });
});
