import { A, action, redirect, useAction, useSearchParams, useSubmission } from "@solidjs/router";
import { createSignal } from "solid-js";
import { recover } from "../../api/recover.ts";
import { fieldError, FormError, formValues, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";

// An admin with neither phone nor email resets a lost password with one of the
// recovery codes shown at signup; each code works once.

const PATHS = ["body.tenant", "body.username", "body.code", "body.newPassword"] as const;

const recoverAction = action(async (input: { tenant: string; username: string; code: string; newPassword: string }) => {
  await recover(input);
  throw redirect(`/login?${new URLSearchParams({ tenant: input.tenant, recovered: "1" })}`);
}, "recover");

export default function RecoverPage() {
  const { t } = useI18n();
  const [params] = useSearchParams<{ tenant?: string }>();
  const submit = useAction(recoverAction);
  const submission = useSubmission(recoverAction);
  const [mismatch, setMismatch] = createSignal(false);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    setMismatch(v.newPassword !== v.passwordConfirm);
    if (mismatch()) return revealProblem(form);
    submit({ tenant: v.tenant ?? "", username: v.username ?? "", code: v.code ?? "", newPassword: v.newPassword ?? "" }).catch(() => revealProblem(form));
  };
  return (
    <section class="card narrow">
      <h1>{t("recover.title")}</h1>
      <p class="lead">{t("recover.intro")}</p>
      <form class="form" onSubmit={onSubmit}>
        <FormError error={submission.error} paths={PATHS} />
        <TextField label={t("login.tenant")} name="tenant" value={params.tenant ?? ""} autocapitalize="none" spellcheck={false} required error={fieldError(submission.error, "body.tenant")} />
        <TextField label={t("login.username")} name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required error={fieldError(submission.error, "body.username")} />
        <TextField label={t("recover.code")} hint={t("recover.codeHint")} name="code" autocomplete="one-time-code" autocapitalize="characters" spellcheck={false} required error={fieldError(submission.error, "body.code")} />
        <TextField label={t("recover.newPassword")} hint={t("form.passwordHint")} name="newPassword" type="password" autocomplete="new-password" required error={fieldError(submission.error, "body.newPassword")} />
        <TextField label={t("signup.passwordConfirm")} name="passwordConfirm" type="password" autocomplete="new-password" required error={mismatch() ? t("form.mismatch") : undefined} />
        <SubmitButton pending={submission.pending ?? false}>{t("recover.submit")}</SubmitButton>
      </form>
      <p class="aside muted small">{t("recover.noCode")}</p>
      <p class="aside">
        <A href="/login">{t("recover.back")}</A>
      </p>
    </section>
  );
}
