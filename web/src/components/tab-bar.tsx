import { OutboxBadge } from "../offline/index.tsx";
import { A, createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Role } from "@firegov/core/contract";
import { can, type Action } from "../auth/access.ts";
import { signedInUser } from "../auth/session.ts";
import { unreadCount } from "../data/queries.ts";
import { useI18n } from "../i18n/index.tsx";
import { SearchButton } from "./search.tsx";

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

/** One row: the app's name (leading home) and search. Account, language and sign-out live on 我的 (/me). */
export function CompactHeader() {
  const { t } = useI18n();
  return (
    <header class="topbar topbar-compact" data-testid="shell-header">
      <A href="/" end class="compact-home">
        <span class="brand-mark" aria-hidden="true">消</span>
        <span class="visually-hidden">{t("nav.home")} · </span>
        <span class="brand-title">{t("app.title")}</span>
      </A>
      <div class="compact-tools">
        <OutboxBadge />
        <SearchButton />
      </div>
    </header>
  );
}

/** The field roles' bottom navigation (the module is loaded only for them, with the words of "shell"): fixed to the bottom of the screen, thumb-sized targets. */
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

/** The field roles' shell around the page: the compact header on top, the tab bar fixed to the bottom of the screen. */
export default function FieldBars() {
  return (
    <>
      <CompactHeader />
      <TabBar />
    </>
  );
}
