import { A, createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { CampaignProgress, CampaignSummary } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { FormError } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { campaignById, closeAction } from "./data.ts";
import { campaignName, percent, STATUS_KEYS, STATUS_TONE } from "./labels.ts";

function Summary(props: { summary: CampaignSummary }) {
  const { t, locale } = useI18n();
  const s = () => props.summary;
  return (
    <section aria-labelledby="campaign-summary" data-testid="campaign-summary">
      <h2 id="campaign-summary">{t("campaign.summary")}</h2>
      <p class="hint">
        {t("campaign.closedAt", { at: formatDateTime(s().closedAt, locale()) })} · {s().reason === "end_date" ? t("campaign.reasonEndDate") : t("campaign.reasonAdmin")}
      </p>
      <ul class="status-counts">
        <li class="status-count">{t("campaigns.progress", { done: s().done, total: s().tasks })}</li>
        <li class="status-count status-unmet">{t("campaign.notVisitedCount", { count: s().notVisited })}</li>
        <li class="status-count">{t("campaign.hazardsRaised")} {s().hazardsRaised}</li>
        <li class="status-count status-met">{t("campaign.hazardsClosed")} {s().hazardsClosed}</li>
        <li class="status-count status-overdue">{t("campaign.hazardsOpen")} {s().hazardsOpen}</li>
      </ul>
      <div class="table-wrap">
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{t("campaign.node")}</th>
              <th scope="col">{t("campaign.tasks")}</th>
              <th scope="col">{t("campaign.done")}</th>
              <th scope="col">{t("campaign.notVisited")}</th>
              <th scope="col">{t("campaign.hazardsRaised")}</th>
              <th scope="col">{t("campaign.hazardsClosed")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={s().byNode}>
              {(r) => (
                <tr>
                  <th scope="row">{r.name}</th>
                  <td>{r.tasks}</td>
                  <td>{r.done}</td>
                  <td>{r.notVisited}</td>
                  <td>{r.hazardsRaised}</td>
                  <td>{r.hazardsClosed}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h3>{t("campaign.notVisited")}</h3>
      <Show when={s().venuesNotVisited.length} fallback={<p class="hint">{t("campaign.allVisited")}</p>}>
        <ul data-testid="not-visited">
          <For each={s().venuesNotVisited}>{(v) => <li><A href={`/venues/${v.venueId}`}>{v.name}</A></li>}</For>
        </ul>
        <Show when={s().notVisited > s().venuesNotVisited.length}>
          <p class="hint">{t("campaign.listTruncated", { count: s().venuesNotVisited.length })}</p>
        </Show>
      </Show>
    </section>
  );
}

function Progress(props: { progress: CampaignProgress }) {
  const { t, locale } = useI18n();
  const close = useAction(closeAction);
  const closing = useSubmission(closeAction);
  const c = () => props.progress.campaign;
  const mayClose = () => {
    const me = signedInUser();
    return me !== undefined && can(me.role, "campaign.manage") && c().state !== "closed";
  };
  const onClose = () => {
    if (!globalThis.confirm(t("campaign.confirmClose"))) return;
    void close(c().campaignId).catch(() => undefined);
  };
  return (
    <>
      <h1>
        {campaignName(c(), locale())} <span class={`badge ${STATUS_TONE[c().status]}`}>{t(STATUS_KEYS[c().status])}</span>
      </h1>
      <p class="hint">
        {t("campaigns.period", { start: c().startDate, end: c().endDate })} · {t("campaigns.area")}：{c().area.name}
        <Show when={c().crossArea}> · {t("campaigns.crossArea")}</Show>
      </p>
      <ul class="status-counts" data-testid="campaign-totals">
        <li class="status-count">{t("campaigns.progress", { done: props.progress.totals.done, total: props.progress.totals.tasks })}（{percent(props.progress.totals.done, props.progress.totals.tasks)}%）</li>
        <li class="status-count">{t("campaigns.hazards", { count: props.progress.totals.hazards })}</li>
      </ul>
      <h2>{t("campaign.byNode")}</h2>
      <div class="table-wrap">
        <table class="report-table" data-testid="campaign-progress">
          <thead>
            <tr>
              <th scope="col">{t("campaign.node")}</th>
              <Show when={c().crossArea}>
                <th scope="col">{t("campaign.inspectors")}</th>
              </Show>
              <th scope="col">{t("campaign.done")}</th>
              <th scope="col">{t("campaign.hazards")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.progress.byNode}>
              {(r) => (
                <tr>
                  <th scope="row">{r.name}</th>
                  <Show when={c().crossArea}>
                    <td>{r.inspectors?.name ?? "—"}</td>
                  </Show>
                  <td>
                    {r.done} / {r.tasks}
                  </td>
                  <td>{r.hazards}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h2>{t("campaign.checklist")}</h2>
      <ol>
        <For each={c().checklist}>{(item) => <li>{locale() === "en" ? item.name.en : item.name.zh}</li>}</For>
      </ol>
      <Show when={c().summary}>{(s) => <Summary summary={s()} />}</Show>
      <Show when={mayClose()}>
        <FormError error={closing.error} paths={[]} />
        <button type="button" class="button button-secondary" disabled={closing.pending} onClick={onClose}>
          {t("campaign.close")}
        </button>
      </Show>
    </>
  );
}

/** 专项整治进度: totals and each branch's while it runs; the stored summary once closed. */
export default function CampaignPage() {
  const { t } = useI18n();
  const params = useParams<{ campaignId: string }>();
  const progress = createAsync(() => campaignById(params.campaignId));
  return (
    <section class="card">
      <Loading>
        <Show when={progress()}>{(p) => <Progress progress={p()} />}</Show>
      </Loading>
      <p>
        <A href="/campaigns">{t("campaign.back")}</A>
      </p>
    </section>
  );
}
