import { A, action, redirect, useAction, useLocation, useSearchParams, useSubmission } from "@solidjs/router";
import { Show } from "solid-js";
import type { LoginInput } from "@firegov/core/contract";
import { CHANGE_PASSWORD_PATH, safeNext } from "../../auth/access.ts";
import { rememberedTenant, session, signIn } from "../../auth/session.ts";
import { fieldError, FormError, formValues, Notice, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import RecoverPage from "../recover/index.tsx";

const PATHS = ["body.tenant", "body.username", "body.password"] as const;

/** A temporary password is changed before anything else; otherwise back to where the user was going. */
const signInAction = action(async (input: LoginInput, next: string | undefined) => {
  const signedIn = await signIn(input);
  throw redirect(signedIn.mustChangePassword ? CHANGE_PASSWORD_PATH : safeNext(next));
}, "signIn");

/** `/recover` is served by this chunk too (app.tsx): resetting with a recovery code. */
export default function LoginPage() {
  return (
    <Show when={useLocation().pathname !== "/recover"} fallback={<RecoverPage />}>
      <SignInPage />
    </Show>
  );
}

function SignInPage() {
  const { t } = useI18n();
  const [params] = useSearchParams<{ tenant?: string; next?: string; signedUp?: string; recovered?: string }>();
  const submit = useAction(signInAction);
  const submission = useSubmission(signInAction);
  const notice = () => {
    const s = session();
    return s.status === "signed-out" ? s.notice : undefined;
  };
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    submit({ tenant: v.tenant ?? "", username: v.username ?? "", password: v.password ?? "" }, params.next).catch(() => revealProblem(form));
  };
  return (
    <section class="card narrow">
      <h1>{t("login.title")}</h1>
      <Show when={params.signedUp}>
        <Notice tone="success">{t("login.signedUp")}</Notice>
      </Show>
      <Show when={params.recovered}>
        <Notice tone="success">{t("recover.done")}</Notice>
      </Show>
      <Show when={notice()}>{(n) => <Notice tone="warning">{t(n() === "expired" ? "auth.expired" : "auth.ended")}</Notice>}</Show>
      <form class="form" onSubmit={onSubmit}>
        <FormError error={submission.error} paths={PATHS} />
        <TextField
          label={t("login.tenant")}
          hint={t("login.tenantHint")}
          name="tenant"
          value={params.tenant ?? rememberedTenant()}
          autocomplete="organization"
          autocapitalize="none"
          spellcheck={false}
          required
          error={fieldError(submission.error, "body.tenant")}
        />
        <TextField
          label={t("login.username")}
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          error={fieldError(submission.error, "body.username")}
        />
        <TextField
          label={t("login.password")}
          name="password"
          type="password"
          autocomplete="current-password"
          required
          error={fieldError(submission.error, "body.password")}
        />
        <SubmitButton pending={submission.pending ?? false}>{t("login.submit")}</SubmitButton>
      </form>
      <p class="aside">
        <A href="/signup">{t("login.noAccount")}</A>
      </p>
      <p class="aside">
        <A href="/recover">{t("recover.link")}</A>
      </p>
    </section>
  );
}
