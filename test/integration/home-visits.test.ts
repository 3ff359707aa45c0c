import { beforeAll, describe, expect, it } from "vitest";
import { GetItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { readSheet } from "read-excel-file/node";
import { HomeVisits, withActor, withRequest, type Actor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, userAt } from "../support/tenants.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

// 入户走访: songjiang 五(三)4 has the village visit the people who need
// special care (需特殊关爱的重点人群) with fire-safety advice; 六(一)1 sets
// it at once a month (确保每月一次). Their households' personal data is kept
// at a minimum, with consent, the ID number stored once and masked.

const db = testDb();
const app = testApp(db);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID number with a correct check character (GB 11643). */
function idNumber(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + "10X98765432"[sum % 11]!;
}
const RAW_ID = idNumber("31011719400101352");

const consent = { given: true, by: "self", on: "2026-01-05", how: "written" };

type Place = Awaited<ReturnType<typeof place>>;

async function place() {
  const c = await county(app);
  const manager = await userAt(app, c.admin.client, c.tenantId, `hv-vm-${c.tenantId}`, "village_manager", c.village.nodeId);
  const officer = await userAt(app, c.admin.client, c.tenantId, `hv-to-${c.tenantId}`, "town_officer", c.town.nodeId);
  return { ...c, manager, officer };
}

/** Every item of the profile's checklist answered: pass, except those named. */
async function answers(p: Place, fail: string[] = []): Promise<Json> {
  const policy = await expectStatus<Json>(p.admin.client.get("/v1/home-visits/policy"), 200);
  return { items: (policy.checklist as { id: string }[]).map((c) => ({ itemId: c.id, result: fail.includes(c.id) ? "fail" : "pass", ...(fail.includes(c.id) ? { note: "楼道充电" } : {}) })) };
}

describe("home visits: the API document", () => {
  it("lists every home-visit endpoint in /v1/openapi.json", async () => {
    const doc = (await (await app.request("/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(methods("/v1/home-visits/policy")).toEqual(["get"]);
    expect(methods("/v1/home-visits/households")).toEqual(["get", "post"]);
    expect(methods("/v1/home-visits/households/{householdId}")).toEqual(["get"]);
    expect(methods("/v1/home-visits/households/{householdId}/id-number")).toEqual(["post"]);
    expect(methods("/v1/home-visits/households/{householdId}/visits")).toEqual(["post"]);
    expect(methods("/v1/home-visits/households/{householdId}/remove")).toEqual(["post"]);
    expect(methods("/v1/home-visits/due")).toEqual(["get"]);
    expect(methods("/v1/export/home-visits")).toEqual(["get"]);
  });
});

describe("home visits: the register and personal data", () => {
  let p: Place;
  let householdId: string;

  beforeAll(async () => {
    p = await place();
    const made = await expectStatus<Json>(
      p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid1.nodeId, category: "elderly_alone", address: "甲村 3 组 12 号", contactName: "张阿婆", phone: "13912345678", idNumber: RAW_ID, consent }),
      201,
    );
    householdId = made.householdId;
  });

  it("songjiang 五(三)4: the ID number is stored once (one item attribute), masked in the list, the detail and the xlsx export", async () => {
    // Every item of the tenant: the raw ID appears in exactly one, the household item's idNumber.
    const items: Record<string, unknown>[] = [];
    let start: Record<string, any> | undefined;
    do {
      const out = await db.client.send(new ScanCommand({ TableName: db.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...(out.Items ?? []).map((i) => unmarshall(i)).filter((i) => String(i.pk).startsWith(`T#${p.tenantId}`)));
      start = out.LastEvaluatedKey;
    } while (start);
    const holding = items.filter((i) => JSON.stringify(i).includes(RAW_ID));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.idNumber).toBe(RAW_ID);
    expect(holding[0]!.__edb_e__).toBe("household");

    const masked = `${RAW_ID.slice(0, 6)}********${RAW_ID.slice(-4)}`;
    const list = await expectStatus<Json>(p.admin.client.get(`/v1/home-visits/households?nodeId=${p.village.nodeId}`), 200);
    expect(list.items.map((h: Json) => h.idNumber)).toEqual([masked]);
    const detail = await expectStatus<Json>(p.admin.client.get(`/v1/home-visits/households/${householdId}`), 200);
    expect(detail.household.idNumber).toBe(masked);
    expect(JSON.stringify(detail)).not.toContain(RAW_ID);

    const res = await p.admin.client.get("/v1/export/home-visits");
    expect(res.status).toBe(200);
    const sheet = (await readSheet(Buffer.from(new Uint8Array(await res.arrayBuffer())))) as unknown[][];
    expect(sheet[0]).toEqual([...HomeVisits.HOUSEHOLD_EXPORT_HEADERS]);
    expect(sheet).toHaveLength(2);
    expect(sheet[1]![5]).toBe(masked);
    expect(sheet[1]![4]).toBe("139****5678");
    expect(JSON.stringify(sheet)).not.toContain(RAW_ID);
  });

  it("masks the phone in the list and the due list; the household's own page shows it to its visitor, who calls ahead", async () => {
    const list = await expectStatus<Json>(p.admin.client.get(`/v1/home-visits/households?nodeId=${p.village.nodeId}`), 200);
    expect(list.items.map((h: Json) => h.phone)).toEqual(["139****5678"]);
    expect(JSON.stringify(list)).not.toContain("13912345678");
    const detail = await expectStatus<Json>(p.manager.client.get(`/v1/home-visits/households/${householdId}`), 200);
    expect(detail.household.phone).toBe("13912345678");
  });

  it("reads the ID number in full only for the profile's piiReaders (others 403), and audits each full read", async () => {
    for (const who of [p.manager, p.officer, p.worker1]) {
      const refused = await body<Json>(who.client.post(`/v1/home-visits/households/${householdId}/id-number`));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("home_visit.pii_forbidden");
    }
    // The viewer may not even read the register.
    expect((await p.viewer.client.get(`/v1/home-visits/households/${householdId}`)).status).toBe(403);
    const from = new Date(Date.now() - 60_000).toISOString();
    const full = await expectStatus<Json>(p.admin.client.post(`/v1/home-visits/households/${householdId}/id-number`), 200);
    expect(full.idNumber).toBe(RAW_ID);
    const audit = await expectStatus<Json>(p.admin.client.get(`/v1/audit?from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}`), 200);
    const reads = audit.items.filter((e: Json) => e.action === "home_visit.id_number_read");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ targetType: "household", targetId: householdId, actorId: p.admin.tenant.adminUserId });
    expect(JSON.stringify(audit)).not.toContain(RAW_ID);
    const detail = await expectStatus<Json>(p.admin.client.get(`/v1/home-visits/households/${householdId}`), 200);
    expect(detail.mayRevealIdNumber).toBe(true);
  });

  it("a household taken off the register has its contact, phone and ID number erased, and leaves the lists", async () => {
    const made = await expectStatus<Json>(p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid2.nodeId, category: "disabled", address: "甲村 21 号", contactName: "李伯", phone: "13800001111", idNumber: idNumber("31011719500202123"), consent }), 201);
    expect((await p.worker2.client.post(`/v1/home-visits/households/${made.householdId}/remove`, { reason: "moved_away" })).status).toBe(403);
    await expectStatus(p.manager.client.post(`/v1/home-visits/households/${made.householdId}/remove`, { reason: "moved_away" }), 200);
    const { Item } = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: `T#${p.tenantId}#HH#${made.householdId}` }, sk: { S: "HH" } }, ConsistentRead: true }));
    const stored = unmarshall(Item!);
    expect([stored.status, stored.contactName, stored.phone, stored.idNumber, stored.address]).toEqual(["removed", undefined, undefined, undefined, "甲村 21 号"]);
    expect((await p.admin.client.get(`/v1/home-visits/households/${made.householdId}`)).status).toBe(404);
    const list = await expectStatus<Json>(p.admin.client.get("/v1/home-visits/households"), 200);
    expect(list.items.map((h: Json) => h.householdId)).not.toContain(made.householdId);
  });

  it("refuses, naming the field, personal data kept without consent and a bad ID number, and writes nothing", async () => {
    const before = await expectStatus<Json>(p.admin.client.get("/v1/home-visits/households"), 200);
    const noConsent = await body<Json>(p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid1.nodeId, category: "disabled", address: "甲村 5 号", phone: "13900000000", idNumber: RAW_ID, consent: { given: false } }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.errors.map((e: Json) => [e.path, e.code]).sort()).toEqual([
      ["body.idNumber", "home_visit.consent_required"],
      ["body.phone", "home_visit.consent_required"],
    ]);
    const badId = await body<Json>(p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid1.nodeId, category: "disabled", address: "甲村 5 号", idNumber: `${RAW_ID.slice(0, 17)}${RAW_ID[17] === "0" ? "1" : "0"}`, consent }));
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe("body.idNumber");
    const unknown = await body<Json>(p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid1.nodeId, category: "tourist", address: "甲村 5 号", consent: { given: true } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: Json) => e.path).sort()).toEqual(["body.consent.by", "body.consent.how", "body.consent.on"]);
    // A grid worker visits but does not keep the register.
    expect((await p.worker1.client.post("/v1/home-visits/households", { nodeId: p.grid1.nodeId, category: "disabled", address: "甲村 5 号", consent: { given: false } })).status).toBe(403);
    // Without consent the category and address alone are kept.
    const bare = await expectStatus<Json>(p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid2.nodeId, category: "left_behind", address: "甲村 7 号", consent: { given: false } }), 201);
    expect(bare.idNumber).toBeUndefined();
    const after = await expectStatus<Json>(p.admin.client.get("/v1/home-visits/households"), 200);
    expect(after.items).toHaveLength(before.items.length + 1);
  });
});

