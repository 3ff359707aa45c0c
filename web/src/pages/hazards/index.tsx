import { A, createAsync, useSearchParams } from "@solidjs/router";
import { ErrorBoundary, For, Show } from "solid-js";
import type { HazardSource, HazardState } from "@firegov/core/contract";
import type { HazardSearch } from "../../api/hazards.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { hazardCodes, sourceName, sourcesOf, STATES, stateName } from "./labels.ts";
import { LoadError } from "../../components/load-error.tsx";
import { BoardList } from "./bulk.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";

type Search = { state?: string; severity?: string; overdue?: string; mine?: string; source?: string; path?: string; code?: string; from?: string; to?: string; sort?: string };

/** Officers' board: tabs by state, filters and sort kept in the address so a view can be shared; the server filters and sorts. */
export default function HazardBoard() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams<Search>();
  const profile = createAsync(() => profileInEffect());
  const nodes = createAsync(() => activeNodes());
  const state = () => search.state ?? "open";
  const params = (): HazardSearch => ({
    state: state() as HazardState | "open",
    ...(search.severity ? { severity: search.severity } : {}),
    ...(search.source ? { source: search.source as HazardSource } : {}),
    ...(search.path ? { path: search.path } : {}),
    ...(search.code ? { code: search.code } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    ...(search.overdue ? { overdue: true } : {}),
    ...(search.mine ? { mine: true } : {}),
    sort: (search.sort as HazardSearch["sort"]) ?? "reported",
  });
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
      <details class="hz-filters" open={Boolean(search.severity || search.overdue || search.mine || search.source || search.path || search.code || search.from || search.to)}>
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
              <For each={sourcesOf(profile())}>{(s) => <option value={s}>{sourceName(profile(), s, locale())}</option>}</For>
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
            <input type="checkbox" checked={Boolean(search.mine)} onChange={(e) => setSearch({ mine: e.currentTarget.checked ? "1" : undefined })} />
            {t("hzBoard.mineOnly")}
          </label>
          <label>
            {t("hzBoard.code")}
            <select value={search.code ?? ""} onChange={(e) => setSearch({ code: e.currentTarget.value || undefined })}>
              <option value="">{t("hzBoard.anyCode")}</option>
              <For each={profile() ? hazardCodes(profile()!) : []}>{(c) => <option value={c.id}>{locale() === "en" ? c.name.en : c.name.zh}</option>}</For>
            </select>
          </label>
          <label>
            {t("hzBoard.from")}
            <input type="date" value={search.from ?? ""} onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })} />
          </label>
          <label>
            {t("hzBoard.to")}
            <input type="date" value={search.to ?? ""} onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })} />
          </label>
          <label>
            {t("hzBoard.sort")}
            <select value={search.sort ?? "reported"} onChange={(e) => setSearch({ sort: e.currentTarget.value === "reported" ? undefined : e.currentTarget.value })}>
              <option value="reported">{t("hzBoard.sortReported")}</option>
              <option value="deadline">{t("hzBoard.sortDeadline")}</option>
              <option value="severity">{t("hzBoard.sortSeverity")}</option>
            </select>
          </label>
        </div>
      </details>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Show when={JSON.stringify(params())} keyed>
          <BoardList params={params()} profile={profile()} label={t("hazards.board")} />
        </Show>
      </ErrorBoundary>
    </section>
  );
}
