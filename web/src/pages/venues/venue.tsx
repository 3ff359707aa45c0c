import { A, createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { createSignal, ErrorBoundary, For, Index, Show, Suspense } from "solid-js";
import { inSubtree, PATROL_METHODS, type PatrolMethod } from "@firegov/core/browser";
import type { PolicyProfile, Venue } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, formValues, Notice, optional, SelectField, SubmitButton, submissionKey, TextAreaField, TextField } from "../../components/form.tsx";
import { LoadError, Loading } from "../../components/load-error.tsx";
import { TelLink } from "../../components/tel-link.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { clauseOf, frequency, FREQUENCY_UNITS, frequencyUnit } from "../profile/vocabulary.ts";
import { evaluateVenueAction, patrolPlanAction, planUsers, updateVenueAction, venueById, venueEvents, venueInspections } from "../inspections/data.ts";
import { bodyName, categoryName, categorySource, formatDay, kindName, planPolicy, riskGradeName, supervisionBasis } from "../inspections/labels.ts";
import { profileInEffect } from "../../data/queries.ts";
import { SelfCheckPanel } from "./self-check-panel.tsx";
import { KeyUnitFact, MeasureFacts } from "./measure-facts.tsx";

const EVENTS = ["create", "import", "update", "reclassify", "retire", "plan", "evaluate"] as const;
const PLAN_PATHS = ["body.patrollerId", "body.frequency.every", "body.frequency.unit", "body.method", "body.note"] as const;
const METHODS = Object.keys(PATROL_METHODS) as PatrolMethod[];
const EVALUATION_PATHS = ["body.result", "body.date", "body.evaluator", "body.note"] as const;

/** Record a safety evaluation; the API decides what follows (status, hazard) from the profile. */
function EvaluationForm(props: { venue: Venue; onClose: () => void; onSaved: (hazardId: string | undefined) => void }) {
  const { t } = useI18n();
  const submit = useAction(evaluateVenueAction);
  const submission = useSubmission(evaluateVenueAction);
  const key = submissionKey();
  const err = (path: string) => fieldError(submission.error, path);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const v = formValues(e.currentTarget as HTMLFormElement);
    submit(props.venue.venueId, { result: (v.result ?? "") as "passed" | "failed", date: v.date ?? "", evaluator: v.evaluator ?? "", note: optional(v.note) }, key.current())
      .then((r) => {
        key.renew();
        submission.clear();
        props.onSaved(r.hazardId);
      })
      .catch(() => undefined);
  };
  return (
    <form class="form panel" onSubmit={onSubmit} onInput={key.renew} aria-label={t("venues.evaluation.record")} novalidate>
      <FormError error={submission.error} paths={EVALUATION_PATHS} />
      <SelectField label={t("venues.evaluation.result")} name="result" required error={err("body.result")}>
        <option value="" disabled selected>{t("venues.evaluation.choose")}</option>
        <option value="passed">{t("venues.evaluation.passed")}</option>
        <option value="failed">{t("venues.evaluation.failed")}</option>
      </SelectField>
      <TextField label={t("venues.evaluation.date")} name="date" type="date" required error={err("body.date")} />
      <TextField label={t("venues.evaluation.evaluator")} name="evaluator" required error={err("body.evaluator")} />
      <TextAreaField label={t("venues.evaluation.note")} name="note" optional error={err("body.note")} />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("venues.evaluation.submit")}</SubmitButton>
        <button type="button" class="button button-secondary" onClick={props.onClose}>{t("venues.cancel")}</button>
      </div>
    </form>
  );
}

