import { createResource, createSignal, For, Index, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { SelfCheckForm, SelfCheckReceipt } from "@firegov/core/contract";
import { ApiError, newIdempotencyKey } from "../../api/http.ts";
import { openSelfCheck, submitSelfCheck } from "../../api/self-checks.ts";
import { fieldError, FormError, formValues, Notice, optional, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { formatDate } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

const PATHS = ["body.respondent", "body.phone", "body.items"] as const;
type Result = "pass" | "fail";

/** The link's token: in the address's fragment (`/self-check#<token>`), which the browser never sends to a server. */
const tokenOf = (hash: string) => decodeURIComponent(hash.replace(/^#/, "")).trim();

function Checklist(props: { form: SelfCheckForm; token: string; onSent: (r: SelfCheckReceipt) => void }) {
  const { t, locale } = useI18n();
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);
  const [answers, setAnswers] = createStore<{ result?: Result; note: string }[]>(props.form.items.map(() => ({ note: "" })));
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  // Drawn when the form opens: a resend after a lost answer is the same submission, stored once.
  let submissionId = newIdempotencyKey();
  const unanswered = () => answers.filter((a) => !a.result).length;
  const err = (path: string) => fieldError(error(), path);
  const problem = () => {
    const e = error();
    if (e instanceof ApiError && e.status === 429) return t("selfCheck.rateLimited", { message: e.message });
    return undefined;
  };

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    setPending(true);
    setError(undefined);
    try {
      const items = props.form.items.flatMap((item, i) => {
        const a = answers[i]!;
        return a.result ? [{ category: item.category, itemId: item.itemId, result: a.result, ...(a.note.trim() ? { note: a.note.trim() } : {}) }] : [];
      });
      const receipt = await submitSelfCheck(props.token, { submissionId, respondent: v.respondent ?? "", phone: optional(v.phone), note: optional(v.note), items });
      submissionId = newIdempotencyKey();
      props.onSent(receipt);
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };

  return (
    <form class="form inspect-form" onSubmit={onSubmit} aria-label={t("selfCheck.title")} novalidate>
      <Show when={problem()} fallback={<FormError error={error()} paths={PATHS} />}>
        {(message) => <div class="alert alert-error" role="alert" tabindex="-1"><p>{message()}</p></div>}
      </Show>
      <ol class="check-items">
        <Index each={props.form.items}>
          {(item, i) => {
            const a = () => answers[i]!;
            const first = () => i === 0 || props.form.items[i - 1]!.category !== item().category;
            return (
              <>
                <Show when={first()}>
                  <li class="check-category" aria-hidden="true">{name(item().categoryName)}</li>
                </Show>
                <li class="check-item" classList={{ "check-item-fail": a().result === "fail" }} data-testid="self-check-item">
                  <fieldset>
                    <legend>{name(item().name)}</legend>
                    <div class="outcomes">
                      <For each={["pass", "fail"] as const}>
                        {(result) => (
                          <button type="button" class={`outcome outcome-${result}`} aria-pressed={a().result === result} onClick={() => setAnswers(i, { result })}>
                            {t(`selfCheck.${result}`)}
                          </button>
                        )}
                      </For>
                    </div>
                    <Show when={a().result === "fail"}>
                      <div class="field">
                        <label for={`self-check-note-${i}`}>{t("selfCheck.itemNote")}</label>
                        <textarea id={`self-check-note-${i}`} rows={2} value={a().note} onInput={(e) => setAnswers(i, { note: e.currentTarget.value })} />
                      </div>
                    </Show>
                  </fieldset>
                </li>
              </>
            );
          }}
        </Index>
      </ol>
      <Show when={err("body.items")}>{(message) => <p class="field-error">{message()}</p>}</Show>
      <TextField label={t("selfCheck.respondent")} hint={t("selfCheck.respondentHint")} name="respondent" required error={err("body.respondent")} />
      <TextField label={t("selfCheck.phone")} hint={t("selfCheck.phoneHint")} name="phone" type="tel" optional error={err("body.phone")} />
      <div class="field">
        <label for="self-check-note">{t("selfCheck.note")}<span class="optional">（{t("form.optional")}）</span></label>
        <textarea id="self-check-note" name="note" rows={2} />
      </div>
      <Show when={unanswered()}>
        <p class="hint" role="status">{t("selfCheck.unanswered", { count: unanswered() })}</p>
      </Show>
      <SubmitButton pending={pending()}>{t("selfCheck.submit")}</SubmitButton>
    </form>
  );
}

/**
 * 场所自查: what a venue's link or QR code opens, without signing in. The
 * person in charge answers each item of the venue's self-check list pass or
 * fail and sends it once; failed items go to the grid to verify.
 */
export default function SelfCheckPage() {
  const { t, locale } = useI18n();
  const token = tokenOf(globalThis.location?.hash ?? "");
  const [form] = createResource(() => token || undefined, openSelfCheck);
  const [receipt, setReceipt] = createSignal<SelfCheckReceipt>();
  const [round, setRound] = createSignal(0);
  const failure = () => {
    const e = form.error as unknown;
    return e instanceof ApiError ? t("selfCheck.linkProblem", { message: e.message }) : e ? String(e) : undefined;
  };
  return (
    <section class="card narrow">
      <h1>{t("selfCheck.title")}</h1>
      <Show when={token} fallback={<div class="alert alert-error" role="alert"><p>{t("selfCheck.noToken")}</p></div>}>
        <Show when={!form.error} fallback={<div class="alert alert-error" role="alert"><p>{failure()}</p></div>}>
          <Show when={form()} fallback={<p role="status">{t("form.loading")}</p>}>
            {(f) => (
              <>
                <h2 class="subtitle" data-testid="self-check-venue">{f().venue.name}</h2>
                <Show when={f().venue.address}><p class="hint">{f().venue.address}</p></Show>
                <p>{t("selfCheck.period", { start: formatDate(f().period.start, locale()), end: formatDate(f().period.end, locale()) })}</p>
                <Show
                  when={receipt()}
                  fallback={
                    <>
                      <p class="hint">{t("selfCheck.intro")}</p>
                      <Show when={f().done}><Notice>{t("selfCheck.doneAlready")}</Notice></Show>
                      <Show when={round() + 1} keyed>
                        <Checklist form={f()} token={token} onSent={setReceipt} />
                      </Show>
                    </>
                  }
                >
                  {(r) => (
                    <div class="alert alert-success" role="status">
                      <h2>{t("selfCheck.sent")}</h2>
                      <p>{locale() === "en" ? r().message.en : r().message.zh}</p>
                      <button type="button" class="button button-secondary button-block" onClick={() => { setReceipt(undefined); setRound(round() + 1); }}>{t("selfCheck.again")}</button>
                    </div>
                  )}
                </Show>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
