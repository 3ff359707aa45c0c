import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { Iot, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, adminOf, userAt } from "../support/tenants.ts";
import { county, type Json } from "./venues-fixtures.ts";

// 消防物联网 (songjiang 六(三): “发挥消防物联感知、监测、分析等设备系统效能，
// 针对推广智能感知电动自行车进电梯、电瓶室内充电、违规住宿等行为”): devices
// registered per county, alarms signed with the device's key, each alarm
// type of the profile raising a hazard or notifying the node's officers.

const db = testDb();
const app = testApp(db);

type Place = Awaited<ReturnType<typeof place>>;

async function place() {
  const c = await county(app);
  const townOfficer = await userAt(app, c.admin.client, c.tenantId, `iot-town-${c.tenantId}`, "town_officer", c.town.nodeId);
  const venue = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "沿街商铺丙", nodeId: c.grid1.nodeId, kinds: ["street_shop"], address: "丙路 1 号" }), 201);
  return { ...c, townOfficer, venue };
}

let serial = 0;
async function register(p: Place, extra: Json = {}) {
  const deviceId = `SJ-${Date.now().toString(36)}-${++serial}`;
  const made = await expectStatus<Json>(p.admin.client.post("/v1/iot/devices", { deviceId, name: `烟感${serial}`, type: "smart_camera", venueId: p.venue.venueId, lat: 31.03, lng: 121.22, ...extra }), 201);
  return { deviceId, key: made.key as { keyId: string; secret: string }, device: made.device as Json };
}

/** The request a device sends: its body signed with its key at a time (now unless told). */
function signedRequest(key: { keyId: string; secret: string }, body: Json | string, at = new Date(), signWith = key.secret) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { raw, headers: { "content-type": "application/json", "x-iot-key-id": key.keyId, "x-iot-timestamp": timestamp, "x-iot-signature": Iot.sign(signWith, timestamp, raw) } };
}

const send = (path: string, req: ReturnType<typeof signedRequest>) => app.request(path, { method: "POST", headers: req.headers, body: req.raw });
const alarm = (deviceId: string, alarmType = "ebike_in_lift", extra: Json = {}) => ({ deviceId, alarmType, occurredAt: new Date().toISOString(), ...extra });

const iotHazards = async (p: Place) => (await expectStatus<{ items: Json[] }>(p.admin.client.get("/v1/hazards/by-source?source=iot_alert&limit=100"), 200)).items;
const deviceOf = async (p: Place, deviceId: string) => expectStatus<Json>(p.admin.client.get(`/v1/iot/devices/${deviceId}`), 200);

