import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { adminOf } from "../support/tenants.ts";
import { partition, world, type Json, type World } from "./hazards-fixtures.ts";

// Open311 GeoReport v2 as a city service platform (a 12345 hotline) uses it:
// discover the services, file a request with the county's key, read it back
// by id, by token and in lists, and see it closed once the loop closes.

const app = testApp(testDb());
const base = (slug: string) => `/open311/v2/${slug}`;

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}
async function post(slug: string, fields: Record<string, string>, format: "json" | "xml" = "json", headers: Record<string, string> = {}) {
  const res = await app.request(`${base(slug)}/requests.${format}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: form(fields) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}
async function get(path: string) {
  const res = await app.request(path);
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", text, json: () => JSON.parse(text) as any };
}

/** Every item an Open311 write may touch in a tenant: its requests, keys, the open hazard list, the audit log. */
async function footprint(tenantId: string) {
  const parts = await Promise.all([`T#${tenantId}#O311#REQ`, `T#${tenantId}#O311#KEY`, `T#${tenantId}#HZL#open`, `T#${tenantId}#AUDIT`].map(partition));
  return JSON.stringify(parts);
}

describe("Open311 GeoReport v2", () => {
  let w: World;
  let apiKey: string;
  let clientId: string;
  let bKey: string;
  let bSlug: string;
  const valid = () => ({ service_code: "ebike_charging", lat: "31.0321", long: "121.2277", address_string: "幸福小区3号楼楼道", description: "楼道里电动车在充电，堵住了出口", media_url: "https://12345.example.cn/m/1.jpg", "attribute[severity_hint]": "general", "attribute[venue_name]": "幸福小区", first_name: "三", last_name: "张", phone: "13900000000" });

  beforeAll(async () => {
    w = await world(app, "songjiang");
    const issued = await w.users.admin!.api.call("POST", "/v1/open311/clients", { name: "区12345热线平台" });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    apiKey = issued.body.apiKey;
    clientId = issued.body.clientId;
    const b = await adminOf(app, "songjiang");
    bSlug = b.tenant.tenantId;
    bKey = (await (await b.client.post("/v1/open311/clients", { name: "乙县热线" })).json()).apiKey;
  }, 120_000);

  it("lets the admin issue a key shown once, list clients without keys, and only admins do it; each write is audited", async () => {
    expect(apiKey).toMatch(/^o311_/);
    const list = await w.users.admin!.api.get("/v1/open311/clients");
    expect(list.status).toBe(200);
    const mine = list.body.items.find((c: Json) => c.clientId === clientId);
    expect(mine).toMatchObject({ name: "区12345热线平台", active: true, keyPrefix: apiKey.slice(0, 12) });
    expect(JSON.stringify(list.body)).not.toContain(apiKey);
    expect((await w.users["officer@town"]!.api.call("POST", "/v1/open311/clients", { name: "越权" })).status).toBe(403);
    expect((await w.users["officer@town"]!.api.get("/v1/open311/clients")).status).toBe(403);
    const bad = await w.users.admin!.api.call("POST", "/v1/open311/clients", { name: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path)).toEqual(["body.name"]);
    const audit = await w.users.admin!.api.get("/v1/audit?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=200");
    expect(audit.body.items.some((e: Json) => e.action === "open311.client_issue" && e.targetId === clientId)).toBe(true);
  });

  it("lists the profile's hazard codes as services, with attribute definitions, in JSON and XML", async () => {
    const services = await get(`${base(w.tenantId)}/services.json`);
    expect(services.status).toBe(200);
    const list = services.json();
    expect(list.map((s: Json) => s.service_code)).toEqual(w.profile.hazards.codes.map((c) => c.id));
    expect(list[0]).toMatchObject({ metadata: true, type: "realtime", service_name: w.profile.hazards.codes[0]!.name.zh });
    const xml = await get(`${base(w.tenantId)}/services.xml`);
    expect(xml.type).toContain("text/xml");
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
    expect(xml.text).toContain("<service_code>ebike_charging</service_code>");

    const def = (await get(`${base(w.tenantId)}/services/ebike_charging.json`)).json();
    expect(def.service_code).toBe("ebike_charging");
    const severity = def.attributes.find((a: Json) => a.code === "severity_hint");
    expect(severity).toMatchObject({ datatype: "singlevaluelist", required: false });
    expect(severity.values.map((v: Json) => v.key)).toEqual(w.profile.hazards.severities.map((s) => s.id));
    const defXml = await get(`${base(w.tenantId)}/services/ebike_charging.xml`);
    expect(defXml.text).toContain("<service_definition><service_code>ebike_charging</service_code><attributes><attribute>");
    expect(defXml.text).toContain("<values><value><key>");
    const missing = await get(`${base(w.tenantId)}/services/no_such.json`);
    expect(missing.status).toBe(404);
    expect(missing.json()[0]).toMatchObject({ code: 404, description: expect.any(String) });
    expect((await get(`${base("no-such-county")}/services.json`)).status).toBe(404);
  });

  it("files a request with the key as a hazard (source open311, the client's id), reads it back by id, token and list, and shows it closed with the public note after the loop closes", async () => {
    const posted = await post(w.tenantId, { api_key: apiKey, ...valid() });
    expect(posted.status, posted.text).toBe(201);
    const [receipt] = JSON.parse(posted.text);
    expect(receipt).toMatchObject({ service_request_id: expect.any(String), token: expect.any(String) });
    const id = receipt.service_request_id as string;

    // The hazard: at the county's root, from Open311, the client named, for an officer to register.
    const { body: timeline } = await w.users.admin!.api.timeline(id);
    expect(timeline.hazard).toMatchObject({ source: "open311", state: "discovered", code: "ebike_charging", nodeId: w.root.nodeId, reporter: { type: "public", id: `open311:${clientId}` } });
    expect(timeline.events[0].details).toMatchObject({ open311ClientId: clientId, mediaUrl: "https://12345.example.cn/m/1.jpg" });
    const inbox = await w.users.admin!.api.get("/v1/inbox");
    expect(inbox.body.items.some((n: Json) => n.subjectId === id)).toBe(true);

    const byId = await get(`${base(w.tenantId)}/requests/${id}.json?api_key=${apiKey}`);
    expect(byId.status).toBe(200);
    expect(byId.json()[0]).toMatchObject({ service_request_id: id, status: "open", service_code: "ebike_charging", lat: 31.0321, long: 121.2277, address: "幸福小区3号楼楼道", media_url: "https://12345.example.cn/m/1.jpg", description: "楼道里电动车在充电，堵住了出口" });
    const byToken = (await get(`${base(w.tenantId)}/tokens/${receipt.token}.json?api_key=${apiKey}`)).json();
    expect(byToken).toEqual([{ service_request_id: id, token: receipt.token }]);
    const tokenXml = await get(`${base(w.tenantId)}/tokens/${receipt.token}.xml?api_key=${apiKey}`);
    expect(tokenXml.text).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><token>${receipt.token}</token></request></service_requests>`);
    const open = (await get(`${base(w.tenantId)}/requests.json?api_key=${apiKey}&service_code=ebike_charging&status=open`)).json();
    expect(open.map((r: Json) => r.service_request_id)).toContain(id);
    expect((await get(`${base(w.tenantId)}/requests.json?api_key=${apiKey}&service_code=group_renting`)).json().map((r: Json) => r.service_request_id)).not.toContain(id);

    // Staff drive it round the loop; the close carries a note for the public and an internal one.
    const town = w.users["officer@town"]!;
    const grid = w.users["officer@grid"]!;
    const step = async (p: Promise<{ status: number; body: Json }>) => {
      const r = await p;
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    await step(w.users.admin!.api.act(id, { action: "register", nodeId: w.at.grid!.nodeId, severity: "general", publicNote: "已受理，转属地街镇处理" }));
    const registered = (await get(`${base(w.tenantId)}/requests/${id}.json?api_key=${apiKey}`)).json()[0];
    expect(registered).toMatchObject({ status: "open", status_notes: "已受理，转属地街镇处理", agency_responsible: expect.any(String), expected_datetime: expect.any(String) });
    await step(town.api.act(id, { action: "dispatch", assigneeId: grid.userId }));
    await step(grid.api.act(id, { action: "start" }));
    await step(grid.api.act(id, { action: "submit", note: "王某某已拆除充电线（内部记录）" }));
    await step(town.api.act(id, { action: "close", note: "内部：物业经理李某配合", publicNote: "隐患已整改并经核查，已结案。" }));

    const closed = (await get(`${base(w.tenantId)}/requests/${id}.json?api_key=${apiKey}`)).json()[0];
    expect(closed).toMatchObject({ status: "closed", status_notes: "隐患已整改并经核查，已结案。" });
    expect(JSON.stringify(closed)).not.toMatch(/内部|李某|王某某/);
    const closedList = (await get(`${base(w.tenantId)}/requests.json?api_key=${apiKey}&status=closed`)).json();
    expect(closedList.map((r: Json) => r.service_request_id)).toContain(id);
    expect((await get(`${base(w.tenantId)}/requests.json?api_key=${apiKey}&status=open`)).json().map((r: Json) => r.service_request_id)).not.toContain(id);
    const xml = await get(`${base(w.tenantId)}/requests/${id}.xml?api_key=${apiKey}`);
    expect(xml.text).toContain(`<status>closed</status><status_notes>隐患已整改并经核查，已结案。</status_notes>`);
  }, 60_000);

  it("answers a retry with the same Idempotency-Key, or the same body soon after, with the first request and writes nothing", async () => {
    const body = { api_key: apiKey, ...valid(), description: "重试测试：楼道堆放纸箱" };
    const first = await post(w.tenantId, body, "json", { "idempotency-key": "retry-1" });
    expect(first.status).toBe(201);
    const before = await footprint(w.tenantId);
    const again = await post(w.tenantId, body, "json", { "idempotency-key": "retry-1" });
    expect(JSON.parse(again.text)[0].service_request_id).toBe(JSON.parse(first.text)[0].service_request_id);
    const resent = await post(w.tenantId, body);
    expect(JSON.parse(resent.text)[0].service_request_id).toBe(JSON.parse(first.text)[0].service_request_id);
    expect(await footprint(w.tenantId)).toBe(before);
    const other = await post(w.tenantId, { ...body, description: "另一份请求" }, "json", { "idempotency-key": "retry-1" });
    expect(other.status).toBe(409);
  });

  it("refuses a request without a key, with another county's key, or with a revoked key, in the spec's error form, and writes nothing", async () => {
    const before = await footprint(w.tenantId);
    const none = await post(w.tenantId, valid());
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text)).toEqual([{ code: 401, description: expect.any(String) }]);
    // The key is checked before the input: a caller without one learns nothing of the input's rules.
    expect((await post(w.tenantId, { service_code: "", lat: "x" })).status).toBe(401);
    const foreign = await post(w.tenantId, { api_key: bKey, ...valid() });
    expect(foreign.status).toBe(403);
    const foreignXml = await post(w.tenantId, { api_key: bKey, ...valid() }, "xml");
    expect(foreignXml.text).toMatch(/<errors><error><code>403<\/code><description>.+<\/description><\/error><\/errors>/);
    expect((await post(w.tenantId, { api_key: `${apiKey.slice(0, -2)}xx`, ...valid() })).status).toBe(403);
    expect(await footprint(w.tenantId)).toBe(before);

    const issued = await w.users.admin!.api.call("POST", "/v1/open311/clients", { name: "将吊销的平台" });
    const revoked = await w.users.admin!.api.call("POST", `/v1/open311/clients/${issued.body.clientId}/revoke`, {});
    expect(revoked.body).toMatchObject({ active: false, revokedAt: expect.any(String) });
    const mid = await footprint(w.tenantId);
    expect((await post(w.tenantId, { api_key: issued.body.apiKey, ...valid() })).status).toBe(403);
    expect(await footprint(w.tenantId)).toBe(mid);
  });

  it("keeps tenant B's key from reading or writing tenant A's requests (the county in the path decides whose keys count)", async () => {
    const posted = JSON.parse((await post(w.tenantId, { api_key: apiKey, ...valid(), description: "隔离测试：杂物堆放" })).text)[0];
    // B's key at A's address: refused.
    expect((await get(`${base(w.tenantId)}/requests/${posted.service_request_id}.json?api_key=${bKey}`)).status).toBe(403);
    expect((await get(`${base(w.tenantId)}/requests.json?api_key=${bKey}`)).status).toBe(403);
    expect((await get(`${base(w.tenantId)}/tokens/${posted.token}.json?api_key=${bKey}`)).status).toBe(403);
    // B's key at B's address, aimed at A's ids: not there.
    expect((await get(`${base(bSlug)}/requests/${posted.service_request_id}.json?api_key=${bKey}`)).status).toBe(404);
    expect((await get(`${base(bSlug)}/tokens/${posted.token}.json?api_key=${bKey}`)).status).toBe(404);
    expect((await get(`${base(bSlug)}/requests.json?api_key=${bKey}&service_request_id=${posted.service_request_id}`)).json()).toEqual([]);
    // A's key at B's address: refused too.
    expect((await get(`${base(bSlug)}/requests.json?api_key=${apiKey}`)).status).toBe(403);
    // Reads need a key.
    expect((await get(`${base(w.tenantId)}/requests/${posted.service_request_id}.json`)).status).toBe(401);
  });

  it("names each invalid field of a request (400, the spec's error array)", async () => {
    const res = await post(w.tenantId, { api_key: apiKey, service_code: "no_such", lat: "91", description: "x", "attribute[severity_hint]": "huge" });
    expect(res.status).toBe(400);
    const errors = JSON.parse(res.text) as { code: number; description: string }[];
    expect(errors.every((e) => e.code === 400)).toBe(true);
    expect(errors.map((e) => e.description.split(":")[0]).sort()).toEqual(["body.description", "body.lat", "body.long"].sort());
    const unknown = await post(w.tenantId, { api_key: apiKey, ...valid(), service_code: "no_such" });
    expect(JSON.parse(unknown.text).map((e: Json) => e.description.split(":")[0])).toEqual(["body.service_code"]);
    const attr = await post(w.tenantId, { api_key: apiKey, ...valid(), "attribute[severity_hint]": "huge", "attribute[colour]": "red" });
    expect(JSON.parse(attr.text).map((e: Json) => e.description.split(":")[0]).sort()).toEqual(["body.attribute[colour]", "body.attribute[severity_hint]"]);
    // A form's empty coordinates are none given, not 0,0 in the Gulf of Guinea: with no address either, the location is missing.
    const blank = await post(w.tenantId, { api_key: apiKey, service_code: "ebike_charging", lat: "", long: "", description: "楼道堆物" });
    expect(blank.status).toBe(400);
    expect(JSON.parse(blank.text).map((e: Json) => e.description.split(":")[0])).toEqual(["body.lat"]);
  });

  it("is in the OpenAPI document", async () => {
    const doc = await (await app.request("/v1/openapi.json")).json();
    for (const p of ["/open311/v2/{tenantSlug}/services.json", "/open311/v2/{tenantSlug}/services/{service_code}.xml", "/open311/v2/{tenantSlug}/requests.json", "/open311/v2/{tenantSlug}/requests/{service_request_id}.json", "/open311/v2/{tenantSlug}/tokens/{token}.xml", "/v1/open311/clients", "/v1/open311/clients/{clientId}/revoke"]) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
  });
});
