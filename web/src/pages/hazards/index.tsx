import { A, createAsync, useSearchParams } from "@solidjs/router";
import { ErrorBoundary, For, Show } from "solid-js";
import type { HazardSource, HazardState, HazardSummary } from "@firegov/core/contract";
import type { HazardList } from "../../api/hazards.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { sourceName, SOURCES, STATES, stateName } from "./labels.ts";
import { LoadError } from "../../components/load-error.tsx";
import { HazardListView } from "./list.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";

type Search = { state?: string; severity?: string; overdue?: string; listed?: string; source?: string; path?: string };

/** Officers' board: tabs by state, filters kept in the address so a view can be shared. */
export default function HazardBoard() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams<Search>();
  const profile = createAsync(() => profileInEffect());
  const nodes = createAsync(() => activeNodes());
  const state = () => search.state ?? "open";
  // The list the API serves for the main filter; the others narrow the page shown.
  const params = (): HazardList => {
    const path = search.path || undefined;
    if (search.overdue) return { list: "overdue", path };
    if (search.listed) return { list: "listed", path };
    if (search.source) return { list: "by-source", source: search.source as HazardSource, path };
    return { list: "state", state: state() as HazardState | "open", path };
  };
  const keep = (h: HazardSummary) =>
    (!search.severity || h.severity === search.severity) &&
    (state() === "open" || h.state === state()) &&
    (!search.source || h.source === search.source) &&
    (!search.listed || h.listedAt.length > 0) &&
    (!search.overdue || h.overdue);
  const me = signedInUser();
  const tabs = ["open", ...STATES];
  return (
    <section class="card hz-board">
      <div class="page-head">
        <h1>{t("hazards.board")}</h1>
        <Show when={me && can(me.role, "hazard.report")}>
          <div class="actions"><A class="button" href="/hazards/new">{t("hazards.report")}</A></div>
        </Show>
      </div>
      <p class="hz-links">
        <A href="/hazards/listed">{t("hazards.listedTitle")}</A>
        <A href="/hazards/department">{t("hazards.deptTitle")}</A>
      </p>
      <nav class="hz-tabs" aria-label={t("hazards.tabs")}>
        <For each={tabs}>
          {(s) => (
            <button type="button" class="hz-tab" aria-pressed={state() === s} onClick={() => setSearch({ state: s === "open" ? undefined : s })}>
              {s === "open" ? t("hazards.allOpen") : stateName(s, locale())}
            </button>
          )}
        </For>
      </nav>
      <details class="hz-filters" open={Boolean(search.severity || search.overdue || search.listed || search.source || search.path)}>
        <summary>{t("hazards.filters")}</summary>
        <div class="hz-filter-grid">
          <label>
            {t("hazards.severity")}
            <select value={search.severity ?? ""} onChange={(e) => setSearch({ severity: e.currentTarget.value || undefined })}>
              <option value="">{t("hazards.anySeverity")}</option>
              <For each={profile()?.hazards.severities ?? []}>{(s) => <option value={s.id}>{locale() === "en" ? s.name.en : s.name.zh}</option>}</For>
            </select>
          </label>
          <label>
            {t("hazards.source")}
            <select value={search.source ?? ""} onChange={(e) => setSearch({ source: e.currentTarget.value || undefined })}>
              <option value="">{t("hazards.anySource")}</option>
              <For each={SOURCES}>{(s) => <option value={s}>{sourceName(s, locale())}</option>}</For>
            </select>
          </label>
          <label>
            {t("hazards.subtree")}
            <select value={search.path ?? ""} onChange={(e) => setSearch({ path: e.currentTarget.value || undefined })}>
              <option value="">{t("hazards.wholeScope")}</option>
              <For each={nodes() ?? []}>{(n) => <option value={n.path}>{nodeOptionLabel(n, nodes()?.[0])}</option>}</For>
            </select>
          </label>
          <label class="hz-check">
            <input type="checkbox" checked={Boolean(search.overdue)} onChange={(e) => setSearch({ overdue: e.currentTarget.checked ? "1" : undefined })} />
            {t("hazards.overdueOnly")}
          </label>
          <label class="hz-check">
            <input type="checkbox" checked={Boolean(search.listed)} onChange={(e) => setSearch({ listed: e.currentTarget.checked ? "1" : undefined })} />
            {t("hazards.listedOnly")}
          </label>
        </div>
      </details>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Show when={JSON.stringify([params(), search.severity])} keyed>
          <HazardListView params={params()} profile={profile()} keep={keep} label={t("hazards.board")} />
        </Show>
      </ErrorBoundary>
    </section>
  );
}
