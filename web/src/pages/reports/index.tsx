import { createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { ResponseTimeNamedRow, ResponseTimeRow, ResponseTimes } from "@firegov/core/contract";
import { downloadReport, responseTimes, type ReportFile, type ReportPeriod } from "../../api/reports.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { activeNodes } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";
import { todayLocal } from "../../organisation/labels.ts";
import { saveFile } from "../profile/data.ts";
import { CommandTabs } from "../../components/command-tabs.tsx";

const today = () => todayLocal();
const firstOfYear = () => `${today().slice(0, 4)}-01-01`;

type Column = { key: keyof ResponseTimeRow; word: string; days?: boolean };
const COLUMNS: Column[] = [
  { key: "received", word: "received" },
  { key: "registered", word: "registered" },
  { key: "ackOnTime", word: "ackOnTime" },
  { key: "ackLate", word: "ackLate" },
  { key: "closed", word: "closed" },
  { key: "closedOnTime", word: "closedOnTime" },
  { key: "closedLate", word: "closedLate" },
  { key: "medianDaysToClose", word: "median", days: true },
  { key: "p90DaysToClose", word: "p90", days: true },
  { key: "open", word: "open" },
  { key: "overdueNow", word: "overdueNow" },
  { key: "reopened", word: "reopened" },
];

function ReportTable(props: { caption: string; first: string; rows: ResponseTimeNamedRow[]; total: ResponseTimeRow; testId: string }) {
  const { t, locale } = useI18n();
  const cell = (row: ResponseTimeRow, c: Column) => {
    const v = row[c.key];
    return v === null ? "—" : c.days ? t("reports.days", { n: String(v) }) : String(v);
  };
  return (
    <div class="table-wrap" tabindex="0" role="region" aria-label={props.caption}>
      <table class="scorecard-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            <For each={COLUMNS}>{(c) => <th scope="col" class="score-cell">{t(`reports.col.${c.word}` as "reports.col.received")}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{locale() === "en" ? row.name.en : row.name.zh}</th>
                <For each={COLUMNS}>{(c) => <td class="score-cell" classList={{ "score-bad": (c.key === "overdueNow" || c.key === "closedLate" || c.key === "ackLate") && row[c.key] !== 0 }}>{cell(row, c)}</td>}</For>
              </tr>
            )}
          </For>
          <tr class="report-total">
            <th scope="row">{t("reports.total")}</th>
            <For each={COLUMNS}>{(c) => <td class="score-cell score-total">{cell(props.total, c)}</td>}</For>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function Figures(props: { report: ResponseTimes }) {
  const { t, locale } = useI18n();
  const r = () => props.report;
  return (
    <>
      <p class="hint">
        {r().ackRule.hours !== undefined
          ? t("reports.ackRuleHours", { hours: String(r().ackRule.hours), assumption: locale() === "en" ? r().ackRule.assumption.en : r().ackRule.assumption.zh })
          : t("reports.ackRule", { days: String(r().ackRule.days), assumption: locale() === "en" ? r().ackRule.assumption.en : r().ackRule.assumption.zh })}
      </p>
      <Show when={r().total.received || r().total.ackRequested} fallback={<p class="muted">{t("reports.none")}</p>}>
        <ReportTable caption={t("reports.byBody")} first={t("reports.body")} rows={r().byBody} total={r().total} testId="by-body" />
        <ReportTable caption={t("reports.byNode")} first={t("reports.area")} rows={r().byNode} total={r().total} testId="by-node" />
      </Show>
    </>
  );
}

/** 统计报表: response times per handling body and per area for a period, and the period's ledgers as xlsx. */
export default function ReportsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams<{ from?: string; to?: string; path?: string }>();
  const period = createMemo<ReportPeriod>(() => ({ from: search.from ?? firstOfYear(), to: search.to ?? today(), path: search.path || undefined }));
  const [error, setError] = createSignal<unknown>();
  const report = createAsync(async () => {
    setError(undefined);
    try {
      return await responseTimes(period());
    } catch (err) {
      setError(err);
      return undefined;
    }
  });
  // Areas to choose from: the caller's own and two levels below it (a county's towns and villages; grids by their village).
  const nodes = createAsync(() => activeNodes());
  const choices = createMemo(() => {
    const scope = signedInUser()?.scopePath ?? "";
    const depth = scope.split("/").length;
    return (nodes() ?? []).filter((n) => n.path !== scope && n.path.startsWith(`${scope}/`) && n.path.split("/").length <= depth + 2).sort((a, b) => a.path.localeCompare(b.path));
  });
  const [busy, setBusy] = createSignal<ReportFile>();
  const download = async (file: ReportFile) => {
    setBusy(file);
    setError(undefined);
    try {
      saveFile(await downloadReport(file, period()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const indent = (path: string) => "\u3000".repeat(Math.max(0, path.split("/").length - (signedInUser()?.scopePath ?? "").split("/").length - 1));
  const PATHS = ["query.from", "query.to", "query.path"];

  return (
    <section class="card">
      <CommandTabs />
      <h1>{t("reports.title")}</h1>
      <p class="lead">{t("reports.intro")}</p>
      <form
        class="form range-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const value = (k: string) => (typeof f.get(k) === "string" ? (f.get(k) as string) : "");
          setSearch({ from: value("from") || undefined, to: value("to") || undefined, path: value("path") || undefined });
        }}
      >
        <div class="field">
          <label for="report-from">{t("reports.from")}</label>
          <input id="report-from" name="from" type="date" value={period().from} aria-invalid={fieldError(error(), "query.from") ? "true" : undefined} />
          <Show when={fieldError(error(), "query.from")}>{(m) => <p class="field-error">{m()}</p>}</Show>
        </div>
        <div class="field">
          <label for="report-to">{t("reports.to")}</label>
          <input id="report-to" name="to" type="date" value={period().to} aria-invalid={fieldError(error(), "query.to") ? "true" : undefined} />
          <Show when={fieldError(error(), "query.to")}>{(m) => <p class="field-error">{m()}</p>}</Show>
        </div>
        <div class="field">
          <label for="report-node">{t("reports.node")}</label>
          <select id="report-node" name="path" value={period().path ?? ""}>
            <option value="">{t("reports.myScope")}</option>
            <For each={choices()}>{(n) => <option value={n.path}>{indent(n.path) + n.name}</option>}</For>
          </select>
          <Show when={fieldError(error(), "query.path")}>{(m) => <p class="field-error">{m()}</p>}</Show>
        </div>
        <button type="submit" class="button">{t("reports.show")}</button>
      </form>
      <FormError error={error()} paths={PATHS} />
      <div class="actions report-actions">
        <button type="button" class="button button-secondary" disabled={busy() !== undefined} onClick={() => void download("response-times")}>{busy() === "response-times" ? t("reports.downloading") : t("reports.downloadTimes")}</button>
        <button type="button" class="button button-secondary" disabled={busy() !== undefined} onClick={() => void download("hazards")}>{busy() === "hazards" ? t("reports.downloading") : t("reports.downloadHazards")}</button>
        <button type="button" class="button button-secondary" disabled={busy() !== undefined} onClick={() => void download("inspections")}>{busy() === "inspections" ? t("reports.downloading") : t("reports.downloadInspections")}</button>
      </div>
      <Loading>
        <Show when={report()}>{(r) => <Figures report={r()} />}</Show>
      </Loading>
    </section>
  );
}
