import { A, createAsync, query, useNavigate } from "@solidjs/router";
import { getMe } from "../../api/auth.ts";
import { For, Show, Suspense } from "solid-js";
import { can, type Action } from "../../auth/access.ts";
import { signedInUser, signOut } from "../../auth/session.ts";
import { SECTIONS, sectionHome } from "../../components/section-tabs.tsx";
import { TelLink } from "../../components/tel-link.tsx";
import { roleName } from "../../display.ts";
import { profileInEffect } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";

// The same cache entry as the session bar's (key "me", by user).
const me = query((_userId: string) => getMe(), "me");

type Key = Parameters<ReturnType<typeof useI18n>["t"]>[0];
/** The pages the tab bar has no room for, by what the role may open (never the API docs or the system status). */
const MORE: readonly { href: string; label: Key; access: Action }[] = [
  { href: "/hazards/mine", label: "hazards.navMine", access: "hazard.read" },
  { href: "/hazards", label: "hazards.nav", access: "hazard.read" },
  { href: "/self-checks", label: "selfCheck.nav", access: "venue.read" },
  { href: "/campaigns", label: "campaigns.nav", access: "campaign.read" },
  { href: "/tree", label: "tree.nav", access: "node.read" },
  { href: "/compliance", label: "compliance.nav", access: "compliance.read" },
  { href: "/coverage", label: "coverage.nav", access: "inspection.read" },
  { href: "/users", label: "nav.users", access: "user.read" },
];

/** 我的: who I am, my settings (password, messages, language), sign-out, and what waits to sync on this phone. */
export default function MePage() {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const user = () => signedInUser()!;
  const mine = createAsync(() => me(user().userId));
  // The role as the county labels it: blank while the profile loads; offline (no profile), its id.
  const profile = createAsync(() => profileInEffect().catch(() => undefined));
  const more = () => MORE.filter((link) => can(user().role, link.access));
  const sections = () => (["command", "registers"] as const).flatMap((s) => {
    const href = sectionHome(s);
    return href ? [{ href, label: SECTIONS[s].label }] : [];
  });
  const logout = () => {
    navigate("/login", { replace: true });
    void signOut();
  };
  return (
    <section class="card me">
      <h1>{t("me.title")}</h1>
      <h2>{t("me.account")}</h2>
      <dl class="facts" data-testid="signed-in-user">
        <dt>{t("me.name")}</dt>
        <dd>{user().displayName}</dd>
        <dt>{t("me.role")}</dt>
        <dd><Suspense>{roleName(user().role, locale(), profile())}</Suspense></dd>
        <Suspense>
          <Show when={mine()?.tenant}>
            {(tenant) => (
              <>
                <dt>{t("me.county")}</dt>
                <dd>{tenant().name}</dd>
              </>
            )}
          </Show>
          <Show when={mine()?.user.phone}>
            {(phone) => (
              <>
                <dt>{t("me.phone")}</dt>
                <dd><TelLink phone={phone()} /></dd>
              </>
            )}
          </Show>
        </Suspense>
      </dl>
      <h2>{t("me.settings")}</h2>
      <ul class="me-links">
        <li><A href="/account/password">{t("nav.password")}</A></li>
        <li><A href="/account/notifications">{t("notify.account")}</A></li>
        <li>
          <button type="button" class="link-button" lang={locale() === "zh-CN" ? "en" : "zh-CN"} onClick={() => setLocale(locale() === "zh-CN" ? "en" : "zh-CN")}>
            {t("nav.language")}
          </button>
        </li>
      </ul>
      {/* The offline queue: reports and inspections saved on this phone, waiting for the network (or for the user, on a conflict). */}
      <section id="me-outbox" aria-label={t("me.outbox")}>
        <A href="/outbox" class="button button-secondary">{t("me.outbox")}</A>
      </section>
      <h2>{t("me.more")}</h2>
      <ul class="me-links">
        <For each={more()}>{(link) => <li><A href={link.href} end>{t(link.label) as string}</A></li>}</For>
        <For each={sections()}>{(link) => <li><A href={link.href}>{t(link.label) as string}</A></li>}</For>
      </ul>
      <button type="button" class="button button-secondary button-block" onClick={logout}>
        {t("nav.logout")}
      </button>
    </section>
  );
}
