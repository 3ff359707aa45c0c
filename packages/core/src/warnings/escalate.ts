import { auditItem } from "../audit/index.ts";
import { useTenant, withActor } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import type { Job } from "../jobs/index.ts";
import { deliveryItems, type Delivery } from "../notifications/index.ts";
import { chunked, costOf, officersOf, usersByNode } from "./deliver.ts";
import { finishIssuing } from "./issue.ts";
import { dueToEscalate } from "./rules.ts";
import { warningFile, type TargetItem, type WarningItem } from "./store.ts";

// At the deadline, the targets that have not answered escalate by the
// profile's rule of the warning (recorded on it when issued): each is marked
// `escalated` and the parent node's officers and/or the issuer are told, in
// the same transaction. The warning then lapses; a second run finds nothing.

export const JOB = "warning-escalation";

type Notify = "parent_officers" | "issuer";

async function escalateOne(w: WarningItem, now: Date): Promise<number> {
  const file = await warningFile(w.warningId, true);
  if (!file) return 0;
  const due = dueToEscalate(w.deadline, file.targets, now);
  const notify = new Set(w.escalateTo as Notify[]);
  const users = notify.has("parent_officers") && due.length ? await usersByNode("/" + w.issuerPath.split("/")[1]) : new Map();
  const deliveryOf = (t: TargetItem): Delivery | undefined => {
    const recipients = new Map<string, { userId: string; phone?: string | undefined }>();
    if (notify.has("parent_officers")) for (const u of officersOf(users, t.parentId)) recipients.set(u.userId, u);
    if (notify.has("issuer") && !recipients.has(w.issuerId)) recipients.set(w.issuerId, { userId: w.issuerId });
    if (!recipients.size) return undefined;
    return {
      intent: { kind: "warning.escalated", title: { zh: `预警“${w.title}”：${t.nodeName} 未在时限内叫应`, en: `Warning “${w.title}”: ${t.nodeName} did not answer in time` } },
      users: [...recipients.values()],
    };
  };
  const units = due.map((t) => ({ t, delivery: deliveryOf(t) }));
  let escalated = 0;
  let failed = false;
  const at = now.toISOString();
  for (const chunk of chunked(units, (u) => 1 + costOf(u.delivery), 85)) {
    try {
      await writeTransaction(
        (tx) =>
          [
            ...chunk.map((u) => tx.warningTarget.patch({ tenantId: w.tenantId, warningId: w.warningId, nodeId: u.t.nodeId }).set({ state: "escalated", escalatedAt: at }).where((a, op) => op.eq(a.state, "pending")).commit()),
            tx.warning.patch({ tenantId: w.tenantId, warningId: w.warningId }).add({ escalated: chunk.length }).commit(),
            ...deliveryItems(tx, { subjectType: "warning", subjectId: w.warningId }, chunk.flatMap((u) => (u.delivery ? [u.delivery] : [])), now),
          ] as never,
        { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
      );
      escalated += chunk.length;
    } catch (err) {
      // A target answered meanwhile: the next run escalates the rest of this chunk.
      if (err instanceof AppError && err.kind === "conflict") failed = true;
      else throw err;
    }
  }
  if (!failed) {
    await writeTransaction(
      (tx) =>
        [
          tx.warning.patch({ tenantId: w.tenantId, warningId: w.warningId }).set({ state: "lapsed", lapsedAt: at }).where((a, op) => op.eq(a.state, "open")).commit(),
          auditItem(tx, { action: "warning.escalate", targetType: "warning", targetId: w.warningId, details: { escalated, notify: [...notify].join(",") } }, now),
        ] as never,
      { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
    ).catch((err: unknown) => {
      if (!(err instanceof AppError && err.kind === "conflict")) throw err;
    });
  }
  return escalated;
}

/** One tenant's warnings past their deadline: unanswered targets escalated, interrupted issues finished first. */
export async function escalateWarnings(tenantId: string, now: Date): Promise<{ warnings: number; escalated: number; resumed: number }> {
  return withActor({ type: "system", tenantId, job: JOB }, async () => {
    const stats = { warnings: 0, escalated: 0, resumed: 0 };
    const open = (await allPages((cursor) =>
      tenantDb()
        .service.entities.warning.query.list({ tenantId: useTenant() })
        .where((a, op) => op.ne(a.state, "lapsed"))
        .go({ cursor, limit: 200 }),
    )) as WarningItem[];
    for (const w of open) {
      let current = w;
      if (w.state === "issuing") {
        await finishIssuing(w, now);
        current = { ...w, state: "open" };
        stats.resumed += 1;
      }
      if (current.deadline > now.toISOString()) continue;
      stats.warnings += 1;
      stats.escalated += await escalateOne(current, now);
    }
    return stats;
  });
}

/** Hourly, one tenant per queue message: unanswered warnings escalate at their deadline. */
export const warningEscalationJob: Job = {
  name: JOB,
  cadence: "hourly",
  forTenant: (t, now) => escalateWarnings(t.tenantId, now),
};
