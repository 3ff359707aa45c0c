import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// Delivery beyond the inbox (SMS, WeCom, DingTalk, webhooks). Each send is one
// (message, recipient, channel) with a deterministic id `<messageId>.<userId>.<channel>`;
// it lives in exactly one of three partitions, moved between them in one
// transaction each time: `T#<t>#SENDQ` (due or deferred, the worker's queue),
// `T#<t>#SENDLOG` (sent: the delivery log) or `T#<t>#SENDDEAD` (dead letters).
// Message ids are time-ordered, so each partition lists oldest first by key.

const send = {
  tenantId: { type: "string", required: true, readOnly: true },
  sendId: { type: "string", required: true, readOnly: true },
  messageId: { type: "string", required: true, readOnly: true },
  userId: { type: "string", required: true, readOnly: true },
  channel: { type: ["sms", "wecom", "dingtalk", "webhook"] as const, required: true, readOnly: true },
  /** Phone (SMS, the @ of a robot message) or webhook URL, as the user had chosen when the message was queued. */
  target: { type: "map", properties: { phone: { type: "string" }, url: { type: "string" } }, required: true, readOnly: true },
  kind: { type: "string", required: true, readOnly: true },
  subjectType: { type: "string", required: true, readOnly: true },
  subjectId: { type: "string", required: true, readOnly: true },
  title: { type: "map", properties: { zh: { type: "string", required: true }, en: { type: "string", required: true } }, required: true, readOnly: true },
  /** Passed to the provider as its request id / dedupe key: the same for every attempt of this send. */
  dedupeId: { type: "string", required: true, readOnly: true },
  attempts: { type: "number", required: true, default: 0 },
  /** Not before this time (ISO): quiet hours or backoff. */
  nextAttemptAt: { type: "string", required: true },
  /** A worker holds the send until then (ISO), so two workers never call the provider for it at once. */
  leaseUntil: { type: "string" },
  deferred: { type: "boolean" },
  lastError: { type: "string" },
  sentAt: { type: "string" },
  deadAt: { type: "string" },
  createdAt: { type: "string", required: true, readOnly: true },
} as const;

export const SendQueueEntity = new Entity({
  model: { entity: "sendQueue", version: "1", service: "firegov" },
  attributes: send,
  indexes: { byId: { pk: tenantPk("pk", "#SENDQ"), sk: sortKey("sk", "${sendId}", ["sendId"]) } },
});

export const SendLogEntity = new Entity({
  model: { entity: "sendLog", version: "1", service: "firegov" },
  attributes: send,
  indexes: { byId: { pk: tenantPk("pk", "#SENDLOG"), sk: sortKey("sk", "${sendId}", ["sendId"]) } },
});

export const DeadLetterEntity = new Entity({
  model: { entity: "deadLetter", version: "1", service: "firegov" },
  attributes: send,
  indexes: { byId: { pk: tenantPk("pk", "#SENDDEAD"), sk: sortKey("sk", "${sendId}", ["sendId"]) } },
});

/** A user's choice of channel, kept in their inbox partition (sk `CHANNEL`). */
export const ChannelSettingEntity = new Entity({
  model: { entity: "channelSetting", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    channel: { type: ["inapp", "sms", "wecom", "dingtalk", "webhook"] as const, required: true },
    phone: { type: "string" },
    webhookUrl: { type: "string" },
    /** Local times `HH:MM` in the tenant's time zone; absent: no quiet hours. */
    quietStart: { type: "string" },
    quietEnd: { type: "string" },
    updatedAt: { type: "string", required: true },
  },
  indexes: { byUser: { pk: tenantPk("pk", "#INBOX#${userId}", ["userId"]), sk: sortKey("sk", "CHANNEL", []) } },
});

/** Who was sent a message that asks for a read receipt (a meeting's work notice), and when they read it. */
export const ReceiptEntity = new Entity({
  model: { entity: "receipt", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    subjectType: { type: "string", required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    name: { type: "string" },
    notificationId: { type: "string", required: true, readOnly: true },
    sentAt: { type: "string", required: true, readOnly: true },
    readAt: { type: "string" },
  },
  indexes: { bySubject: { pk: tenantPk("pk", "#RECEIPT#${subjectType}#${subjectId}", ["subjectType", "subjectId"]), sk: sortKey("sk", "${userId}", ["userId"]) } },
});

// Access patterns
// - the worker's due sends: sendQueue.byId (one Query of the queue partition, bounded)
// - the delivery log, newest first: sendLog.byId descending; dead letters: deadLetter.byId
// - a user's channel: channelSetting.byUser (GetItem; BatchGet for a message's recipients)
// - a subject's receipts: receipt.bySubject (one Query)

declare module "../db/service.ts" {
  interface Entities {
    sendQueue: typeof SendQueueEntity;
    sendLog: typeof SendLogEntity;
    deadLetter: typeof DeadLetterEntity;
    channelSetting: typeof ChannelSettingEntity;
    receipt: typeof ReceiptEntity;
  }
}
registerEntities({ sendQueue: SendQueueEntity, sendLog: SendLogEntity, deadLetter: DeadLetterEntity, channelSetting: ChannelSettingEntity, receipt: ReceiptEntity });
