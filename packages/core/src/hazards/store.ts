import { createHash, randomUUID } from "node:crypto";
import { auditItem } from "../audit/record.ts";
import { useActor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type CancelReason, type Idempotency, type TxEntities } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import type { PolicyProfile } from "../profile/schema.ts";
import { iso } from "./clock.ts";
import { counterDeltas, entryChanges } from "./entries.ts";
import type { Outcome } from "./machine.ts";
import { ancestorAt, rolesFor } from "./rules.ts";
import type { Hazard, NotificationIntent, RuleActor } from "./types.ts";

// Reading what a change needs, and writing a change in one transaction: the
// hazard (conditioned on the version read), its events, its list rows, the
// counters of its node and the nodes above, notifications and the audit entry.

/** DynamoDB's limit on the items of one transaction. */
const MAX_ITEMS = 100;
/** Inbox recipients per message; the rest still see the hazard in their lists. */
const MAX_RECIPIENTS = 20;

/** Stored documents carry no `undefined` (DynamoDB has no such value). */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Ids that sort by creation time, so partitions list newest first without another index. */
export function timeOrderedId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, "0")}${randomUUID().replace(/-/g, "").slice(0, 12)}`;
}

// ── Reading ────────────────────────────────────────────────────────────────

/** The profile version in effect at `at` (no authorisation: callers have already decided who may act). */
export async function profileAt(tenantId: string, at: Date): Promise<{ version: number; profile: PolicyProfile }> {
  const justAfter = iso(at.getTime() + 1);
  const { data } = await tenantDb(tenantId).service.entities.profileVersion.query.byEffect({ tenantId }).lt({ effectiveFrom: justAfter }).go({ order: "desc", limit: 1 });
  const item = data[0];
  if (!item) throw new AppError("not_found", "profile.not_in_effect", { at: iso(at) });
  return { version: item.version, profile: JSON.parse(item.profile) as PolicyProfile };
}

export async function tenantOf(tenantId: string) {
  const { data } = await tenantDb(tenantId).service.entities.tenant.get({ tenantId }).go();
  return data;
}

export async function loadHazard(tenantId: string, hazardId: string): Promise<Hazard | undefined> {
  const { data } = await tenantDb(tenantId).service.entities.hazard.get({ tenantId, hazardId }).go({ consistent: true });
  return data ? (data.doc as Hazard) : undefined;
}

export async function loadRecurrence(tenantId: string, venueId: string, code: string) {
  const { data } = await tenantDb(tenantId).service.entities.hazardRecurrence.get({ tenantId, venueId, code }).go({ consistent: true });
  return data ?? undefined;
}

export type Recurrence = NonNullable<Awaited<ReturnType<typeof loadRecurrence>>>;

interface Delivery {
  intent: NotificationIntent;
  users: { userId: string; phone?: string | undefined }[];
}

/**
 * The users each notification goes to: named users as they are; for a body,
 * the active users at the node above the hazard at the body's level whose
 * role acts for it (one Query of the users scoped exactly at that node). The
 * actor is never told of their own act.
 */
export async function resolveRecipients(tenantId: string, profile: PolicyProfile, hazard: Hazard, intents: NotificationIntent[], actor: RuleActor): Promise<Delivery[]> {
  const users = tenantDb(tenantId).service.entities.user;
  const atNode = new Map<string, Promise<{ userId: string; role: string; status: string; phone?: string | undefined }[]>>();
  const usersAt = (path: string) => {
    let found = atNode.get(path);
    if (!found) {
      found = users.query
        .byScope({ tenantId })
        .begins({ scopePath: `${path}#` })
        .go({ limit: 200, attributes: ["userId", "role", "status", "phone", "scopePath"] })
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
        if (u.status === "active" && roles.includes(u.role as never)) found.set(u.userId, { userId: u.userId, phone: u.phone });
      }
    }
    const recipients = [...found.values()].filter((u) => u.userId !== self).slice(0, MAX_RECIPIENTS);
    if (recipients.length) deliveries.push({ intent, users: recipients });
  }
  return deliveries;
}

/**
 * The stored answer to an earlier request with this Idempotency-Key, read
 * before deciding: a retried action would otherwise be judged against the
 * state the first one left (and refused), never reaching the transaction that
 * replays it. Keys and fingerprints are hashed as db/transact.ts stores them.
 */
export async function priorResult<R>(tenantId: string, key: string, request: unknown): Promise<R | undefined> {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");
  const { data } = await tenantDb(tenantId).service.entities.idempotency.get({ tenantId, key: sha256(key) }).go({ consistent: true });
  if (!data) return undefined;
  if (data.fingerprint !== sha256(JSON.stringify(request))) throw new AppError("conflict", "request.idempotency_mismatch");
  return JSON.parse(data.result) as R;
}

// ── Writing ────────────────────────────────────────────────────────────────

type Item = ReturnType<TxEntities["audit"]["create"]> extends { commit: () => infer C } ? C : never;

