import { A, action, createAsync, query, redirect, useAction, useSubmission } from "@solidjs/router";
import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { SignupInput } from "@firegov/core/contract";
import { signup } from "../../api/auth.ts";
import { getPresets } from "../../api/system.ts";
import { fieldError, FormError, formValues, optional, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { presetDocument, presetLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

const presets = query(getPresets, "presets");

const loginPath = (tenantId: string) => `/login?${new URLSearchParams({ tenant: tenantId, signedUp: "1" })}`;

/** With recovery codes (an admin with neither phone nor email) the page shows them once; otherwise straight to sign-in. */
const signupAction = action(async (input: SignupInput, idempotencyKey: string) => {
  const result = await signup(input, idempotencyKey);
  if (result.recoveryCodes?.length) return result;
  throw redirect(loginPath(result.tenantId));
}, "signup");

const PATHS = [
  "body.slug",
  "body.name",
  "body.presetId",
  "body.admin.username",
  "body.admin.displayName",
  "body.admin.phone",
  "body.admin.email",
  "body.admin.password",
] as const;

/** A phone cuts long titles short in the select: the chosen document is spelled out under it. */
function PresetSelect(props: { error: string | undefined }) {
  const { t, locale } = useI18n();
  const items = createAsync(() => presets());
  const [chosen, setChosen] = createSignal<string>();
  const hint = () => {
    const preset = items()?.find((p) => p.id === chosen());
    return preset && !preset.blank ? presetDocument(preset) : t("signup.presetHint");
  };
  return (
    <SelectField label={t("signup.preset")} hint={hint()} name="presetId" required error={props.error} onChange={(e) => setChosen(e.currentTarget.value)}>
      <option value="">{t("signup.presetChoose")}</option>
      <For each={items()}>{(p) => <option value={p.id}>{p.blank ? t("signup.presetBlank") : presetLabel(p, locale())}</option>}</For>
    </SelectField>
  );
}

export default function SignupPage() {
  const { t } = useI18n();
  const submit = useAction(signupAction);
  const submission = useSubmission(signupAction);
  const key = submissionKey();
  const [mismatch, setMismatch] = createSignal(false);
  const error = (path: (typeof PATHS)[number]) => fieldError(submission.error, path);

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    setMismatch(v["admin.password"] !== v.passwordConfirm);
    if (mismatch()) return revealProblem(form);
    const input: SignupInput = {
      slug: v.slug ?? "",
      name: v.name ?? "",
      presetId: v.presetId ?? "",
      admin: {
        username: v["admin.username"] ?? "",
        displayName: v["admin.displayName"] ?? "",
        phone: optional(v["admin.phone"]),
        email: optional(v["admin.email"]),
        password: v["admin.password"] ?? "",
      },
    };
    submit(input, key.current()).catch(() => revealProblem(form));
  };

  return (
    <Show when={submission.result} fallback={form()}>
      {(result) => <RecoveryCodes tenantId={result().tenantId} codes={result().recoveryCodes ?? []} />}
    </Show>
  );

  function form() {
    return (
      <section class="card narrow">
        <h1>{t("signup.title")}</h1>
        <p class="lead">{t("signup.intro")}</p>
        <form class="form" onSubmit={onSubmit} onInput={key.renew}>
          <FormError error={submission.error} paths={PATHS} />
          <fieldset>
            <legend>{t("signup.county")}</legend>
            <TextField
              label={t("signup.slug")}
              hint={t("signup.slugHint")}
              name="slug"
              autocapitalize="none"
              spellcheck={false}
              required
              error={error("body.slug")}
            />
            <TextField label={t("signup.name")} placeholder={t("signup.namePlaceholder")} name="name" required error={error("body.name")} />
            <ErrorBoundary fallback={(err) => <p class="alert alert-error" role="alert">{t("signup.presetsFailed", { message: String(err?.message ?? err) })}</p>}>
              <Suspense fallback={<p>{t("form.loading")}</p>}>
                <PresetSelect error={error("body.presetId")} />
              </Suspense>
            </ErrorBoundary>
          </fieldset>
          <fieldset>
            <legend>{t("signup.admin")}</legend>
            <TextField
              label={t("signup.username")}
              hint={t("signup.usernameHint")}
              name="admin.username"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              error={error("body.admin.username")}
            />
            <TextField label={t("signup.displayName")} name="admin.displayName" autocomplete="name" required error={error("body.admin.displayName")} />
            <TextField
              label={t("signup.phone")}
              hint={t("signup.contactHint")}
              name="admin.phone"
              type="tel"
              inputmode="tel"
              autocomplete="tel"
              optional
              error={error("body.admin.phone")}
            />
            <TextField label={t("signup.email")} name="admin.email" type="email" autocomplete="email" optional error={error("body.admin.email")} />
            <TextField
              label={t("signup.password")}
              hint={t("form.passwordHint")}
              name="admin.password"
              type="password"
              autocomplete="new-password"
              required
              error={error("body.admin.password")}
            />
            <TextField
              label={t("signup.passwordConfirm")}
              name="passwordConfirm"
              type="password"
              autocomplete="new-password"
              required
              error={mismatch() ? t("form.mismatch") : undefined}
            />
          </fieldset>
          <SubmitButton pending={submission.pending ?? false}>{t("signup.submit")}</SubmitButton>
        </form>
        <p class="aside">
          <A href="/login">{t("signup.haveAccount")}</A>
        </p>
      </section>
    );
  }
}

/** The recovery codes, shown this once; signing in waits for the admin to say they are saved. */
function RecoveryCodes(props: { tenantId: string; codes: readonly string[] }) {
  const { t } = useI18n();
  const [saved, setSaved] = createSignal(false);
  return (
    <section class="card narrow" data-testid="recovery-codes">
      <h1>{t("signup.codesTitle")}</h1>
      <p class="lead">{t("signup.codesIntro")}</p>
      <ol class="recovery-codes">
        <For each={props.codes}>{(code) => <li><code>{code}</code></li>}</For>
      </ol>
      <p class="muted small">{t("signup.codesNoneLeft")}</p>
      <label class="check">
        <input type="checkbox" name="codesSaved" checked={saved()} onChange={(e) => setSaved(e.currentTarget.checked)} /> {t("signup.codesSaved")}
      </label>
      <Show when={saved()} fallback={<button type="button" class="button" disabled>{t("signup.codesContinue")}</button>}>
        <A class="button" href={loginPath(props.tenantId)}>{t("signup.codesContinue")}</A>
      </Show>
    </section>
  );
}
