import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { can, type Action } from "../auth/access.ts";
import { signedInUser } from "../auth/session.ts";
import { useI18n } from "../i18n/index.tsx";

/** The leaders' pages (指挥中心): one entry in the main menu, and these tabs between them, so the menu stays short on a phone. */
const TABS: { href: string; label: "dashboard.nav" | "map.nav" | "reports.nav" | "assessment.nav"; access: Action }[] = [
  { href: "/dashboard", label: "dashboard.nav", access: "hazard.read" },
  { href: "/map", label: "map.nav", access: "venue.read" },
  { href: "/reports", label: "reports.nav", access: "hazard.read" },
  { href: "/assessment", label: "assessment.nav", access: "assessment.read" },
];

const allowedTabs = () => {
  const user = signedInUser();
  return user === undefined || user.mustChangePassword ? [] : TABS.filter((tab) => can(user.role, tab.access));
};

/** Where the main menu's 指挥中心 entry leads: the first of the leaders' pages the role may open, if any. */
export const commandCentreHome = () => allowedTabs()[0]?.href;

export function CommandTabs() {
  const { t } = useI18n();
  return (
    <Show when={allowedTabs().length > 1}>
      <nav class="command-tabs" aria-label={t("nav.commandCentre")}>
        <For each={allowedTabs()}>{(tab) => <A href={tab.href}>{t(tab.label)}</A>}</For>
      </nav>
    </Show>
  );
}
