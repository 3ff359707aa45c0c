import { createResource, createSignal, For, Show } from "solid-js";
import type { NearbyVenue, Venue } from "@firegov/core/contract";
import { listVenues } from "../../api/venues.ts";
import { nearbyVenues } from "../../api/place.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { Position } from "../../place/position.ts";
import { distanceText } from "../venues/distance.ts";

/** A venue as the report form needs it: its id, its name, and the node it lies in. */
export interface PickedVenue {
  venueId: string;
  name: string;
  nodeId: string;
}

/** Nearby venues within this radius come first. */
const NEARBY_RADIUS_M = 1000;
const SHOWN = 8;

/**
 * 场所: the venues around the reporter first (when the phone gave a position),
 * then a search by name. The choice travels in a hidden `venueId` field and
 * through `onChange` (the form sets its node from it).
 */
export function VenuePicker(props: { position: Position | undefined; value: PickedVenue | undefined; onChange: (venue: PickedVenue | undefined) => void }) {
  const { t } = useI18n();
  const [q, setQ] = createSignal("");
  const [nearby] = createResource(
    () => props.position,
    (at) => nearbyVenues(at, { radius: NEARBY_RADIUS_M, limit: SHOWN }).then((r) => r.items).catch(() => [] as NearbyVenue[]),
  );
  const [found] = createResource(
    () => q().trim() || undefined,
    (words) => listVenues({ q: words, status: "active", limit: SHOWN }).then((p) => p.items).catch(() => [] as Venue[]),
  );
  const choose = (v: { venueId: string; name: string; nodeId: string }) => props.onChange({ venueId: v.venueId, name: v.name, nodeId: v.nodeId });

  return (
    <fieldset class="field venue-picker">
      <legend>{t("place.venue")}</legend>
      <input type="hidden" name="venueId" value={props.value?.venueId ?? ""} />
      <Show
        when={props.value}
        fallback={
          <>
            <p class="hint">{t("place.venueHint")}</p>
            <Show when={(nearby() ?? []).length > 0}>
              <p class="venue-picker-group">{t("place.nearbyGroup")}</p>
              <ul class="venue-picker-list" aria-label={t("place.nearbyGroup")}>
                <For each={nearby()}>
                  {(v) => (
                    <li>
                      <button type="button" class="venue-picker-option" onClick={() => choose(v)}>
                        <span>{v.name}</span> <span class="hint">{distanceText(v.distance, t)}</span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <input type="search" class="venue-picker-search" aria-label={t("place.searchVenue")} placeholder={t("place.searchVenue")} value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
            <Show when={q().trim() && (found() ?? []).length > 0}>
              <ul class="venue-picker-list" aria-label={t("place.searchGroup")}>
                <For each={found()}>
                  {(v) => (
                    <li>
                      <button type="button" class="venue-picker-option" onClick={() => choose(v)}>
                        <span>{v.name}</span> <Show when={v.address}><span class="hint">{v.address}</span></Show>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        }
      >
        {(v) => (
          <p class="venue-picker-chosen">
            {t("place.chosenVenue", { name: v().name })}{" "}
            <button type="button" class="link-button" onClick={() => props.onChange(undefined)}>
              {t("place.change")}
            </button>
          </p>
        )}
      </Show>
    </fieldset>
  );
}
