import { A, createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { IncidentDetail } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { FormError } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { formatDate, formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { incidentById, updateAction } from "./data.ts";

const localTime = formatDateTime;
const localDate = formatDate;

function Review(props: { detail: IncidentDetail }) {
  const { t, locale } = useI18n();
  const review = () => props.detail.review;
  return (
    <section class="card" aria-labelledby="incident-review">
      <h2 id="incident-review">{t("incidents.review", { months: review().windowMonths })}</h2>
      <p class="hint">
        {t("incidents.reviewSince", { since: localDate(review().since, locale()) })}
        <Show when={review().windowRule.sourceRef === null}>（{t("incidents.windowDefault")}）</Show>
      </p>
      <Show when={review().venueId} fallback={<p>{t("incidents.noVenueHistory")}</p>}>
        <p data-testid="review-totals">{t("incidents.totals", review().totals)}</p>
        <h3>{t("incidents.hazardsTitle")}</h3>
        <ul class="task-list">
          <For each={review().hazards} fallback={<li class="hz-empty">{t("incidents.noHazards")}</li>}>
            {(h) => (
              <li class="task-card" data-testid="review-hazard">
                <A href={`/hazards/${h.hazardId}`} class="task-card-link">
                  <div class="task-card-head">
                    <strong>{h.description}</strong>
                    <Show when={h.overdueNow}><span class="badge">{t("incidents.overdueNow")}</span></Show>
                    <Show when={h.closedLate}><span class="badge badge-warn">{t("incidents.closedLate")}</span></Show>
                    <Show when={h.overdue && !h.overdueNow && !h.closedLate}><span class="badge badge-warn">{t("incidents.overdue")}</span></Show>
                  </div>
                  <div class="task-card-meta">
                    <span>{localDate(h.createdAt, locale())}</span>
                    <Show when={h.openAtIncident}><span>{t("incidents.openAtIncident")}</span></Show>
                  </div>
                </A>
              </li>
            )}
          </For>
        </ul>
        <h3>{t("incidents.inspectionsTitle")}</h3>
        <ul class="task-list">
          <For each={review().inspections} fallback={<li class="hz-empty">{t("incidents.noInspections")}</li>}>
            {(i) => <li class="task-card" data-testid="review-inspection">{t("incidents.inspectionRow", { date: localDate(i.finishedAt, locale()), passed: i.passed, failed: i.failed })}</li>}
          </For>
        </ul>
      </Show>
      <Show when={review().accountability.length}>
        <h3>{t("incidents.accountability")}</h3>
        <ul>
          <For each={review().accountability}>
            {(a) => (
              <li>
                <strong>{locale() === "en" ? a.name.en : a.name.zh}</strong>（{a.sourceRef}）：{a.text}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function Nearest(props: { detail: IncidentDetail }) {
  const { t, locale } = useI18n();
  const n = () => props.detail.nearestForces;
  return (
    <section class="card" aria-labelledby="incident-forces">
      <h2 id="incident-forces">{t("incidents.nearest")}</h2>
      <Show when={n().from} fallback={<p>{t("incidents.noLocation")}</p>}>
        <p class="hint">{locale() === "en" ? n().basis.en : n().basis.zh}</p>
        <ol>
          <For each={n().items} fallback={<li>{t("incidents.noForces")}</li>}>
            {(f) => <li data-testid="nearest-force">{f.name}：{t("incidents.distance", { km: f.distanceKm })}</li>}
          </For>
        </ol>
        <Show when={n().withoutPosition}>
          <p class="hint">{t("incidents.withoutPosition", { count: n().withoutPosition })}</p>
        </Show>
      </Show>
    </section>
  );
}

/** One fire incident: what happened, the venue's record before it, the nearest forces. */
export default function IncidentPage() {
  const { t, locale } = useI18n();
  const params = useParams<{ incidentId: string }>();
  const detail = createAsync(() => incidentById(params.incidentId));
  const update = useAction(updateAction);
  const submission = useSubmission(updateAction);
  const mayEdit = () => {
    const me = signedInUser();
    return me !== undefined && can(me.role, "incident.manage");
  };
  const toggle = (d: IncidentDetail) => void update(d.incident.incidentId, { status: d.incident.status === "closed" ? "reported" : "closed", version: d.incident.version }).catch(() => undefined);
  return (
    <>
      <SectionTabs section="registers" />
      <Loading>
        <Show when={detail()}>
          {(d) => (
            <>
              <section class="card">
                <p>
                  <A href="/incidents">{t("incidents.back")}</A>
                </p>
                <h1>{d().incident.venueName ?? d().incident.address ?? t("incidents.title")}</h1>
                <FormError error={submission.error} paths={[]} />
                <dl class="facts">
                  <dt>{t("incidents.occurredAt")}</dt>
                  <dd>{localTime(d().incident.occurredAt, locale())}</dd>
                  <dt>{t("incidents.cause")}</dt>
                  <dd>{locale() === "en" ? d().incident.causeName.en : d().incident.causeName.zh}</dd>
                  <Show when={d().incident.address}>
                    <dt>{t("incidents.address")}</dt>
                    <dd>{d().incident.address}</dd>
                  </Show>
                  <dt>{t("incidents.directLoss")}</dt>
                  <dd>{d().incident.directLoss}</dd>
                  <dt>{t("incidents.deaths")} / {t("incidents.injuries")}</dt>
                  <dd>{t("incidents.casualties", { deaths: d().incident.deaths, injuries: d().incident.injuries })}</dd>
                  <dt>{t("incidents.forces")}</dt>
                  <dd>
                    <For each={d().incident.forces} fallback={"—"}>
                      {(f) => (
                        <span class="force">
                          {f.name}
                          <Show when={f.responseMinutes !== undefined}>（{t("incidents.responseMinutes", { minutes: f.responseMinutes! })}）</Show>{" "}
                        </span>
                      )}
                    </For>
                  </dd>
                  <dt>{t("incidents.earlyFireSave")}</dt>
                  <dd>{d().incident.earlyFireSave?.name ?? t("incidents.noEarlyFireSave")}</dd>
                  <dt>{t("incidents.state")}</dt>
                  <dd>
                    <span class={`badge ${d().incident.status === "closed" ? "badge-ok" : "badge-warn"}`}>{t(`incidents.status.${d().incident.status}`)}</span>
                  </dd>
                </dl>
                <Show when={d().incident.description}>
                  <p>{d().incident.description}</p>
                </Show>
                <Show when={mayEdit()}>
                  <p class="actions">
                    <button type="button" class="button" disabled={submission.pending} onClick={() => toggle(d())}>
                      {d().incident.status === "closed" ? t("incidents.reopen") : t("incidents.close")}
                    </button>
                  </p>
                </Show>
              </section>
              <Review detail={d()} />
              <Nearest detail={d()} />
            </>
          )}
        </Show>
      </Loading>
    </>
  );
}
