import { auditItem } from "../audit/index.ts";
import { actorRef, useActor, useTenant } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type CancelReason, type Idempotency, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { deliveryItems, openNoticesOf, type Delivery as NotificationDelivery, type OpenNotice } from "../notifications/index.ts";
import { noticeDetail } from "./notices.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { iso } from "./clock.ts";
import { counterDeltas, entryChanges, type CounterDelta } from "./entries.ts";
import type { Outcome } from "./machine.ts";
import { ancestorAt, boundTo, rolesFor } from "./rules.ts";
import type { Hazard, NotificationIntent, RuleActor } from "./types.ts";

// Reading what a change needs, and writing a change in one transaction: the
// hazard (conditioned on the version read), its events, its list rows, the
// counters of its node and the nodes above, notifications and the audit entry.

/** DynamoDB's limit on the items of one transaction. */
const MAX_ITEMS = 100;
/** Notices one change resolves at most; older ones are resolved by the next change, or read. */
const MAX_RESOLVED = 20;
/** Inbox recipients per message; the rest still see the hazard in their lists. */
const MAX_RECIPIENTS = 20;

// ── Reading ────────────────────────────────────────────────────────────────

export async function loadHazard(hazardId: string): Promise<Hazard | undefined> {
  const { data } = await tenantDb().service.entities.hazard.get({ tenantId: useTenant(), hazardId }).go({ consistent: true });
  return data ? (data.doc as Hazard) : undefined;
}

export async function loadRecurrence(venueId: string, code: string) {
  const { data } = await tenantDb().service.entities.hazardRecurrence.get({ tenantId: useTenant(), venueId, code }).go({ consistent: true });
  return data ?? undefined;
}

export type Recurrence = NonNullable<Awaited<ReturnType<typeof loadRecurrence>>>;

export interface Delivery extends NotificationDelivery {
  intent: NotificationIntent;
}

/**
 * The users each notification goes to: named users as they are; for a body,
 * the active users at the node above the hazard at the body's level whose
 * role acts for it (one Query of the users scoped exactly at that node). The
 * actor is never told of their own act.
 */
export async function resolveRecipients(profile: PolicyProfile, hazard: Hazard, intents: NotificationIntent[], actor: RuleActor): Promise<Delivery[]> {
  const tenantId = useTenant();
  const users = tenantDb().service.entities.user;
  const atNode = new Map<string, Promise<{ userId: string; role: string; status: string; phone?: string | undefined; bodyId?: string | undefined }[]>>();
  const usersAt = (path: string) => {
    let found = atNode.get(path);
    if (!found) {
      found = users.query
        .byScope({ tenantId })
        .begins({ scopePath: `${path}#` })
        .go({ limit: 200, attributes: ["userId", "role", "status", "phone", "scopePath", "bodyId"] })
        .then((page) => page.data.filter((u) => u.scopePath === path));
      atNode.set(path, found);
    }
    return found;
  };
  const self = actor.type === "user" ? actor.userId : undefined;
  const deliveries: Delivery[] = [];
  for (const intent of intents) {
    const found = new Map<string, { userId: string; phone?: string | undefined }>();
    for (const to of intent.to) {
      if (to.type === "user") {
        found.set(to.userId, { userId: to.userId });
        continue;
      }
      const node = ancestorAt(profile, hazard.path, to.handling.level);
      if (!node) continue;
      const roles = rolesFor(profile, to.handling);
      for (const u of await usersAt(node.path)) {
        // A department hears through its own liaisons (and those bound to no body), not another department's.
        if (u.status === "active" && roles.includes(u.role as never) && boundTo(profile, u.bodyId, to.handling.body)) found.set(u.userId, { userId: u.userId, phone: u.phone });
      }
    }
    const recipients = [...found.values()].filter((u) => u.userId !== self).slice(0, MAX_RECIPIENTS);
    if (recipients.length) deliveries.push({ intent: { ...intent, detail: noticeDetail(profile, hazard, intent) }, users: recipients });
  }
  return deliveries;
}

// ── Writing ────────────────────────────────────────────────────────────────

