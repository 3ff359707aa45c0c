import { A } from "@solidjs/router";
import { For } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { OfficerHome } from "./officer.tsx";

type Key = Parameters<ReturnType<typeof useI18n>["t"]>[0];
/** A new county's first week, in the order the work depends on itself: rules, places, people, venues, then delivery and the map. */
const SETUP: readonly { href: string; label: Key }[] = [
  { href: "/profile", label: "work.setupProfile" },
  { href: "/tree", label: "work.setupTree" },
  { href: "/users", label: "work.setupUsers" },
  { href: "/venues", label: "work.setupVenues" },
  { href: "/integrations/notifications", label: "work.setupNotify" },
  { href: "/map/settings", label: "work.setupMap" },
];

/** The county's admin: the setup steps, then the county's hazard figures. */
export function AdminHome() {
  const { t } = useI18n();
  return (
    <>
      <h2>{t("work.setup")}</h2>
      <ol class="setup-list" data-testid="setup-checklist">
        <For each={SETUP}>{(step) => <li><A href={step.href}>{t(step.label) as string}</A></li>}</For>
      </ol>
      <OfficerHome />
    </>
  );
}
