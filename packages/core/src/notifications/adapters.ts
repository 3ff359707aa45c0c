import { createHash, createHmac } from "node:crypto";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

// The senders: one HTTP request per send, in each provider's documented
// shape. Building a request is pure (`buildRequest`, tested on its own);
// `sendOnce` posts it and reads the provider's own verdict. Credentials come
// from the environment (`deliveryConfig`), never from the policy profile.

export type Channel = "sms" | "wecom" | "dingtalk" | "webhook";
export const CHANNELS: readonly Channel[] = ["sms", "wecom", "dingtalk", "webhook"];

export interface DeliveryConfig {
  /** When set (locally and in tests), every adapter posts to `<sinkUrl>/<channel>` instead of the provider; the real target rides in `x-sink-target`. */
  sinkUrl?: string | undefined;
  /** Tencent Cloud SMS (SendSms, API 3.0): the endpoint (configurable), TC3 credentials, the app, signature and template (one variable: the message's title). */
  sms: { endpoint: string; region: string; secretId: string; secretKey: string; appId: string; signName: string; templateId: string };
  /** The DingTalk robot's signing secret (加签), when the robots are set up with one. */
  dingtalkSecret?: string | undefined;
  /** The generic webhook's HMAC-SHA256 key. */
  webhookSecret: string;
  /** Failed attempts after which a send becomes a dead letter. */
  maxAttempts: number;
  /** Backoff: base × 2^(attempt−1), capped, with up to 50 % random jitter added. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  /** At most this many sends per worker invocation (the worker stays bounded). */
  batch: number;
  /** The web client's origin, for links in messages. */
  webOrigin?: string | undefined;
}

/** The configuration from the environment (NOTIFY_*, SMS_*), with the defaults a county starts with. */
export function deliveryConfig(env: Record<string, string | undefined> = process.env): DeliveryConfig {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    sinkUrl: env.NOTIFY_SINK_URL || undefined,
    sms: {
      endpoint: env.SMS_ENDPOINT ?? "https://sms.tencentcloudapi.com",
      region: env.SMS_REGION ?? "ap-guangzhou",
      secretId: env.SMS_SECRET_ID ?? "",
      secretKey: env.SMS_SECRET_KEY ?? "",
      appId: env.SMS_APP_ID ?? "",
      signName: env.SMS_SIGN_NAME ?? "",
      templateId: env.SMS_TEMPLATE_ID ?? "",
    },
    dingtalkSecret: env.DINGTALK_ROBOT_SECRET || undefined,
    webhookSecret: env.NOTIFY_WEBHOOK_SECRET ?? "",
    maxAttempts: num(env.NOTIFY_MAX_ATTEMPTS, 5),
    backoffBaseMs: num(env.NOTIFY_BACKOFF_BASE_MS, 60_000),
    backoffMaxMs: num(env.NOTIFY_BACKOFF_MAX_MS, 6 * 60 * 60_000),
    timeoutMs: num(env.NOTIFY_TIMEOUT_MS, 5_000),
    batch: num(env.NOTIFY_BATCH, 50),
    webOrigin: env.WEB_ORIGIN || undefined,
  };
}

/** The provider credentials a deployment keeps in Secrets Manager (the stack's NotifyProviders secret, JSON), by the same names as the environment's. */
export const PROVIDER_SECRET_KEYS = ["SMS_SECRET_ID", "SMS_SECRET_KEY", "SMS_APP_ID", "SMS_SIGN_NAME", "SMS_TEMPLATE_ID", "SMS_ENDPOINT", "SMS_REGION", "DINGTALK_ROBOT_SECRET", "NOTIFY_WEBHOOK_SECRET"] as const;

/** The secret's non-empty values over the environment's: what an operator fills in the secret takes effect without a deploy. */
export function withProviderSecrets(env: Record<string, string | undefined>, secretJson: string | undefined): Record<string, string | undefined> {
  if (!secretJson) return env;
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretJson);
  } catch {
    throw new Error("NOTIFY_SECRETS_ARN: the secret is not a JSON object of provider settings");
  }
  const out = { ...env };
  for (const key of PROVIDER_SECRET_KEYS) {
    const value = (parsed as Record<string, unknown>)?.[key];
    if (typeof value === "string" && value !== "") out[key] = value;
  }
  return out;
}

