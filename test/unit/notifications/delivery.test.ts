import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Notifications } from "@firegov/core";

const cfg: Notifications.DeliveryConfig = {
  ...Notifications.deliveryConfig({}),
  sms: { endpoint: "https://sms.tencentcloudapi.com", region: "ap-guangzhou", secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", appId: "1400006666", signName: "消防治理", templateId: "449739" },
  webhookSecret: "s3cret",
  dingtalkSecret: "SECdemo",
};
const base = { tenantId: "county-a", dedupeId: "abc123", kind: "dispatch", subjectType: "hazard", subjectId: "h1", title: { zh: "有隐患派遣给您整改督办", en: "A hazard has been dispatched to you" }, createdAt: "2026-12-10T02:00:00.000Z" };
const at = new Date("2026-12-10T02:00:00Z");

describe("quiet hours (in the tenant's time zone)", () => {
  const quiet = { start: "22:00", end: "07:00" };
  const tz = "Asia/Shanghai";
  it("defers a message due at 23:00 local to 07:00 the next morning", () => {
    expect(Notifications.releaseAt(new Date("2026-12-10T23:00:00+08:00"), quiet, tz).toISOString()).toBe(new Date("2026-12-11T07:00:00+08:00").toISOString());
  });
  it("defers one due at 03:30 to 07:00 the same morning, and sends at once at 07:00 or 21:59", () => {
    expect(Notifications.releaseAt(new Date("2026-12-11T03:30:00+08:00"), quiet, tz).toISOString()).toBe(new Date("2026-12-11T07:00:00+08:00").toISOString());
    for (const t of ["2026-12-11T07:00:00+08:00", "2026-12-11T21:59:00+08:00"]) expect(Notifications.releaseAt(new Date(t), quiet, tz).toISOString()).toBe(new Date(t).toISOString());
  });
  it("reads the window in the tenant's zone, not UTC: 23:00 UTC is 07:00 in Shanghai, so not quiet", () => {
    const t = new Date("2026-12-10T23:00:00Z");
    expect(Notifications.releaseAt(t, quiet, tz)).toEqual(t);
    expect(Notifications.releaseAt(t, quiet, "UTC").toISOString()).toBe("2026-12-11T07:00:00.000Z");
  });
  it("a window within one day (12:00–14:00) and none at all", () => {
    expect(Notifications.releaseAt(new Date("2026-12-10T12:30:00+08:00"), { start: "12:00", end: "14:00" }, tz).toISOString()).toBe(new Date("2026-12-10T14:00:00+08:00").toISOString());
    expect(Notifications.releaseAt(at, undefined, tz)).toEqual(at);
  });
  it("lets urgent kinds through: listed supervision (重大火灾隐患挂牌督办), escalation, alarms and warnings, or a message flagged urgent", () => {
    for (const k of ["list", "listed", "escalated", "alarm_fire", "warning_issued"]) expect(Notifications.isUrgent(k)).toBe(true);
    for (const k of ["dispatch", "work_notice", "overdue"]) expect(Notifications.isUrgent(k)).toBe(false);
    expect(Notifications.isUrgent("dispatch", true)).toBe(true);
  });
});

describe("sends: ids and backoff", () => {
  it("a send's id and dedupe id are deterministic per (message, recipient, channel), and differ per channel and tenant", () => {
    const id = Notifications.sendIdOf("m1", "u1", "sms");
    expect(id).toBe("m1.u1.sms");
    expect(Notifications.dedupeIdOf("t1", id)).toBe(Notifications.dedupeIdOf("t1", id));
    expect(Notifications.dedupeIdOf("t1", id)).not.toBe(Notifications.dedupeIdOf("t2", id));
    expect(Notifications.dedupeIdOf("t1", id)).not.toBe(Notifications.dedupeIdOf("t1", Notifications.sendIdOf("m1", "u1", "wecom")));
  });
  it("backs off exponentially, capped, with at most 50 % jitter", () => {
    const c = { backoffBaseMs: 60_000, backoffMaxMs: 3_600_000 };
    expect([1, 2, 3, 4].map((n) => Notifications.backoffMs(n, c, () => 0))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(Notifications.backoffMs(2, c, () => 0.999)).toBeLessThanOrEqual(180_000);
    expect(Notifications.backoffMs(20, c, () => 0)).toBe(3_600_000);
  });
});

describe("adapters build each provider's documented request", () => {
  it("Tencent Cloud SMS SendSms: the number in E.164, the template's one variable the title, SessionContext the dedupe id, TC3-HMAC-SHA256 signed", () => {
    const req = Notifications.buildRequest({ ...base, channel: "sms", phone: "13800000001" }, cfg, at);
    const body = JSON.parse(req.body);
    expect(body).toEqual({ PhoneNumberSet: ["+8613800000001"], SmsSdkAppId: "1400006666", SignName: "消防治理", TemplateId: "449739", TemplateParamSet: ["有隐患派遣给您整改督办"], SessionContext: "abc123" });
    expect(req.url).toBe("https://sms.tencentcloudapi.com");
    // Recompute the signature as Tencent's documentation describes it.
    const hex = (s: string) => createHash("sha256").update(s).digest("hex");
    const canonical = `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:sms.tencentcloudapi.com\n\ncontent-type;host\n${hex(req.body)}`;
    const ts = String(at.getTime() / 1000);
    const toSign = `TC3-HMAC-SHA256\n${ts}\n2026-12-10/sms/tc3_request\n${hex(canonical)}`;
    const h = (k: string | Buffer, d: string) => createHmac("sha256", k).update(d).digest();
    const sig = createHmac("sha256", h(h(h(`TC3${cfg.sms.secretKey}`, "2026-12-10"), "sms"), "tc3_request")).update(toSign).digest("hex");
    expect(req.headers.authorization).toBe(`TC3-HMAC-SHA256 Credential=${cfg.sms.secretId}/2026-12-10/sms/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`);
    expect(req.headers).toMatchObject({ "x-tc-action": "SendSms", "x-tc-version": "2021-01-11", "x-tc-timestamp": ts, "x-tc-region": "ap-guangzhou" });
  });
  it("WeCom robot: msgtype text, the recipient @-mentioned by mobile", () => {
    const req = Notifications.buildRequest({ ...base, channel: "wecom", phone: "13800000001", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" }, cfg, at);
    expect(JSON.parse(req.body)).toMatchObject({ msgtype: "text", text: { mentioned_mobile_list: ["13800000001"] } });
    expect(JSON.parse(req.body).text.content).toContain("有隐患派遣给您整改督办");
  });
  it("DingTalk robot: msgtype text with at.atMobiles, signed with timestamp and sign when the robot has a secret", () => {
    const req = Notifications.buildRequest({ ...base, channel: "dingtalk", phone: "13800000001", url: "https://oapi.dingtalk.com/robot/send?access_token=t" }, cfg, at);
    expect(JSON.parse(req.body)).toMatchObject({ msgtype: "text", at: { atMobiles: ["13800000001"], isAtAll: false } });
    const ts = String(at.getTime());
    const sign = createHmac("sha256", "SECdemo").update(`${ts}\nSECdemo`).digest("base64");
    expect(req.url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=${ts}&sign=${encodeURIComponent(sign)}`);
  });
  it("generic webhook: the message as JSON, Idempotency-Key the dedupe id, HMAC-SHA256 over timestamp.body", () => {
    const req = Notifications.buildRequest({ ...base, channel: "webhook", url: "https://example.org/hook" }, cfg, at);
    const ts = req.headers["x-firegov-timestamp"]!;
    // Signed with the county's own key, derived from the deployment's secret: another county's key does not verify it.
    const countyKey = createHmac("sha256", "s3cret").update("webhook:county-a").digest("hex");
    expect(Notifications.tenantWebhookKey(cfg, "county-a")).toBe(countyKey);
    expect(req.headers["x-firegov-signature"]).toBe(`sha256=${createHmac("sha256", countyKey).update(`${ts}.${req.body}`).digest("hex")}`);
    const other = Notifications.buildRequest({ ...base, tenantId: "county-b", channel: "webhook", url: "https://example.org/hook" }, cfg, at);
    expect(other.headers["x-firegov-signature"]).not.toBe(req.headers["x-firegov-signature"]);
    expect(req.headers["idempotency-key"]).toBe("abc123");
    expect(JSON.parse(req.body)).toMatchObject({ id: "abc123", kind: "dispatch", subject: { type: "hazard", id: "h1" } });
  });
  it("reads each provider's verdict: Tencent's Error or SendStatus code, the robots' errcode, the webhook's HTTP status", () => {
    expect(Notifications.providerError("sms", 200, JSON.stringify({ Response: { SendStatusSet: [{ Code: "Ok" }] } }))).toBeUndefined();
    expect(Notifications.providerError("sms", 200, JSON.stringify({ Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "bad" } } }))).toContain("AuthFailure");
    expect(Notifications.providerError("sms", 200, JSON.stringify({ Response: { SendStatusSet: [{ Code: "LimitExceeded.PhoneNumberDailyLimit", Message: "x" }] } }))).toContain("LimitExceeded");
    expect(Notifications.providerError("wecom", 200, '{"errcode":0,"errmsg":"ok"}')).toBeUndefined();
    expect(Notifications.providerError("dingtalk", 200, '{"errcode":310000,"errmsg":"sign not match"}')).toContain("310000");
    expect(Notifications.providerError("webhook", 503, "")).toContain("503");
  });

  it("takes the provider secret's non-empty values over the environment's, and refuses a secret that is not JSON", () => {
    const env = { SMS_SECRET_ID: "from-env", SMS_REGION: "ap-beijing", NOTIFY_WEBHOOK_SECRET: "env-key" };
    const merged = Notifications.withProviderSecrets(env, JSON.stringify({ SMS_SECRET_ID: "from-secret", SMS_SECRET_KEY: "", NOTIFY_WEBHOOK_SECRET: "secret-key", OTHER: "ignored" }));
    const cfg = Notifications.deliveryConfig(merged);
    expect(cfg.sms.secretId).toBe("from-secret");
    expect(cfg.sms.secretKey).toBe("");
    expect(cfg.sms.region).toBe("ap-beijing");
    expect(cfg.webhookSecret).toBe("secret-key");
    expect(merged.OTHER).toBeUndefined();
    expect(Notifications.withProviderSecrets(env, undefined)).toBe(env);
    expect(() => Notifications.withProviderSecrets(env, "not json")).toThrow(/NOTIFY_SECRETS_ARN/);
  });

  it("lets a device's alarm through quiet hours: its notify-only kind and the hazard it raises are urgent", () => {
    expect(Notifications.isUrgent("iot_alarm")).toBe(true);
    expect(Notifications.isUrgent("create", true)).toBe(true);
    expect(Notifications.isUrgent("create")).toBe(false);
  });
});