/** 安全评估: the latest evaluation and what it means for operating; a form for those who keep the ledger. */
function Evaluation(props: { venue: Venue; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = createSignal(false);
  const [done, setDone] = createSignal<{ hazardId: string | undefined }>();
  const me = signedInUser();
  const mayRecord = () => me !== undefined && can(me.role, "venue.manage") && props.venue.status === "active";
  const policy = () => props.profile?.venues.policies.find((p) => p.kind === "safety_evaluation");
  const last = () => props.venue.safetyEvaluation;
  return (
    <Show when={policy() || last()}>
      <h2>{t("venues.evaluation.title")}</h2>
      <Show when={done()}>
        {(d) => (
          <Notice tone="success">
            {t("venues.evaluation.saved")}
            <Show when={d().hazardId}>{(h) => <> <A href={`/hazards/${h()}`}>{t("venues.evaluation.hazard")}</A></>}</Show>
          </Notice>
        )}
      </Show>
      <dl class="facts" data-testid="safety-evaluation">
        <dt>{t("venues.evaluation.latest")}</dt>
        <dd>
          <Show when={last()} fallback={<span class="hint">{t("venues.evaluation.none")}</span>}>
            {(e) => (
              <>
                <span class={e().result === "failed" ? "badge badge-danger" : "badge badge-level"}>{t(e().result === "failed" ? "venues.evaluation.failed" : "venues.evaluation.passed")}</span>
                {" "}{formatDay(e().date, locale())} · {e().evaluator}
                <Show when={e().note}> · {e().note}</Show>
                <Show when={e().sourceRef}>{(ref) => <span class="source-document"> · {t("venues.rule")}：{clauseOf(ref())}</span>}</Show>
              </>
            )}
          </Show>
        </dd>
        <dt>{t("venues.evaluation.operating")}</dt>
        <dd>{props.venue.operatingStatus === "must_not_operate" ? <strong>{t("venues.mustNotOperate")}</strong> : t("venues.evaluation.mayOperate")}</dd>
      </dl>
      <Show when={mayRecord() && !open()}>
        <button type="button" class="button button-secondary" onClick={() => { setDone(undefined); setOpen(true); }}>{t("venues.evaluation.record")}</button>
      </Show>
      <Show when={open()}>
        <EvaluationForm venue={props.venue} onClose={() => setOpen(false)} onSaved={(hazardId) => { setOpen(false); setDone({ hazardId }); }} />
      </Show>
    </Show>
  );
}
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

/** The patrol plan form: whom (users who may inspect at the venue), how often, how. */
function PlanForm(props: { venue: Venue; onClose: () => void; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const save = useAction(patrolPlanAction);
  const submission = useSubmission(patrolPlanAction);
  const users = createAsync(() => planUsers());
  const patrollers = () => (users() ?? []).filter((u) => u.status === "active" && can(u.role, "inspection.perform") && inSubtree(u.scopePath, props.venue.path));
  const plan = () => props.venue.patrolPlan;
  const err = (path: string) => fieldError(submission.error, path);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const v = formValues(e.currentTarget as HTMLFormElement);
    save(props.venue.venueId, {
      version: props.venue.version,
      patrollerId: v.patrollerId ?? "",
      frequency: { every: Number(v.every), unit: v.unit as (typeof FREQUENCY_UNITS)[number] },
      method: v.method as PatrolMethod,
      ...(v.note ? { note: v.note } : {}),
    })
      .then(() => {
        submission.clear();
        props.onSaved();
      })
      .catch(() => undefined);
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={t("venues.plan.title")} novalidate>
      <FormError error={submission.error} paths={PLAN_PATHS} />
      <SelectField label={t("venues.plan.patroller")} name="patrollerId" required error={err("body.patrollerId")}>
        <option value="">{t("venues.plan.choose")}</option>
        <For each={patrollers()}>{(u) => <option value={u.userId} selected={plan()?.patrollerId === u.userId}>{u.displayName}（{u.username}）</option>}</For>
      </SelectField>
      <fieldset class="frequency-field">
        <legend>{t("venues.plan.frequency")}</legend>
        <TextField label={t("venues.plan.every")} name="every" type="number" min="1" value={String(plan()?.frequency.every ?? 1)} required error={err("body.frequency.every")} />
        <SelectField label={t("venues.plan.unit")} name="unit" error={err("body.frequency.unit")}>
          <Index each={FREQUENCY_UNITS}>{(u) => <option value={u()} selected={(plan()?.frequency.unit ?? "week") === u()}>{frequencyUnit(u(), locale())}</option>}</Index>
        </SelectField>
      </fieldset>
      <SelectField label={t("venues.plan.method")} name="method" error={err("body.method")}>
        <For each={METHODS}>{(m) => <option value={m} selected={plan()?.method === m}>{locale() === "en" ? PATROL_METHODS[m].en : PATROL_METHODS[m].zh}</option>}</For>
      </SelectField>
      <TextField label={t("venues.plan.note")} name="note" value={plan()?.note ?? ""} optional error={err("body.note")} />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("venues.save")}</SubmitButton>
        <button type="button" class="button button-secondary" onClick={props.onClose}>{t("venues.cancel")}</button>
      </div>
    </form>
  );
}