/** Every item of the tenant, whatever its partition: what "writes nothing" is checked against. */
async function snapshot(tenantId: string) {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.client.send(
      new ScanCommand({ TableName: db.tableName, FilterExpression: "pk = :t OR begins_with(pk, :tp)", ExpressionAttributeValues: { ":t": { S: `T#${tenantId}` }, ":tp": { S: `T#${tenantId}#` } }, ExclusiveStartKey: start as never, ConsistentRead: true }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items.map((i) => JSON.stringify(i)).sort());
}

describe("IoT fire alarms: signed intake, alarm → hazard, heartbeats", () => {
  let p: Place;
  beforeAll(async () => {
    p = await place();
  }, 120_000);

  it("songjiang 六(三): a county admin registers a device of the profile's types; its secret is shown once and never again", async () => {
    const { deviceId, key, device } = await register(p);
    expect(key.keyId.startsWith(`${p.tenantId}.`)).toBe(true);
    expect(key.secret.length).toBeGreaterThan(30);
    expect(device).toMatchObject({ deviceId, type: "smart_camera", typeName: { zh: "智能感知摄像机" }, venueId: p.venue.venueId, nodeId: p.grid1.nodeId, ownKey: true, alarms: 0, falseAlarms: 0 });
    const again = await deviceOf(p, deviceId);
    expect(JSON.stringify(again)).not.toContain(key.secret);
    expect(JSON.stringify(await expectStatus<Json>(p.admin.client.get("/v1/iot/devices"), 200))).not.toContain(key.secret);
    // Not a type of the profile: 400 naming the field; the same serial twice: 409; a grid worker may not register.
    const bad = await expectStatus<Json>(p.admin.client.post("/v1/iot/devices", { deviceId: "X-1", type: "toaster", nodeId: p.grid1.nodeId, lat: 31, lng: 121 }), 400);
    expect(bad.errors[0].path).toBe("body.type");
    expect((await p.admin.client.post("/v1/iot/devices", { deviceId, type: "smoke_detector", nodeId: p.grid1.nodeId, lat: 31, lng: 121 })).status).toBe(409);
    expect((await p.admin.client.post("/v1/iot/devices", { deviceId: "X-2", type: "smoke_detector", nodeId: p.grid1.nodeId, lat: 95, lng: 121 })).status).toBe(400);
    expect((await p.worker1.client.post("/v1/iot/devices", { deviceId: "X-3", type: "smoke_detector", nodeId: p.grid1.nodeId, lat: 31, lng: 121 })).status).toBe(403);
    const audit = await expectStatus<{ items: Json[] }>(p.admin.client.get("/v1/audit?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=200"), 200);
    expect(audit.items.some((e) => e.action === "iot.device.register" && e.targetId === deviceId)).toBe(true);
  });

  it("songjiang 六(三): a signed alarm (电动自行车进电梯) creates one hazard at the device's venue citing the clause; the same alarm replayed (same signature) is refused and writes nothing", async () => {
    const { deviceId, key } = await register(p);
    const req = signedRequest(key, alarm(deviceId));
    const receipt = await expectStatus<Json>(send("/v1/iot/alarms", req), 201);
    expect(receipt).toMatchObject({ outcome: "hazard_raised", count: 1 });
    const hazards = (await iotHazards(p)).filter((h) => h.hazardId === receipt.hazardId);
    expect(hazards).toHaveLength(1);
    expect(hazards[0]).toMatchObject({ venueId: p.venue.venueId, code: "ebike_charging", severity: "general", source: "iot_alert" });
    const timeline = await expectStatus<Json>(p.admin.client.get(`/v1/hazards/${receipt.hazardId}`), 200);
    expect(JSON.stringify(timeline)).toContain("songjiang 六(三)");

    const before = await snapshot(p.tenantId);
    const replay = await send("/v1/iot/alarms", req);
    expect(replay.status).toBe(409);
    expect((await replay.json()).code).toBe("iot.replayed");
    expect(await snapshot(p.tenantId)).toBe(before);
  });

  it("songjiang 六(三): ten alarms of one device within the attach window make one hazard, with ten alarms counted on it", async () => {
    const { deviceId, key } = await register(p);
    const receipts: Json[] = [];
    for (let i = 0; i < 10; i++) receipts.push(await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "indoor_battery_charging", { value: i }))), 201));
    const hazardIds = new Set(receipts.map((r) => r.hazardId));
    expect(hazardIds.size).toBe(1);
    expect(receipts.map((r) => r.outcome)).toEqual(["hazard_raised", ...Array(9).fill("attached")]);
    expect(receipts[9]!.count).toBe(10);
    expect((await iotHazards(p)).filter((h) => hazardIds.has(h.hazardId as string))).toHaveLength(1);
    const episodes = await expectStatus<{ items: Json[] }>(p.admin.client.get(`/v1/iot/devices/${deviceId}/alarms`), 200);
    expect(episodes.items).toHaveLength(1);
    expect(episodes.items[0]).toMatchObject({ count: 10, status: "open", hazardId: receipts[0]!.hazardId });
    expect(await deviceOf(p, deviceId)).toMatchObject({ alarms: 10 });

    // Past the window (60 min, a marked default), the next alarm is a new hazard.
    const later = new Date(Date.now() + 61 * 60_000);
    const r = signedRequest(key, alarm(deviceId, "indoor_battery_charging"), later);
    const next = await Iot.receiveAlarm({ rawBody: r.raw, headers: { keyId: r.headers["x-iot-key-id"], timestamp: r.headers["x-iot-timestamp"], signature: r.headers["x-iot-signature"] } }, { now: later });
    expect(next.outcome).toBe("hazard_raised");
    expect(next.hazardId).not.toBe(receipts[0]!.hazardId);
  });

  it("songjiang 六(三): an alarm within the window after the hazard left the loop (withdrawn there) starts a new hazard, not attached to the ended one", async () => {
    const { deviceId, key } = await register(p);
    const first = await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "ebike_in_lift"))), 201);
    await expectStatus<Json>(p.townOfficer.client.post(`/v1/hazards/${first.hazardId}/transitions`, { action: "withdraw", reason: "现场核实无此情况" }), 200);
    const next = await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "ebike_in_lift"))), 201);
    expect(next.outcome).toBe("hazard_raised");
    expect(next.hazardId).not.toBe(first.hazardId);
    const episodes = (await expectStatus<{ items: Json[] }>(p.admin.client.get(`/v1/iot/devices/${deviceId}/alarms`), 200)).items;
    expect(episodes.map((e) => [e.status, e.count])).toEqual([["open", 1], ["closed", 1]]);
  });

  it("a bad signature, an unknown key or no signature gets 401 and writes nothing; a stale timestamp is refused", async () => {
    const { deviceId, key } = await register(p);
    const before = await snapshot(p.tenantId);
    const forged = signedRequest(key, alarm(deviceId), new Date(), "not-the-secret");
    const res = await send("/v1/iot/alarms", forged);
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("iot.signature_invalid");
    // The body changed after signing.
    const good = signedRequest(key, alarm(deviceId));
    expect((await app.request("/v1/iot/alarms", { method: "POST", headers: good.headers, body: good.raw.replace("ebike_in_lift", "illegal_lodging") })).status).toBe(401);
    expect((await send("/v1/iot/alarms", signedRequest({ keyId: `${p.tenantId}.0000000000000000aaaa`, secret: key.secret }, alarm(deviceId)))).status).toBe(401);
    expect((await app.request("/v1/iot/alarms", { method: "POST", headers: { "content-type": "application/json" }, body: good.raw })).status).toBe(401);
    const stale = await send("/v1/iot/alarms", signedRequest(key, alarm(deviceId), new Date(Date.now() - 6 * 60_000)));
    expect(stale.status).toBe(401);
    expect((await stale.json()).code).toBe("iot.timestamp_stale");
    expect((await send("/v1/iot/alarms", signedRequest(key, alarm(deviceId), new Date(Date.now() + 6 * 60_000)))).status).toBe(401);
    expect(await snapshot(p.tenantId)).toBe(before);
    // Signed but malformed: 400 naming the field, nothing written.
    const invalid = await send("/v1/iot/alarms", signedRequest(key, { deviceId, alarmType: "ebike_in_lift", occurredAt: "yesterday" }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors[0].path).toBe("body.occurredAt");
    const unknownType = await send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "earthquake")));
    expect((await unknownType.json()).errors[0].path).toBe("body.alarmType");
    expect(await snapshot(p.tenantId)).toBe(before);
  });

  it("songjiang 六(三): a notify-only alarm type (烟感, a marked default) makes no hazard but a message to the node's officers", async () => {
    const { deviceId, key } = await register(p, { type: "smoke_detector" });
    const before = (await iotHazards(p)).length;
    const receipt = await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "smoke"))), 201);
    expect(receipt).toMatchObject({ outcome: "notified", count: 1 });
    expect(receipt.hazardId).toBeUndefined();
    expect((await iotHazards(p)).length).toBe(before);
    const inbox = await expectStatus<{ items: Json[] }>(p.townOfficer.client.get("/v1/inbox"), 200);
    expect(inbox.items.find((m) => m.kind === "iot_alarm" && m.subjectId === deviceId)).toMatchObject({ subjectType: "iot_device", title: { zh: expect.stringContaining("烟感报警") } });
    // A repeat within the window attaches: no second message.
    expect((await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "smoke"))), 201)).outcome).toBe("notify_attached");
    const again = await expectStatus<{ items: Json[] }>(p.townOfficer.client.get("/v1/inbox"), 200);
    expect(again.items.filter((m) => m.kind === "iot_alarm" && m.subjectId === deviceId)).toHaveLength(1);
  });

  it("songjiang 六(三): a false alarm closed with its reason withdraws the hazard and is counted on the device (shown in the list)", async () => {
    const { deviceId, key } = await register(p);
    const receipt = await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "illegal_lodging"))), 201);
    const path = `/v1/iot/devices/${deviceId}/alarms/${receipt.episodeId}/close`;
    const noReason = await expectStatus<Json>(p.townOfficer.client.post(path, { reason: "false_alarm" }), 400);
    expect(noReason.errors[0].path).toBe("body.note");
    expect((await p.townOfficer.client.post(path, { reason: "handled", note: "已处置" })).status).toBe(400);
    const closed = await expectStatus<Json>(p.townOfficer.client.post(path, { reason: "false_alarm", note: "摄像头误识别为电动车" }), 200);
    expect(closed).toMatchObject({ status: "closed", closeReason: "false_alarm", closeNote: "摄像头误识别为电动车" });
    const hazard = await expectStatus<Json>(p.admin.client.get(`/v1/hazards/${receipt.hazardId}`), 200);
    expect((hazard.hazard ?? hazard).state).toBe("withdrawn");
    const listed = (await expectStatus<{ items: Json[] }>(p.admin.client.get("/v1/iot/devices"), 200)).items.find((d) => d.deviceId === deviceId)!;
    expect(listed).toMatchObject({ falseAlarms: 1, alarms: 1 });
    expect(listed.openEpisode).toBeUndefined();
    expect((await p.townOfficer.client.post(path, { reason: "false_alarm", note: "再次关闭" })).status).toBe(409);
    // The next alarm starts a new episode and hazard.
    const next = await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId, "illegal_lodging"))), 201);
    expect(next.outcome).toBe("hazard_raised");
  });

  it("songjiang 六(三): a device silent past the heartbeat window is flagged offline, citing the profile's rule (injected clock); a heartbeat brings it back", async () => {
    const { deviceId, key } = await register(p);
    await expectStatus<Json>(send("/v1/iot/heartbeats", signedRequest(key, { deviceId })), 200);
    expect((await deviceOf(p, deviceId)).connection.state).toBe("online");
    const admin = await adminActor(p);
    const inADay = new Date(Date.now() + 25 * 60 * 60_000);
    const findings = await withActor(admin, () => Iot.offlineFindings({ now: inADay }));
    const finding = findings.items.find((f) => f.deviceId === deviceId)!;
    expect(finding.basis).toMatchObject({ rule: "iot.heartbeatSilenceMinutes", sourceRef: "songjiang 六(三)", text: expect.stringContaining("消防物联感知") });
    expect(finding.basis.assumption?.zh).toContain("24 小时");
    const soon = await withActor(admin, () => Iot.offlineFindings({ now: new Date(Date.now() + 60 * 60_000) }));
    expect(soon.items.some((f) => f.deviceId === deviceId)).toBe(false);
    // A heartbeat from the future clock: the device is online again then.
    const r = signedRequest(key, { deviceId }, inADay);
    await Iot.receiveHeartbeat({ rawBody: r.raw, headers: { keyId: r.headers["x-iot-key-id"], timestamp: r.headers["x-iot-timestamp"], signature: r.headers["x-iot-signature"] } }, { now: inADay });
    const after = await withActor(admin, () => Iot.offlineFindings({ now: new Date(inADay.getTime() + 60_000) }));
    expect(after.items.some((f) => f.deviceId === deviceId)).toBe(false);
    // Over HTTP, the finding's list answers (now: nothing offline yet).
    expect((await expectStatus<{ items: Json[] }>(p.admin.client.get("/v1/iot/findings"), 200)).items.some((f) => f.deviceId === deviceId)).toBe(false);
  });

  it("an integrator's key signs for its own devices only; a replaced device key stops signing", async () => {
    const ik = await expectStatus<{ keyId: string; secret: string }>(p.admin.client.post("/v1/iot/integrator-keys", { integrator: "acme_iot" }), 201);
    const { deviceId } = await register(p, { integrator: "acme_iot", ownKey: false });
    const other = await register(p);
    expect((await send("/v1/iot/heartbeats", signedRequest(ik, { deviceId }))).status).toBe(200);
    expect((await send("/v1/iot/heartbeats", signedRequest(ik, { deviceId: other.deviceId }))).status).toBe(401);
    const fresh = await expectStatus<{ keyId: string; secret: string }>(p.admin.client.post(`/v1/iot/devices/${other.deviceId}/key`), 201);
    expect((await send("/v1/iot/heartbeats", signedRequest(other.key, { deviceId: other.deviceId }))).status).toBe(401);
    expect((await send("/v1/iot/heartbeats", signedRequest(fresh, { deviceId: other.deviceId }))).status).toBe(200);
  });

  it("a village moved to another town takes its devices along: the new town's officer lists them, the old town's no longer", async () => {
    const q = await place();
    const { deviceId, key } = await register(q);
    const townB = await addNode(q.tenantId, q.root, "town", "乙镇");
    const officerB = await userAt(app, q.admin.client, q.tenantId, `iot-townb-${q.tenantId}`, "town_officer", townB.nodeId);
    const ids = async (user: { client: typeof q.admin.client }) => (await expectStatus<{ items: Json[] }>(user.client.get("/v1/iot/devices"), 200)).items.map((d) => d.deviceId);
    expect(await ids(q.townOfficer)).toContain(deviceId);
    expect(await ids(officerB)).not.toContain(deviceId);
    await expectStatus<Json>(q.admin.client.post(`/v1/nodes/${q.village.nodeId}/move`, { parentId: townB.nodeId }), 200);
    expect(await ids(officerB)).toContain(deviceId);
    expect(await ids(q.townOfficer)).not.toContain(deviceId);
    // Its alarm lands at the venue's node as it is now.
    const r = await expectStatus<Json>(send("/v1/iot/alarms", signedRequest(key, alarm(deviceId))), 201);
    const hazard = await expectStatus<Json>(q.admin.client.get(`/v1/hazards/${r.hazardId}`), 200);
    expect(JSON.stringify(hazard)).toContain(townB.nodeId);
  }, 60_000);

  it("tenant B's key id cannot raise an alarm on tenant A's device, and writes nothing in A", async () => {
    const a = await register(p);
    const b = await adminOf(app, "songjiang");
    const root = b.tenant.rootNodeId;
    const bDevice = await expectStatus<Json>(b.client.post("/v1/iot/devices", { deviceId: `B-${serial}`, type: "smoke_detector", nodeId: root, lat: 31, lng: 121 }), 201);
    const before = await snapshot(p.tenantId);
    // B's own key, signing A's device id: B's tenant has no such device.
    const res = await send("/v1/iot/alarms", signedRequest(bDevice.key, alarm(a.deviceId)));
    expect(res.status).toBe(401);
    // A's key id with B's secret: A's key, a wrong signature.
    expect((await send("/v1/iot/alarms", signedRequest({ keyId: a.key.keyId, secret: bDevice.key.secret }, alarm(a.deviceId)))).status).toBe(401);
    expect(await snapshot(p.tenantId)).toBe(before);
    expect((await b.client.get(`/v1/iot/devices/${a.deviceId}`)).status).toBe(404);
  });
});

/** The county admin as an actor, for the core reads that take an injected clock. */
async function adminActor(p: Place) {
  const me = await expectStatus<Json>(p.admin.client.get("/v1/me"), 200);
  return { type: "user" as const, tenantId: p.tenantId, userId: me.userId as string, role: "tenant_admin" as const, scopeNodeId: p.root.nodeId, scopePath: p.root.path, sessionId: "test" };
}
