import { A } from "@solidjs/router";
import { createEffect, type ParentProps } from "solid-js";
import { setApiLanguage } from "../api/client.ts";
import { useI18n } from "../i18n/index.tsx";

/** Header + navigation; the nav wraps under the title on a phone. */
export function Layout(props: ParentProps) {
  const { t, locale, setLocale } = useI18n();
  createEffect(() => setApiLanguage(locale()));
  return (
    <div class="shell">
      <header class="topbar">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">消</span>
          <div>
            <div class="brand-title">{t("app.title")}</div>
            <div class="brand-subtitle">{t("app.subtitle")}</div>
          </div>
        </div>
        <nav class="nav">
          <A href="/" end>{t("nav.home")}</A>
          <A href="/status">{t("nav.health")}</A>
          <a href="/v1/docs">{t("nav.apiDocs")}</a>
          <button type="button" class="link-button" onClick={() => setLocale(locale() === "zh-CN" ? "en" : "zh-CN")}>
            {t("nav.language")}
          </button>
        </nav>
      </header>
      <main class="content">{props.children}</main>
    </div>
  );
}
