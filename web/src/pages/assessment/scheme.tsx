import { A, createAsync, useAction, useParams, useSearchParams, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { EvidenceLink, IncentiveCandidate, IncentiveCandidates, IndicatorScore, Scorecard, Scorecards } from "@firegov/core/contract";
import { attachmentUrl, exportScorecards } from "../../api/assessment.ts";
import { assessmentAttachmentTarget } from "../../api/files.ts";
import { PhotoPicker } from "../../components/photo-picker.tsx";
import { saveFile } from "../profile/data.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, formValues, Notice, revealProblem, SelectField, SubmitButton, submissionKey, TextAreaField, TextField } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { formatDate, pick, todayLocal } from "../../organisation/labels.ts";
import { profileInEffect } from "../../data/queries.ts";
import { candidates, closePeriodAction, recordIncentiveAction, scorecards, setScoreAction } from "./data.ts";
import { IncentiveRegister } from "./register.tsx";

const SCORE_FIELDS = ["body.indicatorId", "body.score", "body.note", "body.period", "body.nodeId", "body.attachments"];

/** A score as the table shows it: one decimal at most, a dash when there is none. */
const shown = (n: number | null | undefined) => (n === null || n === undefined ? "—" : String(Math.round(n * 10) / 10));

/** Where the list behind a computed score is: the node's findings, the hazard board, coverage, the node's records. */
function evidenceHref(link: EvidenceLink, path: string): string {
  switch (link.kind) {
    case "findings":
      return `/nodes/${encodeURIComponent(link.nodeId)}/compliance`;
    case "hazards":
      return link.filter === "closed" ? `/hazards?state=closed&path=${encodeURIComponent(path)}` : `/hazards?${link.filter}=1&path=${encodeURIComponent(path)}`;
    case "coverage":
      return "/coverage";
    case "campaigns":
      return link.campaignIds.length === 1 ? `/campaigns/${encodeURIComponent(link.campaignIds[0]!)}` : "/campaigns";
    case "records":
      return `/nodes/${encodeURIComponent(link.nodeId)}`;
    case "incidents":
      return `/incidents?nodeId=${encodeURIComponent(link.nodeId)}`;
  }
}

/** The files attached to an entered score, each opened through a short-lived link. */
function Attachments(props: { keys: string[]; at: { schemeId: string; period: string; nodeId: string; indicatorId: string } }) {
  const { t } = useI18n();
  const open = (key: string) =>
    void attachmentUrl({ ...props.at, key }).then(
      (link) => window.open(link.url, "_blank", "noopener"),
      () => undefined,
    );
  return (
    <For each={props.keys}>
      {(key, k) => (
        <button type="button" class="link-button" data-testid="score-attachment" onClick={() => open(key)}>
          {t("assessment.attachmentN", { n: k() + 1 })}
        </button>
      )}
    </For>
  );
}

function IndicatorCell(props: { indicator: IndicatorScore; path: string; at: { schemeId: string; period: string; nodeId: string } }) {
  const { t, locale } = useI18n();
  const i = () => props.indicator;
  const title = () =>
    [
      i().evidence ? pick(i().evidence, locale()) : "",
      i().entered ? `${t("assessment.entered")}：${i().entered!.note}` : "",
      i().entered?.attachments?.length ? t("assessment.attachmentCount", { n: i().entered!.attachments!.length }) : "",
    ]
      .filter(Boolean)
      .join("；");
  return (
    <td class={`score-cell score-${i().method}`} data-indicator={i().indicatorId} title={title() || undefined}>
      <Show when={i().link} fallback={shown(i().score)}>
        {(link) => (
          <A href={evidenceHref(link(), props.path)} aria-label={`${shown(i().score)} · ${t("assessment.evidence", { name: pick(i().name, locale()) })}`}>
            {shown(i().score)}
          </A>
        )}
      </Show>
      <Show when={i().entered && i().method !== "manual"}>
        <sup aria-label={t("assessment.entered")}>*</sup>
      </Show>
      <Show when={i().entered?.attachments?.length}>
        <div>
          <Attachments keys={i().entered!.attachments!} at={{ ...props.at, indicatorId: i().indicatorId }} />
        </div>
      </Show>
    </td>
  );
}

/** The assessor's score of one indicator for one unit, with the note it rests on. */
function ScoreForm(props: { schemeId: string; period: string; card: Scorecard; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const save = useAction(setScoreAction);
  const saving = useSubmission(setScoreAction);
  const [attachments, setAttachments] = createSignal<string[]>([]);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const indicator = props.card.indicators.find((i) => i.indicatorId === v.indicatorId);
    save(props.schemeId, { period: props.period, nodeId: props.card.nodeId, indicatorId: v.indicatorId ?? "", score: v.score === "" || v.score === undefined ? Number.NaN : Number(v.score), note: v.note ?? "", ...(attachments().length ? { attachments: attachments() } : {}) })
      .then((stored) => {
        saving.clear();
        props.onDone(t("assessment.saved", { unit: props.card.name, indicator: pick(indicator?.name, locale()), score: stored.score }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={`${t("assessment.enterScore")} · ${props.card.name}`}>
      <h3>{t("assessment.enterScore")} · {props.card.name}</h3>
      <FormError error={saving.error} paths={SCORE_FIELDS} />
      <SelectField label={t("assessment.indicator")} name="indicatorId" required error={fieldError(saving.error, "body.indicatorId")}>
        <For each={props.card.indicators}>
          {(i) => (
            <option value={i.indicatorId}>
              {pick(i.name, locale())}（{i.method === "manual" ? t("assessment.manual") : t("assessment.auto")}）
            </option>
          )}
        </For>
      </SelectField>
      <TextField label={t("assessment.scoreValue")} name="score" type="number" inputmode="decimal" min={0} max={100} step="0.1" required error={fieldError(saving.error, "body.score")} />
      <TextAreaField label={t("assessment.note")} name="note" required rows={3} error={fieldError(saving.error, "body.note")} />
      <PhotoPicker label={t("assessment.attachments")} upload={assessmentAttachmentTarget()} onChange={setAttachments} />
      <div class="actions">
        <SubmitButton pending={saving.pending ?? false}>{t("assessment.save")}</SubmitButton>
        <button type="button" class="button button-secondary" onClick={() => { saving.clear(); props.onCancel(); }}>{t("assessment.cancel")}</button>
      </div>
    </form>
  );
}

type IncentiveRow = IncentiveCandidates["incentives"][number];

/** Record an incentive for one candidate: the note says what for; the candidate's source is sent with it. */
function RecordForm(props: { incentive: IncentiveRow; candidate: IncentiveCandidate; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const record = useAction(recordIncentiveAction);
  const recording = useSubmission(recordIncentiveAction);
  const key = submissionKey();
  const target = () => (props.candidate.target.type === "node" ? props.candidate.nodeName : props.candidate.target.name);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const c = props.candidate;
    record({ incentiveId: props.incentive.incentiveId, nodeId: c.nodeId, target: c.target, date: todayLocal(), note: formValues(form).note ?? "", source: c.source }, key.current())
      .then(() => {
        key.renew();
        recording.clear();
        props.onDone(t("assessment.recordedFlash", { incentive: pick(props.incentive.name, locale()), target: target() }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form" onSubmit={onSubmit} onInput={key.renew} aria-label={`${t("assessment.record")} · ${target()}`}>
      <FormError error={recording.error} paths={["body.note"]} />
      <TextAreaField label={t("assessment.recordNote")} name="note" required rows={2} error={fieldError(recording.error, "body.note")} />
      <div class="actions">
        <SubmitButton pending={recording.pending ?? false}>{t("assessment.recordSubmit")}</SubmitButton>
        <button type="button" class="button button-secondary" onClick={() => { recording.clear(); props.onCancel(); }}>{t("assessment.cancel")}</button>
      </div>
    </form>
  );
}

/** The incentives tied to this scheme's ranking, with the lagging units it proposes. */
function Candidates(props: { schemeId: string; period: string | undefined; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const result = createAsync(() => candidates(props.schemeId, props.period));
  const [open, setOpen] = createSignal<string>();
  return (
    <section class="panel" aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t("assessment.candidates")}</h2>
      <p class="muted">{t("assessment.candidatesIntro")}</p>
      <For each={result()?.incentives ?? []}>
        {(incentive) => (
          <div class="incentive" data-testid="incentive" data-incentive={incentive.incentiveId}>
            <h3>
              <span class={`badge badge-${incentive.kind}`}>{t(`assessment.${incentive.kind}`)}</span> {pick(incentive.name, locale())}
              <span class="user-meta"> · {incentive.sourceRef ? t("assessment.clause", { ref: incentive.sourceRef }) : t("assessment.assumed")}</span>
            </h3>
            <Show when={incentive.why}>{(why) => <p class="muted">{t("assessment.chosenByPeople", { why: pick(why(), locale()) })}</p>}</Show>
            <Show when={incentive.candidates.length} fallback={<p class="muted">{t("assessment.noCandidates")}</p>}>
              <ul class="user-list">
                <For each={incentive.candidates}>
                  {(c) => {
                    const id = `${incentive.incentiveId}/${c.nodeId}/${c.source.type === "hazard_lead" ? c.source.hazardId : c.source.type === "early_fire_save" ? c.source.incidentId : ""}`;
                    return (
                      <li data-testid="candidate" data-node={c.nodeId}>
                        <strong>{c.target.type === "node" ? c.nodeName : `${c.nodeName} · ${c.target.name}`}</strong>
                        <div class="user-meta">{pick(c.reason, locale())}</div>
                        <Show when={!c.recorded} fallback={<span class="badge">{t("assessment.recorded")}</span>}>
                          <Show when={open() === id} fallback={<button type="button" class="button button-secondary" onClick={() => setOpen(id)}>{t("assessment.record")}</button>}>
                            <RecordForm incentive={incentive} candidate={c} onCancel={() => setOpen(undefined)} onDone={(m) => { setOpen(undefined); props.onDone(m); }} />
                          </Show>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </For>
    </section>
  );
}

function laggingRule(cards: Scorecards, t: ReturnType<typeof useI18n>["t"]): string | undefined {
  const rule = cards.lagging;
  if (!rule) return undefined;
  return [rule.bottom !== undefined ? t("assessment.laggingBottom", { n: rule.bottom }) : "", rule.belowScore !== undefined ? t("assessment.laggingBelow", { score: rule.belowScore }) : ""].filter(Boolean).join(t("assessment.or"));
}

/** One scheme's scorecards for a period: indicators, totals, ranks and lagging units; the assessor's scores; candidates and the register. */
export default function SchemePage() {
  const { t, locale } = useI18n();
  const params = useParams<{ schemeId: string }>();
  const [search, setSearch] = useSearchParams<{ on?: string }>();
  const on = () => (search.on && /^\d{4}-\d{2}-\d{2}$/.test(search.on) ? search.on : undefined);
  const profile = createAsync(() => profileInEffect());
  const result = createAsync(() => scorecards(params.schemeId, on()));
  const [scoring, setScoring] = createSignal<string>();
  const [flash, setFlash] = createSignal<string>();
  const mayRecord = () => {
    const me = signedInUser();
    return me !== undefined && can(me.role, "assessment.incentive");
  };
  const done = (message: string) => {
    setScoring(undefined);
    setFlash(message);
  };
  const [confirming, setConfirming] = createSignal(false);
  const close = useAction(closePeriodAction);
  const closing = useSubmission(closePeriodAction);
  const closeNow = (start: string, end: string) =>
    close(params.schemeId, start).then(
      () => {
        closing.clear();
        setConfirming(false);
        done(t("assessment.closedFlash", { start: formatDate(start, locale()), end: formatDate(end, locale()) }));
      },
      () => undefined,
    );
  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal<unknown>();
  const download = async (period: string) => {
    setExporting(true);
    setExportError(undefined);
    try {
      saveFile(await exportScorecards(params.schemeId, { period }));
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };
  return (
    <section class="card">
      <Loading>
        <Show when={result()}>
          {(r) => (
            <>
              <div class="page-head">
                <div>
                  <h1>{pick(r().name, locale())}</h1>
                  <p class="user-meta">{t("assessment.periodRange", { start: formatDate(r().period.start, locale()), end: formatDate(r().period.end, locale()) })}</p>
                </div>
                <div class="actions">
                  <button type="button" class="button button-secondary" onClick={() => void download(r().period.start)} disabled={exporting()}>
                    {exporting() ? t("assessment.exporting") : t("assessment.export")}
                  </button>
                  <A class="button button-secondary" href="/assessment">{t("assessment.title")}</A>
                </div>
              </div>
              <Show when={r().closed}>
                {(c) => (
                  <Notice tone="info">
                    <span data-testid="period-closed">{t("assessment.closedNotice", { at: formatDateTime(c().closedAt, locale()), by: c().closedByName ?? c().closedBy })}</span>
                  </Notice>
                )}
              </Show>
              <Show when={r().mayClose}>
                <Show
                  when={confirming()}
                  fallback={<button type="button" class="button button-secondary" onClick={() => { setFlash(undefined); setConfirming(true); }}>{t("assessment.closePeriod")}</button>}
                >
                  <div class="panel" role="group" aria-label={t("assessment.closePeriod")}>
                    <p>{t("assessment.closeConfirm")}</p>
                    <FormError error={closing.error} paths={[]} />
                    <div class="actions">
                      <button type="button" class="button" disabled={closing.pending ?? false} aria-busy={closing.pending ?? false} onClick={() => void closeNow(r().period.start, r().period.end)}>
                        {closing.pending ? t("form.submitting") : t("assessment.closeYes")}
                      </button>
                      <button type="button" class="button button-secondary" onClick={() => { closing.clear(); setConfirming(false); }}>{t("assessment.cancel")}</button>
                    </div>
                  </div>
                </Show>
              </Show>
              <Show when={exportError()}>{(e) => <FormError error={e()} paths={[]} />}</Show>
              <p class="lead">{t("assessment.basis", { version: r().profileVersion, at: formatDateTime(r().evaluatedAt, locale()) })}</p>
              <Show when={laggingRule(r(), t)}>{(rule) => <p class="muted">{t("assessment.laggingRule", { rule: rule() })}{r().lagging?.sourceRef ? ` · ${t("assessment.clause", { ref: r().lagging!.sourceRef! })}` : ""}</p>}</Show>
              <form class="range-form form" onSubmit={(e) => { e.preventDefault(); const v = new FormData(e.currentTarget).get("on"); setSearch({ on: typeof v === "string" && v ? v : undefined }); }}>
                <div class="field">
                  <label for="assessment-on">{t("assessment.period")}</label>
                  <input id="assessment-on" name="on" type="date" max={todayLocal()} value={on() ?? todayLocal()} />
                </div>
                <button type="submit" class="button button-secondary">{t("assessment.show")}</button>
              </form>
              <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
              <Show when={r().cards.length} fallback={<p class="muted">{t("assessment.noCards")}</p>}>
                <div class="table-wrap">
                  <table class="scorecard-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("assessment.unit")}</th>
                        <For each={r().cards[0]!.indicators}>
                          {(i) => (
                            <th scope="col" title={i.text}>
                              {pick(i.name, locale())}
                              <div class="user-meta">{i.weight} · {i.method === "manual" ? t("assessment.manual") : t("assessment.auto")}</div>
                            </th>
                          )}
                        </For>
                        <th scope="col">{t("assessment.total")}</th>
                        <th scope="col">{t("assessment.rank")}</th>
                        <th scope="col" />
                      </tr>
                    </thead>
                    <tbody>
                      <For each={r().cards}>
                        {(card) => (
                          <tr data-testid="scorecard-row" data-node={card.nodeId} data-lagging={card.lagging ? "true" : "false"} class={card.lagging ? "row-lagging" : undefined}>
                            <th scope="row">
                              {card.name}
                              <Show when={card.lagging}>
                                {" "}
                                <span class="badge badge-lagging">{t("assessment.lagging")}</span>
                              </Show>
                              <Show when={!card.complete}>
                                {" "}
                                <span class="badge">{t("assessment.incomplete")}</span>
                              </Show>
                            </th>
                            <For each={card.indicators}>{(i) => <IndicatorCell indicator={i} path={card.path} at={{ schemeId: params.schemeId, period: r().period.start, nodeId: card.nodeId }} />}</For>
                            <td class="score-total">{shown(card.total)}</td>
                            <td>{card.rank === null ? "—" : t("assessment.rankOf", { rank: card.rank, of: card.ranked })}</td>
                            <td>
                              <Show when={card.mayScore}>
                                <button type="button" class="button button-secondary" onClick={() => { setFlash(undefined); setScoring(card.nodeId); }}>{t("assessment.score")}</button>
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
              <Show when={r().cards.find((c) => c.nodeId === scoring())}>
                {(card) => <ScoreForm schemeId={params.schemeId} period={r().period.start} card={card()} onDone={done} onCancel={() => setScoring(undefined)} />}
              </Show>
              <Show when={mayRecord()}>
                <Candidates schemeId={params.schemeId} period={on()} onDone={done} />
              </Show>
              <Show when={profile()}>{(p) => <IncentiveRegister profile={p()} />}</Show>
            </>
          )}
        </Show>
      </Loading>
    </section>
  );
}
