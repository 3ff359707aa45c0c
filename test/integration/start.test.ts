import { describe, expect, it } from "vitest";
import { Identity } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, expectStatus } from "../support/org.ts";
import { ADMIN_PASSWORD, adminOf, as, logIn, newSlug, userAt } from "../support/tenants.ts";

// Starting a county that is not one of the five: the blank profile, forking a
// preset (its citations borrowed, 借用) and re-citing them, and a first admin
// with neither phone nor email who gets back in with a recovery code.

const db = testDb();
const app = testApp(db);
const json = { "content-type": "application/json" };

type Profile = { id: string; name: { zh: string }; borrowed?: { profileId: string; document: { title: string } }[] } & Record<string, unknown>;
type Draft = { rev: number; pending: boolean; profile: Profile; issues: { path: string; code: string }[] };
type Finding = { ruleId: string; sourceRef: string | null; borrowed?: boolean };

async function signup(payload: Record<string, unknown>) {
  return app.request("/v1/signup", { method: "POST", headers: json, body: JSON.stringify(payload) });
}

const admin = (contact: Record<string, string> = {}) => ({ username: "admin", displayName: "管理员", password: ADMIN_PASSWORD, ...contact });

async function signedIn(tenantId: string, password = ADMIN_PASSWORD) {
  const { res, body } = await logIn(app, tenantId, "admin", password);
  expect(res.status).toBe(200);
  return as(app, body.accessToken);
}

const sourceRefs = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(sourceRefs)
    : typeof value === "object" && value !== null
      ? Object.entries(value).flatMap(([key, child]) => (key === "sourceRef" && typeof child === "string" ? [child] : sourceRefs(child)))
      : [];

const recover = (body: Record<string, unknown>, lang = "zh-CN") =>
  app.request("/v1/auth/recover", { method: "POST", headers: { ...json, "accept-language": lang }, body: JSON.stringify(body) });

// Each recovery code is an scrypt hash (32 MiB, like a password's): a signup without phone or email hashes nine
// secrets, and each recovery checks one; generous under a loaded machine.
const SLOW = { timeout: 120_000 };

