import { createSignal, Index, onCleanup, Show } from "solid-js";
import { hazardPhotoTarget, uploadPhoto, type PhotoTarget } from "../api/files.ts";
import { signedInUser } from "../auth/session.ts";
import { useI18n } from "../i18n/index.tsx";
import { canProcessPhotos, processPhoto, type ProcessedPhoto } from "../photos/canvas.ts";
import * as outbox from "../photos/outbox.ts";
import { localPhotoRef, onPhotoStatus, queuePhoto, uploadQueuedPhoto } from "../photos/outbox.ts";
import { registerPhotoOutbox } from "../photos/register.ts";
import type { PhotoState } from "../photos/store.ts";
import { watermarkLines } from "../photos/watermark-lines.ts";

const ACCEPTED = ["image/jpeg", "image/png", "image/webp"];
/** A photo kept as chosen must fit the server's limit; one shrunk here may start larger (a phone's camera). */
const MAX_BYTES_AS_IS = 10 * 1024 * 1024;
const MAX_BYTES_PROCESSED = 40 * 1024 * 1024;

/** Where the photo is taken, for its watermark (the place's name, the phone's position when known). */
export interface PhotoPlace {
  place?: string;
  lat?: number;
  lng?: number;
}

// Any page that takes photos retries those left on the phone (the offline outbox registers the same at its start).
registerPhotoOutbox(async () => outbox);

type Upload = PhotoTarget | ((file: File) => Promise<string>);

interface Entry {
  id: number;
  name: string;
  preview: string;
  state: PhotoState | "processing";
  localId?: string;
  key?: string;
  failed?: string;
}

/** Offline, or a request that never reached the server: the photo waits on the phone. */
const isNetworkFailure = (err: unknown) => err instanceof TypeError || (typeof navigator !== "undefined" && !navigator.onLine);

/**
 * Take or choose photos on the phone. Each is shrunk to ≤ 1600 px with a
 * watermark (time, place, reporter) and a thumbnail, kept on the phone, then
 * uploaded; the form gets the keys. Offline (or when the upload drops) the
 * form gets `local-photo:<id>` and the photo uploads later (photos/outbox.ts).
 * `upload` is where photos go (a hazard photo unless given): a PhotoTarget, or
 * a function storing one file (then online only, no queue).
 */
export function PhotoPicker(props: { onChange: (keys: string[]) => void; max?: number; upload?: Upload; label?: string; place?: PhotoPlace }) {
  const { t } = useI18n();
  const [photos, setPhotos] = createSignal<Entry[]>([]);
  let nextId = 0;
  const publish = () => props.onChange(photos().flatMap((p) => (p.key ? [p.key] : [])));
  const update = (id: number, change: Partial<Entry>) => setPhotos(photos().map((p) => (p.id === id ? { ...p, ...change } : p)));

  // A photo left waiting finishes in the background (online again): the form then sends its server key.
  onCleanup(
    onPhotoStatus((status) => {
      const entry = photos().find((p) => p.localId === status.localId);
      if (!entry) return;
      update(entry.id, { state: status.state, ...(status.key ? { key: status.key } : {}), ...(status.error ? { failed: status.error } : {}) });
      if (status.key) publish();
    }),
  );
  onCleanup(() => photos().forEach((p) => URL.revokeObjectURL(p.preview)));

  const process = async (file: File): Promise<ProcessedPhoto> => {
    if (!canProcessPhotos()) return { original: file };
    const user = signedInUser();
    const lines = watermarkLines({ at: new Date(), place: props.place?.place, lat: props.place?.lat, lng: props.place?.lng, reporter: user?.displayName });
    return processPhoto(file, lines);
  };

  const send = async (entry: Entry, localId: string) => {
    if (typeof navigator !== "undefined" && !navigator.onLine) {
      update(entry.id, { state: "pending", key: localPhotoRef(localId) });
      return;
    }
    try {
      update(entry.id, { state: "uploading", failed: undefined });
      update(entry.id, { state: "done", key: await uploadQueuedPhoto(localId) });
    } catch (err) {
      if (isNetworkFailure(err)) update(entry.id, { state: "pending", key: localPhotoRef(localId) });
      else update(entry.id, { state: "failed", failed: (err as Error).message, key: undefined });
    }
  };

  const addOne = async (file: File) => {
    const processable = canProcessPhotos();
    const entry: Entry = { id: nextId++, name: file.name, preview: URL.createObjectURL(file), state: "processing" };
    if (!ACCEPTED.includes(file.type) || file.size > (processable ? MAX_BYTES_PROCESSED : MAX_BYTES_AS_IS)) {
      setPhotos([...photos(), { ...entry, state: "failed", failed: t("photos.rejected") }]);
      return;
    }
    setPhotos([...photos(), entry]);
    try {
      const processed = await process(file);
      if (processed.thumb) {
        URL.revokeObjectURL(entry.preview);
        update(entry.id, { preview: URL.createObjectURL(processed.thumb) });
      }
      const upload = props.upload ?? hazardPhotoTarget();
      if (typeof upload === "function") {
        // A caller's own upload: online only, as before.
        update(entry.id, { state: "uploading" });
        const name = processed.thumb ? file.name.replace(/\.\w+$/, "") + ".jpg" : file.name;
        update(entry.id, { state: "done", key: await upload(new File([processed.original], name, { type: processed.original.type })) });
        return;
      }
      // Without IndexedDB (blocked in some private modes) the photo is uploaded at once, as before: online only.
      const localId = await queuePhoto(upload, processed).catch(() => undefined);
      if (!localId) {
        update(entry.id, { state: "uploading" });
        update(entry.id, { state: "done", key: await uploadPhoto(upload, processed.original, processed.thumb) });
        return;
      }
      update(entry.id, { localId, state: "pending" });
      await send(photos().find((p) => p.id === entry.id)!, localId);
    } catch (err) {
      update(entry.id, { state: "failed", failed: (err as Error).message });
    }
  };

  const add = async (files: FileList | null) => {
    const chosen = Array.from(files ?? []).slice(0, Math.max(0, (props.max ?? 10) - photos().length));
    for (const file of chosen) {
      await addOne(file);
      publish();
    }
  };

  const retry = async (entry: Entry) => {
    if (!entry.localId) return;
    await send(entry, entry.localId);
    publish();
  };

  const stateLabel = (p: Entry) =>
    p.state === "processing" ? t("photos.processing") : p.state === "pending" ? t("photos.pending") : p.state === "uploading" ? t("photos.sending") : p.state === "done" ? t("photos.done") : "";

  return (
    <div class="photo-picker">
      <label class="button button-secondary photo-picker-add">
        {props.label ?? t("photos.add")}
        <input type="file" accept={ACCEPTED.join(",")} capture="environment" multiple hidden onChange={(e) => void add(e.currentTarget.files)} />
      </label>
      <ul class="photo-thumbs">
        <Index each={photos()}>
          {(p) => (
            <li classList={{ failed: p().state === "failed" }} data-state={p().state}>
              <img src={p().preview} alt={p().name} />
              <Show
                when={p().state === "failed"}
                fallback={
                  <span class="hint photo-state" role="status">
                    {stateLabel(p())}
                  </span>
                }
              >
                <Show when={p().localId} fallback={<span class="hint">{t("photos.failed", { reason: p().failed ?? "" })}</span>}>
                  <button type="button" class="button-link photo-state" title={p().failed} onClick={() => void retry(p())}>
                    {t("photos.failedRetry")}
                  </button>
                </Show>
              </Show>
            </li>
          )}
        </Index>
      </ul>
    </div>
  );
}
