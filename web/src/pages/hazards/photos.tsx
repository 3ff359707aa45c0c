import { createResource, Show } from "solid-js";
import { hazardPhotoUrl } from "../../api/files.ts";

/** One of the hazard's photos, by a short-lived link the API gives those who may see it. */
export function HazardPhoto(props: { hazardId: string; photoKey: string }) {
  const [link] = createResource(() => hazardPhotoUrl(props.hazardId, props.photoKey));
  // A photo whose link fails stays a placeholder: the rest of the page must not fail with it.
  return (
    <Show when={link.state === "ready" && link()} fallback={<span class="photo-placeholder" title={props.photoKey} />}>
      {(l) => (
        <a href={l().url} target="_blank" rel="noopener">
          <img class="hz-photo" src={l().url} alt="" loading="lazy" />
        </a>
      )}
    </Show>
  );
}