export interface Change<R> {
  before: Hazard | undefined;
  outcome: Outcome;
  profileVersion: number;
  timeZone: string;
  now: Date;
  deliveries: Delivery[];
  audit: { action: string; details?: Record<string, unknown> };
  /** Items the change carries besides the hazard's own (recurrence, intake limits), first after the hazard. */
  extra?: (tx: TxEntities) => TxItem[];
  /** What a cancellation of one of the extra items means; the hazard's own condition is handled here. */
  onExtraCanceled?: (reasons: CancelReason[]) => AppError;
  idempotency?: Idempotency<R> | undefined;
}

/** Marks a cancellation on the hazard's own version condition: the caller reloads and answers with the current state. */
export const STALE = "hazard.version_conflict" as const;

/** What one change to one hazard writes, the shared counters apart. */
export interface ChangeDraft {
  before: Hazard | undefined;
  outcome: Outcome;
  profileVersion: number;
  now: Date;
  deliveries: Delivery[];
  /** Unread notices whose work this change has done (the hazard left the state they asked work of). */
  resolve?: OpenNotice[] | undefined;
  /** Several hazards in one transaction share one tally of unread counts (see `deliveryItems`). */
  unread?: Map<string, number>;
  audit: { action: string; details?: Record<string, unknown> };
}

/** Items of a change besides the hazard's own item and the counters: events, list rows, notifications, audit. */
export const itemsBeyondHazard = (d: Pick<ChangeDraft, "before" | "outcome">) => {
  const rows = entryChanges(d.before, d.outcome.hazard);
  return d.outcome.events.length + rows.put.length + rows.remove.length + 1;
};

/**
 * The items of one change to one hazard, the same whoever makes it (a
 * report, an action, the sweep, a failed checklist item): the hazard
 * (conditioned on the version read), its events, its list rows,
 * notifications and the audit entry. The hazard's item comes first. Counter
 * deltas come apart, for the caller to merge with others of the same
 * transaction (DynamoDB refuses two operations on one item).
 */
export function changeItems(tx: TxEntities, d: ChangeDraft): { hazardItem: TxItem; items: TxItem[] } {
  const tenantId = useTenant();
  const actor = useActor();
  const { before, outcome, now } = d;
  const after = plain(outcome.hazard);
  const rows = entryChanges(before, after);
  const at = iso(now);
  const actorId = actorRef(actor);
  const firstSeq = (before?.seq ?? 0) + 1;
  const hazardItem = before
    ? tx.hazard
        .patch({ tenantId, hazardId: after.hazardId })
        .set({ version: after.version, doc: after })
        .where((a, op) => op.eq(a.version, before.version))
        .commit()
    : tx.hazard.create({ tenantId, hazardId: after.hazardId, version: after.version, doc: after }).commit();
  const items: TxItem[] = outcome.events.map((event, i) =>
    tx.hazardEvent
      .create(
        plain({
          tenantId,
          hazardId: after.hazardId,
          seq: firstSeq + i,
          at,
          action: event.action,
          from: event.from,
          to: event.to,
          actorType: actor.type,
          actorId,
          actorName: actor.type === "user" ? actor.name : undefined,
          version: after.version,
          profileVersion: d.profileVersion,
          note: event.note,
          photos: event.photos,
          deadlineBefore: event.deadlineBefore,
          deadlineAfter: event.deadlineAfter,
          basis: event.basis,
          details: event.details,
        }),
      )
      .commit(),
  );
  for (const key of rows.remove) items.push(tx.hazardEntry.delete({ tenantId, ...key }).commit());
  for (const row of rows.put) items.push(tx.hazardEntry.put(plain({ tenantId, ...row })).commit());
  items.push(...deliveryItems(tx, { subjectType: "hazard", subjectId: after.hazardId }, d.deliveries, now, { track: after.state, resolve: d.resolve ?? [], ...(d.unread ? { unread: d.unread } : {}) }));
  items.push(auditItem(tx, { action: d.audit.action, targetType: "hazard", targetId: after.hazardId, details: { state: after.state, version: after.version, ...d.audit.details } }, now));
  return { hazardItem, items };
}

