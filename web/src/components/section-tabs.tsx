import { A, useLocation } from "@solidjs/router";
import { For, Show } from "solid-js";
import { can, type Action } from "../auth/access.ts";
import { signedInUser } from "../auth/session.ts";
import { useI18n } from "../i18n/index.tsx";

/**
 * Pages grouped under one menu entry each, with tabs between them, so the
 * phone menu does not grow by a link per page:
 * - 指挥中心 (command): the leaders' pages;
 * - 专项台账 (registers): incidents, warnings, home visits, funds and equipment, qualifications;
 * - 对接与推送 (integrations): Open311 clients, IoT devices, message delivery.
 * A section with no tab the role may open shows no menu entry. Add a page by adding its tab here.
 */
type Key = Parameters<ReturnType<typeof useI18n>["t"]>[0];
type Tab = { href: string; label: Key; access: Action };
export type Section = "command" | "registers" | "integrations";

export const SECTIONS: Record<Section, { label: Key; tabs: Tab[] }> = {
  command: {
    label: "nav.commandCentre",
    tabs: [
      { href: "/dashboard", label: "dashboard.nav", access: "hazard.read" },
      { href: "/map", label: "map.nav", access: "venue.read" },
      { href: "/reports", label: "reports.nav", access: "hazard.read" },
      { href: "/assessment", label: "assessment.nav", access: "assessment.read" },
    ],
  },
  registers: {
    label: "nav.registers",
    tabs: [
      { href: "/incidents", label: "incidents.nav", access: "incident.read" },
      { href: "/warnings", label: "warnings.nav", access: "warning.read" },
      { href: "/home-visits", label: "homeVisits.nav", access: "home_visit.read" },
      { href: "/resources/funds", label: "resources.nav", access: "org.read" },
      { href: "/resources/quals", label: "resources.navQual", access: "org.read" },
    ],
  },
  integrations: {
    label: "nav.integrations",
    tabs: [
      { href: "/integrations/open311", label: "open311.nav", access: "tenant.configure" },
      { href: "/iot", label: "iot.nav", access: "iot.read" },
      { href: "/integrations/notifications", label: "notify.nav", access: "tenant.configure" },
    ],
  },
};

const allowedTabs = (section: Section) => {
  const user = signedInUser();
  return user === undefined || user.mustChangePassword ? [] : SECTIONS[section].tabs.filter((tab) => can(user.role, tab.access));
};

/** Where a section's menu entry leads: the first of its pages the role may open, if any. */
export const sectionHome = (section: Section) => allowedTabs(section)[0]?.href;

/** The menu entry of a section, active on any of its pages. */
export function SectionLink(props: { section: Section }) {
  const { t } = useI18n();
  const location = useLocation();
  const active = () => SECTIONS[props.section].tabs.some((tab) => location.pathname.startsWith(tab.href));
  return (
    <Show when={sectionHome(props.section)}>
      {(home) => (
        <A href={home()} classList={{ active: active() }}>
          {t(SECTIONS[props.section].label) as string}
        </A>
      )}
    </Show>
  );
}

/** The tabs between a section's pages, shown on each of them. */
export function SectionTabs(props: { section: Section }) {
  const { t } = useI18n();
  return (
    <Show when={allowedTabs(props.section).length > 1}>
      <nav class="command-tabs" aria-label={t(SECTIONS[props.section].label) as string}>
        <For each={allowedTabs(props.section)}>{(tab) => <A href={tab.href}>{t(tab.label) as string}</A>}</For>
      </nav>
    </Show>
  );
}
