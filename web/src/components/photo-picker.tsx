import { createSignal, For, Show } from "solid-js";
import { uploadHazardPhoto } from "../api/files.ts";
import { useI18n } from "../i18n/index.tsx";

const ACCEPTED = ["image/jpeg", "image/png", "image/webp"];
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Take or choose photos on the phone; each is uploaded as soon as it is
 * chosen, and the form sends the keys. A photo that fails to upload says so
 * and is left out, nothing else is lost. `upload` stores one file and answers
 * its key (a hazard photo unless given).
 */
export function PhotoPicker(props: { onChange: (keys: string[]) => void; max?: number; upload?: (file: File) => Promise<string>; label?: string }) {
  const { t } = useI18n();
  const [photos, setPhotos] = createSignal<{ name: string; key?: string; preview: string; failed?: string }[]>([]);
  const [busy, setBusy] = createSignal(0);
  const publish = () => props.onChange(photos().flatMap((p) => (p.key ? [p.key] : [])));

  const add = async (files: FileList | null) => {
    for (const file of Array.from(files ?? []).slice(0, (props.max ?? 10) - photos().length)) {
      const entry = { name: file.name, preview: URL.createObjectURL(file) };
      if (!ACCEPTED.includes(file.type) || file.size > MAX_BYTES) {
        setPhotos([...photos(), { ...entry, failed: t("photos.rejected") }]);
        continue;
      }
      setPhotos([...photos(), entry]);
      setBusy(busy() + 1);
      try {
        const key = await (props.upload ?? uploadHazardPhoto)(file);
        setPhotos(photos().map((p) => (p.preview === entry.preview ? { ...p, key } : p)));
      } catch (err) {
        setPhotos(photos().map((p) => (p.preview === entry.preview ? { ...p, failed: (err as Error).message } : p)));
      } finally {
        setBusy(busy() - 1);
        publish();
      }
    }
  };

  return (
    <div class="photo-picker">
      <label class="button button-secondary photo-picker-add">
        {props.label ?? t("photos.add")}
        <input type="file" accept={ACCEPTED.join(",")} capture="environment" multiple hidden onChange={(e) => void add(e.currentTarget.files)} />
      </label>
      <Show when={busy() > 0}>
        <span class="hint" role="status">{t("photos.uploading")}</span>
      </Show>
      <ul class="photo-thumbs">
        <For each={photos()}>
          {(p) => (
            <li classList={{ failed: Boolean(p.failed) }}>
              <img src={p.preview} alt={p.name} />
              <Show when={p.failed}>{(why) => <span class="hint">{t("photos.failed", { reason: why() })}</span>}</Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
