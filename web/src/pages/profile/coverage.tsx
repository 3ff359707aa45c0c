import { createAsync, query } from "@solidjs/router";
import { createMemo, createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { RuleCoverage, RuleCoverageRow } from "@firegov/core/contract";
import { getRuleCoverage } from "../../api/profiles.ts";
import { useI18n } from "../../i18n/index.tsx";
import { LoadError } from "../../components/load-error.tsx";

// Which rules of the profile in effect the product applies, and which it
// only holds as data (with the reason): the product tells its own gap.

const ruleCoverage = query(() => getRuleCoverage(), "profile-rule-coverage");

function Row(props: { row: RuleCoverageRow }) {
  const { t, locale } = useI18n();
  const text = (b: { zh: string; en: string }) => (locale() === "en" ? b.en : b.zh);
  return (
    <tr data-testid="coverage-row" data-path={props.row.path} classList={{ "data-only": props.row.dataOnly }}>
      <td lang="zh-CN">{props.row.clause ?? t("profile.defaultBadge")}</td>
      <td><code>{props.row.path}</code></td>
      <td>
        <Show when={props.row.dataOnly} fallback={<span class="badge badge-ok">{t("profile.coverage.applied")}</span>}>
          <span class="badge badge-warn">{t("profile.coverage.dataOnly")}</span>
        </Show>{" "}
        {text(props.row.does)}
        <Show when={props.row.missing?.length}>
          <ul class="coverage-missing">
            <For each={props.row.missing}>{(m) => <li>{text(m.why)}</li>}</For>
          </ul>
        </Show>
      </td>
      <td><Show when={props.row.code}>{(code) => <code>{code()}</code>}</Show></td>
    </tr>
  );
}

function CoverageTable(props: { coverage: RuleCoverage }) {
  const { t } = useI18n();
  const [onlyGaps, setOnlyGaps] = createSignal(false);
  const rows = createMemo(() => (onlyGaps() ? props.coverage.rows.filter((r) => r.dataOnly) : props.coverage.rows));
  return (
    <>
      <p data-testid="coverage-summary">
        {t("profile.coverage.summary", { version: props.coverage.version, rules: props.coverage.rules, applied: props.coverage.applied, dataOnly: props.coverage.dataOnly })}
      </p>
      <label class="checkbox">
        <input type="checkbox" checked={onlyGaps()} onChange={(e) => setOnlyGaps(e.currentTarget.checked)} /> {t("profile.coverage.onlyGaps")}
      </label>
      <div class="table-scroll">
        <table class="coverage-table">
          <thead>
            <tr>
              <th>{t("profile.coverage.clause")}</th>
              <th>{t("profile.coverage.rule")}</th>
              <th>{t("profile.coverage.does")}</th>
              <th>{t("profile.coverage.code")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>{(row) => <Row row={row} />}</For>
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function RuleCoveragePage() {
  const { t } = useI18n();
  const coverage = createAsync(() => ruleCoverage());
  return (
    <section class="card">
      <h1>{t("profile.coverage.title")}</h1>
      <p class="hint">{t("profile.coverage.intro")}</p>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
          <Show when={coverage()}>{(c) => <CoverageTable coverage={c()} />}</Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
