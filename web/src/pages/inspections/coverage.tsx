import { createAsync, revalidate } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { CoverageRow, JurisdictionNode, PolicyProfile } from "@firegov/core/contract";
import { signedInUser } from "../../auth/session.ts";
import { Loading } from "../../components/load-error.tsx";
import { nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { nodeCoverage, periodCoverage } from "./data.ts";
import { categoryName, percentText } from "./labels.ts";
import { activeNodes, profileInEffect } from "../../data/queries.ts";

/** Due, inspected and per cent, one row each, with a bar so a phone shows the gap at a glance. */
export function CoverageTable(props: { rows: readonly CoverageRow[]; profile: PolicyProfile | undefined; nodes: readonly JurisdictionNode[] | undefined; byNode?: boolean }) {
  const { t, locale } = useI18n();
  const nodeName = (id: string) => props.nodes?.find((n) => n.nodeId === id)?.name ?? id;
  return (
    <div class="table-wrap">
      <table class="report-table coverage-table" data-testid="coverage">
        <thead>
          <tr>
            <th scope="col">{props.byNode ? t("coverage.node") : t("coverage.category")}</th>
            <th scope="col">{t("coverage.period")}</th>
            <th scope="col">{t("coverage.due")}</th>
            <th scope="col">{t("coverage.inspected")}</th>
            <th scope="col">{t("coverage.percent")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows} fallback={<tr><td colspan={5} class="hint">{t("coverage.empty")}</td></tr>}>
            {(r) => (
              <tr classList={{ "coverage-low": r.due > 0 && r.percent < 100 }}>
                <th scope="row">{props.byNode ? nodeName(r.nodeId) : categoryName(props.profile, r.category, locale())}</th>
                <td>{r.period}</td>
                <td>{r.due}</td>
                <td>{r.inspected}</td>
                <td>
                  <span class="coverage-pct">{percentText(r.percent)}</span>
                  <span class="coverage-bar" aria-hidden="true"><span style={{ width: `${Math.min(100, r.percent)}%` }} /></span>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** 检查覆盖率: a node's categories and periods, or one category and period across the subtree below it. */
export default function CoveragePage() {
  const { t, locale } = useI18n();
  const profile = createAsync(() => profileInEffect());
  const nodes = createAsync(() => activeNodes());
  // Counters move with every visit, also ones recorded elsewhere or replayed from the offline queue: each open reads them afresh.
  void revalidate([nodeCoverage.key, periodCoverage.key], true);
  const [nodeId, setNodeId] = createSignal(signedInUser()?.scopeNodeId ?? "");
  const [slice, setSlice] = createSignal<{ category: string; period: string }>();
  const own = createAsync(() => (nodeId() ? nodeCoverage(nodeId()) : Promise.resolve(undefined)));
  const below = createAsync(() => {
    const s = slice();
    return s ? periodCoverage({ ...s, nodeId: nodeId() }) : Promise.resolve(undefined);
  });
  const slices = createMemo(() => (own()?.items ?? []).map((r) => ({ category: r.category, period: r.period })));
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);
  return (
    <section class="card">
      <h1>{t("coverage.title")}</h1>
      <p class="hint">{t("coverage.intro")}</p>
      <Loading>
        <div class="filters">
          <select aria-label={t("coverage.node")} value={nodeId()} onChange={(e) => { setSlice(undefined); setNodeId(e.currentTarget.value); }}>
            <For each={nodes()}>{(n) => <option value={n.nodeId}>{nodeOptionLabel(n, nodes()![0])}</option>}</For>
          </select>
        </div>
        <CoverageTable rows={own()?.items ?? []} profile={profile()} nodes={nodes()} />
        <Show when={slices().length}>
          <h2>{t("coverage.byPeriod")}</h2>
          <div class="filters">
            <select aria-label={t("coverage.period")} onChange={(e) => setSlice(e.currentTarget.value ? JSON.parse(e.currentTarget.value) : undefined)}>
              <option value="">—</option>
              <For each={slices()}>
                {(s) => <option value={JSON.stringify(s)}>{`${name(profile()?.inspectionCategories.find((c) => c.id === s.category)?.name ?? { zh: s.category, en: s.category })} · ${s.period}`}</option>}
              </For>
            </select>
          </div>
          <Show when={below()}>{(page) => <CoverageTable rows={page().items} profile={profile()} nodes={nodes()} byNode />}</Show>
        </Show>
      </Loading>
    </section>
  );
}
