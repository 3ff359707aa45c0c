import { useTenant } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
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
  intent: { kind: string; title: { zh: string; en: string }; urgent?: boolean; receipt?: boolean; detail?: NoticeDetail | undefined };
  users: { userId: string; phone?: string | undefined; name?: string | undefined }[];
}

/** What a notice says of its subject besides its title: its name, place, deadline and, for a rejection, the reason. */
export interface NoticeDetail {
  name?: { zh: string; en: string } | undefined;
  place?: string | undefined;
  deadline?: string | undefined;
  reason?: string | undefined;
}

/** An unread work notice a change has done the work of (see open-notice.entity.ts). */
export interface OpenNotice {
  userId: string;
  notificationId: string;
}

/** What a message is about: the page it opens (`hazard` + its id, `warning` + its id …). */
export interface Subject {
  subjectType: string;
  subjectId: string;
}

/**
 * Transaction items for the deliveries: per recipient the inbox message and its unread count (+1) (and its receipt row when asked), per message one outbox record for the senders.
 * `track`: the subject's state the messages ask work of; each is filed as an open notice until read or resolved.
 * `resolve`: open notices whose work this change has done: marked read and resolved (`resolution`), their rows gone, the unread counts merged with the new messages'.
 */
/**
 * `unread`: a caller writing several subjects in one transaction (an inspection's hazards) passes one tally
 * for all of them and writes it once with `unreadCountItems`: a transaction may not touch a user's count twice.
 */
export function deliveryItems(tx: TxEntities, subject: Subject, deliveries: Delivery[], now: Date, opts: { track?: string; resolve?: OpenNotice[]; unread?: Map<string, number> } = {}): TxItem[] {
  const tenantId = useTenant();
  const items: TxItem[] = [];
  const unread = new Map<string, number>();
  const createdAt = now.toISOString();
  for (const { intent, users } of deliveries) {
    for (const u of users) {
      const notificationId = timeOrderedId(now);
      items.push(tx.notification.create(plain({ tenantId, userId: u.userId, notificationId, kind: intent.kind, ...subject, title: intent.title, createdAt, detail: intent.detail, ...(intent.receipt ? { receipt: true } : {}) })).commit());
      if (intent.receipt) items.push(tx.receipt.put(plain({ tenantId, ...subject, userId: u.userId, name: u.name, notificationId, sentAt: createdAt })).commit());
      if (opts.track !== undefined) items.push(tx.openNotice.put({ tenantId, ...subject, userId: u.userId, notificationId, state: opts.track }).commit());
      unread.set(u.userId, (unread.get(u.userId) ?? 0) + 1);
    }
    const recipients = users.map((u) => plain({ userId: u.userId, phone: u.phone }));
    items.push(tx.outbox.create(plain({ tenantId, messageId: timeOrderedId(now), kind: intent.kind, ...subject, recipients, title: intent.title, createdAt, urgent: intent.urgent || undefined })).commit());
  }
  for (const n of opts.resolve ?? []) {
    // Unread when found; a read meanwhile cancels the change, which reads again.
    items.push(
      tx.notification
        .patch({ tenantId, userId: n.userId, notificationId: n.notificationId })
        .set({ readAt: createdAt, resolvedAt: createdAt, ...(opts.track !== undefined ? { resolution: opts.track } : {}) })
        .where((a, op) => op.notExists(a.readAt))
        .commit(),
    );
    items.push(tx.openNotice.delete({ tenantId, ...subject, userId: n.userId, notificationId: n.notificationId }).commit());
    unread.set(n.userId, (unread.get(n.userId) ?? 0) - 1);
  }
  if (opts.unread) {
    for (const [userId, n] of unread) opts.unread.set(userId, (opts.unread.get(userId) ?? 0) + n);
    return items;
  }
  return [...items, ...unreadCountItems(tx, unread)];
}

/** One change of each user's unread count (the tally `deliveryItems` gathered). */
export function unreadCountItems(tx: TxEntities, unread: ReadonlyMap<string, number>): TxItem[] {
  const tenantId = useTenant();
  return [...unread].filter(([, n]) => n !== 0).map(([userId, n]) => tx.inboxCount.update({ tenantId, userId }).add({ unread: n }).commit());
}

/** The open notices of a subject whose work a move to `state` has done: every one asked of another state (one Query; at most `max`, oldest first). */
export async function openNoticesOf(subject: Subject, state: string, max: number): Promise<OpenNotice[]> {
  const { data } = await tenantDb().service.entities.openNotice.query.bySubject({ tenantId: useTenant(), ...subject }).go({ pages: "all", limit: 200 });
  return data.filter((n) => n.state !== state).slice(0, max).map((n) => ({ userId: n.userId, notificationId: n.notificationId }));
}

/** Items a resolution of open notices costs: the message and its open row each, one unread count per user the deliveries do not already count. */
export function resolveCost(resolve: OpenNotice[], deliveries: Delivery[]): number {
  const counted = new Set(deliveries.flatMap((d) => d.users.map((u) => u.userId)));
  return resolve.length * 2 + new Set(resolve.map((n) => n.userId).filter((u) => !counted.has(u))).size;
}

/** Items a set of deliveries costs in a transaction: per message its outbox record and one message per recipient (two with a receipt), plus one unread count per distinct recipient. */
export function deliveryCost(deliveries: Delivery[]): number {
  const users = new Set(deliveries.flatMap((d) => d.users.map((u) => u.userId)));
  return deliveries.reduce((n, d) => n + 1 + d.users.length * (d.intent.receipt ? 2 : 1), 0) + users.size;
}
