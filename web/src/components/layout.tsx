import { A } from "@solidjs/router";
import { createEffect, lazy, Show, type ParentProps } from "solid-js";
import { setApiLanguage } from "../api/http.ts";
import { can, type Action } from "../auth/access.ts";
import { signedInUser } from "../auth/session.ts";
import { useI18n, withWords } from "../i18n/index.tsx";
import { SessionBar } from "./session-bar.tsx";
import { InboxLink } from "./inbox-link.tsx";
import { SectionLink } from "./section-tabs.tsx";
import { isFieldRole } from "./field-roles.ts";
import { OutboxBadge } from "../offline/index.tsx";

// The phone shell is a chunk of its own: the first load (sign-in) does not carry it, and it comes while the session restores.
const FieldBars = lazy(() => withWords(["shell"], import("./tab-bar.tsx")));

/**
 * The shell. Field roles (on a phone, in the field) get a compact header and a bottom tab bar, so the
 * navigation keeps to a sliver of the screen; everyone else keeps the full menu, by what the role may open.
 */
export function Layout(props: ParentProps) {
  const { locale } = useI18n();
  createEffect(() => setApiLanguage(locale()));
  const field = () => {
    const user = signedInUser();
    return user !== undefined && !user.mustChangePassword && isFieldRole(user.role);
  };
  return (
    <div class="shell" classList={{ "shell-field": field() }}>
      <Show when={field()} fallback={<FullHeader />}>
        <FieldBars />
      </Show>
      <main class="content">{props.children}</main>
    </div>
  );
}

/** Admins and officers: the full menu; the nav wraps under the title on a phone. */
function FullHeader() {
  const { t, locale, setLocale } = useI18n();
  const allowed = (action: Action) => {
    const user = signedInUser();
    return user !== undefined && !user.mustChangePassword && can(user.role, action);
  };
  return (
    <header class="topbar" data-testid="shell-header">
      <div class="topbar-row">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">消</span>
          <div>
            <div class="brand-title">{t("app.title")}</div>
            <div class="brand-subtitle">{t("app.subtitle")}</div>
          </div>
        </div>
        <OutboxBadge />
        <SessionBar />
      </div>
      <nav class="nav">
        <A href="/" end>{t("nav.home")}</A>
        <Show when={allowed("inspection.perform")}>
          <A href="/today">{t("today.nav")}</A>
        </Show>
        <Show when={allowed("venue.read")}>
          <A href="/search">{t("nav.search")}</A>
          <A href="/venues">{t("venues.nav")}</A>
          <A href="/self-checks">{t("selfCheck.nav")}</A>
        </Show>
        <SectionLink section="command" />
        <Show when={allowed("hazard.read")}>
          <A href="/hazards" end>{t("hazards.nav")}</A>
          <A href="/hazards/mine">{t("hazards.navMine")}</A>
        </Show>
        <Show when={allowed("inbox.read")}>
          <InboxLink />
        </Show>
        <Show when={allowed("node.read")}>
          <A href="/tree">{t("tree.nav")}</A>
        </Show>
        <Show when={allowed("compliance.read")}>
          <A href="/compliance" end>{t("compliance.nav")}</A>
          <A href="/coverage">{t("coverage.nav")}</A>
        </Show>
        <Show when={allowed("campaign.read")}>
          <A href="/campaigns">{t("campaigns.nav")}</A>
        </Show>
        <Show when={allowed("profile.read")}>
          <A href="/profile">{t("nav.profile")}</A>
        </Show>
        <Show when={allowed("user.read")}>
          <A href="/users">{t("nav.users")}</A>
        </Show>
        <SectionLink section="registers" />
        <SectionLink section="integrations" />
        <Show when={allowed("audit.read")}>
          <A href="/audit">{t("nav.audit")}</A>
        </Show>
        <A href="/status">{t("nav.health")}</A>
        <a href="/v1/docs">{t("nav.apiDocs")}</a>
        <button type="button" class="link-button" onClick={() => setLocale(locale() === "zh-CN" ? "en" : "zh-CN")}>
          {t("nav.language")}
        </button>
      </nav>
    </header>
  );
}
