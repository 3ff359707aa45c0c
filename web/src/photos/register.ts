// Wires the photo outbox into the app at start without loading it (nor idb)
// with the first page: the steps load it when they first run.
import { beforeSync, resolveBodyWith } from "../offline/before-sync.ts";

type Outbox = Pick<typeof import("./outbox.ts"), "uploadQueuedPhotos" | "replaceLocalPhotoRefs">;
let registered = false;

/**
 * Photos upload before queued writes replay, queued bodies get server keys,
 * and photos left on the phone are retried when the network returns and
 * shortly after start. `load` imports photos/outbox.ts (the app passes its
 * own dynamic import, so this file adds no chunk machinery to the first
 * bundle). Idempotent: the offline outbox may call it too before its first sync.
 */
export function registerPhotoOutbox(load: () => Promise<Outbox>): void {
  if (registered) return;
  registered = true;
  const uploadAll = () => load().then((m) => m.uploadQueuedPhotos());
  beforeSync(uploadAll);
  resolveBodyWith((body) => load().then((m) => m.replaceLocalPhotoRefs(body)));
  const retry = () => void uploadAll().catch(() => undefined);
  window.addEventListener("online", retry);
  // After the first page has rendered: it need not wait for old photos.
  if (navigator.onLine) setTimeout(retry, 3000);
}
