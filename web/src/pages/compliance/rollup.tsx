import { A, createAsync, revalidate, useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { RollupRow } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { FormError, Notice } from "../../components/form.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { refreshRollupAction, rollupPage } from "../../organisation/data.ts";
import { levelName, statusName } from "../../organisation/labels.ts";
import { Loading } from "../../components/load-error.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { ageOf } from "./age.ts";
import { rollupLevelOf } from "@firegov/core/browser";

import { rollupLevel } from "@firegov/core/browser";

const worry = (r: RollupRow) => r.counts.overdue + r.counts.unmet;

function TownRow(props: { row: RollupRow }) {
  const { t, locale } = useI18n();
  const c = () => props.row.counts;
  const judged = () => c().met + c().unmet + c().overdue + c().due_soon;
  return (
    <li class="town-row" data-testid="rollup-row">
      <div class="user-summary">
        <div class="user-main">
          <A class="tree-name" href={`/nodes/${props.row.nodeId}/compliance`}>{props.row.name}</A>
          <div class="user-meta">{t("rollup.evaluated", { nodes: props.row.nodesEvaluated, at: formatDateTime(props.row.evaluatedAt, locale()) })}</div>
        </div>
        <ul class="status-counts compact">
          <li class="status-count status-unmet"><strong>{c().unmet}</strong> {statusName("unmet", locale())}</li>
          <Show when={c().overdue}>
            <li class="status-count status-overdue"><strong>{c().overdue}</strong> {statusName("overdue", locale())}</li>
          </Show>
          <Show when={c().due_soon}>
            <li class="status-count status-due_soon"><strong>{c().due_soon}</strong> {statusName("due_soon", locale())}</li>
          </Show>
          <li class="status-count status-met"><strong>{c().met}</strong> {statusName("met", locale())}</li>
        </ul>
      </div>
      <Show when={judged()}>
        <div class="meter" role="img" aria-label={t("rollup.share", { met: c().met, total: judged() })}>
          <span style={{ width: `${(c().met / judged()) * 100}%` }} />
        </div>
      </Show>
    </li>
  );
}

/** Met/unmet counts per town, worst first, each opening its compliance page, with their age; officers may refresh them now. */
export default function RollupPage() {
  const { t, locale } = useI18n();
  const profile = createAsync(() => profileInEffect());
  // Each open asks the server, which recomputes counts missing or over an hour old.
  void revalidate(rollupPage.key, true);
  const page = createAsync(() => rollupPage(undefined));
  const refresh = useAction(refreshRollupAction);
  const refreshing = useSubmission(refreshRollupAction);
  const [flash, setFlash] = createSignal<string>();
  const level = () => (profile() ? levelName(profile()!, rollupLevel(profile()!).value, locale()) : "");
  const rows = () => [...(page()?.items ?? [])].sort((a, b) => worry(b) - worry(a) || a.name.localeCompare(b.name, "zh-CN"));
  // The server recomputes on open when the counts are missing or over an hour old; the page says how old they are.
  const age = () => ageOf((page()?.items ?? []).map((r) => r.evaluatedAt), Date.now());
  const mayRefresh = () => {
    const me = signedInUser();
    return me !== undefined && can(me.role, "compliance.refresh");
  };
  const onRefresh = () => {
    setFlash(undefined);
    refresh()
      .then((result) => {
        refreshing.clear();
        setFlash(t("rollup.refreshed", { count: result.items.length, level: level() }));
      })
      .catch(() => {});
  };
  return (
    <section class="card">
      <div class="page-head">
        <h1>{t("rollup.title")}</h1>
        <Show when={mayRefresh()}>
          <button type="button" class="button" disabled={refreshing.pending} aria-busy={refreshing.pending} onClick={onRefresh}>
            {refreshing.pending ? t("rollup.refreshing") : t("rollup.refresh")}
          </button>
        </Show>
      </div>
      <Loading>
        <p class="lead">{t("rollup.intro", { level: level() })}</p>
        <Show when={age()}>{(a) => <p class="muted rollup-age" data-testid="rollup-age">{t(`rollup.age.${a().unit}`, { count: a().count })}</p>}</Show>
        <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
        <FormError error={refreshing.error} paths={[]} />
        <Show when={rows().length} fallback={<p class="muted">{mayRefresh() ? t("rollup.emptyRefresh") : t("rollup.empty")}</p>}>
          <ul class="user-list">
            <For each={rows()}>{(row) => <TownRow row={row} />}</For>
          </ul>
        </Show>
      </Loading>
    </section>
  );
}
