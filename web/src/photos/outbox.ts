// The photo outbox: every photo is uploaded from its IndexedDB copy, retried
// until the server has it (on `online`, on app start, before the offline
// outbox replays), and a form that was filled offline names it
// `local-photo:<localId>` until then; replaceLocalPhotoRefs swaps that for the
// server's key just before the queued write is sent.
import { ApiError } from "../api/http.ts";
import { uploadPhoto, type PhotoTarget } from "../api/files.ts";
import type { ProcessedPhoto } from "./canvas.ts";
import { allPhotos, deletePhoto, patchPhoto, readPhoto, savePhoto, toBlob, toBytes, type PhotoState } from "./store.ts";

export const LOCAL_PHOTO_PREFIX = "local-photo:";
export const localPhotoRef = (localId: string) => `${LOCAL_PHOTO_PREFIX}${localId}`;

/** An uploaded photo's record is kept this long after upload (a queued write may still name it), then dropped. */
const KEEP_DONE_MS = 7 * 24 * 3600 * 1000;

export interface PhotoStatus {
  localId: string;
  state: PhotoState;
  key?: string;
  error?: string;
}

const listeners = new Set<(status: PhotoStatus) => void>();

/** Hear every photo's state change (a queued photo may finish long after its form asked). */
export function onPhotoStatus(listener: (status: PhotoStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(status: PhotoStatus): void {
  for (const listener of listeners) listener(status);
}

function newLocalId(): string {
  return typeof crypto.randomUUID === "function" && globalThis.isSecureContext !== false
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Keeps a processed photo on the phone, to be uploaded to `target`; answers its local id. */
export async function queuePhoto(target: PhotoTarget, photo: ProcessedPhoto): Promise<string> {
  const localId = newLocalId();
  await savePhoto({
    localId,
    slotPath: target.slotPath,
    original: await toBytes(photo.original),
    ...(photo.thumb ? { thumb: await toBytes(photo.thumb) } : {}),
    state: "pending",
    createdAt: Date.now(),
  });
  announce({ localId, state: "pending" });
  return localId;
}

/** A refusal the same request will meet again (4xx other than throttling and expiry): stop retrying, show it. */
function isRefusal(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status);
}

const inFlight = new Map<string, Promise<string>>();

/** Uploads one queued photo (once at a time) and answers its server key; a network failure leaves it pending. */
export function uploadQueuedPhoto(localId: string): Promise<string> {
  const running = inFlight.get(localId);
  if (running) return running;
  const run = (async () => {
    const photo = await readPhoto(localId);
    if (!photo) throw new Error(`photo ${localId} is not on this phone`);
    if (photo.state === "done" && photo.key) return photo.key;
    if (!photo.original) throw new Error(`photo ${localId} has no bytes`);
    await patchPhoto(localId, { state: "uploading" });
    announce({ localId, state: "uploading" });
    try {
      const key = await uploadPhoto({ slotPath: photo.slotPath }, toBlob(photo.original), photo.thumb ? toBlob(photo.thumb) : undefined);
      // The bytes are on the server now: keep only the key, for the queued writes that name the photo.
      await savePhoto({ localId, slotPath: photo.slotPath, state: "done", key, createdAt: photo.createdAt });
      announce({ localId, state: "done", key });
      return key;
    } catch (err) {
      const refused = isRefusal(err);
      const error = err instanceof Error ? err.message : String(err);
      await patchPhoto(localId, refused ? { state: "failed", error } : { state: "pending" });
      announce({ localId, state: refused ? "failed" : "pending", ...(refused ? { error } : {}) });
      throw err;
    }
  })().finally(() => inFlight.delete(localId));
  inFlight.set(localId, run);
  return run;
}

/**
 * Uploads every photo still on the phone, oldest first; rejects when one
 * could not be uploaded (the offline outbox then waits for the next sync).
 * Uploaded records past their keep time are dropped.
 */
export async function uploadQueuedPhotos(now = Date.now()): Promise<void> {
  const queued = (await allPhotos()).sort((a, b) => a.createdAt - b.createdAt);
  let firstError: unknown;
  for (const photo of queued) {
    if (photo.state === "done") {
      if (now - photo.createdAt > KEEP_DONE_MS) await deletePhoto(photo.localId);
      continue;
    }
    await uploadQueuedPhoto(photo.localId).catch((err: unknown) => {
      firstError ??= err;
    });
  }
  if (firstError) throw firstError;
}

/** The body with every `local-photo:<id>` replaced by the photo's server key; rejects while one is not uploaded yet. */
export async function replaceLocalPhotoRefs(body: unknown): Promise<unknown> {
  if (typeof body === "string") {
    if (!body.startsWith(LOCAL_PHOTO_PREFIX)) return body;
    const localId = body.slice(LOCAL_PHOTO_PREFIX.length);
    const photo = await readPhoto(localId);
    if (photo?.state === "done" && photo.key) return photo.key;
    throw new Error(`照片尚未上传 / The photo ${localId} is not uploaded yet`);
  }
  if (Array.isArray(body)) return Promise.all(body.map((item) => replaceLocalPhotoRefs(item)));
  if (body && typeof body === "object" && Object.getPrototypeOf(body) === Object.prototype) {
    const entries = await Promise.all(Object.entries(body).map(async ([k, v]) => [k, await replaceLocalPhotoRefs(v)] as const));
    return Object.fromEntries(entries);
  }
  return body;
}