let loaded: { at: number; config: Promise<DeliveryConfig> } | undefined;
/** How long a container keeps the secret's values: a rotated credential reaches every sender within 5 minutes. */
const SECRET_TTL_MS = 5 * 60_000;

/** The configuration for a delivery run: the environment, and in AWS the provider secret (NOTIFY_SECRETS_ARN), read at most every 5 minutes per container. */
export function loadDeliveryConfig(env: Record<string, string | undefined> = process.env, now = Date.now()): Promise<DeliveryConfig> {
  if (!env.NOTIFY_SECRETS_ARN) return Promise.resolve(deliveryConfig(env));
  if (loaded && now - loaded.at < SECRET_TTL_MS) return loaded.config;
  const config = new SecretsManagerClient({})
    .send(new GetSecretValueCommand({ SecretId: env.NOTIFY_SECRETS_ARN }))
    .then((out) => deliveryConfig(withProviderSecrets(env, out.SecretString)));
  loaded = { at: now, config };
  config.catch(() => (loaded = undefined));
  return config;
}

/** What one send carries to an adapter. */
export interface Outgoing {
  /** The county the message is from: its webhooks are signed with its own key. */
  tenantId: string;
  channel: Channel;
  dedupeId: string;
  phone?: string | undefined;
  url?: string | undefined;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: { zh: string; en: string };
  createdAt: string;
}

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const hex = (data: string) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** The text a person reads on their phone: the title, then the English, and the link when the origin is known. */
export function messageText(o: Outgoing, webOrigin?: string): string {
  const link = webOrigin ? `\n${webOrigin}/${o.subjectType === "hazard" ? "hazards" : o.subjectType}/${o.subjectId}` : "";
  return `【消防治理】${o.title.zh}\n${o.title.en}${link}`;
}

const mobile = (phone: string) => (phone.startsWith("+") ? phone : `+86${phone}`);

