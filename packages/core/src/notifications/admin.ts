import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { plain } from "../db/plain.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";

// What the county's admin sees of delivery (消息推送): recent sends per
// channel and their state, and the dead letters with their last error, each
// of which they may send again. Reads are one Query per partition.

export const SendStatus = z.enum(["queued", "deferred", "retrying", "sent", "dead"]).meta({ id: "SendStatus" });

export const SendViewSchema = z
  .object({
    sendId: z.string(),
    messageId: z.string(),
    userId: z.string(),
    channel: z.enum(["sms", "wecom", "dingtalk", "webhook"]),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    status: SendStatus,
    attempts: z.int(),
    dedupeId: z.string(),
    nextAttemptAt: z.string().optional(),
    lastError: z.string().optional(),
    sentAt: z.string().optional(),
    deadAt: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: "NotificationSend" });
export type SendView = z.infer<typeof SendViewSchema>;

export const DeliveryLogSchema = z.object({ pending: z.array(SendViewSchema), sent: z.array(SendViewSchema) }).meta({ id: "DeliveryLog" });
export const DeadLettersSchema = z.object({ items: z.array(SendViewSchema) }).meta({ id: "DeadLetters" });

export const DeliveryLogInput = z.object({
  channel: z.enum(["sms", "wecom", "dingtalk", "webhook"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

type Stored = Omit<SendView, "status"> & { deferred?: boolean; tenantId: string; target?: unknown; leaseUntil?: string };

function toView(s: Stored, status: SendView["status"]): SendView {
  const { tenantId: _t, target: _target, leaseUntil: _l, deferred: _d, ...rest } = s;
  // The target (a phone, a robot's key in its URL) stays out of the log.
  return plain({ ...rest, status });
}

const queuedStatus = (s: Stored): SendView["status"] => (s.attempts > 0 ? "retrying" : s.deferred ? "deferred" : "queued");

/** Recent sends: those waiting (queued, deferred to the end of quiet hours, retrying) and the latest sent, newest first, optionally of one channel. */
export const deliveryLog = useCase(
  DeliveryLogInput,
  async (input) => {
    const actor = useUser();
    authorize(actor, "tenant.configure");
    const { sendQueue, sendLog } = tenantDb().service.entities;
    const key = { tenantId: actor.tenantId };
    const [pending, sent] = await Promise.all([
      (input.channel ? sendQueue.query.byId(key).where((a, op) => op.eq(a.channel, input.channel!)) : sendQueue.query.byId(key)).go({ order: "desc", limit: input.limit }),
      (input.channel ? sendLog.query.byId(key).where((a, op) => op.eq(a.channel, input.channel!)) : sendLog.query.byId(key)).go({ order: "desc", limit: input.limit }),
    ]);
    return { pending: pending.data.map((s) => toView(s as Stored, queuedStatus(s as Stored))), sent: sent.data.map((s) => toView(s as Stored, "sent")) };
  },
  "query",
);

/** The dead letters, newest first, with their last error. */
export async function deadLetters(): Promise<{ items: SendView[] }> {
  const actor = useUser();
  authorize(actor, "tenant.configure");
  const { data } = await tenantDb().service.entities.deadLetter.query.byId({ tenantId: actor.tenantId }).go({ order: "desc", limit: 200 });
  return { items: data.map((s) => toView(s as Stored, "dead")) };
}

/** Sends a dead letter again: back to the queue with its attempts reset and the same dedupe id, due at once (with an audit entry, one transaction). */
export async function retryDeadLetter(sendId: string, now: Date = new Date()): Promise<SendView> {
  const actor = useUser();
  const key = { tenantId: actor.tenantId, sendId };
  const { data } = await tenantDb().service.entities.deadLetter.get(key).go({ consistent: true });
  // Not there (another tenant's id is simply not there) is 404 before who-may is asked.
  if (!data) throw new AppError("not_found", "notification.dead_letter_not_found");
  authorize(actor, "tenant.configure");
  const { deadAt: _d, leaseUntil: _l, ...rest } = data;
  const queued = plain({ ...rest, attempts: 0, nextAttemptAt: now.toISOString(), deferred: undefined });
  await writeTransaction(
    ({ deadLetter, sendQueue, audit }) => [
      deadLetter.delete(key).where((a, op) => op.exists(a.sendId)).commit(),
      sendQueue.create(queued).commit(),
      auditItem({ audit }, { action: "notification.retry", targetType: "send", targetId: sendId, details: { channel: data.channel, attempts: data.attempts } }, now),
    ],
    // Retried meanwhile (another tab): the first retry stands.
    { onCanceled: () => new AppError("not_found", "notification.dead_letter_not_found") },
  );
  return toView(queued as Stored, "queued");
}
