import { useTenant } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";

// The one way a domain leaves messages: written in the transaction of the
// change they report, so a message exists exactly when its change does.

/** One message and the users it goes to. */
export interface Delivery {
  /**
   * `urgent`: delivered even in the recipients' quiet hours (besides the kinds
   * `quiet-hours.ts` always treats as urgent). `receipt`: each recipient's
   * reading is recorded (`receiptsOf`), as a meeting's work notice asks.
   */
  intent: { kind: string; title: { zh: string; en: string }; urgent?: boolean; receipt?: boolean };
  users: { userId: string; phone?: string | undefined; name?: string | undefined }[];
}

/** What a message is about: the page it opens (`hazard` + its id, `warning` + its id …). */
export interface Subject {
  subjectType: string;
  subjectId: string;
}

/** Transaction items for the deliveries: per recipient the inbox message and its unread count (+1) (and its receipt row when asked), per message one outbox record for the senders. */
export function deliveryItems(tx: TxEntities, subject: Subject, deliveries: Delivery[], now: Date): TxItem[] {
  const tenantId = useTenant();
  const items: TxItem[] = [];
  const unread = new Map<string, number>();
  const createdAt = now.toISOString();
  for (const { intent, users } of deliveries) {
    for (const u of users) {
      const notificationId = timeOrderedId(now);
      items.push(tx.notification.create({ tenantId, userId: u.userId, notificationId, kind: intent.kind, ...subject, title: intent.title, createdAt, ...(intent.receipt ? { receipt: true } : {}) }).commit());
      if (intent.receipt) items.push(tx.receipt.put(plain({ tenantId, ...subject, userId: u.userId, name: u.name, notificationId, sentAt: createdAt })).commit());
      unread.set(u.userId, (unread.get(u.userId) ?? 0) + 1);
    }
    const recipients = users.map((u) => plain({ userId: u.userId, phone: u.phone }));
    items.push(tx.outbox.create(plain({ tenantId, messageId: timeOrderedId(now), kind: intent.kind, ...subject, recipients, title: intent.title, createdAt, urgent: intent.urgent || undefined })).commit());
  }
  for (const [userId, n] of unread) items.push(tx.inboxCount.update({ tenantId, userId }).add({ unread: n }).commit());
  return items;
}

/** Items a set of deliveries costs in a transaction: per message its outbox record and one message per recipient (two with a receipt), plus one unread count per distinct recipient. */
export function deliveryCost(deliveries: Delivery[]): number {
  const users = new Set(deliveries.flatMap((d) => d.users.map((u) => u.userId)));
  return deliveries.reduce((n, d) => n + 1 + d.users.length * (d.intent.receipt ? 2 : 1), 0) + users.size;
}