/** Counter items for deltas of several changes, merged per node and metric. */
export function counterItems(tx: TxEntities, deltas: readonly CounterDelta[]): TxItem[] {
  const tenantId = useTenant();
  const merged = new Map<string, CounterDelta>();
  for (const d of deltas) {
    const key = `${d.nodeId}\u0000${d.metric}`;
    const cur = merged.get(key) ?? { nodeId: d.nodeId, metric: d.metric, delta: 0 };
    cur.delta += d.delta;
    merged.set(key, cur);
  }
  return [...merged.values()].filter((c) => c.delta !== 0).map((c) => tx.hazardCounter.update({ tenantId, nodeId: c.nodeId, metric: c.metric }).add({ value: c.delta }).commit());
}

/** How many counter items the deltas of several changes make once merged. */
export function mergedCounterCount(deltas: readonly CounterDelta[]): number {
  const sums = new Map<string, number>();
  for (const d of deltas) sums.set(`${d.nodeId}\u0000${d.metric}`, (sums.get(`${d.nodeId}\u0000${d.metric}`) ?? 0) + d.delta);
  return [...sums.values()].filter((v) => v !== 0).length;
}

/** One change to one hazard in one transaction of its own, with what it carries besides (recurrence, intake limits) and an idempotency record. */
export async function writeChange<R>(change: Change<R>): Promise<R | undefined> {
  const { before, outcome } = change;
  const counters = counterDeltas(before, outcome.hazard, change.timeZone);
  // A move along the loop does the work earlier notices asked for: they are resolved in the same transaction.
  const moved = before !== undefined && before.state !== outcome.hazard.state;
  const resolve = moved ? await openNoticesOf({ subjectType: "hazard", subjectId: outcome.hazard.hazardId }, outcome.hazard.state, MAX_RESOLVED) : [];
  // The hazard, its events, rows, counters, the audit entry and the idempotency record; the few extra items
  // (recurrence, intake limits, the checks of a new hazard's place: one per node of its path) fit in the margin.
  const baseCount = 1 + itemsBeyondHazard(change) + mergedCounterCount(counters) + (change.idempotency ? 1 : 0) + resolve.length * 3;
  const EXTRA_MARGIN = 10;
  const deliveries = fitDeliveries(change.deliveries, MAX_ITEMS - baseCount - EXTRA_MARGIN);

  let extraCount = 0;
  const build = (tx: TxEntities): TxItem[] => {
    const extra = change.extra?.(tx) ?? [];
    extraCount = extra.length;
    const parts = changeItems(tx, { ...change, deliveries, resolve });
    return [parts.hazardItem, ...extra, ...parts.items, ...counterItems(tx, counters)];
  };

  return writeTransaction<R>(build as never, {
    idempotency: change.idempotency,
    onCanceled: (reasons) => {
      if (reasons.some((r) => r.index === 0)) return new AppError("conflict", STALE);
      const extra = reasons.filter((r) => r.index >= 1 && r.index <= extraCount);
      if (extra.length && change.onExtraCanceled) return change.onExtraCanceled(extra.map((r) => ({ ...r, index: r.index - 1 })));
      return new AppError("conflict", "request.conflict_retry");
    },
  });
}

/** As many deliveries as the transaction has room for: three items per recipient (message, open notice, unread count) and one outbox record per message. */
export function fitDeliveries(deliveries: Delivery[], room: number): Delivery[] {
  const fitted: Delivery[] = [];
  const counted = new Set<string>();
  let used = 0;
  for (const d of deliveries) {
    const fresh = d.users.filter((u) => !counted.has(u.userId)).length;
    // Per recipient its message and its open-notice row, per new recipient an unread count, per message an outbox record.
    const cost = 1 + 2 * d.users.length + fresh;
    if (used + cost > room) break;
    used += cost;
    d.users.forEach((u) => counted.add(u.userId));
    fitted.push(d);
  }
  return fitted;
}

/** Retries a change that lost a race on shared items (counters, recurrence): it reads again and decides again. */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof AppError && err.code === "request.conflict_retry") || i >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * i + Math.random() * 40));
    }
  }
}
