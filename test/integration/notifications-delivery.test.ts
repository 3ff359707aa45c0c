import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Notifications, withActor } from "@firegov/core";
import { startNotifySink, type NotifySink, type SinkRecord } from "../../scripts/lib/notify-sink.ts";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json, type World } from "./hazards-fixtures.ts";

// Issue 18 Build 3: the delivery worker drains the outbox to phones through the
// user's chosen channel, into a sink server that records what would be sent.

const app = testApp(testDb());
const MIN = 60_000;
const HOUR = 60 * MIN;

let sink: NotifySink;
let cfg: Notifications.DeliveryConfig;
beforeAll(async () => {
  sink = await startNotifySink();
  cfg = {
    ...Notifications.deliveryConfig({}),
    sinkUrl: sink.url,
    sms: { endpoint: "https://sms.tencentcloudapi.com", region: "ap-guangzhou", secretId: "AKIDtest", secretKey: "test-key", appId: "1400000000", signName: "消防治理", templateId: "100001" },
    webhookSecret: "hook-secret",
    maxAttempts: 5,
  };
});
afterAll(() => sink.stop());

const deliver = (w: World, now: Date) => withActor({ type: "system", tenantId: w.tenantId, job: "test-delivery" }, () => Notifications.deliverPending(now, cfg));
const smsTo = (phone: string) => sink.received.filter((r: SinkRecord) => r.channel === "sms" && (r.body.PhoneNumberSet as string[])[0] === `+86${phone}`);
/** A Shanghai wall-clock time on 2026-12-10 as an instant. */
const shanghai = (hhmm: string, day = 10) => new Date(`2026-12-${day}T${hhmm}:00+08:00`);

async function dispatchedTo(w: World, who: string) {
  const town = w.users["officer@town"]!;
  const created = (await town.api.create(report(w, w.at.village!))).body;
  await town.api.act(created.hazardId, { action: "register" });
  const res = await town.api.act(created.hazardId, { action: "dispatch", assigneeId: w.users[who]!.userId });
  expect(res.status).toBe(200);
  return created.hazardId as string;
}

