import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { nearbyVenues } from "../../api/place.ts";
import { LoadError } from "../../components/load-error.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { createPosition } from "../../place/position.ts";
import { PositionLine } from "../../place/position-line.tsx";
import { distanceText } from "./distance.ts";

const RADII = [500, 1000, 2000, 5000] as const;

/** 附近场所: the venues of my subtree around where I stand, nearest first; tap one to open it. */
export default function NearbyVenuesPage() {
  const { t } = useI18n();
  const place = createPosition();
  const [radius, setRadius] = createSignal<number>(1000);
  const [venues] = createResource(
    () => {
      const at = place.position();
      return at ? { at, radius: radius() } : undefined;
    },
    ({ at, radius }) => nearbyVenues(at, { radius, limit: 50 }),
  );
  return (
    <section class="card narrow nearby-page">
      <h1>{t("place.nearbyTitle")}</h1>
      <p class="hint">{t("place.nearbyIntro")}</p>
      <PositionLine state={place.state()} onRetry={place.retry} />
      <label class="field nearby-radius">
        <span>{t("place.radius")}</span>
        <select value={radius()} onChange={(e) => setRadius(Number(e.currentTarget.value))}>
          <For each={RADII}>{(r) => <option value={r}>{distanceText(r, t)}</option>}</For>
        </select>
      </label>
      <Show when={place.state().status === "missing"}>
        <p class="alert alert-info">{t("place.nearbyNeedsPosition")}</p>
      </Show>
      <Show when={venues.error}>{(e) => <LoadError error={e()} />}</Show>
      <Show when={venues()}>
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p class="hint">{t("place.nearbyEmpty", { radius: radius() })}</p>}>
            <ul class="nearby-list">
              <For each={page().items}>
                {(v) => (
                  <li>
                    <A href={`/venues/${v.venueId}`} class="nearby-item">
                      <span class="nearby-name">{v.name}</span>
                      <span class="nearby-distance">{distanceText(v.distance, t)}</span>
                      <Show when={v.address}><span class="hint nearby-address">{v.address}</span></Show>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
