import { createHash } from "node:crypto";
import { useTenant, withActor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { plain } from "../db/plain.ts";
import { writeTransaction, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import type { Job, JobStats } from "../jobs/index.ts";
// By path, not through jobs/index.ts: that door also exports the SQS queue, which the API's bundle must not load.
import { boundedPool } from "../jobs/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { deliveryConfig, loadDeliveryConfig, sendOnce, type Channel, type DeliveryConfig } from "./adapters.ts";
import { isUrgent, releaseAt } from "./quiet-hours.ts";

// The delivery worker: drains the outbox into sends (one per message,
// recipient and channel, deferred past the recipient's quiet hours), then
// sends what is due, bounded per invocation. A send is moved, in one
// transaction, from the queue to the log when its provider accepts it, or to
// the dead letters after `maxAttempts` failures; between failures it waits
// an exponential backoff with jitter. A send is claimed (a lease) before its
// provider is called, and its dedupe id is the same on every attempt, so a
// send recorded as sent is never sent again and a crash between the
// provider's yes and our record is deduplicated by the provider.

const JOB = "notifications.deliver";

/** The deterministic id of a send, and the dedupe key the provider sees (the same for every attempt). */
export function sendIdOf(messageId: string, userId: string, channel: Channel): string {
  return `${messageId}.${userId}.${channel}`;
}
export function dedupeIdOf(tenantId: string, sendId: string): string {
  return createHash("sha256").update(`${tenantId}:${sendId}`).digest("hex").slice(0, 32);
}

/** Backoff after the `attempt`-th failure: base × 2^(attempt−1), capped, plus up to half again as jitter. */
export function backoffMs(attempt: number, cfg: Pick<DeliveryConfig, "backoffBaseMs" | "backoffMaxMs">, random: () => number = Math.random): number {
  const delay = Math.min(cfg.backoffMaxMs, cfg.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay + delay * 0.5 * random());
}

type Recipient = { userId: string; phone?: string | undefined };

/** Turns up to `batch` outbox messages into sends; each message's outbox record goes once its sends exist. */
async function expandOutbox(now: Date, cfg: DeliveryConfig, timeZone: string): Promise<{ messages: number; queued: number }> {
  const tenantId = useTenant();
  const { outbox, channelSetting } = tenantDb().service.entities;
  const { data: messages } = await outbox.query.byTime({ tenantId }).go({ limit: cfg.batch });
  let queued = 0;
  for (const m of messages) {
    const recipients = (m.recipients as Recipient[]) ?? [];
    const keys = [...new Set(recipients.map((r) => r.userId))].map((userId) => ({ tenantId, userId }));
    const { data: settings } = keys.length ? await channelSetting.get(keys).go() : { data: [] };
    const byUser = new Map(settings.map((s) => [s.userId, s]));
    const urgent = isUrgent(m.kind, m.urgent);
    for (const r of recipients) {
      const s = byUser.get(r.userId);
      if (!s || s.channel === "inapp") continue;
      const channel = s.channel;
      const phone = s.phone ?? r.phone;
      const target = plain({ phone, url: channel === "sms" ? undefined : s.webhookUrl });
      const at = urgent ? now : releaseAt(now, s.quietStart && s.quietEnd ? { start: s.quietStart, end: s.quietEnd } : undefined, timeZone);
      const sendId = sendIdOf(m.messageId, r.userId, channel);
      const item = plain({ tenantId, sendId, messageId: m.messageId, userId: r.userId, channel, target, kind: m.kind, subjectType: m.subjectType, subjectId: m.subjectId, title: m.title, dedupeId: dedupeIdOf(tenantId, sendId), attempts: 0, nextAttemptAt: at.toISOString(), deferred: at > now || undefined, createdAt: m.createdAt });
      // Queued once: not if it is queued already (an earlier run stopped before deleting the outbox record),
      // nor if another worker has meanwhile queued, sent or dead-lettered it (the log and dead letters are checked in the same transaction).
      const created = await writeTransaction(
        (tx) => [
          tx.sendQueue.create(item).commit(),
          tx.sendLog.check({ tenantId, sendId }).where((a, op) => op.notExists(a.sendId)).commit() as TxItem,
          tx.deadLetter.check({ tenantId, sendId }).where((a, op) => op.notExists(a.sendId)).commit() as TxItem,
        ],
        { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
      ).then(
        () => true,
        (err: unknown) => {
          if (err instanceof AppError && err.code === "request.conflict_retry") return false;
          throw err;
        },
      );
      if (created) queued++;
    }
    await outbox.delete({ tenantId, messageId: m.messageId }).go();
  }
  return { messages: messages.length, queued };
}

/** Sends what is due now (at most `batch`), four at a time. */
async function sendDue(now: Date, cfg: DeliveryConfig): Promise<{ sent: number; failed: number; dead: number }> {
  const tenantId = useTenant();
  const { sendQueue } = tenantDb().service.entities;
  const stamp = now.toISOString();
  const { data } = await sendQueue.query.byId({ tenantId }).where((a, op) => `${op.lte(a.nextAttemptAt, stamp)} AND (${op.notExists(a.leaseUntil)} OR ${op.lte(a.leaseUntil, stamp)})`).go({ pages: 4, limit: cfg.batch });
  const due = data.slice(0, cfg.batch);
  const tally = { sent: 0, failed: 0, dead: 0 };
  const pool = boundedPool(4);
  for (const s of due) {
    await pool.add(async () => {
      const outcome = await attempt(s, now, cfg);
      if (outcome) tally[outcome]++;
    });
  }
  await pool.settle();
  return tally;
}

type SendItem = Awaited<ReturnType<ReturnType<ReturnType<typeof tenantDb>["service"]["entities"]["sendQueue"]["get"]>["go"]>>["data"] & {};

async function attempt(s: SendItem, now: Date, cfg: DeliveryConfig): Promise<"sent" | "failed" | "dead" | undefined> {
  const tenantId = useTenant();
  const { sendQueue } = tenantDb().service.entities;
  const key = { tenantId, sendId: s.sendId };
  const stamp = now.toISOString();
  // Claim it: nobody else holds it and nobody has moved it on since we read it.
  const leaseUntil = new Date(now.getTime() + cfg.timeoutMs * 3 + 60_000).toISOString();
  const claimed = await sendQueue
    .patch(key)
    .set({ leaseUntil })
    .where((a, op) => `${op.eq(a.attempts, s.attempts)} AND (${op.notExists(a.leaseUntil)} OR ${op.lte(a.leaseUntil, stamp)})`)
    .go()
    .then(
      () => true,
      () => false,
    );
  if (!claimed) return undefined;
  const { tenantId: _t, leaseUntil: _l, ...rest } = s;
  const error = await sendOnce({ tenantId: s.tenantId, channel: s.channel, dedupeId: s.dedupeId, phone: s.target.phone, url: s.target.url, kind: s.kind, subjectType: s.subjectType, subjectId: s.subjectId, title: s.title, createdAt: s.createdAt }, cfg, new Date());
  const attempts = s.attempts + 1;
  const stillOurs = (a: { attempts: unknown; leaseUntil: unknown }, op: { eq: (x: unknown, v: unknown) => string }) => `${op.eq(a.attempts, s.attempts)} AND ${op.eq(a.leaseUntil, leaseUntil)}`;
  const onCanceled = () => new AppError("conflict", "request.conflict_retry");
  // Another worker took the send over after our lease ran out: its record stands, ours is dropped.
  const quietly = (err: unknown) => {
    if (err instanceof AppError && err.code === "request.conflict_retry") return undefined;
    throw err;
  };
  if (!error) {
    return writeTransaction((tx) => [tx.sendQueue.delete(key).where(stillOurs as never).commit(), tx.sendLog.create(plain({ ...rest, tenantId, attempts, sentAt: stamp, lastError: undefined, deferred: undefined })).commit()], { onCanceled }).then(() => "sent" as const, quietly);
  }
  if (attempts >= cfg.maxAttempts) {
    return writeTransaction((tx) => [tx.sendQueue.delete(key).where(stillOurs as never).commit(), tx.deadLetter.put(plain({ ...rest, tenantId, attempts, lastError: error, deadAt: stamp })).commit()], { onCanceled }).then(() => "dead" as const, quietly);
  }
  // Not ours any more, or the write failed: the lease runs out and the send is tried again.
  return sendQueue
    .patch(key)
    .set({ attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, cfg)).toISOString() })
    .remove(["leaseUntil", "deferred"])
    .where(stillOurs as never)
    .go()
    .then(
      () => "failed" as const,
      () => undefined,
    );
}

/** One tenant's share of delivery at `now` (in context: a system actor or a test's). */
export async function deliverPending(now: Date, cfg: DeliveryConfig = deliveryConfig()): Promise<JobStats> {
  const timeZone = await tenantTimeZone();
  const expanded = await expandOutbox(now, cfg, timeZone);
  const sent = await sendDue(now, cfg);
  return { ...expanded, ...sent };
}

/** The delivery worker as a job: every minute, per tenant. */
export const deliveryJob: Job = {
  name: JOB,
  cadence: "minutely",
  forTenant: async (t, now) => {
    const cfg = await loadDeliveryConfig();
    return withActor({ type: "system", tenantId: t.tenantId, job: JOB }, () => deliverPending(now, cfg));
  },
};
