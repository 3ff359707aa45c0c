import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Inspections, SelfChecks } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, adminOf, userAt } from "../support/tenants.ts";
import { county, type Json } from "./venues-fixtures.ts";

// A venue's self-check (自查) from its signed link, without an account:
// yancheng (十六) asks small-venue owners to check themselves routinely
// (自查自改); the profile sets how often (a marked default where the document
// gives no frequency) and the list (the venue's inspection checklists).

const app = testApp(testDb());
const songjiang = getPreset("songjiang")!;
const STREET_LIST = Inspections.checklistFor(songjiang, ["street"]);
const FAILED = "three_in_one";

type Place = Awaited<ReturnType<typeof place>>;

async function place() {
  const c = await county(app);
  const venue = (nodeId: string, name: string) => expectStatus<Json>(c.admin.client.post("/v1/venues", { name, nodeId, kinds: ["street_shop"], address: `${name}地址` }), 201);
  const [a, b] = [await venue(c.grid1.nodeId, "沿街商铺甲"), await venue(c.grid2.nodeId, "沿街商铺乙")];
  const otherTown = await addNode(c.tenantId, c.root, "town", "乙镇");
  const townOfficer = await userAt(app, c.admin.client, c.tenantId, `sc-town-${c.tenantId}`, "town_officer", c.town.nodeId);
  const otherOfficer = await userAt(app, c.admin.client, c.tenantId, `sc-other-${c.tenantId}`, "town_officer", otherTown.nodeId);
  return { ...c, a, b, townOfficer, otherOfficer };
}

/** A public call with the link's token, from an address. */
function pub(token: string | undefined, body?: Json, ip = "198.51.100.20") {
  const headers: Record<string, string> = { "content-type": "application/json", "x-test-client-ip": ip, ...(token === undefined ? {} : { "x-self-check-token": token }) };
  return app.request("/v1/public/self-check", body === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(body) });
}

/** Every item of the street list answered: pass, except those named, which fail. */
function answers(fail: string[] = [], extra: Json = {}): Json {
  return {
    submissionId: randomUUID(),
    respondent: "王店主",
    phone: "13900000001",
    items: STREET_LIST.map((e) => (fail.includes(e.itemId) ? { category: e.category, itemId: e.itemId, result: "fail", note: "二楼住人" } : { category: e.category, itemId: e.itemId, result: "pass" })),
    ...extra,
  };
}

async function issue(p: Place, venueId: string) {
  return expectStatus<Json>(p.admin.client.post(`/v1/venues/${venueId}/self-check/link`), 201);
}

/** Swaps claims in a token's payload, keeping its signature: what a tamperer can do without the key. */
function tampered(token: string, claims: Json): string {
  const [header, payload, signature] = token.split(".");
  const body = { ...JSON.parse(Buffer.from(payload!, "base64url").toString()), ...claims };
  return [header, Buffer.from(JSON.stringify(body)).toString("base64url"), signature].join(".");
}

const selfChecksOf = async (p: Place, venueId: string) => (await expectStatus<{ items: Json[] }>(p.admin.client.get(`/v1/venues/${venueId}/self-checks`), 200)).items;
const selfCheckHazards = async (p: Place, venueId?: string) =>
  (await expectStatus<{ items: Json[] }>(p.admin.client.get("/v1/hazards/by-source?source=self_check&limit=100"), 200)).items.filter((h) => venueId === undefined || h.venueId === venueId);

