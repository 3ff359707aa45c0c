// Wires the photo outbox into the app at start without loading it (nor idb)
// with the first page: the steps import it when they first run.
import { beforeSync, resolveBodyWith } from "../offline/before-sync.ts";

const outbox = () => import("./outbox.ts");
const uploadAll = () => outbox().then((m) => m.uploadQueuedPhotos());
const resolve = (body: unknown) => outbox().then((m) => m.replaceLocalPhotoRefs(body));

/** Photos upload before queued writes replay, queued bodies get server keys, and photos left on the phone are retried when the network returns and now. */
export function registerPhotoOutbox(): void {
  beforeSync(uploadAll);
  resolveBodyWith(resolve);
  const retry = () => void uploadAll().catch(() => undefined);
  window.addEventListener("online", retry);
  // After the first page has rendered: it need not wait for old photos.
  if (navigator.onLine) setTimeout(retry, 3000);
}
