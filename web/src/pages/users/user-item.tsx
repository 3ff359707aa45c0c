import { createAsync } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import type { JurisdictionNode, User } from "@firegov/core/contract";
import { canManage, grantableRoles } from "../../auth/access.ts";
import { roleName, userStatusName } from "../../display.ts";
import { profileInEffect } from "../../data/queries.ts";
import { TelLink } from "../../components/tel-link.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { EditUserForm, ResetPasswordForm, StatusConfirm } from "./user-panels.tsx";

type Panel = "edit" | "status" | "reset";

/** One user: who, what role where, and what the signed-in manager may do to them. */
export function UserItem(props: { user: User; me: User; nodes: JurisdictionNode[]; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const [panel, setPanel] = createSignal<Panel>();
  const profile = createAsync(() => profileInEffect().catch(() => undefined));
  const self = () => props.user.userId === props.me.userId;
  const manageable = () => canManage(props.me, props.user);
  const nodeName = () => props.nodes.find((n) => n.nodeId === props.user.scopeNodeId)?.name ?? "";
  const toggle = (next: Panel) => setPanel(panel() === next ? undefined : next);
  const done = (message: string) => {
    setPanel(undefined);
    props.onDone(message);
  };
  const panelProps = () => ({ user: props.user, onDone: done, onCancel: () => setPanel(undefined) });
  return (
    <li class="user-item" data-testid="user-item" data-username={props.user.username}>
      <div class="user-summary">
        <div class="user-main">
          <div class="user-name">
            {props.user.displayName}
            <Show when={self()}>
              <span class="badge">{t("users.you")}</span>
            </Show>
            <Show when={props.user.status === "disabled"}>
              <span class="badge badge-muted">{userStatusName(props.user.status, locale())}</span>
            </Show>
            <Show when={props.user.mustChangePassword}>
              <span class="badge badge-warn">{t("users.mustChange")}</span>
            </Show>
            <Show when={props.user.lockedUntil && Date.parse(props.user.lockedUntil) > Date.now()}>
              <span class="badge badge-warn">{t("users.locked")}</span>
            </Show>
          </div>
          <div class="user-meta">
            {props.user.username} · {roleName(props.user.role, locale(), profile())}
            <Show when={nodeName()}> · {nodeName()}</Show>
          </div>
          <Show when={props.user.phone || props.user.email}>
            <div class="user-meta">
              <TelLink phone={props.user.phone} />
              {props.user.phone && props.user.email ? " · " : ""}
              {props.user.email ?? ""}
            </div>
          </Show>
        </div>
        <Show when={manageable()}>
          <div class="user-actions">
            <button type="button" class="button button-secondary" aria-expanded={panel() === "edit"} onClick={() => toggle("edit")}>{t("users.edit")}</button>
            <Show when={!self()}>
              <button type="button" class="button button-secondary" aria-expanded={panel() === "status"} onClick={() => toggle("status")}>
                {t(props.user.status === "active" ? "users.disable" : "users.enable")}
              </button>
              <button type="button" class="button button-secondary" aria-expanded={panel() === "reset"} onClick={() => toggle("reset")}>{t("users.resetPassword")}</button>
            </Show>
          </div>
        </Show>
      </div>
      <Switch>
        <Match when={panel() === "edit"}>
          <EditUserForm {...panelProps()} nodes={props.nodes} roles={grantableRoles(props.me.role)} />
        </Match>
        <Match when={panel() === "status"}>
          <StatusConfirm {...panelProps()} />
        </Match>
        <Match when={panel() === "reset"}>
          <ResetPasswordForm {...panelProps()} />
        </Match>
      </Switch>
    </li>
  );
}