describe("venue self-checks from a signed link", () => {
  let p: Place;
  beforeAll(async () => {
    p = await place();
  }, 60_000);

  it("the venue code (场所码, songjiang 六(三)): a county admin or the venue's town officer issues the link, with its address; a grid worker, a viewer or another town's officer may not", async () => {
    const link = await issue(p, p.a.venueId);
    expect(link).toMatchObject({ generation: 1, path: `/self-check#${link.token}` });
    expect(link.url).toMatch(/^https?:\/\/[^/]+\/self-check#/);
    const byTown = await expectStatus<Json>(p.townOfficer.client.post(`/v1/venues/${p.a.venueId}/self-check/link`), 201);
    expect(byTown.generation).toBe(2);
    for (const user of [p.worker1, p.viewer, p.otherOfficer]) expect((await user.client.post(`/v1/venues/${p.a.venueId}/self-check/link`)).status).toBe(403);
    // The link is shown to those who may manage it, not to the grid.
    expect((await expectStatus<Json>(p.townOfficer.client.get(`/v1/venues/${p.a.venueId}/self-check`), 200)).link.token).toBe(byTown.token);
    const seenByGrid = await expectStatus<Json>(p.worker1.client.get(`/v1/venues/${p.a.venueId}/self-check`), 200);
    expect(seenByGrid).toMatchObject({ enabled: true, mayManageLink: false });
    expect(seenByGrid.link).toBeUndefined();
  });

  it("yancheng (十六): the person in charge opens the link without signing in and sees the venue's name and its self-check list", async () => {
    const { token } = await issue(p, p.a.venueId);
    const form = await expectStatus<Json>(pub(token), 200);
    expect(form.venue).toEqual({ name: "沿街商铺甲", address: "沿街商铺甲地址" });
    expect(form.items.map((i: Json) => `${i.category}/${i.itemId}`)).toEqual(STREET_LIST.map((e) => `${e.category}/${e.itemId}`));
    expect(form.items[0].name).toEqual({ zh: expect.any(String), en: expect.any(String) });
    // The frequency is the profile's: a marked default (monthly) where the document gives none.
    expect(form).toMatchObject({ frequency: { every: 1, unit: "month" }, period: { key: expect.stringMatching(/^\d{4}-\d{2}$/) } });
    expect((await pub(undefined)).status).toBe(401);
    expect((await pub("not-a-token")).status).toBe(401);
  });

  it("a failed item raises a coded hazard from the self-check, discovered, at the venue's grid: its grid worker sees it, is told, and may take it in; the next grid's worker does not see it", async () => {
    const { token } = await issue(p, p.a.venueId);
    const before = (await selfCheckHazards(p, p.a.venueId)).length;
    const receipt = await expectStatus<Json>(pub(token, answers([FAILED])), 201);
    expect(receipt).toMatchObject({ passed: STREET_LIST.length - 1, failed: 1, message: { zh: expect.any(String), en: expect.any(String) } });
    const raised = await selfCheckHazards(p, p.a.venueId);
    expect(raised.length).toBe(before + 1);
    const stored = (await selfChecksOf(p, p.a.venueId)).find((s) => s.selfCheckId === receipt.selfCheckId)!;
    const hazardId = stored.hazardIds[0];
    expect(stored.items.find((i: Json) => i.itemId === FAILED)).toMatchObject({ result: "fail", hazardId, hazardCode: FAILED });

    const timeline = await expectStatus<Json>(p.worker1.client.get(`/v1/hazards/${hazardId}`), 200);
    expect(timeline.hazard).toMatchObject({ source: "self_check", state: "discovered", code: FAILED, nodeId: p.grid1.nodeId, venueId: p.a.venueId, description: "二楼住人" });
    expect(timeline.allowedActions).toContain("register");
    expect(timeline.events[0].details).toMatchObject({ selfCheckId: receipt.selfCheckId, checklistItem: FAILED });
    const gridList = await expectStatus<{ items: Json[] }>(p.worker1.client.get("/v1/hazards?state=discovered"), 200);
    expect(gridList.items.map((h) => h.hazardId)).toContain(hazardId);
    const inbox = await expectStatus<{ items: Json[] }>(p.worker1.client.get("/v1/inbox"), 200);
    expect(inbox.items.some((n) => n.subjectId === hazardId && n.kind === "create")).toBe(true);
    expect((await p.worker2.client.get(`/v1/hazards/${hazardId}`)).status).toBe(403);
    const otherGrid = await expectStatus<{ items: Json[] }>(p.worker2.client.get("/v1/hazards?state=discovered"), 200);
    expect(otherGrid.items.map((h) => h.hazardId)).not.toContain(hazardId);
    // The grid worker verifies it: registers it with a severity, and the loop goes on as for any hazard.
    const registered = await expectStatus<Json>(p.worker1.client.post(`/v1/hazards/${hazardId}/transitions`, { action: "register", severity: "general" }), 200);
    expect(registered.state).toBe("registered");
  });

  it("a self-check sent again with the same submission id is stored once and answered the same", async () => {
    const { token } = await issue(p, p.b.venueId);
    const body = answers([FAILED]);
    const first = await pub(token, body);
    const again = await pub(token, body);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await again.json()).toEqual(await first.json());
    expect((await selfChecksOf(p, p.b.venueId)).length).toBe(1);
    expect((await selfCheckHazards(p, p.b.venueId)).length).toBe(1);
    // Sent three times at once (a phone retrying on a bad network): still one.
    const burst = answers([FAILED]);
    const answered = await Promise.all([1, 2, 3].map(() => pub(token, burst, "198.51.100.21")));
    expect(answered.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(await Promise.all(answered.map(async (r) => JSON.stringify(await r.json())))).size).toBe(1);
    expect((await selfChecksOf(p, p.b.venueId)).length).toBe(2);
    expect((await selfCheckHazards(p, p.b.venueId)).length).toBe(2);
    // The same submission id with other answers is not a resend: refused, nothing written.
    expect((await pub(token, { ...body, respondent: "别人" })).status).toBe(409);
    expect((await selfChecksOf(p, p.b.venueId)).length).toBe(2);
  });

  it("a link for venue A cannot write to venue B: a tampered venue id or a tampered token is refused (401) and nothing is written", async () => {
    const { token } = await issue(p, p.a.venueId);
    const [checksB, hazardsB] = [(await selfChecksOf(p, p.b.venueId)).length, (await selfCheckHazards(p, p.b.venueId)).length];
    const toB = tampered(token, { vid: p.b.venueId });
    expect((await pub(toB)).status).toBe(401);
    const refused = await pub(toB, answers([FAILED]));
    expect(refused.status).toBe(401);
    expect((await refused.json()).code).toBe("self_check.link_invalid");
    const at = token.lastIndexOf(".") + 10;
    expect((await pub(`${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`, answers([FAILED]))).status).toBe(401);
    // A venue named in the body is no way in either: the link's venue is the only one written.
    expect((await pub(token, answers([], { venueId: p.b.venueId }))).status).toBe(201);
    expect((await selfChecksOf(p, p.b.venueId)).length).toBe(checksB);
    expect((await selfCheckHazards(p, p.b.venueId)).length).toBe(hazardsB);
  });

  it("a replaced link is refused (401), for opening and for sending, and writes nothing; the new one works", async () => {
    const old = await issue(p, p.b.venueId);
    const current = await issue(p, p.b.venueId);
    const count = (await selfChecksOf(p, p.b.venueId)).length;
    expect((await pub(old.token)).status).toBe(401);
    const refused = await pub(old.token, answers([FAILED]));
    expect(refused.status).toBe(401);
    expect((await refused.json()).code).toBe("self_check.link_replaced");
    expect((await selfChecksOf(p, p.b.venueId)).length).toBe(count);
    expect((await pub(current.token, answers())).status).toBe(201);
  });

  it("a link token is not an access token, and an access token is not a link", async () => {
    const { token } = await issue(p, p.a.venueId);
    expect((await app.request("/v1/venues", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await pub(p.admin.token)).status).toBe(401);
    expect((await pub(p.admin.token, answers())).status).toBe(401);
  });

  it("names each invalid field: an item missing, an item not on the list, no respondent, a submission id that is not a UUID", async () => {
    const { token } = await issue(p, p.a.venueId);
    const full = answers();
    const res = await pub(token, { ...full, submissionId: "x", respondent: "", items: [...full.items.slice(1), { category: "street", itemId: "no_such_item", result: "pass" }] });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: Json) => e.path).sort()).toEqual(["body.respondent", "body.submissionId"]);
    const wrongItems = await pub(token, { ...full, items: [...full.items.slice(1), { category: "street", itemId: "no_such_item", result: "pass" }] });
    expect(wrongItems.status).toBe(400);
    expect((await wrongItems.json()).errors.map((e: Json) => e.path).sort()).toEqual(["body.items", `body.items[${full.items.length - 1}].itemId`]);
  });

  it(`limits one link to ${SelfChecks.SELF_CHECK_LIMITS.perLink} self-checks a window (429 with Retry-After), and the refused one writes nothing, not even its hazard`, async () => {
    const c = await expectStatus<Json>(p.admin.client.post("/v1/venues", { name: "沿街商铺丙", nodeId: p.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const { token } = await issue(p, c.venueId);
    for (let i = 0; i < SelfChecks.SELF_CHECK_LIMITS.perLink; i++) expect((await pub(token, answers(), `203.0.113.${40 + i}`)).status).toBe(201);
    const limited = await pub(token, answers([FAILED]), "203.0.113.60");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).code).toBe("self_check.rate_limited");
    expect((await selfChecksOf(p, c.venueId)).length).toBe(SelfChecks.SELF_CHECK_LIMITS.perLink);
    expect(await selfCheckHazards(p, c.venueId)).toEqual([]);
  });

  it(`limits one address to ${SelfChecks.SELF_CHECK_LIMITS.perSource} self-checks a window across links, and not the next address`, async () => {
    const ip = "203.0.113.99";
    const links = [];
    for (const name of ["丁", "戊", "己"]) {
      const v = await expectStatus<Json>(p.admin.client.post("/v1/venues", { name: `沿街商铺${name}`, nodeId: p.grid2.nodeId, kinds: ["street_shop"] }), 201);
      links.push((await issue(p, v.venueId)).token);
    }
    for (let i = 0; i < SelfChecks.SELF_CHECK_LIMITS.perSource; i++) expect((await pub(links[i % 3], answers(), ip)).status).toBe(201);
    const limited = await pub(links[2], answers(), ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await pub(links[2], answers(), "203.0.113.100")).status).toBe(201);
  });

  it("shows staff whose self-check of the period is missing: on the venue, and as a list of the subtree", async () => {
    const d = await expectStatus<Json>(p.admin.client.post("/v1/venues", { name: "沿街商铺庚", nodeId: p.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const status = await expectStatus<Json>(p.worker1.client.get(`/v1/venues/${d.venueId}/self-check`), 200);
    expect(status).toMatchObject({ enabled: true, done: false, count: 0, items: STREET_LIST.length, frequency: { every: 1, unit: "month" }, rule: { sourceRef: null, assumption: { zh: expect.any(String) } } });
    const missing = await expectStatus<Json>(p.townOfficer.client.get(`/v1/self-checks?nodeId=${p.town.nodeId}&missing=true&limit=100`), 200);
    expect(missing.items.map((v: Json) => v.venueId)).toContain(d.venueId);
    expect(missing.items.map((v: Json) => v.venueId)).not.toContain(p.a.venueId);
    const { token } = await issue(p, d.venueId);
    await expectStatus(pub(token, answers(), "198.51.100.77"), 201);
    expect(await expectStatus<Json>(p.worker1.client.get(`/v1/venues/${d.venueId}/self-check`), 200)).toMatchObject({ done: true, count: 1, lastAt: expect.any(String) });
    const after = await expectStatus<Json>(p.townOfficer.client.get(`/v1/self-checks?nodeId=${p.town.nodeId}&missing=true&limit=100`), 200);
    expect(after.items.map((v: Json) => v.venueId)).not.toContain(d.venueId);
    const all = await expectStatus<Json>(p.townOfficer.client.get(`/v1/self-checks?nodeId=${p.town.nodeId}&limit=100`), 200);
    expect(all.items.find((v: Json) => v.venueId === d.venueId)).toMatchObject({ done: true, count: 1 });
    expect((await p.otherOfficer.client.get(`/v1/self-checks?nodeId=${p.town.nodeId}`)).status).toBe(403);
  });
});

describe("another county's venue cannot be targeted", () => {
  it("a token naming another county, or another county's venue under one's own, is refused and writes nothing there", async () => {
    const [one, two] = [await place(), await place()];
    const own = await issue(one, one.a.venueId);
    const theirs = await issue(two, two.a.venueId);
    // Swapping the county (or the county and venue) in a signed token breaks its signature.
    expect((await pub(tampered(own.token, { tid: two.tenantId }), answers([FAILED]))).status).toBe(401);
    expect((await pub(tampered(own.token, { tid: two.tenantId, vid: two.a.venueId }), answers([FAILED]))).status).toBe(401);
    // Even a token this platform signed, naming county one and county two's venue and link, finds no such link in county one.
    const claims = JSON.parse(Buffer.from(theirs.token.split(".")[1]!, "base64url").toString()) as Json;
    const forged = await SelfChecks.signLinkToken({ tenantId: one.tenantId, venueId: two.a.venueId, linkId: claims.lid });
    expect((await pub(forged, answers([FAILED]))).status).toBe(401);
    expect(await selfChecksOf(two, two.a.venueId)).toEqual([]);
    expect(await selfCheckHazards(two)).toEqual([]);
    // County two's own link still works for county two.
    expect((await pub(theirs.token, answers(), "198.51.100.88")).status).toBe(201);
  }, 60_000);
});

describe("yancheng (十六): the profile sets the self-check", () => {
  it("yancheng (十六): the frequency is cited to (十六) (monthly, a stated reading); a list of the profile's own replaces the venue's checklists, and a failed item lands at the venue's village for its manager", async () => {
    const admin = await adminOf(app, "yancheng");
    const tenantId = admin.tenant.tenantId;
    const root = { nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` };
    const countyNode = await addNode(tenantId, root, "county", "甲县");
    const town = await addNode(tenantId, countyNode, "town", "甲镇");
    const village = await addNode(tenantId, town, "village", "甲村");
    const manager = await userAt(app, admin.client, tenantId, `sc-vm-${tenantId}`, "village_manager", village.nodeId);

    // The county adds a self-check list of its own (and the code its failures carry) to its profile.
    const draft = await expectStatus<Json>(admin.client.get("/v1/profile/draft"), 200);
    const profile = structuredClone(draft.profile);
    profile.hazards.codes.push({ id: "exit_blocked", name: { zh: "疏散通道堵塞", en: "Escape route blocked" }, sourceRef: null, assumption: { zh: "测试", en: "Test" } });
    profile.selfCheck.checklist = [
      { id: "exits_clear", name: { zh: "疏散通道畅通", en: "Escape routes clear" }, hazardCode: "exit_blocked", sourceRef: null, assumption: { zh: "测试：本县自查清单", en: "Test: the county's own list" } },
    ];
    const put = app.request("/v1/profile/draft", { method: "PUT", headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ profile, rev: draft.rev }) });
    await expectStatus(put, 200);
    await expectStatus(admin.client.post("/v1/profile/publish", {}), 201);

    const shop = await expectStatus<Json>(admin.client.post("/v1/venues", { name: "小餐馆", nodeId: village.nodeId, kinds: ["small_venue"] }), 201);
    const status = await expectStatus<Json>(admin.client.get(`/v1/venues/${shop.venueId}/self-check`), 200);
    expect(status).toMatchObject({ frequency: { every: 1, unit: "month" }, rule: { sourceRef: "yancheng (十六)", text: expect.stringContaining("自查自改"), assumption: { zh: expect.any(String) } }, items: 1 });
    const { token } = await expectStatus<Json>(admin.client.post(`/v1/venues/${shop.venueId}/self-check/link`), 201);
    const form = await expectStatus<Json>(pub(token), 200);
    expect(form.items).toEqual([{ category: SelfChecks.OWN_LIST, categoryName: expect.any(Object), itemId: "exits_clear", name: { zh: "疏散通道畅通", en: "Escape routes clear" } }]);
    const receipt = await expectStatus<Json>(pub(token, { submissionId: randomUUID(), respondent: "李老板", items: [{ category: SelfChecks.OWN_LIST, itemId: "exits_clear", result: "fail" }] }, "198.51.100.99"), 201);
    expect(receipt.failed).toBe(1);
    const listed = await expectStatus<{ items: Json[] }>(manager.client.get("/v1/hazards?state=discovered"), 200);
    expect(listed.items).toEqual([expect.objectContaining({ venueId: shop.venueId, code: "exit_blocked", nodeId: village.nodeId })]);
  }, 60_000);
});