describe("notifications out: the delivery worker", { timeout: 90_000 }, () => {
  it("a dispatch notifies the assignee by their chosen channel (SMS); quiet hours 22:00–07:00 defer it to 07:00, not 23:00", async () => {
    const w = await world(app, "songjiang");
    const grid = w.users["officer@grid"]!;
    const chosen = await grid.api.call("PUT", "/v1/account/notification-channel", { channel: "sms", phone: "13800000001", quietHours: { start: "22:00", end: "07:00" } });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ channel: "sms", phone: "13800000001", quietHours: { start: "22:00", end: "07:00" }, timeZone: "Asia/Shanghai" });
    await dispatchedTo(w, "officer@grid");

    expect(await deliver(w, shanghai("23:00"))).toMatchObject({ queued: 1, sent: 0 });
    expect(smsTo("13800000001")).toHaveLength(0);
    const log = await w.users.admin!.api.get("/v1/notifications/deliveries?channel=sms");
    expect(log.body.pending).toEqual([expect.objectContaining({ userId: grid.userId, kind: "dispatch", status: "deferred", nextAttemptAt: shanghai("07:00", 11).toISOString() })]);

    await deliver(w, shanghai("06:59", 11));
    expect(smsTo("13800000001")).toHaveLength(0);
    expect(await deliver(w, shanghai("07:00", 11))).toMatchObject({ sent: 1 });
    const [sms] = smsTo("13800000001");
    expect(sms!.body).toMatchObject({ SmsSdkAppId: "1400000000", SignName: "消防治理", TemplateId: "100001", TemplateParamSet: ["有隐患派遣给您整改督办"] });
    expect(sms!.headers).toMatchObject({ "x-tc-action": "SendSms", "x-tc-version": "2021-01-11" });
    expect(sms!.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/\d{4}-\d{2}-\d{2}\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
    expect(sms!.target).toBe("https://sms.tencentcloudapi.com");
    // Its inbox message is there as before; the send is in the log, once.
    const after = await w.users.admin!.api.get("/v1/notifications/deliveries");
    expect(after.body.pending).toEqual([]);
    expect(after.body.sent.filter((s: Json) => s.userId === grid.userId)).toEqual([expect.objectContaining({ status: "sent", attempts: 1, channel: "sms" })]);
    expect(JSON.stringify(after.body)).not.toContain("13800000001");
  });

  it("with the SMS provider failing 3 times then succeeding, the message is sent exactly once (4 attempts, 1 success, one dedupe id)", async () => {
    const w = await world(app, "songjiang");
    const grid = w.users["officer@grid"]!;
    await grid.api.call("PUT", "/v1/account/notification-channel", { channel: "sms", phone: "13800000002", quietHours: null });
    await dispatchedTo(w, "officer@grid");
    sink.failNext("sms", 3);
    const t0 = shanghai("10:00");
    for (let i = 0; i < 8; i++) await deliver(w, new Date(t0.getTime() + i * HOUR));
    const seen = smsTo("13800000002");
    expect(seen).toHaveLength(4);
    expect(seen.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(seen.map((r) => r.dedupeId)).size).toBe(1);
    const log = (await w.users.admin!.api.get("/v1/notifications/deliveries")).body;
    expect(log.sent).toEqual([expect.objectContaining({ userId: grid.userId, attempts: 4, status: "sent", dedupeId: seen[0]!.dedupeId })]);
    expect(log.pending).toEqual([]);
  });

  it("a failed send waits an exponential backoff: not retried before it is due", async () => {
    const w = await world(app, "songjiang");
    const grid = w.users["officer@grid"]!;
    await grid.api.call("PUT", "/v1/account/notification-channel", { channel: "sms", phone: "13800000004" });
    await dispatchedTo(w, "officer@grid");
    sink.failNext("sms", 1);
    const t0 = shanghai("10:00");
    await deliver(w, t0);
    // base 60 s (+ up to 50 % jitter): nothing at +59 s, sent by +91 s.
    await deliver(w, new Date(t0.getTime() + 59_000));
    expect(smsTo("13800000004")).toHaveLength(1);
    await deliver(w, new Date(t0.getTime() + 91_000));
    expect(smsTo("13800000004").map((r) => r.ok)).toEqual([false, true]);
  });

  it("after 5 failures a send is a dead letter with its last error, listed for the admin (not for others), and the admin's retry sends it", async () => {
    const w = await world(app, "songjiang");
    const grid = w.users["officer@grid"]!;
    await grid.api.call("PUT", "/v1/account/notification-channel", { channel: "sms", phone: "13800000003" });
    await dispatchedTo(w, "officer@grid");
    sink.failNext("sms", 5);
    const t0 = shanghai("10:00");
    for (let i = 0; i < 7; i++) await deliver(w, new Date(t0.getTime() + i * HOUR));
    expect(smsTo("13800000003")).toHaveLength(5);
    const dead = await w.users.admin!.api.get("/v1/notifications/dead-letters");
    expect(dead.status).toBe(200);
    expect(dead.body.items).toEqual([expect.objectContaining({ userId: grid.userId, channel: "sms", status: "dead", attempts: 5, lastError: expect.stringContaining("InternalError.Timeout") })]);
    expect((await grid.api.get("/v1/notifications/dead-letters")).status).toBe(403);
    expect((await grid.api.call("POST", `/v1/notifications/dead-letters/${dead.body.items[0].sendId}/retry`)).status).toBe(403);

    const retried = await w.users.admin!.api.call("POST", `/v1/notifications/dead-letters/${dead.body.items[0].sendId}/retry`);
    expect(retried).toMatchObject({ status: 200, body: { status: "queued", attempts: 0 } });
    expect((await w.users.admin!.api.call("POST", `/v1/notifications/dead-letters/${dead.body.items[0].sendId}/retry`)).status).toBe(404);
    await deliver(w, new Date(t0.getTime() + 8 * HOUR));
    const seen = smsTo("13800000003");
    expect(seen.map((r) => r.ok)).toEqual([false, false, false, false, false, true]);
    expect(new Set(seen.map((r) => r.dedupeId)).size).toBe(1);
    expect((await w.users.admin!.api.get("/v1/notifications/dead-letters")).body.items).toEqual([]);
  });

  it("WeCom, DingTalk and webhook channels post their documented shapes; the webhook is HMAC-signed", async () => {
    const w = await world(app, "songjiang");
    const grid = w.users["officer@grid"]!;
    const hook = "https://hooks.county-a.example.cn/hook";
    expect((await grid.api.call("PUT", "/v1/account/notification-channel", { channel: "webhook", webhookUrl: hook })).status).toBe(200);
    await dispatchedTo(w, "officer@grid");
    await deliver(w, shanghai("10:00"));
    const got = sink.received.filter((r) => r.channel === "webhook" && r.target === hook);
    expect(got).toHaveLength(1);
    const { createHmac } = await import("node:crypto");
    const countyKey = createHmac("sha256", "hook-secret").update(`webhook:${w.tenantId}`).digest("hex");
    const expected = createHmac("sha256", countyKey).update(`${got[0]!.headers["x-firegov-timestamp"]}.${JSON.stringify(got[0]!.body)}`).digest("hex");
    expect(got[0]!.headers["x-firegov-signature"]).toBe(`sha256=${expected}`);
    expect(got[0]!.headers["idempotency-key"]).toBe(got[0]!.body.id);
    expect(got[0]!.body).toMatchObject({ kind: "dispatch", subject: { type: "hazard" }, title: { zh: "有隐患派遣给您整改督办" } });

    const village = w.users["officer@village"]!;
    const robot = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc";
    expect((await village.api.call("PUT", "/v1/account/notification-channel", { channel: "wecom", webhookUrl: robot, phone: "13800000005" })).status).toBe(200);
    const bad = await village.api.call("PUT", "/v1/account/notification-channel", { channel: "dingtalk", webhookUrl: robot });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: "body.webhookUrl" });
    expect(bad.body.errors[0].message).toContain("钉钉");
    await dispatchedTo(w, "officer@village");
    await deliver(w, shanghai("10:05"));
    const wecom = sink.received.filter((r) => r.channel === "wecom" && r.target === robot);
    expect(wecom).toHaveLength(1);
    expect(wecom[0]!.body).toMatchObject({ msgtype: "text", text: { mentioned_mobile_list: ["13800000005"] } });
    expect((wecom[0]!.body.text as Json).content).toContain("有隐患派遣给您整改督办");
  });

  it("refuses a channel without its address, naming the field in Chinese first", async () => {
    const w = await world(app, "songjiang");
    const res = await w.users["officer@grid"]!.api.call("PUT", "/v1/account/notification-channel", { channel: "sms", quietHours: { start: "25:00", end: "07:00" } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path).sort()).toEqual(["body.phone", "body.quietHours.start"]);
    expect((await w.users["officer@grid"]!.api.get("/v1/account/notification-channel")).body).toMatchObject({ channel: "inapp", quietHours: null });
  });
});

