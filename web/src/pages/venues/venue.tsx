import { A, createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import type { PolicyProfile, Venue } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, formValues, Notice, SubmitButton, TextField } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { clauseOf } from "../profile/vocabulary.ts";
import { updateVenueAction, venueById, venueEvents, venueInspections } from "../inspections/data.ts";
import { bodyName, categoryName, categorySource, formatDay, kindName, riskGradeName, supervisionBasis } from "../inspections/labels.ts";
import { profileInEffect } from "../../data/queries.ts";
import { SelfCheckPanel } from "./self-check-panel.tsx";

const EVENTS = ["create", "import", "update", "reclassify", "retire"] as const;
const PATHS = ["body.name", "body.address", "body.contactName", "body.contactPhone", "body.externalId"] as const;

function EditForm(props: { venue: Venue; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const update = useAction(updateVenueAction);
  const submission = useSubmission(updateVenueAction);
  const err = (path: string) => fieldError(submission.error, path);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const v = formValues(e.currentTarget as HTMLFormElement);
    update(props.venue.venueId, {
      version: props.venue.version,
      name: v.name ?? props.venue.name,
      address: v.address || null,
      contactName: v.contactName || null,
      contactPhone: v.contactPhone || null,
      externalId: v.externalId || null,
    })
      .then(() => {
        submission.clear();
        props.onSaved();
      })
      .catch(() => undefined);
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={t("venues.edit")} novalidate>
      <FormError error={submission.error} paths={PATHS} />
      <TextField label={t("venues.name")} name="name" value={props.venue.name} required error={err("body.name")} />
      <TextField label={t("venues.address")} name="address" value={props.venue.address ?? ""} optional error={err("body.address")} />
      <TextField label={t("venues.contact")} name="contactName" value={props.venue.contactName ?? ""} optional error={err("body.contactName")} />
      <TextField label={t("venues.phone")} name="contactPhone" type="tel" value={props.venue.contactPhone ?? ""} optional error={err("body.contactPhone")} />
      <TextField label={t("venues.externalId")} name="externalId" value={props.venue.externalId ?? ""} optional error={err("body.externalId")} />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("venues.save")}</SubmitButton>
        <button type="button" class="button button-secondary" onClick={props.onClose}>{t("venues.cancel")}</button>
      </div>
    </form>
  );
}

function Details(props: { venue: Venue; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const basis = () => supervisionBasis(props.profile, props.venue);
  const me = signedInUser();
  const mayEdit = () => me !== undefined && can(me.role, "venue.manage") && props.venue.status === "active";
  const mayInspect = () => me !== undefined && can(me.role, "inspection.perform") && props.venue.status === "active";
  return (
    <>
      <div class="actions venue-actions">
        <Show when={mayInspect()}>
          <A href={`/inspect/${props.venue.venueId}`} class="button">{t("venues.inspect")}</A>
        </Show>
        <Show when={mayEdit() && !editing()}>
          <button type="button" class="button button-secondary" onClick={() => { setSaved(false); setEditing(true); }}>{t("venues.edit")}</button>
        </Show>
      </div>
      <Show when={saved()}><Notice tone="success">{t("venues.saved")}</Notice></Show>
      <Show when={editing()}>
        <EditForm venue={props.venue} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); setSaved(true); }} />
      </Show>
      <h2>{t("venues.details")}</h2>
      <dl class="facts">
        <dt>{t("venues.kind")}</dt>
        <dd>{props.venue.kinds.map((k) => kindName(props.profile, k, locale())).join("、")}</dd>
        <Show when={props.venue.address}><dt>{t("venues.address")}</dt><dd>{props.venue.address}</dd></Show>
        <Show when={props.venue.riskGrade}><dt>{t("venues.riskGrade")}</dt><dd>{riskGradeName(props.profile, props.venue.riskGrade, locale())}</dd></Show>
        <Show when={props.venue.contactName}><dt>{t("venues.contact")}</dt><dd>{props.venue.contactName} {props.venue.contactPhone ?? ""}</dd></Show>
        <Show when={props.venue.externalId}><dt>{t("venues.externalId")}</dt><dd>{props.venue.externalId}</dd></Show>
      </dl>
      <h2>{t("venues.classification")}</h2>
      <dl class="facts">
        <dt>{t("venues.supervisor")}</dt>
        <dd>
          {bodyName(props.profile, props.venue.supervisor, locale())}
          <span class="source-document">
            {" "}· {t("venues.rule")}：{basis().sourceRef ? clauseOf(basis().sourceRef!) : "—"}{basis().fallback ? `（${t("venues.fallback")}）` : ""}
          </span>
        </dd>
        <dt>{t("venues.category")}</dt>
        <dd>
          <ul class="plain-list">
            <For each={props.venue.categories}>
              {(c) => (
                <li>
                  {categoryName(props.profile, c, locale())}
                  <Show when={categorySource(props.profile, c)}>{(ref) => <span class="source-document"> · {t("venues.rule")}：{clauseOf(ref())}</span>}</Show>
                </li>
              )}
            </For>
          </ul>
        </dd>
      </dl>
    </>
  );
}

function Inspections(props: { venueId: string }) {
  const { t, locale } = useI18n();
  const page = createAsync(() => venueInspections(props.venueId));
  const newestFirst = () => [...(page()?.items ?? [])].reverse();
  return (
    <>
      <h2>{t("venues.inspections")}</h2>
      <ul class="plain-list history-list">
        <For each={newestFirst()} fallback={<li class="hint">{t("venues.noInspections")}</li>}>
          {(i) => (
            <li>
              {t("venues.inspectionLine", { date: formatDay(i.finishedAt, locale()), passed: i.passed, failed: i.failed, na: i.notApplicable })}
              <Show when={i.hazardIds.length}>
                <span> · {t("venues.hazards")}：</span>
                <For each={i.hazardIds}>{(h, n) => <>{n() ? "、" : ""}<A href={`/hazards/${h}`}>{h.slice(0, 8)}</A></>}</For>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

function History(props: { venueId: string }) {
  const { t, locale } = useI18n();
  const page = createAsync(() => venueEvents(props.venueId));
  return (
    <>
      <h2>{t("venues.history")}</h2>
      <ul class="plain-list history-list">
        <For each={page()?.items} fallback={<li class="hint">{t("venues.noHistory")}</li>}>
          {(e) => (
            <li>
              {formatDay(e.at, locale())} {(EVENTS as readonly string[]).includes(e.action) ? t(`venues.event.${e.action as (typeof EVENTS)[number]}`) : e.action}
              <Show when={e.changed?.length}><span class="hint"> （{e.changed!.join("、")}）</span></Show>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

/** 场所详情: what the venue is, who supervises it by which rule, and what its visits found. */
export default function VenuePage() {
  const { t } = useI18n();
  const params = useParams<{ venueId: string }>();
  const profile = createAsync(() => profileInEffect());
  const venue = createAsync(() => venueById(params.venueId));
  return (
    <section class="card">
      <Loading>
        <Show when={venue()}>
          {(v) => (
            <>
              <h1>
                {v().name}
                <Show when={v().status === "retired"}> <span class="badge badge-muted">{t("venues.retired")}</span></Show>
              </h1>
              <p><A href="/venues">← {t("venues.title")}</A></p>
              <Details venue={v()} profile={profile()} />
              <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
                <Inspections venueId={v().venueId} />
                <SelfCheckPanel venueId={v().venueId} />
                <History venueId={v().venueId} />
              </Suspense>
            </>
          )}
        </Show>
      </Loading>
    </section>
  );
}
