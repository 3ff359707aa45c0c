import { z } from "zod";
import { pageOf, pageQuery } from "../db/cursor.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";

// The signed-in user's own inbox: always their own partition, so nobody reads another's messages.

export const NotificationSchema = z
  .object({
    notificationId: z.string(),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    createdAt: z.string(),
    readAt: z.string().optional(),
  })
  .meta({ id: "Notification" });

export type NotificationView = z.infer<typeof NotificationSchema>;

export const InboxPageSchema = pageOf(NotificationSchema).meta({ id: "InboxPage" });
export const UnreadSchema = z.object({ unread: z.int() }).meta({ id: "UnreadCount" });

export const ListInboxInput = pageQuery({ max: 100, default: 20 });

function toView(item: NotificationView & Record<string, unknown>): NotificationView {
  const { notificationId, kind, subjectType, subjectId, title, createdAt, readAt } = item;
  return { notificationId, kind, subjectType, subjectId, title, createdAt, ...(readAt ? { readAt } : {}) };
}

/** The caller's messages, newest first (one Query of the caller's inbox partition). */
export const listInbox = useCase(
  ListInboxInput,
  async (input) => {
    const actor = useUser();
    authorize(actor, "inbox.read");
    const { notification } = tenantDb().service.entities;
    const page = await notification.query.byUser({ tenantId: actor.tenantId, userId: actor.userId }).go({ cursor: input.cursor ?? null, limit: input.limit, order: "desc" });
    return { items: page.data.map((n) => toView(n as never)), cursor: page.cursor };
  },
  "query",
);

/** The caller's unread count (one GetItem). */
export async function unreadCount(): Promise<{ unread: number }> {
  const actor = useUser();
  authorize(actor, "inbox.read");
  const { data } = await tenantDb().service.entities.inboxCount.get({ tenantId: actor.tenantId, userId: actor.userId }).go();
  return { unread: Math.max(0, data?.unread ?? 0) };
}

/**
 * Marks one of the caller's messages read: the message and the unread count
 * change together, in one transaction with the audit entry; marking a read
 * message again changes nothing.
 */
export async function markRead(notificationId: string, now = new Date()): Promise<NotificationView> {
  const actor = useUser();
  authorize(actor, "inbox.read");
  const key = { tenantId: actor.tenantId, userId: actor.userId, notificationId };
  const db = tenantDb();
  const { data } = await db.service.entities.notification.get(key).go({ consistent: true });
  if (!data) throw new AppError("not_found", "notification.not_found");
  if (data.readAt) return toView(data as never);
  const readAt = now.toISOString();
  const marked = await writeTransaction(
    ({ notification, inboxCount, receipt, audit }) => [
      notification.patch(key).set({ readAt }).where((a, op) => op.notExists(a.readAt)).commit(),
      inboxCount.update({ tenantId: actor.tenantId, userId: actor.userId }).add({ unread: -1 }).commit(),
      // A work notice's read receipt: who read it, when (receipts.ts).
      ...(data.receipt ? [receipt.patch({ tenantId: actor.tenantId, subjectType: data.subjectType, subjectId: data.subjectId, userId: actor.userId }).set({ readAt }).commit()] : []),
      auditItem({ audit }, { action: "inbox.read", targetType: "notification", targetId: notificationId }, now),
    ],
    // Read meanwhile (another tab): already as asked.
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  ).then(
    () => true,
    (err: unknown) => {
      if (err instanceof AppError && err.code === "request.conflict_retry") return false;
      throw err;
    },
  );
  if (marked) return toView({ ...data, readAt } as never);
  const { data: current } = await db.service.entities.notification.get(key).go({ consistent: true });
  return toView((current ?? data) as never);
}