describe("work notices from meetings", { timeout: 90_000 }, () => {
  it("lianyungang 三(二), qidong 一(二): a meeting's work notice reaches the named people (by their channel); read receipts count who read it", async () => {
    const w = await world(app, "lianyungang");
    const town = w.users["officer@town"]!;
    const grid = w.users["officer@grid"] ?? w.users["officer@village"]!;
    const village = w.users["officer@village"]!;
    await grid.api.call("PUT", "/v1/account/notification-channel", { channel: "webhook", webhookUrl: "https://hooks.county-a.example.cn/notice-hook" });
    // The police station's liaison is told because the meeting names the body (lianyungang 三(二): 派出所 among the forces the station coordinates).
    const police = await w.users.admin!.api.call("POST", "/v1/users", { username: `police-${Date.now()}`, displayName: "派出所联络员", role: "department_liaison", scopeNodeId: w.at.town!.nodeId, password: "Field-work-2026", bodyId: "police_station" });
    expect(police.status).toBe(201);
    const meeting = await town.api.call("POST", `/v1/nodes/${w.at.town!.nodeId}/records`, {
      kind: "meeting",
      date: "2026-12-01",
      title: "消防工作会议",
      workNotices: ["冬季用火用电安全检查"],
      noticeTo: { userIds: [grid.userId, village.userId], bodyIds: ["police_station"] },
      noticeDue: "2026-12-20",
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({ noticeTo: { userIds: [grid.userId, village.userId], bodyIds: ["police_station"] }, noticeDue: "2026-12-20" });
    const recordId = meeting.body.recordId as string;
    const receipts = `/v1/nodes/${w.at.town!.nodeId}/records/${recordId}/receipts`;

    for (const who of [grid, village]) {
      const inbox = (await who.api.get("/v1/inbox")).body.items;
      expect(inbox[0]).toMatchObject({ kind: "work_notice", subjectType: "record", subjectId: recordId, title: { zh: "工作提示：冬季用火用电安全检查（2026-12-20前落实）" } });
    }
    const before = (await town.api.get(receipts)).body;
    expect(before).toMatchObject({ total: 3, read: 0 });
    expect(before.recipients.map((r: Json) => r.userId)).toContain(police.body.userId);

    await deliver(w, shanghai("10:00"));
    expect(sink.received.filter((r) => r.target === "https://hooks.county-a.example.cn/notice-hook").map((r) => r.body.kind)).toEqual(["work_notice"]);

    const note = (await grid.api.get("/v1/inbox")).body.items[0];
    expect((await grid.api.call("POST", `/v1/inbox/${note.notificationId}/read`)).status).toBe(200);
    const after = (await town.api.get(receipts)).body;
    expect(after).toMatchObject({ total: 3, read: 1 });
    expect(after.recipients.find((r: Json) => r.userId === grid.userId)).toMatchObject({ name: expect.any(String), readAt: expect.any(String) });
    expect(after.recipients.find((r: Json) => r.userId === village.userId).readAt).toBeUndefined();
  });

  it("refuses a notice to an unknown account or body, naming the field, and writes nothing", async () => {
    const w = await world(app, "lianyungang");
    const town = w.users["officer@town"]!;
    const res = await town.api.call("POST", `/v1/nodes/${w.at.town!.nodeId}/records`, { kind: "meeting", date: "2026-12-01", workNotices: ["x"], noticeTo: { userIds: ["nobody"], bodyIds: ["no_such_body"] } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path).sort()).toEqual(["body.noticeTo.bodyIds[0]", "body.noticeTo.userIds[0]"]);
    expect((await town.api.get(`/v1/nodes/${w.at.town!.nodeId}/records`)).body.items).toEqual([]);
  });
});

describe("the API reference", () => {
  it("lists every notifications endpoint in /v1/openapi.json", async () => {
    const doc = (await (await app.request("/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/v1/account/notification-channel"] ?? {}).sort()).toEqual(["get", "put"]);
    expect(Object.keys(doc.paths["/v1/notifications/deliveries"] ?? {})).toEqual(["get"]);
    expect(Object.keys(doc.paths["/v1/notifications/dead-letters"] ?? {})).toEqual(["get"]);
    expect(Object.keys(doc.paths["/v1/notifications/dead-letters/{sendId}/retry"] ?? {})).toEqual(["post"]);
    expect(Object.keys(doc.paths["/v1/nodes/{nodeId}/records/{recordId}/receipts"] ?? {})).toEqual(["get"]);
  });
});
