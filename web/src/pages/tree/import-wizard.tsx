import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { IMPORT_TEMPLATES } from "@firegov/core/browser";
import type { ImportMode, ImportReport, JurisdictionNode, PolicyProfile, User } from "@firegov/core/contract";
import { ApiError } from "../../api/http.ts";
import type { ImportKind } from "../../api/nodes.ts";
import { can } from "../../auth/access.ts";
import { Notice, SelectField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { importAction } from "../../organisation/data.ts";
import { nodeLabel } from "../../organisation/labels.ts";
import { CancelButton } from "../../organisation/ui.tsx";
import { saveXlsx } from "../../organisation/xlsx.ts";
import { ImportModeChoice } from "../../components/import-mode.tsx";

/** The headers the import reads, in a template's order: core's, so a template always imports. */
const COLUMNS: Readonly<Record<ImportKind, readonly string[]>> = IMPORT_TEMPLATES;

export interface ReportRow {
  row: number;
  column: string;
  reason: string;
}

/** An all-or-nothing refusal names each bad cell as a field `rows[<row>].<column>`. */
export function rejectedRows(error: unknown): ReportRow[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields.flatMap((f) => {
    const match = /^rows\[(\d+)\]\.(.*)$/.exec(f.path);
    return match ? [{ row: Number(match[1]), column: match[2]!, reason: f.message }] : [];
  });
}

/** Row, column and reason of each problem, in the order of the file. */
export function ImportReportTable(props: { rows: readonly ReportRow[] }) {
  const { t } = useI18n();
  const sorted = () => [...props.rows].sort((a, b) => a.row - b.row);
  return (
    <div class="table-wrap">
      <table class="report-table" data-testid="import-report">
        <caption>{t("importer.reportCaption", { count: props.rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("importer.row")}</th>
            <th scope="col">{t("importer.column")}</th>
            <th scope="col">{t("importer.reason")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={sorted()}>
            {(r) => (
              <tr>
                <td>{r.row}</td>
                <td>{r.column}</td>
                <td>{r.reason}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * Bulk import of nodes or staff from an xlsx or CSV file: choose what, where
 * and how strictly, upload, then read the API's report row by row.
 */
export function ImportWizard(props: { me: User; nodes: readonly JurisdictionNode[]; profile: PolicyProfile; onClose: () => void }) {
  const { t, locale } = useI18n();
  const kinds = () => (["tree", "staff"] as const).filter((k) => can(props.me.role, k === "tree" ? "node.manage" : "org.manage"));
  const [kind, setKind] = createSignal<ImportKind>(kinds()[0] ?? "staff");
  const [file, setFile] = createSignal<File>();
  const [report, setReport] = createSignal<ImportReport>();
  const submit = useAction(importAction);
  const submission = useSubmission(importAction);
  const under = () => props.nodes.filter((n) => n.status === "active");
  const reset = () => {
    setReport(undefined);
    submission.clear();
  };
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const chosen = file();
    if (!chosen) return;
    reset();
    submit(kind(), chosen, { mode: String(data.get("mode")) as ImportMode, under: String(data.get("under") ?? "") || undefined })
      .then((result) => {
        submission.clear();
        setReport(result);
      })
      .catch(() => {});
  };
  const template = () => void saveXlsx([COLUMNS[kind()]], t(`importer.kind.${kind()}`), `${t("importer.templateFile", { kind: t(`importer.kind.${kind()}`) })}.xlsx`);
  const rows = () => [
    ...(report()?.errors ?? []).map((e) => ({ row: e.row, column: e.column, reason: locale() === "en" ? e.message.en : e.message.zh })),
    ...rejectedRows(submission.error),
  ];
  return (
    <section class="panel import-wizard" aria-label={t("importer.title")}>
      <h2>{t("importer.title")}</h2>
      <form class="form" onSubmit={onSubmit} onChange={() => report() && reset()}>
        <fieldset class="choice">
          <legend>{t("importer.what")}</legend>
          <For each={kinds()}>
            {(k) => (
              <label class="radio">
                <input type="radio" name="kind" value={k} checked={kind() === k} onChange={() => setKind(k)} />
                {t(`importer.kind.${k}`)}
              </label>
            )}
          </For>
        </fieldset>
        <p class="hint">{t("importer.columns", { columns: COLUMNS[kind()].join("、") })}</p>
        <p class="hint">{t(kind() === "tree" ? "importer.treeHint" : "importer.staffHint")}</p>
        <div>
          <button type="button" class="button button-secondary" onClick={template}>{t("importer.template")}</button>
        </div>
        <SelectField label={t("importer.under")} hint={t("importer.underHint")} name="under">
          <For each={under()}>{(n) => <option value={n.nodeId} selected={n.nodeId === props.me.scopeNodeId}>{nodeLabel(props.profile, n)}</option>}</For>
        </SelectField>
        <ImportModeChoice hint={t("importer.modeHint")} />
        <div class="field">
          <label for="import-file">{t("importer.file")}</label>
          <input id="import-file" type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
          <p class="hint">{t("importer.fileHint")}</p>
        </div>
        <Show when={submission.pending && file()}>
          {(f) => (
            <div class="upload-progress" role="status">
              <progress aria-label={t("importer.uploading", { name: f().name, size: size(f().size) })} />
              <span>{t("importer.uploading", { name: f().name, size: size(f().size) })}</span>
            </div>
          )}
        </Show>
        <div class="actions">
          <button type="submit" class="button" disabled={submission.pending || !file()} aria-busy={submission.pending}>
            {submission.pending ? t("form.submitting") : t("importer.submit")}
          </button>
          <CancelButton onClick={props.onClose} label={t("importer.close")} />
        </div>
      </form>
      <Show when={report()}>
        {(r) => (
          <Notice tone={r().skipped ? "warning" : "success"}>
            {r().imported === 0 && r().skipped ? t("importer.nothingImported", { skipped: r().skipped }) : t(r().skipped ? "importer.doneSkipped" : "importer.done", { imported: r().imported, skipped: r().skipped })}
          </Notice>
        )}
      </Show>
      <Show when={submission.error}>
        {(error) => (
          <p class="alert alert-error" role="alert">
            {error() instanceof ApiError ? (error() as ApiError).message : t("error.generic", { message: String(error()) })}
          </p>
        )}
      </Show>
      <Show when={rows().length}>
        <ImportReportTable rows={rows()} />
      </Show>
    </section>
  );
}
