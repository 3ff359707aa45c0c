import { createAsync } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import type { JurisdictionNode, PolicyProfile, Role, User } from "@firegov/core/contract";
import { fieldError, SelectField, TextField } from "../../components/form.tsx";
import { nodeOptionLabel, roleName } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { roleLevelWarning } from "@firegov/core/browser";

/** The server's role-fit warning (on a saved user), in the reader's language. */
export const savedWarning = (user: User, locale: string) => (user.warnings ?? []).map((w) => (locale === "en" ? w.message.en : w.message.zh)).join(" ");

/** Said while choosing: the role does not fit the chosen node's level (allowed; the admin decides). */
function RoleFitNote(props: { role: string | undefined; node: JurisdictionNode | undefined }) {
  const { locale } = useI18n();
  // The profile's levels and names; until it has loaded nothing is said (a warning never blocks).
  const profile = profileSignal();
  const warning = () => {
    const p = profile();
    return p && props.role && props.node ? roleLevelWarning(p, props.role as Role, props.node.level) : undefined;
  };
  return (
    <Show when={warning()}>
      {(w) => <p class="alert alert-warning" role="status" data-testid="role-fit-warning">{locale() === "en" ? w().message.en : w().message.zh}</p>}
    </Show>
  );
}

/** The profile in effect once it has loaded (undefined before, or if it cannot load), without suspending. */
function profileSignal() {
  const [profile, setProfile] = createSignal<PolicyProfile>();
  profileInEffect().then(setProfile, () => undefined);
  return profile;
}

export const USER_FIELD_PATHS = ["body.displayName", "body.phone", "body.email", "body.role", "body.scopeNodeId", "body.bodyId"] as const;

/** The profile body a user acts for (a department's liaison: that department), from the profile in effect. */
function BodyField(props: { bodyId?: string | undefined; error: unknown }) {
  const { t, locale } = useI18n();
  const profile = createAsync(() => profileInEffect());
  const en = () => locale() === "en";
  return (
    <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
      <Show when={profile()}>
        {(p) => (
          <SelectField label={t("users.body")} hint={t("users.bodyHint")} name="bodyId" optional error={fieldError(props.error, "body.bodyId")}>
            <option value="" selected={!props.bodyId}>{t("users.bodyNone")}</option>
            <For each={p().bodies}>{(body) => <option value={body.id} selected={body.id === props.bodyId}>{en() ? body.name.en : body.name.zh}</option>}</For>
          </SelectField>
        )}
      </Show>
    </Suspense>
  );
}

/** Name, contact, role and node: the fields creating and editing a user share. */
export function UserFields(props: { user?: User; nodes: JurisdictionNode[]; roles: readonly Role[]; error: unknown }) {
  const { t, locale } = useI18n();
  const selectedNode = () => props.user?.scopeNodeId ?? props.nodes[0]?.nodeId;
  // A department liaison acts for one department: the body is asked of liaisons, and of anyone already bound.
  const [role, setRole] = createSignal<string | undefined>(props.user?.role);
  const [nodeId, setNodeId] = createSignal<string | undefined>(selectedNode());
  // The roles as the county labels them; until (or without) the profile, their ids. A plain signal, not
  // createAsync: waiting for the profile must not suspend (and so reset) a form being filled in.
  const profile = profileSignal();
  return (
    <>
      <TextField label={t("users.displayName")} name="displayName" value={props.user?.displayName ?? ""} required error={fieldError(props.error, "body.displayName")} />
      <TextField label={t("users.phone")} name="phone" type="tel" inputmode="tel" value={props.user?.phone ?? ""} optional error={fieldError(props.error, "body.phone")} />
      <TextField label={t("users.email")} name="email" type="email" value={props.user?.email ?? ""} optional error={fieldError(props.error, "body.email")} />
      <SelectField label={t("users.role")} name="role" required error={fieldError(props.error, "body.role")} onChange={(e) => setRole(e.currentTarget.value)}>
        <option value="" disabled selected={!props.user}>{t("users.roleChoose")}</option>
        <For each={props.roles}>{(role) => <option value={role} selected={role === props.user?.role}>{roleName(role, locale(), profile())}</option>}</For>
      </SelectField>
      <SelectField label={t("users.scope")} name="scopeNodeId" required error={fieldError(props.error, "body.scopeNodeId")} onChange={(e) => setNodeId(e.currentTarget.value)}>
        <For each={props.nodes}>{(node) => <option value={node.nodeId} selected={node.nodeId === selectedNode()}>{nodeOptionLabel(node, props.nodes[0])}</option>}</For>
      </SelectField>
      <RoleFitNote role={role()} node={props.nodes.find((n) => n.nodeId === (nodeId() ?? selectedNode()))} />
      <Show when={role() === "department_liaison" || props.user?.bodyId}>
        <BodyField bodyId={props.user?.bodyId} error={props.error} />
      </Show>
    </>
  );
}
