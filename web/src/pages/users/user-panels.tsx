import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import type { JurisdictionNode, Role, User } from "@firegov/core/contract";
import { fieldError, FormError, formValues, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { changesOf, resetPasswordAction, setStatusAction, updateUserAction } from "./data.ts";
import { savedWarning, USER_FIELD_PATHS, UserFields } from "./user-fields.tsx";

interface PanelProps {
  user: User;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const forUser = (userId: string) => (input: [string, ...unknown[]]) => input[0] === userId;

function CancelButton(props: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="button button-secondary" onClick={() => props.onClick()}>
      {t("form.cancel")}
    </button>
  );
}

export function EditUserForm(props: PanelProps & { nodes: JurisdictionNode[]; roles: readonly Role[] }) {
  const { t, locale } = useI18n();
  const submit = useAction(updateUserAction);
  const submission = useSubmission(updateUserAction, forUser(props.user.userId));
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const changes = changesOf(props.user, formValues(form));
    if (Object.keys(changes).length === 0) return props.onCancel();
    submit(props.user.userId, changes)
      .then((user) => {
        submission.clear();
        props.onDone([t("users.saved", { name: user.displayName }), savedWarning(user, locale())].filter(Boolean).join(" "));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={`${t("users.edit")} ${props.user.displayName}`}>
      <FormError error={submission.error} paths={USER_FIELD_PATHS} />
      <UserFields user={props.user} nodes={props.nodes} roles={props.roles} error={submission.error} />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("users.save")}</SubmitButton>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

/** Disabling ends every session of the user at once, so it asks first. */
export function StatusConfirm(props: PanelProps) {
  const { t } = useI18n();
  const submit = useAction(setStatusAction);
  const submission = useSubmission(setStatusAction, forUser(props.user.userId));
  const next = () => (props.user.status === "active" ? "disabled" : "active");
  const confirm = () =>
    submit(props.user.userId, next())
      .then((user) => {
        submission.clear();
        props.onDone(t(user.status === "active" ? "users.enabled" : "users.disabled", { name: user.displayName }));
      })
      .catch(() => {});
  return (
    <div class="panel" role="group">
      <FormError error={submission.error} paths={[]} />
      <p>{t(next() === "disabled" ? "users.confirmDisable" : "users.confirmEnable", { name: props.user.displayName })}</p>
      <div class="actions">
        <button type="button" class="button button-danger" disabled={submission.pending} onClick={() => void confirm()}>
          {t(next() === "disabled" ? "users.disable" : "users.enable")}
        </button>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </div>
  );
}

/** Two steps: type the temporary password, then confirm (the user is signed out everywhere). */
export function ResetPasswordForm(props: PanelProps) {
  const { t } = useI18n();
  const submit = useAction(resetPasswordAction);
  const submission = useSubmission(resetPasswordAction, forUser(props.user.userId));
  const [password, setPassword] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    submission.clear();
    setPassword(formValues(e.currentTarget as HTMLFormElement).newPassword ?? "");
    setConfirming(true);
  };
  const confirm = () =>
    submit(props.user.userId, password())
      .then((user) => {
        submission.clear();
        props.onDone(t("users.resetDone", { name: user.displayName }));
      })
      .catch(() => setConfirming(false));
  const cancel = () => {
    submission.clear();
    props.onCancel();
  };
  return (
    <Show
      when={confirming()}
      fallback={
        <form class="form panel" onSubmit={onSubmit} aria-label={`${t("users.resetPassword")} ${props.user.displayName}`}>
          <FormError error={submission.error} paths={["body.newPassword"]} />
          <TextField
            label={t("users.tempPassword")}
            hint={t("users.tempPasswordHint", { policy: t("form.passwordHint") })}
            name="newPassword"
            type="text"
            value={password()}
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            required
            error={fieldError(submission.error, "body.newPassword")}
          />
          <div class="actions">
            <SubmitButton pending={false}>{t("users.resetSubmit")}</SubmitButton>
            <CancelButton onClick={cancel} />
          </div>
        </form>
      }
    >
      <div class="panel" role="group">
        <p>{t("users.confirmReset", { name: props.user.displayName })}</p>
        <div class="actions">
          <button type="button" class="button button-danger" disabled={submission.pending} onClick={() => void confirm()}>
            {submission.pending ? t("form.submitting") : t("form.confirm")}
          </button>
          <CancelButton onClick={cancel} />
        </div>
      </div>
    </Show>
  );
}
