/**
 * The outbox: writes made without a network wait here (IndexedDB) and are
 * sent when it returns — in the order they were made, one at a time, each
 * with the Idempotency-Key it was given when first tried, so the API keeps
 * one copy whatever is replayed. A refusal the user must see (409/412/422:
 * the task was done by someone else, the venue changed) is kept as a
 * conflict with the API's message, never dropped; no network leaves the
 * item pending for the next sync.
 */
import { createSignal } from "solid-js";
import { ApiError, apiFetch, idempotent, newIdempotencyKey } from "../api/http.ts";
import { signedInUser } from "../auth/session.ts";
import { resolveBody, runBeforeSync } from "./before-sync.ts";
import { offlineDb, type OutboxItem } from "./db.ts";

export type { OutboxItem, OutboxState } from "./db.ts";

/** Answers that mean "not like this, not now": shown to the user to decide, never retried on their own. */
const CONFLICT_STATUSES = [409, 412, 422];
/** Kept in the list this long after landing, so the user sees what went. */
const DONE_KEPT_MS = 3 * 24 * 3600_000;

const [all, setItems] = createSignal<OutboxItem[]>([]);
/** The signed-in user's writes (older items without an author count as theirs): another account's wait for it. */
const mine = (item: OutboxItem) => item.userId === undefined || item.userId === signedInUser()?.userId;
const items = () => all().filter(mine);
/** The signed-in user's items on this phone, oldest first (reactive; refreshed on every change). */
export const outboxItems = items;
/** Writes still to send (the badge's count). */
export const pendingCount = () => items().filter((i) => i.state === "pending" || i.state === "sending").length;
/** Writes the user must look at. */
export const conflictCount = () => items().filter((i) => i.state === "conflict" || i.state === "failed").length;

export async function refreshOutbox(): Promise<OutboxItem[]> {
  const all = await (await offlineDb()).getAll("outbox");
  setItems(all);
  return all;
}

export interface QueuedWrite {
  method: OutboxItem["method"];
  path: string;
  body: unknown;
  label: string;
  href?: string;
  /** The key the write was already tried with (a send lost on the way may have landed): kept, so the API dedupes. */
  idempotencyKey?: string;
}

/** Queues a write for the next sync; its Idempotency-Key is fixed here. */
export async function enqueue(write: QueuedWrite): Promise<OutboxItem> {
  const db = await offlineDb();
  const draft = {
    method: write.method,
    path: write.path,
    // A JSON body, kept as plain data (a form's reactive store cannot be stored as it is).
    body: JSON.parse(JSON.stringify(write.body)) as unknown,
    label: write.label,
    ...(signedInUser() ? { userId: signedInUser()!.userId } : {}),
    ...(write.href ? { href: write.href } : {}),
    idempotencyKey: write.idempotencyKey ?? newIdempotencyKey(),
    createdAt: new Date().toISOString(),
    state: "pending" as const,
  };
  const id = await db.add("outbox", draft as OutboxItem);
  await refreshOutbox();
  return { ...draft, id };
}

async function update(item: OutboxItem, change: Partial<OutboxItem>): Promise<OutboxItem> {
  const next = { ...item, ...change };
  await (await offlineDb()).put("outbox", next);
  await refreshOutbox();
  return next;
}

/** Drops an item the user chose to give up (a conflict, a failure): nothing is sent. */
export async function discard(id: number): Promise<void> {
  await (await offlineDb()).delete("outbox", id);
  await refreshOutbox();
}

export interface SyncResult {
  sent: number;
  conflicts: number;
  /** Why the sync stopped early (no network, a step before sync failed): the rest stay pending. */
  stopped?: string;
}

let running: Promise<SyncResult> | undefined;

/** Sends the pending writes, in order, one at a time. Calls made while a sync runs share it. */
export function syncOutbox(): Promise<SyncResult> {
  running ??= sync().finally(() => {
    running = undefined;
  });
  return running;
}

async function sync(): Promise<SyncResult> {
  const result: SyncResult = { sent: 0, conflicts: 0 };
  const all = await refreshOutbox();
  await forgetOldDone(all);
  // "sending": a sync cut off mid-request (the page closed); the same key makes sending it again safe.
  const queue = all.filter((i) => mine(i) && (i.state === "pending" || i.state === "sending")).sort((a, b) => a.id - b.id);
  if (!queue.length) return result;
  if (globalThis.navigator?.onLine === false) return { ...result, stopped: "offline" };
  try {
    await runBeforeSync();
  } catch (error) {
    return { ...result, stopped: messageOf(error) };
  }
  for (const queued of queue) {
    const item = await update(queued, { state: "sending" });
    try {
      const body = await resolveBody(item.body);
      const res = await apiFetch(item.path, { method: item.method, body: JSON.stringify(body), headers: idempotent(item.idempotencyKey) });
      const answer: unknown = (res.headers.get("content-type") ?? "").includes("json") ? await res.json().catch(() => undefined) : undefined;
      await update(item, { state: "done", doneAt: new Date().toISOString(), result: answer, status: res.status });
      result.sent++;
    } catch (error) {
      if (error instanceof ApiError && CONFLICT_STATUSES.includes(error.status)) {
        await update(item, { state: "conflict", status: error.status, message: error.message });
        result.conflicts++;
        continue;
      }
      // No network, the API busy (5xx) or the session to be renewed by signing in: try again on the next sync, in the same order.
      if (isNetworkError(error) || !(error instanceof ApiError) || error.status >= 500 || error.status === 401) {
        await update(item, { state: "pending", message: messageOf(error) });
        return { ...result, stopped: messageOf(error) };
      }
      await update(item, { state: "failed", status: error.status, message: error.message });
    }
  }
  return result;
}

async function forgetOldDone(all: OutboxItem[]) {
  const db = await offlineDb();
  const old = all.filter((i) => i.state === "done" && i.doneAt && Date.now() - Date.parse(i.doneAt) > DONE_KEPT_MS);
  for (const item of old) await db.delete("outbox", item.id);
  if (old.length) await refreshOutbox();
}

/** The request never reached the API (see api/http.ts): the write may be sent again later. */
const isNetworkError = (error: unknown) => (error instanceof ApiError && error.code === "network.offline") || error instanceof TypeError;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * For a form whose send failed: a failure of the network queues the write
 * (with the key it was tried with, since it may have landed) and answers the
 * queued item; any answer of the API is thrown again, for the form to show.
 */
export async function queueOnNetworkError(error: unknown, write: QueuedWrite & { idempotencyKey: string }): Promise<OutboxItem> {
  if (!isNetworkError(error)) throw error;
  return enqueue(write);
}

let started = false;
/** Syncs now, whenever the network returns, and when the page comes back into view. Once per page. */
export function startOutboxSync(): void {
  if (started) return;
  started = true;
  const kick = () => void syncOutbox().catch((error: unknown) => console.error(error));
  globalThis.addEventListener?.("online", kick);
  globalThis.document?.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && pendingCount() > 0) kick();
  });
  kick();
}
