import { A, createAsync, useSearchParams } from "@solidjs/router";
import { ErrorBoundary, For, Show } from "solid-js";
import type { Dashboard } from "@firegov/core/contract";
import { OPEN_STATES, rollupLevelOf } from "@firegov/core/browser";
import { getDashboard } from "../../api/dashboard.ts";
import { LoadError, Loading } from "../../components/load-error.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";
import { formatDateTime, nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { stateName } from "../hazards/labels.ts";
import { TrendChart } from "./trend.tsx";
import { CommandTabs } from "../../components/command-tabs.tsx";

type Bucket = Dashboard["hazards"]["timeToClose"]["medianDays"];

/** The hazard board filtered to what a figure counts, within the chosen area. */
export function boardLink(path: string | undefined, filter: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...filter, ...(path ? { path } : {}) });
  const s = q.toString();
  return s ? `/hazards?${s}` : "/hazards";
}

/** 领导驾驶舱: one node's subtree at a glance, every figure opening the list behind it. */
export default function DashboardPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams<{ path?: string }>();
  const nodes = createAsync(() => activeNodes());
  const profile = createAsync(() => profileInEffect());
  // The level compliance rolls up by, in the profile's own name (街道, 镇 …).
  const rollupName = () => {
    const p = profile();
    const level = p?.levels.find((l) => l.id === rollupLevelOf(p));
    return level ? (locale() === "en" ? level.name.en : level.name.zh) : "";
  };
  const path = () => search.path || undefined;
  const data = createAsync(() => getDashboard(path()));
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);
  const severities = () => {
    const known = profile()?.hazards.severities ?? [];
    const seen = Object.keys(data()?.hazards.open.bySeverity ?? {});
    return [...known.map((s) => ({ id: s.id, label: name(s.name) })), ...seen.filter((id) => !known.some((s) => s.id === id)).map((id) => ({ id, label: id === "none" ? "—" : id }))];
  };
  const days = (b: Bucket) => (b === null ? "—" : b.atMost === null ? t("dashboard.daysAbove", { above: b.above }) : t("dashboard.daysBetween", { above: b.above, atMost: b.atMost }));
  return (
    <section class="card dashboard">
      <CommandTabs />
      <h1>{t("dashboard.title")}</h1>
      <p class="hint">{t("dashboard.intro")}</p>
      <div class="filters">
        <label>
          {t("dashboard.node")}
          <select value={search.path ?? ""} onChange={(e) => setSearch({ path: e.currentTarget.value || undefined })}>
            <For each={nodes() ?? []}>{(n, i) => <option value={i() === 0 ? "" : n.path}>{nodeOptionLabel(n, nodes()?.[0])}</option>}</For>
          </select>
        </label>
      </div>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Loading>
          <Show when={data()}>
            {(d) => (
              <>
                <p class="hint" data-testid="as-of">{t("dashboard.asOf", { at: formatDateTime(d().asOf, locale()) })}</p>
                <ul class="dash-figures" aria-label={t("dashboard.title")}>
                  <Figure testid="fig-open" value={d().hazards.open.total} label={t("dashboard.open")} href={boardLink(path())} />
                  <Figure testid="fig-overdue" value={d().hazards.overdue.total} label={t("dashboard.overdue")} href={boardLink(path(), { overdue: "1" })} alert={d().hazards.overdue.total > 0} />
                  <Figure testid="fig-listed" value={d().hazards.listed.total} label={t("dashboard.listed")} href={boardLink(path(), { listed: "1" })} />
                  <Figure testid="fig-closed" value={d().hazards.closedThisMonth} label={t("dashboard.closedThisMonth")} href={boardLink(path(), { state: "closed" })} />
                  <Figure testid="fig-median" value={days(d().hazards.timeToClose.medianDays)} label={t("dashboard.medianDays")} href={boardLink(path(), { state: "closed" })} note={d().hazards.timeToClose.closes ? t("dashboard.closes12", { count: d().hazards.timeToClose.closes }) : t("dashboard.noCloses")} />
                  <Figure testid="fig-p90" value={days(d().hazards.timeToClose.p90Days)} label={t("dashboard.p90Days")} href={boardLink(path(), { state: "closed" })} />
                </ul>

                <h2>{t("dashboard.byState")}</h2>
                <div class="table-wrap">
                  <table class="report-table" data-testid="by-state">
                    <thead>
                      <tr>
                        <th scope="col">{t("dashboard.state")}</th>
                        <For each={severities()}>{(s) => <th scope="col">{s.label}</th>}</For>
                        <th scope="col">{t("dashboard.total")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={OPEN_STATES}>
                        {(state) => (
                          <tr>
                            <th scope="row">{stateName(state, locale())}</th>
                            <For each={severities()}>
                              {(s) => (
                                <td>
                                  <A href={boardLink(path(), { state, severity: s.id })}>{d().hazards.open.byStateAndSeverity[state]?.[s.id] ?? 0}</A>
                                </td>
                              )}
                            </For>
                            <td>
                              <A href={boardLink(path(), { state })}>{d().hazards.open.byState[state] ?? 0}</A>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>

                <h2>{t("dashboard.trend")}</h2>
                <TrendChart trend={d().hazards.trend} label={t("dashboard.trendLabel")} month={t("dashboard.month")} opened={t("dashboard.opened")} closed={t("dashboard.closed")} />
                <details class="dash-data">
                  <summary>{t("dashboard.trendLabel")}</summary>
                  <div class="table-wrap">
                    <table class="report-table" data-testid="trend">
                      <thead>
                        <tr>
                          <th scope="col">{t("dashboard.month")}</th>
                          <th scope="col">{t("dashboard.opened")}</th>
                          <th scope="col">{t("dashboard.closed")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={d().hazards.trend}>
                          {(m) => (
                            <tr>
                              <th scope="row">{m.month}</th>
                              <td>{m.opened}</td>
                              <td>{m.closed}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </details>

                <h2>{t("dashboard.coverage")}</h2>
                <Show when={d().coverage} fallback={<p class="hint">{t("dashboard.hidden")}</p>}>
                  {(rows) => (
                    <Show when={rows().length} fallback={<p class="hint">{t("dashboard.noCoverage")}</p>}>
                      <div class="table-wrap">
                        <table class="report-table" data-testid="dash-coverage">
                          <thead>
                            <tr>
                              <th scope="col">{t("dashboard.category")}</th>
                              <th scope="col">{t("dashboard.period")}</th>
                              <th scope="col">{t("dashboard.due")}</th>
                              <th scope="col">{t("dashboard.inspected")}</th>
                              <th scope="col">{t("dashboard.percent")}</th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={rows()}>
                              {(c) => (
                                <tr classList={{ "coverage-low": c.due > 0 && c.percent < 100 }}>
                                  <th scope="row">{name(c.name)}</th>
                                  <td>{c.period}</td>
                                  <td>{c.due}</td>
                                  <td>{c.inspected}</td>
                                  <td>{`${c.percent}%`}</td>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </div>
                      <p>
                        <A href="/coverage">{t("dashboard.coverageLink")}</A>
                      </p>
                    </Show>
                  )}
                </Show>

                <h2>{t("dashboard.compliance")}</h2>
                <Show when={d().compliance} fallback={<p class="hint">{t("dashboard.hidden")}</p>}>
                  {(c) => (
                    <Show when={c().towns} fallback={<p class="hint">{t("dashboard.noTowns", { level: rollupName() })}</p>}>
                      <ul class="status-counts" data-testid="dash-compliance">
                        <li class="status-count status-unmet"><strong>{c().unmet}</strong> {t("dashboard.unmet")}</li>
                        <li class="status-count status-overdue"><strong>{c().overdue}</strong> {t("dashboard.overdueFindings")}</li>
                        <li class="status-count status-due_soon"><strong>{c().due_soon}</strong> {t("dashboard.dueSoon")}</li>
                        <li class="status-count status-met"><strong>{c().met}</strong> {t("dashboard.met")}</li>
                      </ul>
                      <p class="hint">{t("dashboard.towns", { level: rollupName(), count: c().towns, at: c().evaluatedAt ? formatDateTime(c().evaluatedAt!, locale()) : "—" })}</p>
                      <p>
                        <A href="/compliance">{t("dashboard.complianceLink")}</A>
                      </p>
                    </Show>
                  )}
                </Show>
              </>
            )}
          </Show>
        </Loading>
      </ErrorBoundary>
    </section>
  );
}

function Figure(props: { testid: string; value: number | string; label: string; href: string; note?: string; alert?: boolean }) {
  return (
    <li class="dash-figure" classList={{ "dash-alert": props.alert === true }} data-testid={props.testid}>
      <A href={props.href}>
        <strong class="dash-value">{props.value}</strong>
        <span class="dash-label">{props.label}</span>
        <Show when={props.note}>
          <span class="dash-note">{props.note}</span>
        </Show>
      </A>
    </li>
  );
}
