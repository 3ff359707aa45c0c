import { DEFAULT_RESOURCES } from "@firegov/core/browser";
import { createAsync } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { newIdempotencyKey } from "../../api/http.ts";
import { createBudgetLine, createEquipment, createSpending, fundingExportPath, fundingLedger, listEquipment, registerExportPath, resourceFindings, retireEquipment } from "../../api/resources.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, SelectField, TextField } from "../../components/form.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";
import { ExportButton, FindingList, formValue, NodePicker, StatusBadge, useActions, useNodeChoice } from "./shared.tsx";

const yuan = (n: number) => n.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 经费装备: a node's funding ledger (budget lines, spending, totals) and its equipment register with expiry status. */
export default function FundingPage() {
  const { t, locale } = useI18n();
  const { nodeId, choices, choose } = useNodeChoice();
  const [year, setYear] = createSignal<number | undefined>(undefined);
  const { version, error, setError, busy, act } = useActions();
  const mayManage = () => can(signedInUser()!.role, "org.manage");
  const ledger = createAsync(async () => (version(), nodeId() ? fundingLedger(nodeId(), year()) : undefined));
  const equipment = createAsync(async () => (version(), nodeId() ? listEquipment(nodeId()) : undefined));
  const judged = createAsync(async () => (version(), nodeId() ? resourceFindings(nodeId()) : undefined));
  const profile = createAsync(() => profileInEffect());
  const kinds = createMemo(() => profile()?.resources?.equipmentKinds ?? DEFAULT_RESOURCES.equipmentKinds);
  const label = (l: { zh: string; en: string }) => (locale() === "en" ? l.en : l.zh);
  const thisYear = String(new Date().getFullYear());

  const submit = (run: (f: FormData) => Promise<unknown>) => async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    if (await act(() => run(new FormData(form)))) form.reset();
  };
  const PATHS = ["body.year", "body.item", "body.amount", "body.source", "body.lineId", "body.date", "body.kind", "body.count", "body.expiresOn", "body.nextCheckDue", "body.lastCheckOn"];

  return (
    <section class="card">
      <SectionTabs section="registers" />
      <h1>{t("resources.fundingTitle")}</h1>
      <p class="lead">{t("resources.fundingIntro")}</p>
      <div class="form range-form">
        <NodePicker nodeId={nodeId()} choices={choices()} onChoose={choose} />
        <div class="field">
          <label for="resources-year">{t("resources.year")}</label>
          <input id="resources-year" type="number" inputmode="numeric" min="2000" max="2100" value={year() ?? ""} placeholder={t("resources.allYears")} onChange={(e) => setYear(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)} />
        </div>
      </div>
      <FormError error={error()} paths={PATHS} />
      <Show when={nodeId()}>
        <FindingList findings={judged()?.findings} prefixes={["equipment.", "funding."]} />

        <h2>{t("resources.ledger")}</h2>
        <div class="actions">
          <ExportButton path={fundingExportPath(nodeId(), year())} label={t("resources.exportLedger")} fallback="funding.xlsx" onError={setError} />
        </div>
        <Show when={ledger()?.lines.length} fallback={<p class="muted">{t("resources.noLines")}</p>}>
          <div class="table-wrap" tabindex="0" role="region" aria-label={t("resources.ledger")}>
            <table class="scorecard-table" data-testid="ledger">
              <thead>
                <tr>
                  <th scope="col">{t("resources.year")}</th>
                  <th scope="col">{t("resources.item")}</th>
                  <th scope="col">{t("resources.source")}</th>
                  <th scope="col" class="score-cell">{t("resources.budget")}</th>
                  <th scope="col" class="score-cell">{t("resources.spent")}</th>
                  <th scope="col" class="score-cell">{t("resources.balance")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={ledger()!.lines}>
                  {(l) => (
                    <tr>
                      <td>{l.year}</td>
                      <th scope="row">{l.item}</th>
                      <td>{l.source}</td>
                      <td class="score-cell">{yuan(l.amount)}</td>
                      <td class="score-cell">{yuan(l.spent)}</td>
                      <td class="score-cell" classList={{ "score-bad": l.balance < 0 }}>{yuan(l.balance)}</td>
                    </tr>
                  )}
                </For>
                <tr class="report-total">
                  <th scope="row" colspan="3">{t("resources.total")}</th>
                  <td class="score-cell score-total" data-testid="total-budget">{yuan(ledger()!.totals.budget)}</td>
                  <td class="score-cell score-total" data-testid="total-spent">{yuan(ledger()!.totals.spent)}</td>
                  <td class="score-cell score-total" data-testid="total-balance">{yuan(ledger()!.totals.balance)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </Show>

        <Show when={mayManage()}>
          <details class="form-panel">
            <summary>{t("resources.addLine")}</summary>
            <form class="form" aria-label={t("resources.addLine")} onSubmit={submit((f) => createBudgetLine(nodeId(), { year: Number(formValue(f, "year")), item: formValue(f, "item") ?? "", amount: Number(formValue(f, "amount")), source: formValue(f, "source") ?? "", note: formValue(f, "note") }, newIdempotencyKey()))}>
              <TextField label={t("resources.year")} name="year" type="number" inputmode="numeric" value={thisYear} required error={fieldError(error(), "body.year")} />
              <TextField label={t("resources.item")} name="item" required error={fieldError(error(), "body.item")} />
              <TextField label={t("resources.amount")} name="amount" type="number" step="0.01" inputmode="decimal" required error={fieldError(error(), "body.amount")} />
              <TextField label={t("resources.source")} name="source" required error={fieldError(error(), "body.source")} />
              <TextField label={t("resources.note")} name="note" optional />
              <button type="submit" class="button" disabled={busy()}>{busy() ? t("resources.saving") : t("resources.save")}</button>
            </form>
          </details>
          <Show when={ledger()?.lines.length}>
            <details class="form-panel">
              <summary>{t("resources.addSpending")}</summary>
              <form class="form" aria-label={t("resources.addSpending")} onSubmit={submit((f) => createSpending(nodeId(), { lineId: formValue(f, "lineId") ?? "", date: formValue(f, "date") ?? "", amount: Number(formValue(f, "amount")), note: formValue(f, "note") }, newIdempotencyKey()))}>
                <SelectField label={t("resources.line")} name="lineId" error={fieldError(error(), "body.lineId")}>
                  <For each={ledger()!.lines}>{(l) => <option value={l.lineId}>{`${l.year} ${l.item}`}</option>}</For>
                </SelectField>
                <TextField label={t("resources.date")} name="date" type="date" required error={fieldError(error(), "body.date")} />
                <TextField label={t("resources.amount")} name="amount" type="number" step="0.01" inputmode="decimal" required error={fieldError(error(), "body.amount")} />
                <TextField label={t("resources.note")} name="note" optional />
                <button type="submit" class="button" disabled={busy()}>{busy() ? t("resources.saving") : t("resources.save")}</button>
              </form>
            </details>
          </Show>
        </Show>

        <h2>{t("resources.equipment")}</h2>
        <div class="actions">
          <ExportButton path={registerExportPath(nodeId())} label={t("resources.exportRegister")} fallback="register.xlsx" onError={setError} />
        </div>
        <Show when={equipment()?.items.length} fallback={<p class="muted">{t("resources.noEquipment")}</p>}>
          <div class="table-wrap" tabindex="0" role="region" aria-label={t("resources.equipment")}>
            <table class="scorecard-table" data-testid="equipment">
              <thead>
                <tr>
                  <th scope="col">{t("resources.kind")}</th>
                  <th scope="col">{t("resources.name")}</th>
                  <th scope="col" class="score-cell">{t("resources.count")}</th>
                  <th scope="col">{t("resources.nextCheck")}</th>
                  <th scope="col">{t("resources.expires")}</th>
                  <th scope="col">{t("resources.status")}</th>
                  <Show when={mayManage()}><th scope="col">{t("resources.retire")}</th></Show>
                </tr>
              </thead>
              <tbody>
                <For each={equipment()!.items}>
                  {(e) => (
                    <tr>
                      <th scope="row">{label(e.kindName)}</th>
                      <td>{e.name ?? "—"}</td>
                      <td class="score-cell">{e.count}</td>
                      <td>{e.nextCheckDue ?? "—"}</td>
                      <td>{e.expiresOn ?? "—"}</td>
                      <td>
                        <Show when={e.status === "active"} fallback={<span class="badge badge-muted">{t("resources.retired")}</span>}>
                          <StatusBadge findings={judged()?.findings} ruleId="equipment.expiry" subjectId={e.equipmentId} />
                        </Show>
                      </td>
                      <Show when={mayManage()}>
                        <td>
                          <Show when={e.status === "active"}>
                            <button type="button" class="button button-secondary button-small" disabled={busy()} onClick={() => void act(() => retireEquipment(nodeId(), e.equipmentId))}>
                              {t("resources.retire")}
                            </button>
                          </Show>
                        </td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
        <Show when={mayManage()}>
          <details class="form-panel">
            <summary>{t("resources.addEquipment")}</summary>
            <form
              class="form"
              aria-label={t("resources.addEquipment")}
              onSubmit={submit((f) =>
                createEquipment(nodeId(), { kind: formValue(f, "kind") ?? "", name: formValue(f, "name"), count: Number(formValue(f, "count")), lastCheckOn: formValue(f, "lastCheckOn"), nextCheckDue: formValue(f, "nextCheckDue"), expiresOn: formValue(f, "expiresOn") }, newIdempotencyKey()),
              )}
            >
              <SelectField label={t("resources.kind")} name="kind" error={fieldError(error(), "body.kind")}>
                <For each={kinds()}>{(k) => <option value={k.id}>{label(k.name)}</option>}</For>
              </SelectField>
              <TextField label={t("resources.name")} name="name" optional />
              <TextField label={t("resources.count")} name="count" type="number" inputmode="numeric" min="1" value="1" required error={fieldError(error(), "body.count")} />
              <TextField label={t("resources.lastCheck")} name="lastCheckOn" type="date" optional error={fieldError(error(), "body.lastCheckOn")} />
              <TextField label={t("resources.nextCheck")} name="nextCheckDue" type="date" optional error={fieldError(error(), "body.nextCheckDue")} />
              <TextField label={t("resources.expires")} name="expiresOn" type="date" optional error={fieldError(error(), "body.expiresOn")} />
              <button type="submit" class="button" disabled={busy()}>{busy() ? t("resources.saving") : t("resources.save")}</button>
            </form>
          </details>
        </Show>
      </Show>
    </section>
  );
}
