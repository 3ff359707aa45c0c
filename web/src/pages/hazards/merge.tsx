import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import type { Hazard, SimilarHazard } from "@firegov/core/contract";
import { ApiError, newIdempotencyKey } from "../../api/http.ts";
import { mergeHazard, similarHazards } from "../../api/place.ts";
import { fieldError, FormError, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { stateName } from "./labels.ts";
import { similarQuery } from "./duplicate-suggestions.tsx";

/** The hazard's links to its original (a duplicate) or to the duplicates merged into it, both ways. */
export function DuplicateLinks(props: { hazard: Hazard }) {
  const { t } = useI18n();
  return (
    <>
      <Show when={props.hazard.duplicateOf}>
        {(id) => (
          <p class="hz-duplicate-of">
            {t("place.duplicateOf")} <A href={`/hazards/${id()}`}>{id()}</A>
          </p>
        )}
      </Show>
      <Show when={props.hazard.duplicates?.length}>
        <p class="hz-duplicates">
          {t("place.duplicates")}{" "}
          <For each={props.hazard.duplicates}>{(id, i) => <>{i() > 0 ? "、" : ""}<A href={`/hazards/${id}`}>{id}</A></>}</For>
        </p>
      </Show>
    </>
  );
}

/**
 * 合并重复隐患: an officer merges this hazard into its original. The open
 * hazards like it (same code, same venue or within 50 m) are offered; any
 * other id may be typed. A change by someone else meanwhile (409) reloads.
 */
export function MergeAction(props: { hazard: Hazard; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = createSignal(false);
  const [into, setInto] = createSignal("");
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const key = newIdempotencyKey();
  const h = props.hazard;
  const [candidates] = createResource(
    () => (open() ? similarQuery(h.code ?? "", h.venueId, h.lat !== undefined && h.lng !== undefined ? { lat: h.lat, lng: h.lng } : undefined) : undefined),
    (q) => similarHazards(q).then((r) => r.items.filter((c) => c.hazardId !== h.hazardId)).catch(() => [] as SimilarHazard[]),
  );
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await mergeHazard(h.hazardId, { intoId: into().trim(), expectedVersion: h.version }, key);
      props.onDone(t("place.merged"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) props.onDone(err.message);
      else setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="hz-merge">
      <button type="button" class="button button-secondary hz-action" aria-pressed={open()} onClick={() => setOpen(!open())}>
        {t("place.mergeTitle")}
      </button>
      <Show when={open()}>
        <form class="form panel hz-action-form" onSubmit={(e) => void submit(e)} aria-label={t("place.mergeTitle")}>
          <h3>{t("place.mergeTitle")}</h3>
          <p class="hint">{t("place.mergeHint")}</p>
          <FormError error={error()} paths={["body.intoId", "body.expectedVersion"]} />
          <For each={candidates() ?? []}>
            {(c) => (
              <label class="radio">
                <input type="radio" name="mergeCandidate" value={c.hazardId} checked={into() === c.hazardId} onChange={() => setInto(c.hazardId)} />
                {c.description} · {stateName(c.state, locale())}
                <Show when={c.distance !== undefined}> · {t("place.away", { distance: c.distance! })}</Show>
              </label>
            )}
          </For>
          <TextField label={t("place.mergeInto")} name="intoId" required autocapitalize="none" value={into()} onInput={(e) => setInto(e.currentTarget.value)} error={fieldError(error(), "body.intoId")} />
          <SubmitButton pending={pending()}>{t("place.mergeSubmit")}</SubmitButton>
        </form>
      </Show>
    </div>
  );
}
