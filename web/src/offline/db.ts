// The phone's own store for field work made offline: the outbox of queued
// writes and the drafts of inspections in progress. One database, so that
// its versions (upgrades) are kept in one place.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

export type OutboxState = "pending" | "sending" | "done" | "conflict" | "failed";

/** One write waiting to reach the API, or what became of it. */
export interface OutboxItem {
  /** Increasing: the order the writes were made in, and are sent in. */
  id: number;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body: unknown;
  /** Made once, when the write was first tried: every send of it carries the same key. */
  idempotencyKey: string;
  /** Who made it: sent only while they are signed in (a shared phone never sends one person's write as another's). */
  userId?: string;
  /** What it is, for people (巡查 · 东街五金店). */
  label: string;
  /** A page to open for the thing it concerns (the venue, …). */
  href?: string;
  createdAt: string;
  state: OutboxState;
  /** The API's message for a conflict or failure (in the language of the request). */
  message?: string;
  status?: number;
  /** When it landed, and the API's answer (`hazardId`, `inspectionId` …). */
  doneAt?: string;
  result?: unknown;
}

export interface Draft {
  key: string;
  savedAt: string;
  value: unknown;
}

interface OfflineDb extends DBSchema {
  outbox: { key: number; value: OutboxItem };
  drafts: { key: string; value: Draft };
}

const NAME = "firegov-offline";
let opening: Promise<IDBPDatabase<OfflineDb>> | undefined;

export function offlineDb(): Promise<IDBPDatabase<OfflineDb>> {
  opening ??= openDB<OfflineDb>(NAME, 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "id", autoIncrement: true });
      db.createObjectStore("drafts", { keyPath: "key" });
    },
  });
  return opening;
}

/** Forget this phone's offline work (sign-out: the next user must not send the last one's writes). */
export async function clearOfflineDb(): Promise<void> {
  const db = await offlineDb();
  await Promise.all([db.clear("outbox"), db.clear("drafts")]);
}
