import { A, createAsync, useAction, useNavigate, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { JurisdictionNode, PolicyProfile, ReportHazardInput } from "@firegov/core/contract";
import { fieldError, FormError, formValues, Notice, optional, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { reportAction } from "./data.ts";
import { hazardCodes, reportSourcesOf, sourceName } from "./labels.ts";
import { PhotoPicker } from "../../components/photo-picker.tsx";
import { Loading } from "../../components/load-error.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";
import { coordinates, createPosition } from "../../place/position.ts";
import { PositionLine } from "../../place/position-line.tsx";
import { VenuePicker, type PickedVenue } from "./venue-picker.tsx";
import { DuplicateSuggestions, similarQuery } from "./duplicate-suggestions.tsx";
import { queueOnNetworkError } from "../../offline/outbox.ts";

const OTHER = "other";
const PATHS = ["body.nodeId", "body.locationText", "body.code", "body.codeText", "body.severity", "body.description", "body.source", "body.responsibleParty.name"] as const;

function ReportForm(props: { nodes: JurisdictionNode[]; profile: PolicyProfile }) {
  const { t, locale } = useI18n();
  const submit = useAction(reportAction);
  const submission = useSubmission(reportAction);
  const navigate = useNavigate();
  const key = submissionKey();
  const [code, setCode] = createSignal("");
  const [photos, setPhotos] = createSignal<string[]>([]);
  // Place (issue 16): the phone's position, the venue picked (it sets the node), what is already reported there.
  const place = createPosition();
  const [venue, setVenue] = createSignal<PickedVenue>();
  const [nodeId, setNodeId] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [queued, setQueued] = createSignal(false);
  const err = (path: string) => fieldError(submission.error, path);
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input: ReportHazardInput = {
      nodeId: v.nodeId ?? "",
      locationText: optional(v.locationText),
      code: v.code ?? "",
      codeText: v.code === OTHER ? optional(v.codeText) : undefined,
      severity: v.severity ?? "",
      description: v.description ?? "",
      source: (v.source ?? "grid_patrol") as ReportHazardInput["source"],
      responsibleParty: v.partyName ? { name: v.partyName } : undefined,
      ...(venue() ? { venueId: venue()!.venueId } : {}), ...coordinates(place.position()),
      ...(photos().length ? { photos: photos() } : {}),
    };
    const idempotencyKey = key.current();
    // photo step
    submit(input, idempotencyKey)
      .then((created) => {
        key.renew();
        submission.clear();
        navigate(`/hazards/${created.hazardId}`, { state: { flash: created.reopened ? "reopened" : "reported" } });
      })
      .catch(async (error: unknown) => {
        // No network: the report waits in the outbox with this key, and is sent once online.
        await queueOnNetworkError(error, { method: "POST", path: "/v1/hazards", body: input, idempotencyKey, label: `${t("hazards.reportTitle")} · ${input.description.slice(0, 20)}` });
        key.renew();
        submission.clear();
        form.reset();
        setPhotos([]);
        setQueued(true);
      })
      .catch(() => queueMicrotask(() => revealProblem(form)));
  };

  return (
    <Show when={!queued()} fallback={<Queued onAnother={() => setQueued(false)} />}>
    <form class="form" onSubmit={onSubmit} onInput={key.renew} aria-label={t("hazards.reportTitle")} novalidate>
      <FormError error={submission.error} paths={PATHS} />
      <PositionLine state={place.state()} onRetry={place.retry} />
      <VenuePicker position={place.position()} value={venue()} onChange={(v) => { setVenue(v); if (v) setNodeId(v.nodeId); }} />
      <SelectField label={t("hazards.node")} name="nodeId" required error={err("body.nodeId")} value={nodeId()} onChange={(e) => setNodeId(e.currentTarget.value)}>
        <option value="">{t("hazards.chooseNode")}</option>
        <For each={props.nodes}>{(n) => <option value={n.nodeId}>{nodeOptionLabel(n, props.nodes[0])}</option>}</For>
      </SelectField>
      <TextField label={t("hazards.location")} hint={t("hazards.locationHint")} name="locationText" optional error={err("body.locationText")} />
      <SelectField label={t("hazards.code")} name="code" required error={err("body.code")} onChange={(e) => setCode(e.currentTarget.value)}>
        <option value="">{t("hazards.chooseCode")}</option>
        <For each={hazardCodes(props.profile)}>{(c) => <option value={c.id}>{name(c.name)}</option>}</For>
        <option value={OTHER}>{t("hazards.otherCode")}</option>
      </SelectField>
      <DuplicateSuggestions query={similarQuery(code(), venue()?.venueId, place.position())} photos={photos()} note={description()} onAdded={(id) => navigate(`/hazards/${id}`, { state: { flash: "corroborated" } })} />
      <Show when={code() === OTHER}>
        <TextField label={t("hazards.codeText")} name="codeText" required error={err("body.codeText")} />
      </Show>
      <SelectField label={t("hazards.severity")} name="severity" required error={err("body.severity")}>
        <option value="">{t("hazards.chooseSeverity")}</option>
        <For each={props.profile.hazards.severities}>{(s) => <option value={s.id}>{name(s.name)}</option>}</For>
      </SelectField>
      <div class="field" classList={{ "field-invalid": Boolean(err("body.description")) }}>
        <label for="hz-description">{t("hazards.description")}</label>
        <textarea id="hz-description" name="description" rows={4} required onInput={(e) => setDescription(e.currentTarget.value)} aria-invalid={err("body.description") ? "true" : undefined} aria-describedby={err("body.description") ? "hz-description-error" : undefined} />
        <p class="hint">{t("hazards.descriptionHint")}</p>
        <Show when={err("body.description")}><p class="field-error" id="hz-description-error">{err("body.description")}</p></Show>
      </div>
      <SelectField label={t("hazards.source")} name="source" error={err("body.source")}>
        <For each={reportSourcesOf(props.profile)}>{(s) => <option value={s}>{sourceName(props.profile, s, locale())}</option>}</For>
      </SelectField>
      <TextField label={t("hazards.responsibleParty")} name="partyName" optional error={err("body.responsibleParty.name")} />
      <PhotoPicker onChange={setPhotos} place={{ place: props.nodes.find((n) => n.nodeId === nodeId())?.name }} />
      <SubmitButton pending={submission.pending ?? false}>{t("hazards.submitReport")}</SubmitButton>
    </form>
    </Show>
  );
}

/** Saved on the phone without a network: it is sent once online (the outbox). */
function Queued(props: { onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="report-queued">
      <Notice tone="success">{t("offline.queued")}</Notice>
      <p class="hint">{t("offline.queuedHint")}</p>
      <div class="actions">
        <A href="/outbox" class="button button-secondary">{t("offline.toOutbox")}</A>
        <button type="button" class="button button-secondary" onClick={() => props.onAnother()}>{t("offline.another")}</button>
      </div>
    </div>
  );
}

/** 上报隐患: codes and severities from the county's profile in effect. */
export default function ReportHazardPage() {
  const { t } = useI18n();
  const profile = createAsync(() => profileInEffect());
  const nodes = createAsync(() => activeNodes());
  return (
    <section class="card narrow">
      <h1>{t("hazards.reportTitle")}</h1>
      <p class="hint">{t("hazards.reportIntro")}</p>
      <Loading>
        <Show when={profile() && nodes()}>
          <ReportForm profile={profile()!} nodes={nodes()!} />
        </Show>
      </Loading>
    </section>
  );
}
