import { A, createAsync, useAction, useSearchParams, useSubmission } from "@solidjs/router";
import { createEffect, createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { defaultIncidentCauses } from "@firegov/core/browser";
import type { CreateIncidentInput, NearestForces, PolicyProfile, Venue } from "@firegov/core/contract";
import { nearestForces, downloadIncidents } from "../../api/incidents.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, revealProblem, SelectField, SubmitButton, submissionKey, TextAreaField, TextField } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";
import { formatDateTime, nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { createAction, incidentList, saveBlob, venueChoices } from "./data.ts";

const PATHS = ["body.occurredAt", "body.venueId", "body.nodeId", "body.lat", "body.lng", "body.address", "body.cause", "body.description", "body.directLoss", "body.deaths", "body.injuries", "body.earlyFireSave.brigadeId"];

/** A local date-time input's value as an ISO instant (the browser's time zone). */
const instant = (local: string) => new Date(local).toISOString();
const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};
const localTime = formatDateTime;

function IncidentForm(props: { profile: PolicyProfile; venues: Venue[] }) {
  const { t, locale } = useI18n();
  const nodes = createAsync(() => activeNodes());
  const submit = useAction(createAction);
  const submission = useSubmission(createAction);
  const key = submissionKey();
  const [form, setForm] = createStore({ occurredAt: nowLocal(), venueId: "", nodeId: "", lat: "", lng: "", address: "", cause: "", description: "", directLoss: "0", deaths: "0", injuries: "0", save: "" });
  const [dispatched, setDispatched] = createStore<Record<string, { on: boolean; dispatchedAt: string; arrivedAt: string }>>({});
  const [forces, setForces] = createSignal<NearestForces | undefined>();
  const [done, setDone] = createSignal<string | undefined>();
  const edit = (field: keyof typeof form, value: string) => {
    key.renew();
    setForm(field, value);
  };
  const err = (path: string) => fieldError(submission.error, path);
  // A profile without an incidents section takes the system's default causes, as the API does.
  const causes = () => props.profile.incidents?.causes ?? defaultIncidentCauses();
  const name = (l: { zh: string; en: string }) => (locale() === "en" ? l.en : l.zh);
  const point = () => {
    const v = props.venues.find((x) => x.venueId === form.venueId);
    if (v?.lat !== undefined && v.lng !== undefined && !form.lat) return { lat: v.lat, lng: v.lng };
    const lat = Number(form.lat);
    const lng = Number(form.lng);
    return form.lat && form.lng && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : undefined;
  };
  // 火警派警: the nearest forces of the county as soon as the place is known.
  createEffect(() => {
    const p = point();
    if (!p) return setForces(undefined);
    nearestForces(p.lat, p.lng).then(setForces, () => setForces(undefined));
  });

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    const chosen = Object.entries(dispatched).filter(([, f]) => f.on);
    const input: CreateIncidentInput = {
      occurredAt: form.occurredAt ? instant(form.occurredAt) : "",
      ...(form.venueId ? { venueId: form.venueId } : { nodeId: form.nodeId || undefined }),
      ...(form.lat || form.lng ? { lat: Number(form.lat), lng: Number(form.lng) } : {}),
      ...(form.address.trim() ? { address: form.address.trim() } : {}),
      cause: form.cause,
      ...(form.description.trim() ? { description: form.description.trim() } : {}),
      directLoss: Number(form.directLoss || 0),
      deaths: Number(form.deaths || 0),
      injuries: Number(form.injuries || 0),
      forces: chosen.map(([brigadeId, f]) => ({ brigadeId, ...(f.dispatchedAt ? { dispatchedAt: instant(f.dispatchedAt) } : {}), ...(f.arrivedAt ? { arrivedAt: instant(f.arrivedAt) } : {}) })),
      ...(form.save ? { earlyFireSave: { brigadeId: form.save } } : {}),
    };
    submit(input, key.current())
      .then((made) => {
        key.renew();
        submission.clear();
        setDone(made.incidentId);
      })
      .catch(() => queueMicrotask(() => revealProblem(el)));
  };

  return (
    <form class="form" onSubmit={onSubmit} aria-label={t("incidents.new")} novalidate>
      <FormError error={submission.error} paths={PATHS} />
      <Show when={done()}>
        {(id) => (
          <p class="alert alert-success" role="status">
            <A href={`/incidents/${id()}`}>{t("incidents.title")} {id()}</A>
          </p>
        )}
      </Show>
      <TextField label={t("incidents.occurredAt")} name="occurredAt" type="datetime-local" required value={form.occurredAt} onInput={(e) => edit("occurredAt", e.currentTarget.value)} error={err("body.occurredAt")} />
      <SelectField label={t("incidents.venue")} name="venueId" value={form.venueId} onChange={(e) => edit("venueId", e.currentTarget.value)} error={err("body.venueId")}>
        <option value="">{t("incidents.noVenue")}</option>
        <For each={props.venues}>{(v) => <option value={v.venueId}>{v.name}</option>}</For>
      </SelectField>
      <Show when={!form.venueId}>
        <SelectField label={t("incidents.node")} name="nodeId" value={form.nodeId} onChange={(e) => edit("nodeId", e.currentTarget.value)} error={err("body.nodeId")}>
          <option value="">{t("incidents.chooseNode")}</option>
          <For each={nodes()}>{(n) => <option value={n.nodeId}>{nodeOptionLabel(n, nodes()?.[0])}</option>}</For>
        </SelectField>
      </Show>
      <div class="field-row">
        <TextField label={t("incidents.lat")} name="lat" inputmode="decimal" optional value={form.lat} onInput={(e) => edit("lat", e.currentTarget.value)} error={err("body.lat")} />
        <TextField label={t("incidents.lng")} name="lng" inputmode="decimal" optional value={form.lng} onInput={(e) => edit("lng", e.currentTarget.value)} error={err("body.lng")} />
      </div>
      <TextField label={t("incidents.address")} name="address" optional value={form.address} onInput={(e) => edit("address", e.currentTarget.value)} error={err("body.address")} />
      <SelectField label={t("incidents.cause")} name="cause" required value={form.cause} onChange={(e) => edit("cause", e.currentTarget.value)} error={err("body.cause")}>
        <option value="">{t("incidents.chooseCause")}</option>
        <For each={causes()}>{(c) => <option value={c.id}>{name(c.name)}</option>}</For>
      </SelectField>
      <TextAreaField label={t("incidents.description")} name="description" optional value={form.description} onInput={(e) => edit("description", e.currentTarget.value)} error={err("body.description")} />
      <div class="field-row">
        <TextField label={t("incidents.directLoss")} name="directLoss" type="number" min="0" inputmode="decimal" value={form.directLoss} onInput={(e) => edit("directLoss", e.currentTarget.value)} error={err("body.directLoss")} />
        <TextField label={t("incidents.deaths")} name="deaths" type="number" min="0" inputmode="numeric" value={form.deaths} onInput={(e) => edit("deaths", e.currentTarget.value)} error={err("body.deaths")} />
        <TextField label={t("incidents.injuries")} name="injuries" type="number" min="0" inputmode="numeric" value={form.injuries} onInput={(e) => edit("injuries", e.currentTarget.value)} error={err("body.injuries")} />
      </div>
      <Show when={forces()?.items.length}>
        <fieldset class="field check-group">
          <legend>{t("incidents.forces")}</legend>
          <p class="hint">{forces()!.basis[locale() === "en" ? "en" : "zh"]}</p>
          <For each={forces()!.items}>
            {(f, i) => (
              <div class="force-row" data-testid="suggested-force">
                <label class="check">
                  <input type="checkbox" checked={dispatched[f.brigadeId]?.on ?? false} onChange={(e) => setDispatched(f.brigadeId, { on: e.currentTarget.checked, dispatchedAt: dispatched[f.brigadeId]?.dispatchedAt ?? "", arrivedAt: dispatched[f.brigadeId]?.arrivedAt ?? "" })} />
                  {f.name}（{t("incidents.distance", { km: f.distanceKm })}）
                </label>
                <Show when={dispatched[f.brigadeId]?.on}>
                  <div class="field-row">
                    <TextField label={t("incidents.dispatchedAt")} type="datetime-local" value={dispatched[f.brigadeId]!.dispatchedAt} onInput={(e) => setDispatched(f.brigadeId, "dispatchedAt", e.currentTarget.value)} error={err(`body.forces[${i()}].dispatchedAt`)} />
                    <TextField label={t("incidents.arrivedAt")} type="datetime-local" value={dispatched[f.brigadeId]!.arrivedAt} onInput={(e) => setDispatched(f.brigadeId, "arrivedAt", e.currentTarget.value)} error={err(`body.forces[${i()}].arrivedAt`)} />
                  </div>
                </Show>
              </div>
            )}
          </For>
        </fieldset>
        <SelectField label={t("incidents.earlyFireSave")} name="earlyFireSave" value={form.save} onChange={(e) => edit("save", e.currentTarget.value)} error={err("body.earlyFireSave.brigadeId")}>
          <option value="">{t("incidents.noEarlyFireSave")}</option>
          <For each={forces()!.items.filter((f) => f.force === "micro_station")}>{(f) => <option value={f.brigadeId}>{f.name}</option>}</For>
        </SelectField>
      </Show>
      <SubmitButton pending={submission.pending ?? false}>{t("incidents.save")}</SubmitButton>
    </form>
  );
}