/**
 * 巡查计划 of a venue the profile's patrol_plan rule covers: who patrols it,
 * how often and how; or a warning that it has none yet. Officers set it here.
 */
function PatrolPlan(props: { venue: Venue; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const me = signedInUser();
  const maySet = () => me !== undefined && can(me.role, "venue.plan") && props.venue.status === "active";
  const rule = () => planPolicy(props.profile, props.venue);
  // What the rule says the plan must name (巡查人员、频次和方式).
  const mustName = () => (rule()?.mustName ?? ["patroller", "frequency", "method"]).map((m) => t(`venues.plan.${m}`)).join(locale() === "en" ? ", " : "、");
  const method = (id: string) => (Object.hasOwn(PATROL_METHODS, id) ? PATROL_METHODS[id as PatrolMethod][locale() === "en" ? "en" : "zh"] : id);
  return (
    <Show when={props.venue.patrolPlanPolicy}>
      <h2>
        {t("venues.plan.title")}
        <Show when={rule()?.sourceRef}>{(ref) => <span class="source-document"> · {t("venues.rule")}：{clauseOf(ref())}</span>}</Show>
      </h2>
      <Show when={saved()}><Notice tone="success">{t("venues.plan.saved")}</Notice></Show>
      <Show
        when={props.venue.patrolPlan}
        fallback={<Notice tone="warning">{t("venues.plan.missing", { what: mustName() })}</Notice>}
      >
        {(plan) => (
          <dl class="facts" data-testid="patrol-plan">
            <dt>{t("venues.plan.patroller")}</dt>
            <dd>{plan().patrollerName}</dd>
            <dt>{t("venues.plan.frequency")}</dt>
            <dd>{frequency(plan().frequency, locale())}</dd>
            <dt>{t("venues.plan.method")}</dt>
            <dd>{method(plan().method)}</dd>
            <Show when={plan().note}><dt>{t("venues.plan.note")}</dt><dd>{plan().note}</dd></Show>
          </dl>
        )}
      </Show>
      <Show when={maySet() && !editing()}>
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={() => { setSaved(false); setEditing(true); }}>
            {props.venue.patrolPlan ? t("venues.plan.change") : t("venues.plan.set")}
          </button>
        </div>
      </Show>
      <Show when={editing()}>
        <PlanForm venue={props.venue} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); setSaved(true); }} />
      </Show>
    </Show>
  );
}

function Details(props: { venue: Venue; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const basis = () => supervisionBasis(props.profile, props.venue);
  // Flags and features in the profile's own words; one it no longer has as its id.
  const word = (key: "venueFlags" | "venueFeatures", id: string) => {
    const name = props.profile?.vocabulary?.[key].find((w) => w.id === id)?.name;
    return name ? (locale() === "en" ? name.en : name.zh) : id;
  };
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
        <Show when={props.venue.flags.length}><dt>{t("venueNew.flags")}</dt><dd>{props.venue.flags.map((f) => word("venueFlags", f)).join("、")}</dd></Show>
        <Show when={props.venue.features.length}><dt>{t("venueNew.features")}</dt><dd>{props.venue.features.map((f) => word("venueFeatures", f)).join("、")}</dd></Show>
        <Show when={props.venue.contactName}><dt>{t("venues.contact")}</dt><dd>{props.venue.contactName} <TelLink phone={props.venue.contactPhone} /></dd></Show>
        <Show when={props.venue.externalId}><dt>{t("venues.externalId")}</dt><dd>{props.venue.externalId}</dd></Show>
        <MeasureFacts venue={props.venue} profile={props.profile} />
      </dl>
      <h2>{t("venues.classification")}</h2>
      <dl class="facts">
        <KeyUnitFact venue={props.venue} profile={props.profile} />
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
                <Show when={v().operatingStatus === "must_not_operate"}> <span class="badge badge-danger">{t("venues.mustNotOperate")}</span></Show>
              </h1>
              <p><A href="/venues">← {t("venues.title")}</A></p>
              <Details venue={v()} profile={profile()} />
              <PatrolPlan venue={v()} profile={profile()} />
              <Evaluation venue={v()} profile={profile()} />
              <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
                <Inspections venueId={v().venueId} />
                {/* The self-check panel fails alone: the rest of the venue still shows. */}
                <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
                  <SelfCheckPanel venueId={v().venueId} />
                </ErrorBoundary>
                <History venueId={v().venueId} />
              </Suspense>
            </>
          )}
        </Show>
      </Loading>
    </section>
  );
}
