import { useAction, useSubmission } from "@solidjs/router";
import type { JurisdictionNode, Role, User } from "@firegov/core/contract";
import { fieldError, FormError, formValues, optional, revealProblem, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { createUserAction } from "./data.ts";
import { USER_FIELD_PATHS, UserFields } from "./user-fields.tsx";

const PATHS = ["body.username", ...USER_FIELD_PATHS, "body.password"] as const;

/** A new user at a node of the subtree, with a temporary password they must change. */
export function CreateUserForm(props: { nodes: JurisdictionNode[]; roles: readonly Role[]; onCreated: (user: User) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const submit = useAction(createUserAction);
  const submission = useSubmission(createUserAction);
  const key = submissionKey();

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input = {
      username: v.username ?? "",
      displayName: v.displayName ?? "",
      phone: optional(v.phone),
      email: optional(v.email),
      role: (v.role ?? "") as Role,
      scopeNodeId: v.scopeNodeId ?? "",
      bodyId: optional(v.bodyId),
      password: v.password ?? "",
    };
    submit(input, key.current())
      .then((user) => {
        key.renew();
        submission.clear();
        props.onCreated(user);
      })
      .catch(() => revealProblem(form));
  };

  return (
    <form class="form panel" onSubmit={onSubmit} onInput={key.renew} aria-label={t("users.create")}>
      <h2>{t("users.create")}</h2>
      <FormError error={submission.error} paths={PATHS} />
      <TextField
        label={t("users.username")}
        hint={t("signup.usernameHint")}
        name="username"
        autocapitalize="none"
        spellcheck={false}
        required
        error={fieldError(submission.error, "body.username")}
      />
      <UserFields nodes={props.nodes} roles={props.roles} error={submission.error} />
      <TextField
        label={t("users.tempPassword")}
        hint={t("users.tempPasswordHint", { policy: t("form.passwordHint") })}
        name="password"
        type="text"
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        required
        error={fieldError(submission.error, "body.password")}
      />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("users.createSubmit")}</SubmitButton>
        <button type="button" class="button button-secondary" onClick={() => { submission.clear(); props.onCancel(); }}>{t("form.cancel")}</button>
      </div>
    </form>
  );
}
