import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// A user's in-app inbox lives in `T#<tenant>#INBOX#<userId>`: the messages
// (sk `N#<id>`, ids ordered by time) and one unread count (sk `UNREAD`).

/** One message in a user's inbox. Written in the transaction of the change it reports. */
export const NotificationEntity = new Entity({
  model: { entity: "notification", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    /** Time-ordered, so the partition lists newest first without another index. */
    notificationId: { type: "string", required: true, readOnly: true },
    kind: { type: "string", required: true, readOnly: true },
    subjectType: { type: "string", required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    title: { type: "map", properties: { zh: { type: "string", required: true }, en: { type: "string", required: true } }, required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    readAt: { type: "string" },
    /** What the notice is about, for the inbox to show without another read: the subject's name, place, deadline, a reason (rejections). */
    detail: { type: "any", readOnly: true },
    /** Set when the work it asked for was done by a change to its subject (it then counts as read). */
    resolvedAt: { type: "string" },
    /** The subject's state that resolved it (`registered`, `closed` …). */
    resolution: { type: "string" },
    /** The sender asked for a read receipt (a meeting's work notice): marking it read stamps the receipt too. */
    receipt: { type: "boolean", readOnly: true },
  },
  indexes: {
    byUser: { pk: tenantPk("pk", "#INBOX#${userId}", ["userId"]), sk: sortKey("sk", "N#${notificationId}", ["notificationId"]) },
  },
});

/** A user's unread count: +1 with each message, −1 when one is marked read, in the same transactions. */
export const InboxCountEntity = new Entity({
  model: { entity: "inboxCount", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    unread: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byUser: { pk: tenantPk("pk", "#INBOX#${userId}", ["userId"]), sk: sortKey("sk", "UNREAD", []) },
  },
});

/**
 * One message for the senders (SMS, WeCom, DingTalk, webhooks): who it is for
 * and what it says, `pending` until the delivery worker (`worker.ts`) turns it
 * into one send per recipient and channel and deletes it, in one transaction.
 * Written with the inbox items.
 */
export const OutboxEntity = new Entity({
  model: { entity: "outbox", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    kind: { type: "string", required: true, readOnly: true },
    subjectType: { type: "string", required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    recipients: { type: "any", required: true, readOnly: true },
    title: { type: "map", properties: { zh: { type: "string", required: true }, en: { type: "string", required: true } }, required: true, readOnly: true },
    status: { type: ["pending", "sent", "failed"] as const, required: true, default: "pending" },
    /** Sent even in the recipients' quiet hours (`quiet-hours.ts` URGENT_KINDS, or the sender says so). */
    urgent: { type: "boolean", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTime: { pk: tenantPk("pk", "#OUTBOX"), sk: sortKey("sk", "${messageId}", ["messageId"]) },
  },
});

// Access patterns
// - a user's messages, newest first (paginated): notification.byUser, descending
// - one message, to mark it read: notification.byUser (GetItem sk=N#<id>)
// - a user's unread count: inboxCount.byUser (GetItem sk=UNREAD)
// - messages for the senders, oldest first: outbox.byTime (ids ordered by time)

declare module "../db/service.ts" {
  interface Entities {
    notification: typeof NotificationEntity;
    inboxCount: typeof InboxCountEntity;
    outbox: typeof OutboxEntity;
  }
}
registerEntities({ notification: NotificationEntity, inboxCount: InboxCountEntity, outbox: OutboxEntity });