export interface Change<R> {
  tenantId: string;
  before: Hazard | undefined;
  outcome: Outcome;
  profileVersion: number;
  timeZone: string;
  now: Date;
  deliveries: Delivery[];
  audit: { action: string; details?: Record<string, unknown> };
  /** Items the change carries besides the hazard's own (recurrence, intake limits), first after the hazard. */
  extra?: (tx: TxEntities) => Item[];
  /** What a cancellation of one of the extra items means; the hazard's own condition is handled here. */
  onExtraCanceled?: (reasons: CancelReason[]) => AppError;
  idempotency?: Idempotency<R> | undefined;
}

/** Marks a cancellation on the hazard's own version condition: the caller reloads and answers with the current state. */
export const STALE = "hazard.version_conflict" as const;

export async function writeChange<R>(change: Change<R>): Promise<R | undefined> {
  const { tenantId, before, outcome, now } = change;
  const actor = useActor();
  const after = plain(outcome.hazard);
  const rows = entryChanges(before, after);
  const counters = counterDeltas(before, after, change.timeZone);
  const at = iso(now);
  const actorId = actor.type === "user" ? actor.userId : actor.type === "system" ? `system:${actor.job}` : "public";
  const firstSeq = (before?.seq ?? 0) + 1;

  // The hazard, its events, rows, counters, the audit entry and the idempotency record; the few extra items (recurrence, intake limits) fit in the margin.
  const baseCount = 1 + outcome.events.length + rows.put.length + rows.remove.length + counters.length + 1 + (change.idempotency ? 1 : 0);
  const EXTRA_MARGIN = 4;
  const deliveries = fitDeliveries(change.deliveries, MAX_ITEMS - baseCount - EXTRA_MARGIN);

  let extraCount = 0;
  const build = (tx: TxEntities): Item[] => {
    const items: Item[] = [];
    const extra = change.extra?.(tx) ?? [];
    extraCount = extra.length;
    items.push(
      before
        ? tx.hazard
            .patch({ tenantId, hazardId: after.hazardId })
            .set({ version: after.version, doc: after })
            .where((a, op) => op.eq(a.version, before.version))
            .commit()
        : tx.hazard.create({ tenantId, hazardId: after.hazardId, version: after.version, doc: after }).commit(),
    );
    items.push(...extra);
    outcome.events.forEach((event, i) => {
      items.push(
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
              profileVersion: change.profileVersion,
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
    });
    for (const key of rows.remove) items.push(tx.hazardEntry.delete({ tenantId, ...key }).commit());
    for (const row of rows.put) items.push(tx.hazardEntry.put(plain({ tenantId, ...row })).commit());
    for (const c of counters) items.push(tx.hazardCounter.update({ tenantId, nodeId: c.nodeId, metric: c.metric }).add({ value: c.delta }).commit());
    items.push(...notificationItems(tx, tenantId, after.hazardId, deliveries, now));
    items.push(auditItem(tx, { action: change.audit.action, targetType: "hazard", targetId: after.hazardId, details: { state: after.state, version: after.version, ...change.audit.details } }, now));
    return items;
  };

  return writeTransaction<R>(tenantDb(tenantId), build as never, {
    idempotency: change.idempotency,
    onCanceled: (reasons) => {
      if (reasons.some((r) => r.index === 0)) return new AppError("conflict", STALE);
      const extra = reasons.filter((r) => r.index >= 1 && r.index <= extraCount);
      if (extra.length && change.onExtraCanceled) return change.onExtraCanceled(extra.map((r) => ({ ...r, index: r.index - 1 })));
      return new AppError("conflict", "request.conflict_retry");
    },
  });
}

/** As many deliveries as the transaction has room for: two items per recipient (message, unread count) and one outbox record per message. */
function fitDeliveries(deliveries: Delivery[], room: number): Delivery[] {
  const fitted: Delivery[] = [];
  const counted = new Set<string>();
  let used = 0;
  for (const d of deliveries) {
    const fresh = d.users.filter((u) => !counted.has(u.userId)).length;
    const cost = 1 + d.users.length + fresh;
    if (used + cost > room) break;
    used += cost;
    d.users.forEach((u) => counted.add(u.userId));
    fitted.push(d);
  }
  return fitted;
}

function notificationItems(tx: TxEntities, tenantId: string, hazardId: string, deliveries: Delivery[], now: Date): Item[] {
  const items: Item[] = [];
  const unread = new Map<string, number>();
  const createdAt = iso(now);
  for (const { intent, users } of deliveries) {
    for (const u of users) {
      items.push(tx.notification.create({ tenantId, userId: u.userId, notificationId: timeOrderedId(now), kind: intent.kind, subjectType: "hazard", subjectId: hazardId, title: intent.title, createdAt }).commit());
      unread.set(u.userId, (unread.get(u.userId) ?? 0) + 1);
    }
    items.push(
      tx.outbox
        .create(plain({ tenantId, messageId: timeOrderedId(now), kind: intent.kind, subjectType: "hazard", subjectId: hazardId, recipients: users, title: intent.title, createdAt }))
        .commit(),
    );
  }
  for (const [userId, n] of unread) items.push(tx.inboxCount.update({ tenantId, userId }).add({ unread: n }).commit());
  return items;
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
