import { DEFAULT_QUALIFICATIONS } from "@firegov/core/browser";
import { createAsync } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, Show } from "solid-js";
import { newIdempotencyKey } from "../../api/http.ts";
import { getOrganisation, listRecords } from "../../api/organisation.ts";
import { createCertificate, listCertificates, registerExportPath, resourceFindings, setTrainingResults, trainingResults } from "../../api/resources.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, SelectField, TextField } from "../../components/form.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";
import { ExportButton, FindingList, formValue, NodePicker, StatusBadge, useActions, useNodeChoice } from "./shared.tsx";

/** 资质培训: certificates of a node's people with lapse status, and a training's scores against the pass mark. */
export default function QualificationsPage() {
  const { t, locale } = useI18n();
  const { nodeId, choices, choose } = useNodeChoice();
  const { version, error, setError, busy, act } = useActions();
  const mayManage = () => can(signedInUser()!.role, "org.manage");
  const certificates = createAsync(async () => (version(), nodeId() ? listCertificates(nodeId()) : undefined));
  const judged = createAsync(async () => (version(), nodeId() ? resourceFindings(nodeId()) : undefined));
  const org = createAsync(async () => (nodeId() ? getOrganisation(nodeId()) : undefined));
  const trainings = createAsync(async () => (nodeId() ? (await listRecords(nodeId(), { kind: "training", limit: 50 })).items : undefined));
  const [recordId, setRecordId] = createSignal<string>();
  createEffect(() => setRecordId(trainings()?.[0]?.recordId));
  const results = createAsync(async () => (version(), nodeId() && recordId() ? trainingResults(nodeId(), recordId()!) : undefined));
  const profile = createAsync(() => profileInEffect());
  const kinds = createMemo(() => profile()?.qualifications?.certificateKinds ?? DEFAULT_QUALIFICATIONS.certificateKinds);
  const label = (l: { zh: string; en: string }) => (locale() === "en" ? l.en : l.zh);
  const people = createMemo(() => (org()?.people ?? []).filter((p) => p.status === "active"));
  const nameOf = (personId: string) => people().find((p) => p.personId === personId)?.name ?? personId;

  const PATHS = ["body.personId", "body.kind", "body.number", "body.issuedOn", "body.expiresOn", "body.scores"];
  // Everyone the training names: those scored and those still without a score.
  const scoreRows = createMemo(() => {
    const r = results();
    if (!r) return [];
    return [...r.results.map((x) => ({ personId: x.personId, nodeId: x.nodeId, name: x.name, score: String(x.score) })), ...r.unscored.map((u) => ({ personId: u.personId, nodeId: u.nodeId, name: nameOf(u.personId), score: "" }))];
  });

  return (
    <section class="card">
      <SectionTabs section="registers" />
      <h1>{t("resources.qualTitle")}</h1>
      <p class="lead">{t("resources.qualIntro")}</p>
      <div class="form range-form">
        <NodePicker nodeId={nodeId()} choices={choices()} onChoose={choose} />
      </div>
      <FormError error={error()} paths={PATHS} />
      <Show when={nodeId()}>
        <FindingList findings={judged()?.findings} prefixes={["qualification."]} />

        <h2>{t("resources.certificates")}</h2>
        <div class="actions">
          <ExportButton path={registerExportPath(nodeId())} label={t("resources.exportRegister")} fallback="register.xlsx" onError={setError} />
        </div>
        <Show when={certificates()?.items.length} fallback={<p class="muted">{t("resources.noCertificates")}</p>}>
          <div class="table-wrap" tabindex="0" role="region" aria-label={t("resources.certificates")}>
            <table class="scorecard-table" data-testid="certificates">
              <thead>
                <tr>
                  <th scope="col">{t("resources.person")}</th>
                  <th scope="col">{t("resources.kind")}</th>
                  <th scope="col">{t("resources.number")}</th>
                  <th scope="col">{t("resources.expires")}</th>
                  <th scope="col">{t("resources.status")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={certificates()!.items}>
                  {(c) => (
                    <tr>
                      <th scope="row">{c.personName}</th>
                      <td>{label(c.kindName)}</td>
                      <td>{c.number}</td>
                      <td>{c.expiresOn ?? t("resources.noExpiry")}</td>
                      <td><StatusBadge findings={judged()?.findings} ruleId="qualification.expiry" subjectId={c.certificateId} /></td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
        <Show when={mayManage() && people().length}>
          <details class="form-panel">
            <summary>{t("resources.addCertificate")}</summary>
            <form
              class="form"
              aria-label={t("resources.addCertificate")}
              onSubmit={async (e) => {
                e.preventDefault();
                const form = e.currentTarget;
                const f = new FormData(form);
                const ok = await act(() => createCertificate(nodeId(), { personId: formValue(f, "personId") ?? "", kind: formValue(f, "kind") ?? "", number: formValue(f, "number") ?? "", issuedOn: formValue(f, "issuedOn") ?? "", expiresOn: formValue(f, "expiresOn") }, newIdempotencyKey()));
                if (ok) form.reset();
              }}
            >
              <SelectField label={t("resources.person")} name="personId" error={fieldError(error(), "body.personId")}>
                <For each={people()}>{(p) => <option value={p.personId}>{p.name}</option>}</For>
              </SelectField>
              <SelectField label={t("resources.kind")} name="kind" error={fieldError(error(), "body.kind")}>
                <For each={kinds()}>{(k) => <option value={k.id}>{label(k.name)}</option>}</For>
              </SelectField>
              <TextField label={t("resources.number")} name="number" required error={fieldError(error(), "body.number")} />
              <TextField label={t("resources.issued")} name="issuedOn" type="date" required error={fieldError(error(), "body.issuedOn")} />
              <TextField label={t("resources.expires")} name="expiresOn" type="date" optional error={fieldError(error(), "body.expiresOn")} />
              <button type="submit" class="button" disabled={busy()}>{busy() ? t("resources.saving") : t("resources.save")}</button>
            </form>
          </details>
        </Show>

        <h2>{t("resources.training")}</h2>
        <Show when={trainings()?.length} fallback={<p class="muted">{t("resources.noTrainings")}</p>}>
          <div class="form range-form">
            <div class="field">
              <label for="resources-training">{t("resources.chooseTraining")}</label>
              <select id="resources-training" value={recordId() ?? ""} onChange={(e) => setRecordId(e.currentTarget.value)}>
                <For each={trainings()}>{(r) => <option value={r.recordId} selected={r.recordId === recordId()}>{`${r.date} ${r.course ?? r.title ?? ""}`}</option>}</For>
              </select>
            </div>
          </div>
          <Show when={results()}>
            {(r) => (
              <>
                <p class="hint">
                  {t("resources.passMark", { mark: String(r().passMark) })} · {t("resources.clause")}：{r().sourceRef ?? t("resources.defaultRule")}
                </p>
                <Show when={r().failed.length}>
                  <p data-testid="training-failed">
                    <strong>{t("resources.failedList")}：</strong>
                    {r().failed.map((x) => `${x.name}（${x.score}）`).join("、")}
                  </p>
                </Show>
                <Show when={r().passed.length}>
                  <p data-testid="training-passed">
                    <strong>{t("resources.passedList")}：</strong>
                    {r().passed.map((x) => `${x.name}（${x.score}）`).join("、")}
                  </p>
                </Show>
                <form
                  class="form"
                  aria-label={t("resources.training")}
                  onSubmit={async (e) => {
                    e.preventDefault();
                    const f = new FormData(e.currentTarget);
                    const scores = scoreRows().flatMap((row) => {
                      const v = formValue(f, `score-${row.personId}`);
                      return v === undefined ? [] : [{ personId: row.personId, nodeId: row.nodeId, score: Number(v) }];
                    });
                    await act(() => setTrainingResults(nodeId(), recordId()!, { scores }));
                  }}
                >
                  <For each={scoreRows()}>
                    {(row, i) => (
                      <TextField
                        label={`${row.name} · ${t("resources.score")}`}
                        name={`score-${row.personId}`}
                        type="number"
                        inputmode="decimal"
                        min="0"
                        max="100"
                        step="0.5"
                        value={row.score}
                        disabled={!mayManage()}
                        error={fieldError(error(), `body.scores[${i()}].score`) ?? fieldError(error(), `body.scores[${i()}].personId`)}
                      />
                    )}
                  </For>
                  <Show when={mayManage()}>
                    <button type="submit" class="button" disabled={busy()}>{busy() ? t("resources.saving") : t("resources.saveScores")}</button>
                  </Show>
                </form>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