/** 火灾事故: the incidents of my area, the form to record one, the ledger as xlsx. */
export default function IncidentsPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const nodeId = () => (typeof params.nodeId === "string" ? params.nodeId : undefined);
  const incidents = createAsync(() => incidentList(nodeId()));
  const profile = createAsync(() => profileInEffect());
  const venues = createAsync(() => venueChoices());
  const [showForm, setShowForm] = createSignal(false);
  const mayRecord = () => {
    const me = signedInUser();
    return me !== undefined && can(me.role, "incident.manage");
  };
  const exportLedger = () => void downloadIncidents(nodeId()).then(saveBlob, () => undefined);
  return (
    <>
      <SectionTabs section="registers" />
      <section class="card">
        <h1>{t("incidents.title")}</h1>
        <p class="hint">{t("incidents.intro")}</p>
        <p class="actions">
          <Show when={mayRecord()}>
            <button type="button" class="button" aria-expanded={showForm()} onClick={() => setShowForm(!showForm())}>{t("incidents.new")}</button>
          </Show>
          <button type="button" class="button button-secondary" onClick={exportLedger}>{t("incidents.export")}</button>
        </p>
        <Show when={showForm() && profile() && venues()}>
          <IncidentForm profile={profile()!} venues={venues()!} />
        </Show>
        <Loading>
          <ul class="task-list" aria-label={t("incidents.title")}>
            <For each={incidents()?.items} fallback={<li class="hz-empty">{t("incidents.empty")}</li>}>
              {(i) => (
                <li class="task-card" data-testid="incident">
                  <A href={`/incidents/${i.incidentId}`} class="task-card-link">
                    <div class="task-card-head">
                      <strong>{i.venueName ?? i.address ?? i.incidentId}</strong>
                      <span class={`badge ${i.status === "closed" ? "badge-ok" : "badge-warn"}`}>{t(`incidents.status.${i.status}`)}</span>
                    </div>
                    <div class="task-card-meta">
                      <span>{localTime(i.occurredAt, locale())}</span>
                      <span>{locale() === "en" ? i.causeName.en : i.causeName.zh}</span>
                      <span>{t("incidents.casualties", { deaths: i.deaths, injuries: i.injuries })}</span>
                      <span>{t("incidents.loss", { amount: i.directLoss })}</span>
                    </div>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Loading>
      </section>
    </>
  );
}