/** Tencent Cloud SMS SendSms (2021-01-11), signed TC3-HMAC-SHA256; `SessionContext` carries the dedupe id (echoed back in the status). */
function smsRequest(o: Outgoing, cfg: DeliveryConfig, now: Date): HttpRequest {
  const { sms } = cfg;
  const host = new URL(sms.endpoint).host;
  const body = JSON.stringify({
    PhoneNumberSet: [mobile(o.phone ?? "")],
    SmsSdkAppId: sms.appId,
    SignName: sms.signName,
    TemplateId: sms.templateId,
    TemplateParamSet: [o.title.zh],
    SessionContext: o.dedupeId,
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const contentType = "application/json; charset=utf-8";
  const canonical = ["POST", "/", "", `content-type:${contentType}\nhost:${host}\n`, "content-type;host", hex(body)].join("\n");
  const scope = `${date}/sms/tc3_request`;
  const toSign = ["TC3-HMAC-SHA256", String(timestamp), scope, hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(`TC3${sms.secretKey}`, date), "sms"), "tc3_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return {
    url: sms.endpoint,
    headers: {
      "content-type": contentType,
      authorization: `TC3-HMAC-SHA256 Credential=${sms.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
      "x-tc-action": "SendSms",
      "x-tc-version": "2021-01-11",
      "x-tc-region": sms.region,
      "x-tc-timestamp": String(timestamp),
      "x-tc-requestclient": `firegov-${o.dedupeId}`,
    },
    body,
  };
}

/** 企业微信 group robot: `msgtype: text`, the recipient @-mentioned by mobile. */
function wecomRequest(o: Outgoing, cfg: DeliveryConfig): HttpRequest {
  const body = JSON.stringify({ msgtype: "text", text: { content: messageText(o, cfg.webOrigin), mentioned_mobile_list: o.phone ? [o.phone] : [] } });
  return { url: o.url ?? "", headers: { "content-type": "application/json", "x-request-id": o.dedupeId }, body };
}

/** 钉钉 custom robot: `msgtype: text`, `at.atMobiles`; signed (timestamp + sign) when the robot has a secret. */
function dingtalkRequest(o: Outgoing, cfg: DeliveryConfig, now: Date): HttpRequest {
  let url = o.url ?? "";
  if (cfg.dingtalkSecret && url) {
    const ts = String(now.getTime());
    const sign = createHmac("sha256", cfg.dingtalkSecret).update(`${ts}\n${cfg.dingtalkSecret}`).digest("base64");
    url += `${url.includes("?") ? "&" : "?"}timestamp=${ts}&sign=${encodeURIComponent(sign)}`;
  }
  const body = JSON.stringify({ msgtype: "text", text: { content: messageText(o, cfg.webOrigin) }, at: { atMobiles: o.phone ? [o.phone] : [], isAtAll: false } });
  return { url, headers: { "content-type": "application/json", "x-request-id": o.dedupeId }, body };
}

/**
 * A generic webhook: the message as JSON, `Idempotency-Key` the dedupe id,
 * `X-Firegov-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with
 * `X-Firegov-Timestamp` (seconds), so the receiver can verify and refuse replays.
 */
/**
 * A county's own webhook key, hex HMAC-SHA256(NOTIFY_WEBHOOK_SECRET, "webhook:" + tenantId): a
 * county's receivers verify with it, and no county can sign as another (the operator hands each its key).
 */
export function tenantWebhookKey(cfg: Pick<DeliveryConfig, "webhookSecret">, tenantId: string): string {
  return createHmac("sha256", cfg.webhookSecret).update(`webhook:${tenantId}`).digest("hex");
}

function webhookRequest(o: Outgoing, cfg: DeliveryConfig, now: Date): HttpRequest {
  const body = JSON.stringify({ id: o.dedupeId, kind: o.kind, subject: { type: o.subjectType, id: o.subjectId }, title: o.title, createdAt: o.createdAt });
  const ts = String(Math.floor(now.getTime() / 1000));
  const signature = createHmac("sha256", tenantWebhookKey(cfg, o.tenantId)).update(`${ts}.${body}`).digest("hex");
  return { url: o.url ?? "", headers: { "content-type": "application/json", "idempotency-key": o.dedupeId, "x-firegov-timestamp": ts, "x-firegov-signature": `sha256=${signature}` }, body };
}

/** The provider's request for one send (pure). */
export function buildRequest(o: Outgoing, cfg: DeliveryConfig, now: Date): HttpRequest {
  switch (o.channel) {
    case "sms":
      return smsRequest(o, cfg, now);
    case "wecom":
      return wecomRequest(o, cfg);
    case "dingtalk":
      return dingtalkRequest(o, cfg, now);
    case "webhook":
      return webhookRequest(o, cfg, now);
  }
}

/** The provider's verdict on a response: undefined when it accepted the message, else why not. */
export function providerError(channel: Channel, status: number, text: string): string | undefined {
  if (status < 200 || status >= 300) return `HTTP ${status}: ${text.slice(0, 200)}`;
  if (channel === "webhook") return undefined;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return `unreadable response: ${text.slice(0, 200)}`;
  }
  if (channel === "sms") {
    const r = (data.Response ?? {}) as { Error?: { Code: string; Message: string }; SendStatusSet?: { Code: string; Message?: string }[] };
    if (r.Error) return `${r.Error.Code}: ${r.Error.Message}`;
    const st = r.SendStatusSet?.[0];
    return st?.Code === "Ok" ? undefined : `${st?.Code ?? "NoStatus"}: ${st?.Message ?? ""}`;
  }
  const { errcode, errmsg } = data as { errcode?: number; errmsg?: string };
  return errcode === 0 ? undefined : `errcode ${String(errcode)}: ${errmsg ?? ""}`;
}

/** Posts one send; resolves to undefined when the provider accepted it, else the error text (network errors included). */
export async function sendOnce(o: Outgoing, cfg: DeliveryConfig, now: Date): Promise<string | undefined> {
  const req = buildRequest(o, cfg, now);
  if (!req.url) return "no target address / 未设置接收地址";
  const url = cfg.sinkUrl ? `${cfg.sinkUrl.replace(/\/$/, "")}/${o.channel}` : req.url;
  const headers = cfg.sinkUrl ? { ...req.headers, "x-sink-target": req.url } : req.headers;
  try {
    const res = await fetch(url, { method: "POST", headers, body: req.body, signal: AbortSignal.timeout(cfg.timeoutMs) });
    return providerError(o.channel, res.status, await res.text());
  } catch (err) {
    return `network: ${(err as Error).message}`;
  }
}
