import { A, createAsync } from "@solidjs/router";
import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { ProfileVersionSummary } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { useI18n } from "../../i18n/index.tsx";
import { versionsPage } from "./data.ts";
import { LoadError } from "../../components/load-error.tsx";
import { StatusBadge, useVersionNames, VersionFacts } from "./version-view.tsx";

type Names = ReturnType<typeof useVersionNames>;

function VersionItem(props: { version: ProfileVersionSummary; names: Names }) {
  const { t } = useI18n();
  const n = () => props.version.version;
  return (
    <li class="version-item" data-testid="version-item" data-version={n()}>
      <div class="version-head">
        <A class="version-title" href={`/profile/versions/${n()}`}>{t("profile.versionN", { n: n() })}</A>
        <StatusBadge version={props.version} inEffect={props.names.inEffect()} />
      </div>
      <VersionFacts version={props.version} names={props.names} />
      <div class="actions">
        <A class="button button-secondary" href={`/profile/versions/${n()}`}>{t("profile.open")}</A>
        <A class="button button-secondary" href={`/profile/diff?${new URLSearchParams({ from: props.version.basedOn, to: `v:${n()}` })}`}>{t("profile.compareWithBase")}</A>
      </div>
    </li>
  );
}

function VersionsChunk(props: { cursor: string | undefined; last: boolean; names: Names; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => versionsPage(props.cursor));
  return (
    <Suspense fallback={<li role="status">{t("form.loading")}</li>}>
      <For each={page()?.items}>{(version) => <VersionItem version={version} names={props.names} />}</For>
      <Show when={props.last && page()?.cursor}>
        {(cursor) => (
          <li class="list-more">
            <button type="button" class="button button-secondary button-block" onClick={() => props.onMore(cursor())}>
              {t("profile.loadMore")}
            </button>
          </li>
        )}
      </Show>
    </Suspense>
  );
}

/** Every published version, newest first; any one opens read-only or against the one it was based on. */
export default function VersionsPage() {
  const { t } = useI18n();
  const names = useVersionNames();
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  return (
    <section class="card">
      <div class="page-head">
        <h1>{t("profile.historyTitle")}</h1>
        <div class="actions">
          <A class="button button-secondary" href="/profile">{t("profile.inEffectLink")}</A>
          <A class="button button-secondary" href="/profile/diff">{t("profile.compare")}</A>
          <Show when={can(signedInUser()?.role ?? "viewer", "profile.edit")}>
            <A class="button button-secondary" href="/profile/draft">{t("profile.editDraft")}</A>
          </Show>
        </div>
      </div>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <ul class="version-list">
          <For each={cursors()}>
            {(cursor, i) => <VersionsChunk cursor={cursor} last={i() === cursors().length - 1} names={names} onMore={(next) => setCursors([...cursors(), next])} />}
          </For>
        </ul>
      </ErrorBoundary>
    </section>
  );
}