describe("home visits: visits and the due list", () => {
  let p: Place;
  let householdId: string;

  beforeAll(async () => {
    p = await place();
    householdId = (await expectStatus<Json>(p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid1.nodeId, category: "elderly_alone", address: "甲村 9 号", consent: { given: false } }), 201)).householdId;
  });

  it("songjiang 六(一)1: a visit with a failed item raises one hazard (source home_visit) at the household's node; only staff of its subtree visit, every item answered", async () => {
    // A grid worker of another grid may not visit it.
    expect((await p.worker2.client.post(`/v1/home-visits/households/${householdId}/visits`, await answers(p, ["ebike_charging"]))).status).toBe(403);
    const half = await answers(p);
    const missing = await body<Json>(p.worker1.client.post(`/v1/home-visits/households/${householdId}/visits`, { items: half.items.slice(1) }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].code).toBe("home_visit.items_missing");

    const done = await expectStatus<Json>(p.worker1.client.post(`/v1/home-visits/households/${householdId}/visits`, await answers(p, ["ebike_charging"])), 201);
    expect(done.visit.failed).toBe(1);
    expect(done.visit.hazardIds).toHaveLength(1);
    expect(done.household.visits).toBe(1);
    const hazard = await expectStatus<Json>(p.admin.client.get(`/v1/hazards/${done.visit.hazardIds[0]}`), 200);
    expect(hazard.hazard ?? hazard).toMatchObject({ source: "home_visit", nodeId: p.grid1.nodeId, code: "ebike_charging" });
    const detail = await expectStatus<Json>(p.worker1.client.get(`/v1/home-visits/households/${householdId}`), 200);
    expect(detail.visits).toHaveLength(1);
    expect(detail.household.lastVisitOn).toBe(done.visit.date);
    expect(detail.mayRevealIdNumber).toBe(false);
  });

  it("a village moved to another town takes its households along (listed there, and no longer under the old town)", async () => {
    const townB = await addNode(p.tenantId, p.root, "town", "乙镇");
    await expectStatus(p.admin.client.post(`/v1/nodes/${p.village.nodeId}/move`, { parentId: townB.nodeId }), 200);
    const there = await expectStatus<Json>(p.admin.client.get(`/v1/home-visits/households?nodeId=${townB.nodeId}`), 200);
    expect(there.items.map((h: Json) => [h.householdId, h.path])).toEqual([[householdId, `${townB.path}/${p.village.nodeId}/${p.grid1.nodeId}`]]);
    const old = await expectStatus<Json>(p.admin.client.get(`/v1/home-visits/households?nodeId=${p.town.nodeId}`), 200);
    expect(old.items).toEqual([]);
    await expectStatus(p.admin.client.post(`/v1/nodes/${p.village.nodeId}/move`, { parentId: p.town.nodeId }), 200);
  });

  it("songjiang 六(一)1: due visits follow the monthly frequency (injected clock)", async () => {
    const actor: Actor = { type: "user", tenantId: p.tenantId, userId: p.admin.tenant.adminUserId, role: "tenant_admin", scopeNodeId: p.root.nodeId, scopePath: p.root.path, sessionId: "home-visits" };
    const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: "home-visits-due" }, () => withActor(actor, fn));
    const at = (date: string) => new Date(`${date}T04:00:00Z`);
    const h = await as(() => HomeVisits.registerHousehold({ nodeId: p.village.nodeId, category: "disabled", address: "甲村 11 号", consent: { given: false } }, { now: at("2027-03-10") }));
    const dueOn = async (date: string) => (await as(() => HomeVisits.dueVisits({ nodeId: p.village.nodeId }, { now: at(date) }))).items.find((x) => x.householdId === h.householdId);
    // Registered 10 March: due one month later, listed a week ahead, overdue after.
    expect(await dueOn("2027-03-31")).toBeUndefined();
    expect(await dueOn("2027-04-04")).toMatchObject({ dueOn: "2027-04-10", dueStatus: "due_soon" });
    expect(await dueOn("2027-04-11")).toMatchObject({ dueStatus: "overdue" });
    // Visited on 12 April: next due 12 May.
    const items = (await as(() => HomeVisits.homeVisitPolicy({}))).checklist.map((c) => ({ itemId: c.id, result: "pass" as const }));
    await as(() => HomeVisits.recordVisit({ items }, h.householdId, { now: at("2027-04-12") }));
    expect(await dueOn("2027-04-20")).toBeUndefined();
    expect(await dueOn("2027-05-13")).toMatchObject({ dueOn: "2027-05-12", dueStatus: "overdue", lastVisitOn: "2027-04-12" });
  });

  it("songjiang 六(一)1: each morning the village's manager is told how many visits are due or overdue, once a day; the town officer is not", async () => {
    const q = await place();
    const actor: Actor = { type: "user", tenantId: q.tenantId, userId: q.admin.tenant.adminUserId, role: "tenant_admin", scopeNodeId: q.root.nodeId, scopePath: q.root.path, sessionId: "home-visits" };
    const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: "home-visits-remind" }, () => withActor(actor, fn));
    const at = (date: string) => new Date(`${date}T00:30:00Z`);
    for (const address of ["乙村 1 号", "乙村 2 号"]) await as(() => HomeVisits.registerHousehold({ nodeId: q.village.nodeId, category: "elderly_alone", address, consent: { given: false } }, { now: at("2027-03-10") }));
    const remind = (date: string) => withActor({ type: "system", tenantId: q.tenantId, job: "test" }, () => HomeVisits.remindDueVisits(at(date)));
    const titles = async (client: typeof q.manager.client) => ((await expectStatus<Json>(client.get("/v1/inbox?limit=50"), 200)).items as { kind: string; title: { zh: string } }[]).filter((n) => n.kind === "home_visit_due").map((n) => n.title.zh);

    expect(await remind("2027-03-31")).toEqual({ due: 0, reminded: 0 });
    expect(await remind("2027-04-05")).toEqual({ due: 2, reminded: 1 });
    expect(await remind("2027-04-05")).toEqual({ due: 2, reminded: 0 });
    expect(await remind("2027-04-11")).toEqual({ due: 2, reminded: 1 });
    expect(await titles(q.manager.client)).toEqual(["入户走访：2 户已逾期，0 户七日内到期", "入户走访：0 户已逾期，2 户七日内到期"]);
    expect(await titles(q.officer.client)).toEqual([]);
  });
});

describe("home visits: retries", () => {
  it("a retried visit (same Idempotency-Key, its first answer lost) gets the first answer, not a 409, and records one visit", async () => {
    const p = await place();
    const h = (await expectStatus<Json>(p.manager.client.post("/v1/home-visits/households", { nodeId: p.grid1.nodeId, category: "elderly_alone", address: "甲村 10 号", consent: { given: false } }), 201)) as Json;
    const request = { ...(await answers(p, ["ebike_charging"])), expectedVersion: h.version };
    const key = { "idempotency-key": `visit-${h.householdId}` };
    const first = await expectStatus<Json>(p.worker1.client.post(`/v1/home-visits/households/${h.householdId}/visits`, request, key), 201);
    const again = await body<Json>(p.worker1.client.post(`/v1/home-visits/households/${h.householdId}/visits`, request, key));
    expect(again.status).toBe(201);
    expect(again.body.visit.visitId).toBe(first.visit.visitId);
    const detail = await expectStatus<Json>(p.worker1.client.get(`/v1/home-visits/households/${h.householdId}`), 200);
    expect(detail.visits).toHaveLength(1);
    expect(first.visit.hazardIds).toHaveLength(1);
  });
});