describe("a county signed up from the blank profile, its admin with neither phone nor email", SLOW, () => {
  it("gets its own profile id, builds a tree, registers a venue and reads findings without errors", async () => {
    const slug = newSlug("blank-");
    const created = await expectStatus<{ tenantId: string; rootNodeId: string; profileId: string; recoveryCodes: string[] }>(
      signup({ slug, name: "新河县", presetId: "blank", admin: admin() }),
      201,
    );
    expect(created.profileId).toBe(slug.replaceAll("-", "_"));
    expect(created.recoveryCodes).toHaveLength(8);
    const client = await signedIn(slug);

    const current = await expectStatus<{ profile: Profile; basedOn: string }>(client.get("/v1/profile"), 200);
    expect(current.profile.id).toBe(created.profileId);
    expect(current.profile.name.zh).toBe("新河县");
    expect(current.profile.borrowed).toBeUndefined();
    expect(current.basedOn).toBe("preset:blank");
    expect((current.profile.composition as unknown[]).length + (current.profile.obligations as unknown[]).length).toBe(0);
    expect((await expectStatus<Draft>(client.get("/v1/profile/draft"), 200)).issues).toEqual([]);

    const town = await addChild(client, created.rootNodeId, "甲镇");
    const village = await addChild(client, town.nodeId, "甲村");
    expect([town.level, village.level]).toEqual(["town", "village"]);
    const venue = await expectStatus<{ venueId: string }>(client.post("/v1/venues", { name: "甲村小卖部", nodeId: village.nodeId, kinds: ["general_venue"] }), 201);
    expect(venue.venueId).toBeTruthy();

    for (const nodeId of [created.rootNodeId, town.nodeId, village.nodeId]) {
      const found = await expectStatus<{ findings: Finding[] }>(client.get(`/v1/compliance/nodes/${nodeId}`), 200);
      // No county rules: nothing is unmet, and nothing cites a county's document.
      expect(found.findings.filter((f) => f.sourceRef !== null && f.sourceRef.startsWith(`${created.profileId} `))).toEqual([]);
    }
  });

  it("resets the password with one recovery code once; the same code again, or a wrong one, is refused in zh and en; the reset is audited", async () => {
    const slug = newSlug("rec-");
    const { recoveryCodes } = await expectStatus<{ recoveryCodes: string[] }>(signup({ slug, name: "新河县", presetId: "blank", admin: admin() }), 201);
    const oldSession = await logIn(app, slug, "admin", ADMIN_PASSWORD);

    const wrong = await recover({ tenant: slug, username: "admin", code: "1-22222-22222", newPassword: "Came-back-2026" });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).code).toBe("auth.recovery_invalid");

    // Typed by hand: lower case, without dashes.
    const typed = recoveryCodes[2]!.toLowerCase().replaceAll("-", " ");
    expect((await recover({ tenant: slug, username: "admin", code: typed, newPassword: "Came-back-2026" })).status).toBe(204);
    expect((await logIn(app, slug, "admin", ADMIN_PASSWORD)).res.status).toBe(401);
    await signedIn(slug, "Came-back-2026");
    // The sessions of before the reset end.
    expect((await as(app, oldSession.body.accessToken).get("/v1/me")).status).toBe(401);

    const again = await recover({ tenant: slug, username: "admin", code: recoveryCodes[2]!, newPassword: "Third-time-2026" }, "en");
    expect(again.status).toBe(401);
    expect((await again.json()).title ?? "").toMatch(/recovery code/);
    const zh = await recover({ tenant: slug, username: "admin", code: recoveryCodes[2]!, newPassword: "Third-time-2026" });
    expect(JSON.stringify(await zh.json())).toContain("恢复码");
    await signedIn(slug, "Came-back-2026");

    // Another code still works once.
    expect((await recover({ tenant: slug, username: "admin", code: recoveryCodes[7]!, newPassword: "Fourth-go-2026" })).status).toBe(204);
    const fresh = await signedIn(slug, "Fourth-go-2026");
    const range = `from=${new Date(Date.now() - 120_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const audit = await expectStatus<{ items: { action: string; details?: Record<string, unknown> }[] }>(fresh.get(`/v1/audit?${range}`), 200);
    const recovered = audit.items.filter((i) => i.action === "auth.recover");
    expect(recovered.map((i) => i.details?.codeNumber).sort()).toEqual([3, 8]);
    expect(recovered.map((i) => i.details?.codesLeft).sort()).toEqual([6, 7]);
  });

  it("answers a bad request by naming the field, and a code of another county as a wrong code", async () => {
    const a = newSlug("reca-");
    const b = newSlug("recb-");
    await expectStatus(signup({ slug: a, name: "甲县", presetId: "blank", admin: admin() }), 201);
    const { recoveryCodes: bCodes } = await expectStatus<{ recoveryCodes: string[] }>(signup({ slug: b, name: "乙县", presetId: "blank", admin: admin() }), 201);
    const bad = await recover({ tenant: a, username: "admin", code: "", newPassword: "short" });
    expect(bad.status).toBe(400);
    expect([...new Set((await bad.json()).errors.map((e: { path: string }) => e.path))].sort()).toEqual(["body.code", "body.newPassword"]);
    expect((await recover({ tenant: a, username: "admin", code: bCodes[0]!, newPassword: "Taken-over-2026" })).status).toBe(401);
    await signedIn(a);
  });

  it("renews the codes for a signed-in admin (the old set stops working); with none left, the operator's reset sets a temporary password", async () => {
    const slug = newSlug("renew-");
    const first = await expectStatus<{ recoveryCodes: string[] }>(signup({ slug, name: "新河县", presetId: "blank", admin: admin() }), 201);
    const client = await signedIn(slug);
    const refused = await client.post("/v1/me/recovery-codes", { currentPassword: "Not-mine-2026" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].path).toBe("body.currentPassword");
    const renewed = await expectStatus<{ recoveryCodes: string[] }>(client.post("/v1/me/recovery-codes", { currentPassword: ADMIN_PASSWORD }), 200);
    expect(renewed.recoveryCodes).toHaveLength(8);
    expect((await recover({ tenant: slug, username: "admin", code: first.recoveryCodes[0]!, newPassword: "Came-back-2026" })).status).toBe(401);
    expect((await recover({ tenant: slug, username: "admin", code: renewed.recoveryCodes[0]!, newPassword: "Came-back-2026" })).status).toBe(204);

    await Identity.operatorResetPassword({ tenant: slug, username: "admin", newPassword: "Temporary-2026", operator: "ops.zhang" });
    const { res, body } = await logIn(app, slug, "admin", "Temporary-2026");
    expect(res.status).toBe(200);
    expect(body.mustChangePassword).toBe(true);
  });

  it("issues no recovery codes to an admin who gave a phone", async () => {
    const created = await expectStatus<Record<string, unknown>>(signup({ slug: newSlug(), name: "新河县", presetId: "blank", admin: admin({ phone: "13800000000" }) }), 201);
    expect(created.recoveryCodes).toBeUndefined();
  });
});

describe("forking a preset: its citations borrowed (借用), then re-cited in one step", SLOW, () => {
  it("signs a county up as a fork: its own id, the preset's citations valid as borrowed, findings marked borrowed; recite and publish work", async () => {
    const slug = newSlug("fork-");
    const own = slug.replaceAll("-", "_");
    const created = await expectStatus<{ profileId: string; rootNodeId: string }>(signup({ slug, name: "某县", presetId: "qidong", profileId: own, admin: admin({ phone: "13800000000" }) }), 201);
    expect(created.profileId).toBe(own);
    const client = await signedIn(slug);
    const current = await expectStatus<{ profile: Profile }>(client.get("/v1/profile"), 200);
    expect(current.profile.id).toBe(own);
    expect(current.profile.borrowed?.map((b) => b.profileId)).toEqual(["qidong"]);
    expect(sourceRefs(current.profile).some((r) => r.startsWith("qidong "))).toBe(true);
    expect((await expectStatus<Draft>(client.get("/v1/profile/draft"), 200)).issues).toEqual([]);

    const findings = (await expectStatus<{ findings: Finding[] }>(client.get(`/v1/compliance/nodes/${created.rootNodeId}`), 200)).findings;
    const cited = findings.filter((f) => f.sourceRef?.startsWith("qidong "));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((f) => f.borrowed === true)).toBe(true);
    expect(findings.filter((f) => !f.sourceRef?.startsWith("qidong ")).every((f) => f.borrowed === undefined)).toBe(true);

    const recited = await expectStatus<Draft>(client.post("/v1/profile/draft/recite", { from: "qidong" }), 200);
    expect(recited.issues).toEqual([]);
    expect(recited.profile.borrowed).toBeUndefined();
    expect(sourceRefs(recited.profile).some((r) => r.startsWith("qidong "))).toBe(false);
    await expectStatus(client.post("/v1/profile/publish", {}), 201);
    const after = (await expectStatus<{ findings: Finding[] }>(client.get(`/v1/compliance/nodes/${created.rootNodeId}`), 200)).findings;
    expect(after.some((f) => f.sourceRef?.startsWith(`${own} `))).toBe(true);
    expect(after.some((f) => f.borrowed)).toBe(false);

    const twice = await client.post("/v1/profile/draft/recite", { from: "qidong" });
    expect(twice.status).toBe(400);
    expect((await twice.json()).errors[0].path).toBe("body.from");
  });

  it("forks a preset into an existing county's draft (admin only, idempotent), and publishing it works", async () => {
    const a = await adminOf(app, "zezhou");
    const own = a.tenant.tenantId.replaceAll("-", "_");
    const viewer = await userAt(app, a.client, a.tenant.tenantId, "a.viewer", "viewer", a.tenant.rootNodeId);
    expect((await viewer.client.post("/v1/profile/draft/fork", { presetId: "qidong" })).status).toBe(403);
    const unknown = await a.client.post("/v1/profile/draft/fork", { presetId: "atlantis" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].path).toBe("body.presetId");

    const forked = await expectStatus<Draft>(a.client.post("/v1/profile/draft/fork", { presetId: "qidong" }), 200);
    expect(forked.profile.id).toBe(own);
    expect(forked.profile.borrowed).toEqual([{ profileId: "qidong", document: expect.objectContaining({ title: expect.any(String) }) }]);
    expect(forked.issues).toEqual([]);
    const again = await expectStatus<Draft>(a.client.post("/v1/profile/draft/fork", { presetId: "qidong" }), 200);
    expect(again.rev).toBe(forked.rev);

    const published = await expectStatus<{ version: number }>(a.client.post("/v1/profile/publish", {}), 201);
    expect(published.version).toBe(2);
    expect((await expectStatus<{ profile: Profile }>(a.client.get("/v1/profile"), 200)).profile.borrowed?.[0]?.profileId).toBe("qidong");
  });

  it("a draft whose citations are another county's fails validation until that document is borrowed", async () => {
    const a = await adminOf(app, "zezhou");
    const draft = await expectStatus<Draft>(a.client.get("/v1/profile/draft"), 200);
    const renamed = { ...draft.profile, id: "renamed_county" };
    const saved = await expectStatus<Draft>(a.client.put("/v1/profile/draft", { profile: renamed, rev: draft.rev }), 200);
    expect(saved.issues.filter((i) => i.code === "profile.source_ref_foreign").length).toBeGreaterThan(10);
    const borrowing = { ...renamed, borrowed: [{ profileId: "zezhou", document: draft.profile.document }] };
    expect((await expectStatus<Draft>(a.client.put("/v1/profile/draft", { profile: borrowing, rev: saved.rev }), 200)).issues).toEqual([]);
  });
});

describe("fork, recite and recovery stay within the caller's county", SLOW, () => {
  it("B forking and re-citing changes B's draft only; A's stays as it was", async () => {
    const a = await adminOf(app, "zezhou");
    const b = await adminOf(app, "songjiang");
    const before = await expectStatus<Draft>(a.client.get("/v1/profile/draft"), 200);
    const bForked = await expectStatus<Draft>(b.client.post("/v1/profile/draft/fork", { presetId: "qidong" }), 200);
    expect(bForked.profile.id).toBe(b.tenant.tenantId.replaceAll("-", "_"));
    await expectStatus(b.client.post("/v1/profile/draft/recite", { from: "qidong" }), 200);
    expect(await expectStatus<Draft>(a.client.get("/v1/profile/draft"), 200)).toEqual(before);
  });
});
