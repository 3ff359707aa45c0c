import { createResource, createSignal, Show } from "solid-js";
import { hazardPhotoUrl } from "../../api/files.ts";
import { useI18n } from "../../i18n/index.tsx";

/**
 * One of the hazard's photos: its thumbnail (the original for photos stored
 * before thumbnails), by a short-lived link the API gives those who may see
 * it. The original is fetched only when tapped.
 */
export function HazardPhoto(props: { hazardId: string; photoKey: string }) {
  const { t } = useI18n();
  const [thumb] = createResource(() => hazardPhotoUrl(props.hazardId, props.photoKey, "thumb"));
  const [opened, setOpened] = createSignal(false);
  const [original] = createResource(
    () => opened() && props.photoKey,
    (key) => hazardPhotoUrl(props.hazardId, key),
  );
  // A photo whose link fails stays a placeholder: the rest of the page must not fail with it.
  return (
    <Show when={thumb.state === "ready" && thumb()} fallback={<span class="photo-placeholder" title={props.photoKey} />}>
      {(l) => (
        <>
          <button type="button" class="hz-photo-open" aria-label={t("photos.open")} onClick={() => setOpened(true)}>
            <img class="hz-photo" src={l().url} alt="" loading="lazy" />
          </button>
          <Show when={opened()}>
            <div class="photo-viewer" role="dialog" aria-modal="true" aria-label={t("photos.open")} onClick={() => setOpened(false)}>
              <Show when={original.state === "ready" && original()} fallback={<span class="hint">…</span>}>
                {(o) => <img class="photo-viewer-img" src={o().url} alt="" />}
              </Show>
              <button type="button" class="button button-secondary" onClick={() => setOpened(false)}>
                {t("photos.close")}
              </button>
            </div>
          </Show>
        </>
      )}
    </Show>
  );
}
