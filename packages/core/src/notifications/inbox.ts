import { z } from "zod";
import { pageOf, pageQuery } from "../db/cursor.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";

// The signed-in user's own inbox: always their own partition, so nobody reads another's messages.

export const NotificationSchema = z
  .object({
    notificationId: z.string(),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    /** The subject's name, place, deadline and (rejections) reason, when the sender gave them. */
    detail: z
      .object({ name: z.object({ zh: z.string(), en: z.string() }).optional(), place: z.string().optional(), deadline: z.string().optional(), reason: z.string().optional() })
      .optional(),
    createdAt: z.string(),
    readAt: z.string().optional(),
    /** When a change to the subject did the work the notice asked for, and the subject's state after it. */
    resolvedAt: z.string().optional(),
    resolution: z.string().optional(),
  })
  .meta({ id: "Notification" });

export type NotificationView = z.infer<typeof NotificationSchema>;

export const InboxPageSchema = pageOf(NotificationSchema).meta({ id: "InboxPage" });
export const UnreadSchema = z.object({ unread: z.int() }).meta({ id: "UnreadCount" });

export const ListInboxInput = pageQuery({ max: 100, default: 20 });

function toView(item: NotificationView & Record<string, unknown>): NotificationView {
  const { notificationId, kind, subjectType, subjectId, title, createdAt, readAt, detail, resolvedAt, resolution } = item;
  return { notificationId, kind, subjectType, subjectId, title, ...(detail ? { detail } : {}), createdAt, ...(readAt ? { readAt } : {}), ...(resolvedAt ? { resolvedAt } : {}), ...(resolution ? { resolution } : {}) };
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
    ({ notification, inboxCount, receipt, openNotice, audit }) => [
      notification.patch(key).set({ readAt }).where((a, op) => op.notExists(a.readAt)).commit(),
      inboxCount.update({ tenantId: actor.tenantId, userId: actor.userId }).add({ unread: -1 }).commit(),
      // A work notice's read receipt: who read it, when (receipts.ts).
      ...(data.receipt ? [receipt.patch({ tenantId: actor.tenantId, subjectType: data.subjectType, subjectId: data.subjectId, userId: actor.userId }).set({ readAt }).commit()] : []),
      // Read: no longer an open work notice of its subject (a delete of a row never written is no error).
      openNotice.delete({ tenantId: actor.tenantId, subjectType: data.subjectType, subjectId: data.subjectId, userId: actor.userId, notificationId }).commit(),
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

export const MarkSubjectReadInput = z
  .object({
    subjectType: z.enum(["hazard"], bilingual("目前只能按隐患标为已读", "Only hazards can be marked read this way")),
    subjectId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, bilingual("只能包含字母、数字、下划线或连字符", "Letters, digits, underscores or hyphens only")),
  })
  .meta({ id: "MarkSubjectReadInput" });
export const MarkedSchema = z.object({ marked: z.int() }).meta({ id: "MarkedRead" });

/** How far back opening a subject looks for its unread notices in the caller's inbox. */
const SUBJECT_LOOKBACK = 300;

/**
 * Opening a subject (a hazard's page) marks the caller's unread notices of it
 * read: one Query of the caller's own inbox, newest first, over the last
 * SUBJECT_LOOKBACK messages with a filter on the subject (read capacity for
 * those messages, ≈ 40 RCU at most), then one transaction for what it found
 * (at most 30). Only the caller's own partition is read or written, so
 * another county's ids find nothing.
 */
export const markSubjectRead = useCase(MarkSubjectReadInput, async (input, now: Date = new Date()): Promise<{ marked: number }> => {
  const actor = useUser();
  authorize(actor, "inbox.read");
  const { notification } = tenantDb().service.entities;
  const page = await notification.query
    .byUser({ tenantId: actor.tenantId, userId: actor.userId })
    .where((a, op) => `${op.eq(a.subjectType, String(input.subjectType))} AND ${op.eq(a.subjectId, input.subjectId)} AND ${op.notExists(a.readAt)}`)
    .go({ order: "desc", limit: SUBJECT_LOOKBACK });
  const unread = page.data.slice(0, 30);
  if (!unread.length) return { marked: 0 };
  const readAt = now.toISOString();
  const done = await writeTransaction(
    ({ notification: n, inboxCount, openNotice, receipt, audit }) => [
      ...unread.flatMap((m) => [
        n.patch({ tenantId: actor.tenantId, userId: actor.userId, notificationId: m.notificationId }).set({ readAt }).where((a, op) => op.notExists(a.readAt)).commit(),
        openNotice.delete({ tenantId: actor.tenantId, ...input, userId: actor.userId, notificationId: m.notificationId }).commit(),
      ]),
      ...(unread.some((m) => m.receipt) ? [receipt.patch({ tenantId: actor.tenantId, subjectType: input.subjectType, subjectId: input.subjectId, userId: actor.userId }).set({ readAt }).commit()] : []),
      inboxCount.update({ tenantId: actor.tenantId, userId: actor.userId }).add({ unread: -unread.length }).commit(),
      auditItem({ audit }, { action: "inbox.read_subject", targetType: input.subjectType, targetId: input.subjectId, details: { marked: unread.length } }, now),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  ).then(
    () => true,
    (err: unknown) => {
      // Read or resolved meanwhile (another tab, the change that resolved them): nothing left to mark.
      if (err instanceof AppError && err.code === "request.conflict_retry") return false;
      throw err;
    },
  );
  return { marked: done ? unread.length : 0 };
}, "body");
