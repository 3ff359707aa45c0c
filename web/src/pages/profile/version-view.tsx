import { A, createAsync } from "@solidjs/router";
import { createSignal, Show, type JSX } from "solid-js";
import type { ProfileVersion, ProfileVersionSummary } from "@firegov/core/contract";
import { exportProfile } from "../../api/profiles.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { presetNames, saveFile } from "./data.ts";
import { ProfileDocument } from "./profile-document.tsx";
import { refName, versionStatus } from "./vocabulary.ts";
import { currentProfile, userNames } from "../../data/queries.ts";

/** Names of publishers and presets, when the signed-in role may read them; ids otherwise. */
export function useVersionNames() {
  const users = createAsync(() => userNames().catch(() => new Map<string, string>()), { initialValue: new Map<string, string>() });
  const presets = createAsync(() => presetNames().catch(() => new Map()), { initialValue: new Map() });
  const inEffect = createAsync(() => currentProfile().then((v) => v.version, () => undefined), { initialValue: undefined });
  return { users, presets, inEffect };
}

export function StatusBadge(props: { version: ProfileVersionSummary; inEffect: number | undefined }) {
  const { t } = useI18n();
  const status = () => versionStatus(props.version, props.inEffect);
  return (
    <span class="badge" classList={{ "badge-ok": status() === "current", "badge-warn": status() === "scheduled", "badge-muted": status() === "past" }}>
      {t(`profile.status.${status()}`)}
    </span>
  );
}

/** The facts of a version: when it takes effect, who published it, what it was based on, why. */
export function VersionFacts(props: { version: ProfileVersionSummary; names: ReturnType<typeof useVersionNames> }) {
  const { t, locale } = useI18n();
  const v = () => props.version;
  return (
    <dl class="facts version-facts">
      <dt>{t("profile.effectiveFrom")}</dt>
      <dd>
        <time datetime={v().effectiveFrom}>{formatDateTime(v().effectiveFrom, locale())}</time>
      </dd>
      <dt>{t("profile.published")}</dt>
      <dd>
        <time datetime={v().publishedAt}>{formatDateTime(v().publishedAt, locale())}</time> · {props.names.users().get(v().publishedBy) ?? v().publishedByName ?? v().publishedBy}
      </dd>
      <dt>{t("profile.basedOn")}</dt>
      <dd>{refName(v().basedOn, locale(), props.names.presets())}</dd>
      <Show when={v().note}>
        <dt>{t("profile.note")}</dt>
        <dd>{v().note}</dd>
      </Show>
    </dl>
  );
}

export function ExportButton(props: { version: number | "draft"; label?: string }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const run = () => {
    setBusy(true);
    setError(undefined);
    exportProfile(props.version)
      .then(saveFile, (err: unknown) => setError(t("error.generic", { message: err instanceof Error ? err.message : String(err) })))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" class="button button-secondary" disabled={busy()} onClick={run}>
        {props.label ?? t("profile.export")}
      </button>
      <Show when={error()}>
        <p class="alert alert-error" role="alert">{error()}</p>
      </Show>
    </>
  );
}

/** A published version, read-only: its facts, its source document, then its rules by topic. */
export function VersionView(props: { version: ProfileVersion; heading: JSX.Element }) {
  const { t, locale } = useI18n();
  const names = useVersionNames();
  const doc = () => props.version.profile.document;
  const canEdit = () => can(signedInUser()?.role ?? "viewer", "profile.edit");
  return (
    <section class="card profile-page" data-version={props.version.version}>
      <div class="page-head">
        <h1>{props.heading}</h1>
        <StatusBadge version={props.version} inEffect={names.inEffect()} />
      </div>
      <p class="profile-name">
        {locale() === "en" ? props.version.profile.name.en : props.version.profile.name.zh} · {t("profile.versionN", { n: props.version.version })}
      </p>
      <VersionFacts version={props.version} names={names} />
      <p class="source-document" lang="zh-CN">
        《{doc().title}》{[doc().number, doc().issuer, doc().date].filter(Boolean).join(" · ")}
      </p>
      <div class="actions profile-actions">
        <A class="button button-secondary" href="/profile/versions">{t("profile.history")}</A>
        <A class="button button-secondary" href="/profile/coverage">{t("profile.coverage.link")}</A>
        <A class="button button-secondary" href={`/profile/diff?${new URLSearchParams({ from: props.version.basedOn, to: `v:${props.version.version}` })}`}>
          {t("profile.compareWithBase")}
        </A>
        <Show when={canEdit()}>
          <A class="button button-secondary" href="/profile/draft">{t("profile.editDraft")}</A>
        </Show>
        <ExportButton version={props.version.version} />
      </div>
      <ProfileDocument profile={props.version.profile} />
    </section>
  );
}
