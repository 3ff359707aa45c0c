import { A, useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../api/http.ts";
import { fieldError, FormError, formValues, revealProblem, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { toLocalInput } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { publishAction } from "./data.ts";
import { draftVenueImpact } from "../../api/profiles.ts";

interface Pending {
  input: { effectiveFrom?: string; note?: string };
  impact: { checked: number; changed: number } | undefined;
}

const PATHS = ["body.effectiveFrom", "body.note"] as const;

/** Problems the API found in the document itself (paths `$…`), each at its path. */
function DocumentProblems(props: { error: unknown; onLocate: (path: string) => void }) {
  const { t } = useI18n();
  const fields = () => (props.error instanceof ApiError ? props.error.fields.filter((f) => f.path.startsWith("$")) : []);
  return (
    <Show when={fields().length}>
      <ul class="issue-list" aria-label={t("profile.editor.issues")}>
        <For each={fields()}>
          {(field) => (
            <li class="issue" data-path={field.path}>
              <code class="path">{field.path}</code>
              <span>{field.message}</span>
              <button type="button" class="link-button small-button" onClick={() => props.onLocate(field.path)}>{t("profile.editor.locate")}</button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/**
 * Publishes the saved draft as the next version: now, or from a later time.
 * On success the new version's page opens (the action redirects).
 */
export function PublishForm(props: { blocked: string | undefined; onLocate: (path: string) => void; basedOnVersion?: number }) {
  const { t, locale } = useI18n();
  const submit = useAction(publishAction);
  const submission = useSubmission(publishAction);
  const key = submissionKey();
  const [scheduled, setScheduled] = createSignal(false);
  const now = () => toLocalInput(new Date());
  // Publishing is a step with consequences: a first press asks, with what it changes, a second publishes.
  const [confirming, setConfirming] = createSignal<Pending>();
  let form!: HTMLFormElement;

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const v = formValues(form);
    // "Now" is the API's now: a time typed to the minute would already be past when it arrives.
    const effectiveFrom = scheduled() && v.effectiveFrom ? new Date(v.effectiveFrom).toISOString() : undefined;
    const input = { ...(effectiveFrom ? { effectiveFrom } : {}), ...(v.note ? { note: v.note } : {}) };
    draftVenueImpact().then(
      (impact) => setConfirming({ input, impact }),
      () => setConfirming({ input, impact: undefined }),
    );
  };
  const confirm = () => {
    const pending = confirming();
    if (!pending) return;
    setConfirming(undefined);
    submit(pending.input, key.current()).catch(() => revealProblem(form));
  };

  return (
    <form ref={form} class="form panel publish-form" onSubmit={onSubmit} onInput={key.renew} aria-label={t("profile.publish.title")}>
      <h2>{t("profile.publish.title")}</h2>
      <p class="hint">{t("profile.publish.intro")}</p>
      <FormError error={submission.error} paths={[...PATHS, ...(submission.error instanceof ApiError ? submission.error.fields.map((f) => f.path).filter((p) => p.startsWith("$")) : [])]} />
      <DocumentProblems error={submission.error} onLocate={props.onLocate} />
      <fieldset class="choice">
        <legend>{t("profile.publish.when")}</legend>
        <label class="radio">
          <input type="radio" name="when" value="now" checked={!scheduled()} onChange={() => setScheduled(false)} />
          {t("profile.publish.now")}
        </label>
        <label class="radio">
          <input type="radio" name="when" value="later" checked={scheduled()} onChange={() => setScheduled(true)} />
          {t("profile.publish.later")}
        </label>
      </fieldset>
      <Show when={scheduled()}>
        <TextField
          label={t("profile.publish.effectiveFrom")}
          hint={t("profile.publish.effectiveFromHint")}
          name="effectiveFrom"
          type="datetime-local"
          min={now()}
          value={now()}
          required
          error={fieldError(submission.error, "body.effectiveFrom")}
        />
      </Show>
      <TextField label={t("profile.publish.note")} hint={t("profile.publish.noteHint")} name="note" maxLength={500} optional error={fieldError(submission.error, "body.note")} />
      <Show when={props.blocked}>
        <p class="hint publish-blocked" role="note">{props.blocked}</p>
      </Show>
      <Show when={confirming()} fallback={
        <Show when={!props.blocked} fallback={<button type="submit" class="button button-block" disabled>{t("profile.publish.submit")}</button>}>
          <SubmitButton pending={submission.pending ?? false}>{t("profile.publish.submit")}</SubmitButton>
        </Show>
      }>
        {(p) => (
          <div class="alert alert-warning publish-confirm" role="alertdialog" aria-label={t("profile.publish.confirmTitle")} data-testid="publish-confirm">
            <p><strong>{t("profile.publish.confirmTitle")}</strong></p>
            <p>{p().input.effectiveFrom ? t("profile.publish.confirmLater", { at: new Date(p().input.effectiveFrom!).toLocaleString(locale() === "en" ? "en" : "zh-CN") }) : t("profile.publish.confirmNow")}</p>
            <p>{p().impact ? t("profile.publish.confirmVenues", { changed: p().impact!.changed, checked: p().impact!.checked }) : t("profile.publish.confirmVenuesUnknown")}</p>
            <Show when={props.basedOnVersion}>
              {(n) => <p><A href={`/profile/diff?${new URLSearchParams({ from: `v:${n()}`, to: "draft" })}`}>{t("profile.publish.confirmDiff")}</A></p>}
            </Show>
            <div class="actions">
              <button type="button" class="button" onClick={confirm}>{t("profile.publish.confirm")}</button>
              <button type="button" class="button button-secondary" onClick={() => setConfirming(undefined)}>{t("profile.publish.back")}</button>
            </div>
          </div>
        )}
      </Show>
    </form>
  );
}
