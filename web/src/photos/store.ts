// Photos kept on the phone until the server has them: each processed photo
// is written here first, so a dropped connection, a reload or a day in a
// basement loses nothing. Bytes are stored as ArrayBuffers (some WebViews
// cannot keep Blobs in IndexedDB).
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

export type PhotoState = "pending" | "uploading" | "done" | "failed";

interface Bytes {
  bytes: ArrayBuffer;
  type: string;
}

export interface QueuedPhoto {
  localId: string;
  /** Where its slot comes from (api/files.ts PhotoTarget). */
  slotPath: string;
  original?: Bytes;
  thumb?: Bytes;
  state: PhotoState;
  /** The server's key, once uploaded. */
  key?: string;
  /** Why the last upload was refused. */
  error?: string;
  createdAt: number;
}

interface PhotoDb extends DBSchema {
  photos: { key: string; value: QueuedPhoto };
}

let db: Promise<IDBPDatabase<PhotoDb>> | undefined;
function photos(): Promise<IDBPDatabase<PhotoDb>> {
  db ??= openDB<PhotoDb>("firegov-photos", 1, {
    upgrade(database) {
      database.createObjectStore("photos", { keyPath: "localId" });
    },
  });
  return db;
}

export async function toBytes(blob: Blob): Promise<Bytes> {
  return { bytes: await blob.arrayBuffer(), type: blob.type };
}

export const toBlob = (b: Bytes): Blob => new Blob([b.bytes], { type: b.type });

export async function savePhoto(photo: QueuedPhoto): Promise<void> {
  await (await photos()).put("photos", photo);
}

export async function readPhoto(localId: string): Promise<QueuedPhoto | undefined> {
  return (await photos()).get("photos", localId);
}

export async function allPhotos(): Promise<QueuedPhoto[]> {
  return (await photos()).getAll("photos");
}

/** Changes some fields of a stored photo; answers it as stored, or undefined when it is gone. */
export async function patchPhoto(localId: string, change: Partial<QueuedPhoto>): Promise<QueuedPhoto | undefined> {
  const tx = (await photos()).transaction("photos", "readwrite");
  const current = await tx.store.get(localId);
  const next = current ? { ...current, ...change } : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export async function deletePhoto(localId: string): Promise<void> {
  await (await photos()).delete("photos", localId);
}
