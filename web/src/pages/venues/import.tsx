import { A, createAsync } from "@solidjs/router";
import { createSignal, For, onCleanup, Show } from "solid-js";
import type { ImportMode, VenueImportProgress, VenueImportReport } from "@firegov/core/contract";
import { ApiError, newIdempotencyKey } from "../../api/http.ts";
import { importVenues, venueImportProgress } from "../../api/venues.ts";
import { signedInUser } from "../../auth/session.ts";
import { Notice, SelectField } from "../../components/form.tsx";
import { nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { ImportReportTable, rejectedRows } from "../tree/import-wizard.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";
import { VENUE_LEDGER_HEADERS } from "@firegov/core/browser";
import { saveXlsx } from "../../organisation/xlsx.ts";
import { saveFile } from "../profile/data.ts";
import { ImportModeChoice } from "../../components/import-mode.tsx";

const POLL_MS = 1000;
const TEMPLATE_HEADERS = Object.values(VENUE_LEDGER_HEADERS);

/** A CSV template with a BOM, so Excel and WPS read its Chinese headers as UTF-8. */
export function csvTemplate(): Blob {
  return new Blob([`\uFEFF${TEMPLATE_HEADERS.join(",")}\r\n`], { type: "text/csv;charset=utf-8" });
}

/**
 * Progress while a ledger uploads. A <progress> whose value or max is not a
 * finite number throws in the DOM (and took the page with it), so until the
 * server reports rows the bar is indeterminate: no value attribute at all.
 */
export function ImportProgressBar(props: { progress: VenueImportProgress | undefined }) {
  const { t } = useI18n();
  const total = () => (Number.isFinite(props.progress?.total) && props.progress!.total > 0 ? props.progress!.total : 0);
  const processed = () => Math.min(total(), Number.isFinite(props.progress?.processed) ? props.progress!.processed : 0);
  return (
    <div class="upload-progress" role="status">
      <Show when={total() > 0} fallback={<progress aria-label={t("form.submitting")} />}>
        <progress max={total()} value={processed()} aria-label={t("venueImport.progress", { processed: processed(), total: total() })} />
      </Show>
      <span>{total() > 0 ? t("venueImport.progress", { processed: processed(), total: total() }) : t("form.submitting")}</span>
    </div>
  );
}

/** 导入场所台账: upload a ledger, watch its progress, read the report row by row. */
export default function VenueImportPage() {
  const { t, locale } = useI18n();
  const nodes = createAsync(() => activeNodes());
  const profile = createAsync(() => profileInEffect());
  const kindNames = () => (profile()?.venues.kinds ?? []).map((k) => (locale() === "en" ? k.name.en : k.name.zh)).join("、");
  const xlsxTemplate = () => void saveXlsx([TEMPLATE_HEADERS], t("venueImport.templateSheet"), `${t("venueImport.templateFile")}.xlsx`);
  const csvTemplateFile = () => saveFile({ filename: `${t("venueImport.templateFile")}.csv`, blob: csvTemplate() });
  const [file, setFile] = createSignal<File>();
  const [pending, setPending] = createSignal(false);
  const [progress, setProgress] = createSignal<VenueImportProgress>();
  const [report, setReport] = createSignal<VenueImportReport>();
  const [error, setError] = createSignal<unknown>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  onCleanup(stop);

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const chosen = file();
    if (!chosen) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const importId = newIdempotencyKey();
    setReport(undefined);
    setError(undefined);
    setProgress(undefined);
    setPending(true);
    timer = setInterval(() => {
      venueImportProgress(importId).then(setProgress, () => undefined);
    }, POLL_MS);
    importVenues(chosen, { mode: String(data.get("mode")) as ImportMode, under: String(data.get("under") ?? "") || undefined, importId })
      .then(setReport, setError)
      .finally(() => {
        stop();
        setPending(false);
      });
  };
  const rows = () => [
    ...(report()?.errors ?? []).map((e) => ({ row: e.row, column: e.column, reason: locale() === "en" ? e.message.en : e.message.zh })),
    ...rejectedRows(error()),
  ];

  return (
    <section class="card narrow">
      <h1>{t("venueImport.title")}</h1>
      <p class="hint">{t("venueImport.intro")}</p>
      <p class="hint" data-testid="venue-import-paths">{t("venueImport.pathsHint")}</p>
      <p class="hint">{t("venueImport.columns", { columns: TEMPLATE_HEADERS.join("、") })}</p>
      <Show when={kindNames()}>{(names) => <p class="hint">{t("venueImport.kindsHint", { kinds: names() })}</p>}</Show>
      <div class="actions">
        <button type="button" class="button button-secondary" onClick={xlsxTemplate}>{t("venueImport.templateXlsx")}</button>
        <button type="button" class="button button-secondary" onClick={csvTemplateFile}>{t("venueImport.templateCsv")}</button>
      </div>
      <form class="form" onSubmit={onSubmit}>
        <SelectField label={t("importer.under")} hint={t("importer.underHint")} name="under">
          <For each={nodes()}>{(n) => <option value={n.nodeId} selected={n.nodeId === signedInUser()?.scopeNodeId}>{nodeOptionLabel(n, nodes()![0])}</option>}</For>
        </SelectField>
        <ImportModeChoice />
        <div class="field">
          <label for="venue-import-file">{t("importer.file")}</label>
          <input id="venue-import-file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </div>
        <Show when={pending()}>
          <ImportProgressBar progress={progress()} />
        </Show>
        <div class="actions">
          <button type="submit" class="button" disabled={pending() || !file()} aria-busy={pending()}>{t("importer.submit")}</button>
          <A href="/venues" class="button button-secondary">{t("venues.cancel")}</A>
        </div>
      </form>
      <Show when={report()}>
        {(r) => <Notice tone={r().skipped ? "warning" : "success"}>{t("venueImport.done", { created: r().created, updated: r().updated, unchanged: r().unchanged, skipped: r().skipped })}</Notice>}
      </Show>
      {/* The API's own message; no answer at all (status 0: no network) says the import failed, and why. */}
      <Show when={error()}>
        {(err) => <p class="alert alert-error" role="alert">{err() instanceof ApiError && (err() as ApiError).status > 0 ? (err() as ApiError).message : t("venueImport.failed", { message: err() instanceof Error ? (err() as Error).message : String(err()) })}</p>}
      </Show>
      <Show when={rows().length}>
        <ImportReportTable rows={rows()} />
      </Show>
    </section>
  );
}
