import { useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import type { TipStatus } from "@firegov/core/contract";
import { submitTip, tipStatus } from "../../api/hazards.ts";
import { ApiError } from "../../api/http.ts";
import { fieldError, FormError, formValues, optional, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";

const PATHS = ["body.locationText", "body.description", "body.contact"] as const;

/** A resident's tip, without signing in: where, what, and a contact if they want a call back. */
export default function TipPage() {
  const { t, locale } = useI18n();
  const params = useParams<{ tenantSlug: string }>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [receipt, setReceipt] = createSignal<string>();
  const [code, setCode] = createSignal<string>();
  const err = (path: string) => fieldError(error(), path);
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
      const done = await submitTip(params.tenantSlug, { locationText: v.locationText ?? "", description: v.description ?? "", contact: optional(v.contact) });
      setReceipt(locale() === "en" ? done.message.en : done.message.zh);
      setCode(done.receiptCode);
      form.reset();
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
                <p>
                  {t("tip.receiptCode")} <strong><code data-testid="receipt-code">{c()}</code></strong>
                </p>
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
  const { t, locale } = useI18n();
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
      <Show when={found()}>
        {(s) => (
          <div class="panel" role="status" data-testid="tip-status">
            <p>{t("tip.stageLabel")}{t(`tip.stage.${s().stage}`)}</p>
            <Show when={s().publicNote}><p>{t("tip.note")}{s().publicNote}</p></Show>
            <Show when={s().reward}>
              {(r) => (
                <p data-testid="tip-reward">
                  {t(`tip.reward.${r().status}`, { form: locale() === "en" ? r().form.en : r().form.zh })}
                  <Show when={r().given}>{(g) => <>{t("tip.rewardGiven", { form: g().form, date: g().date, amount: g().amount === undefined ? "" : t("tip.amount", { amount: g().amount! }) })}</>}</Show>
                </p>
              )}
            </Show>
          </div>
        )}
      </Show>
    </form>
  );
}
