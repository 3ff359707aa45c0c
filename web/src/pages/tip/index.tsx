import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import type { TipStatus } from "@firegov/core/contract";
import { submitTip, tipPlaces, tipStatus } from "../../api/hazards.ts";
import { ApiError } from "../../api/http.ts";
import { fieldError, FormError, formValues, optional, revealProblem, SelectField, SubmitButton, TextField } from "../../components/form.tsx";
import { QrCode } from "../../components/qr-code.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { TipStatusView } from "./status.tsx";

const PATHS = ["body.locationText", "body.description", "body.contact", "body.placeId", "body.lat", "body.lng"] as const;

type Position = { lat: number; lng: number };

/** The county's towns, each followed by its villages, for a select; none when the list cannot be had (the tip still lands at the county). */
function usePlaces(tenantSlug: string) {
  const [places] = createResource(async () => {
    try {
      const { items } = await tipPlaces(tenantSlug);
      const towns = items.filter((p) => !p.parentId);
      return towns.map((town) => ({ town, villages: items.filter((p) => p.parentId === town.nodeId) }));
    } catch {
      return [];
    }
  });
  return places;
}

/** The phone's position on request (GPS, WGS-84 as the browser gives it), or why not. */
function PositionField(props: { position: Position | undefined; onChange: (p: Position | undefined) => void }) {
  const { t } = useI18n();
  const [state, setState] = createSignal<"idle" | "locating" | { failed: string }>("idle");
  const locate = () => {
    if (!("geolocation" in navigator)) return setState({ failed: "—" });
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setState("idle");
        props.onChange({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 });
      },
      (e) => setState({ failed: e.message || String(e.code) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <div class="field tip-position">
      <Show
        when={props.position}
        fallback={
          <button type="button" class="button button-secondary button-block" onClick={locate} disabled={state() === "locating"}>
            {state() === "locating" ? t("tip.locating") : t("tip.shareLocation")}
          </button>
        }
      >
        {(p) => (
          <p role="status" data-testid="tip-position">
            {t("tip.located", { lat: p().lat, lng: p().lng })}{" "}
            <button type="button" class="button-link" onClick={() => props.onChange(undefined)}>{t("tip.clearLocation")}</button>
          </p>
        )}
      </Show>
      <Show when={typeof state() === "object" ? (state() as { failed: string }).failed : undefined}>
        {(reason) => <p class="field-error" role="alert">{t("tip.locationFailed", { reason: reason() })}</p>}
      </Show>
      <p class="hint">{t("tip.locationUse")}</p>
    </div>
  );
}

/** A resident's tip, without signing in: where, what, and a contact if they want a call back. */
export default function TipPage() {
  const { t, locale } = useI18n();
  const params = useParams<{ tenantSlug: string }>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [receipt, setReceipt] = createSignal<string>();
  const [code, setCode] = createSignal<string>();
  const [position, setPosition] = createSignal<Position>();
  const places = usePlaces(params.tenantSlug);
  const err = (path: string) => fieldError(error(), path);
  const followPath = (c: string) => `/tip/${encodeURIComponent(params.tenantSlug)}/${encodeURIComponent(c)}`;
  const problem = () => {
    const e = error();
    if (e instanceof ApiError && e.status === 429) return { kind: "rate", message: t("tip.rateLimited", { message: e.message }) };
    if (e instanceof ApiError && e.status === 404) return { kind: "missing", message: t("tip.notFound") };
    return undefined;
  };

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    setPending(true);
    setError(undefined);
    try {
      const done = await submitTip(params.tenantSlug, { locationText: v.locationText ?? "", description: v.description ?? "", contact: optional(v.contact), placeId: optional(v.placeId), ...(position() ?? {}) });
      setReceipt(locale() === "en" ? done.message.en : done.message.zh);
      setCode(done.receiptCode);
      form.reset();
      setPosition(undefined);
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card narrow">
      <h1>{t("tip.title")}</h1>
      <Show
        when={receipt()}
        fallback={
          <>
            <p class="hint">{t("tip.intro")}</p>
            <form class="form" onSubmit={onSubmit} aria-label={t("tip.title")} novalidate>
              <Show when={problem()} fallback={<FormError error={error()} paths={PATHS} />}>
                {(p) => <div class="alert alert-error" role="alert" tabindex="-1"><p>{p().message}</p></div>}
              </Show>
              <TextField label={t("tip.location")} hint={t("tip.locationHint")} name="locationText" required error={err("body.locationText")} />
              <Show when={places()?.length}>
                <SelectField label={t("tip.place")} hint={t("tip.placeHint")} name="placeId" optional error={err("body.placeId")}>
                  <option value="">{t("tip.placeNone")}</option>
                  <For each={places()}>
                    {(p) => (
                      <Show when={p.villages.length} fallback={<option value={p.town.nodeId}>{p.town.name}</option>}>
                        <optgroup label={p.town.name}>
                          <option value={p.town.nodeId}>{p.town.name}</option>
                          <For each={p.villages}>{(v) => <option value={v.nodeId}>{`${p.town.name} ${v.name}`}</option>}</For>
                        </optgroup>
                      </Show>
                    )}
                  </For>
                </SelectField>
              </Show>
              <PositionField position={position()} onChange={setPosition} />
              <div class="field" classList={{ "field-invalid": Boolean(err("body.description")) }}>
                <label for="tip-description">{t("tip.description")}</label>
                <textarea id="tip-description" name="description" rows={4} required aria-invalid={err("body.description") ? "true" : undefined} aria-describedby={err("body.description") ? "tip-description-error" : "tip-description-hint"} />
                <p class="hint" id="tip-description-hint">{t("tip.descriptionHint")}</p>
                <Show when={err("body.description")}><p class="field-error" id="tip-description-error">{err("body.description")}</p></Show>
              </div>
              <TextField label={t("tip.contact")} hint={t("tip.contactHint")} name="contact" type="tel" optional error={err("body.contact")} />
              <SubmitButton pending={pending()}>{t("tip.submit")}</SubmitButton>
            </form>
          </>
        }
      >
        {(message) => (
          <div class="alert alert-success" role="status">
            <h2>{t("tip.thanks")}</h2>
            <p>{message()}</p>
            <Show when={code()}>
              {(c) => (
                <>
                  <p>
                    {t("tip.receiptCode")} <strong><code data-testid="receipt-code">{c()}</code></strong>
                  </p>
                  <p>
                    <A href={followPath(c())} class="button button-block" data-testid="tip-follow-link">{t("tip.follow")}</A>
                  </p>
                  <QrCode value={new URL(followPath(c()), location.origin).href} label={t("tip.followQr")} size={160} />
                  <p class="hint">{t("tip.followHint")}</p>
                </>
              )}
            </Show>
            <button type="button" class="button button-secondary button-block" onClick={() => setReceipt(undefined)}>{t("tip.another")}</button>
          </div>
        )}
      </Show>
      <TipLookup tenantSlug={params.tenantSlug} code={code()} />
    </section>
  );
}

/** The tipster follows the tip with its receipt code: its stage, the note for the public and, where the county rewards tips, eligible or rewarded. */
function TipLookup(props: { tenantSlug: string; code: string | undefined }) {
  const { t } = useI18n();
  const [found, setFound] = createSignal<TipStatus>();
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const lookUp = async (e: SubmitEvent) => {
    e.preventDefault();
    const given = (formValues(e.currentTarget as HTMLFormElement).code ?? "").trim();
    setPending(true);
    setError(undefined);
    setFound(undefined);
    try {
      setFound(await tipStatus(props.tenantSlug, given));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <form class="form panel" onSubmit={(e) => void lookUp(e)} aria-label={t("tip.lookup")}>
      <h2>{t("tip.lookup")}</h2>
      <Show when={error()}>
        <div class="alert alert-error" role="alert"><p>{error() instanceof ApiError && (error() as ApiError).status === 404 ? t("tip.codeUnknown") : String((error() as Error).message)}</p></div>
      </Show>
      <TextField label={t("tip.code")} name="code" value={props.code ?? ""} autocomplete="off" spellcheck={false} required />
      <SubmitButton pending={pending()}>{t("tip.lookupButton")}</SubmitButton>
      <Show when={found()}>{(s) => <TipStatusView status={s()} />}</Show>
    </form>
  );
}
