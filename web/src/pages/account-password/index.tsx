import { action, redirect, useAction, useSubmission } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { changeOwnPassword, session } from "../../auth/session.ts";
import { fieldError, FormError, formValues, Notice, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";

const PATHS = ["body.currentPassword", "body.newPassword"] as const;

/** After a forced change the user goes on to the app; otherwise stays and is told it worked. */
const changePasswordAction = action(async (input: { currentPassword: string; newPassword: string }, forced: boolean) => {
  await changeOwnPassword(input);
  if (forced) throw redirect("/");
  return true;
}, "changePassword");

export default function PasswordPage() {
  const { t } = useI18n();
  const submit = useAction(changePasswordAction);
  const submission = useSubmission(changePasswordAction);
  const [mismatch, setMismatch] = createSignal(false);
  const forced = () => {
    const s = session();
    return s.status === "signed-in" && s.mustChangePassword;
  };

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    setMismatch(v.newPassword !== v.confirmPassword);
    if (mismatch()) return revealProblem(form);
    submit({ currentPassword: v.currentPassword ?? "", newPassword: v.newPassword ?? "" }, forced())
      .then((ok) => ok && form.reset())
      .catch(() => revealProblem(form));
  };

  return (
    <section class="card narrow">
      <h1>{t("account.title")}</h1>
      <Show when={forced()}>
        <Notice tone="warning">{t("account.forced")}</Notice>
      </Show>
      <Show when={submission.result}>
        <Notice tone="success">{t("account.done")}</Notice>
      </Show>
      <form class="form" onSubmit={onSubmit}>
        <FormError error={submission.error} paths={PATHS} />
        <TextField
          label={t("account.current")}
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          required
          error={fieldError(submission.error, "body.currentPassword")}
        />
        <TextField
          label={t("account.next")}
          hint={t("form.passwordHint")}
          name="newPassword"
          type="password"
          autocomplete="new-password"
          required
          error={fieldError(submission.error, "body.newPassword")}
        />
        <TextField
          label={t("account.confirm")}
          name="confirmPassword"
          type="password"
          autocomplete="new-password"
          required
          error={mismatch() ? t("form.mismatch") : undefined}
        />
        <SubmitButton pending={submission.pending ?? false}>{t("account.submit")}</SubmitButton>
      </form>
    </section>
  );
}
