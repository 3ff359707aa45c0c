import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import type { SimilarHazard } from "@firegov/core/contract";
import { corroborateHazard, similarHazards } from "../../api/place.ts";
import { newIdempotencyKey } from "../../api/http.ts";
import { FormError } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { stateName } from "./labels.ts";

/** What the check needs: a code, and a venue or a position (WGS-84). */
export interface SimilarQuery {
  code: string;
  venueId?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
}

/** The query once the code and a venue or a position are known; undefined until then. */
export function similarQuery(code: string, venueId: string | undefined, position: { lat: number; lng: number } | undefined): SimilarQuery | undefined {
  if (!code || code === "other" || (!venueId && !position)) return undefined;
  return { code, ...(venueId ? { venueId } : {}), ...(position ? { lat: position.lat, lng: position.lng } : {}) };
}

/** One suggestion, and the reporter's addition to it (their note and the photos already picked on the form). */
function Suggestion(props: { hazard: SimilarHazard; photos: readonly string[]; note: string; onAdded: (hazardId: string) => void }) {
  const { t, locale } = useI18n();
  const [adding, setAdding] = createSignal(false);
  const [note, setNote] = createSignal(props.note);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  // One key per addition: a retry after a lost answer adds nothing twice.
  const key = newIdempotencyKey();
  const h = props.hazard;
  const add = async () => {
    setPending(true);
    setError(undefined);
    try {
      await corroborateHazard(h.hazardId, { ...(note().trim() ? { note: note().trim() } : {}), photos: [...props.photos] }, key);
      props.onAdded(h.hazardId);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <li class="card similar-card">
      <p>
        <strong>{h.description}</strong>
      </p>
      <p class="hint">
        {stateName(h.state, locale())}
        {" · "}
        <Show when={h.sameVenue} fallback={h.distance !== undefined ? t("place.away", { distance: h.distance }) : ""}>
          {t("place.sameVenue")}
        </Show>
        <Show when={h.venueName}>{` · ${h.venueName}`}</Show>
      </p>
      <div class="actions">
        <A href={`/hazards/${h.hazardId}`} class="button button-secondary">{t("place.open")}</A>
        <button type="button" class="button" aria-expanded={adding()} onClick={() => setAdding(!adding())}>
          {t("place.addToThis")}
        </button>
      </div>
      <Show when={adding()}>
        <div class="similar-add">
          <FormError error={error()} paths={["body.note", "body.photos"]} />
          <label class="field">
            <span>{t("place.addNote")}</span>
            <textarea rows={3} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="button" class="button" disabled={pending() || (!note().trim() && props.photos.length === 0)} aria-busy={pending()} onClick={() => void add()}>
            {t("place.addSubmit")}
          </button>
        </div>
      </Show>
    </li>
  );
}

/**
 * 附近已有相同隐患: open hazards of the same code at the same venue or within
 * 50 m, shown on the report form once the code and a venue or a position are
 * known. The reporter adds to one of them, or goes on reporting.
 */
export function DuplicateSuggestions(props: { query: SimilarQuery | undefined; photos: readonly string[]; note: string; onAdded: (hazardId: string) => void }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = createSignal<string>();
  const keyOf = (q: SimilarQuery) => JSON.stringify(q);
  // A failed check is no reason to stop a report: it shows nothing.
  const [found] = createResource(
    () => props.query,
    (q) => similarHazards(q).then((r) => r.items).catch(() => [] as SimilarHazard[]),
  );
  const shown = () => (props.query && dismissed() !== keyOf(props.query) ? (found() ?? []) : []);
  return (
    <Show when={shown().length > 0}>
      <section class="similar-hazards alert alert-warning" aria-labelledby="similar-title">
        <h2 id="similar-title">{t("place.similarTitle")}</h2>
        <p class="hint">{t("place.similarIntro")}</p>
        <ul class="similar-list">
          <For each={shown()}>{(h) => <Suggestion hazard={h} photos={props.photos} note={props.note} onAdded={props.onAdded} />}</For>
        </ul>
        <button type="button" class="button button-secondary" onClick={() => setDismissed(props.query ? keyOf(props.query) : undefined)}>
          {t("place.goOn")}
        </button>
      </section>
    </Show>
  );
}
