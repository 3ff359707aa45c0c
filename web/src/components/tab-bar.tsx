import { A, createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Role } from "@firegov/core/contract";
import { can, type Action } from "../auth/access.ts";
import { signedInUser } from "../auth/session.ts";
import { unreadCount } from "../data/queries.ts";
import { useI18n } from "../i18n/index.tsx";

/**
 * The roles that work on a phone in the field and get the phone shell (compact header + bottom tab bar);
 * every other role keeps the full menu. A layout choice, not a permission: the API still decides.
 */
export const FIELD_ROLES: readonly Role[] = ["grid_worker", "village_manager", "brigade_member"];
export const isFieldRole = (role: Role) => FIELD_ROLES.includes(role);

type Key = Parameters<ReturnType<typeof useI18n>["t"]>[0];
type Tab = { href: string; label: Key; icon: string; access?: Action; end?: boolean; unread?: boolean };

/** At most five tabs, in the order a field worker's day goes. */
export const TABS: readonly Tab[] = [
  { href: "/today", label: "tabs.today", icon: "☑", access: "inspection.perform" },
  { href: "/venues", label: "tabs.venues", icon: "⌂", access: "venue.read" },
  { href: "/hazards/new", label: "tabs.report", icon: "＋", access: "hazard.report" },
  { href: "/inbox", label: "tabs.inbox", icon: "✉", access: "inbox.read", unread: true },
  { href: "/me", label: "tabs.me", icon: "☺" },
];

/** The tabs this signed-in user may open. */
export function allowedTabs(role: Role): Tab[] {
  return TABS.filter((tab) => !tab.access || can(role, tab.access));
}

function UnreadBadge() {
  const { t } = useI18n();
  const unread = createAsync(() => unreadCount().catch(() => 0));
  return <Show when={unread()}>{(n) => <span class="tab-badge" aria-label={t("inbox.unread", { count: n() })}>{n()}</span>}</Show>;
}

/** The field roles' bottom navigation: fixed to the bottom of the screen, thumb-sized targets. */
export function TabBar() {
  const { t } = useI18n();
  const tabs = () => {
    const user = signedInUser();
    return user ? allowedTabs(user.role) : [];
  };
  return (
    <nav class="tab-bar" aria-label={t("tabs.label")} data-testid="tab-bar">
      <For each={tabs()}>
        {(tab) => (
          <A href={tab.href} class="tab" end={tab.end}>
            <span class="tab-icon" aria-hidden="true">{tab.icon}</span>
            <span class="tab-label">{t(tab.label) as string}</span>
            <Show when={tab.unread}>
              <UnreadBadge />
            </Show>
          </A>
        )}
      </For>
    </nav>
  );
}
