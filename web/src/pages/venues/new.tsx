import { A, createAsync, useNavigate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { CreateVenueInput, PolicyProfile } from "@firegov/core/contract";
import { createVenue } from "../../api/venues.ts";
import { fieldError, FormError, formValues, revealProblem, SelectField, submissionKey, SubmitButton, TextField } from "../../components/form.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";
import { nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { pick } from "../profile/vocabulary.ts";
import { kernelLevelName } from "../../levels.ts";

const PATHS = ["body.name", "body.address", "body.nodeId", "body.kinds", "body.flags", "body.features", "body.riskGrade", "body.keyUnitLevel", "body.enterpriseGrade", "body.contactName", "body.contactPhone", "body.lat", "body.lng"] as const;

/** A typed coordinate as a number; anything else as typed, so the API names the field instead of losing it. */
const coordinate = (text: string | undefined): number | string | undefined => (!text ? undefined : Number.isFinite(Number(text)) ? Number(text) : text);

/** The form's inputs as the create-venue request: checkboxes by name, empty optionals left out. */
export function venueInput(form: HTMLFormElement): CreateVenueInput {
  const v = formValues(form);
  const checked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
  const optional = (text: string | undefined) => text || undefined;
  // The profile's measures (建筑高度, 建筑面积 …), each an input named `measure.<id>`; a typed non-number goes as typed for the API to name.
  const measures = Object.fromEntries(
    Object.entries(v)
      .filter(([name, value]) => name.startsWith("measure.") && value)
      .map(([name, value]) => [name.slice("measure.".length), coordinate(value)]),
  );
  const input = {
    name: v.name ?? "",
    nodeId: v.nodeId ?? "",
    kinds: checked("kinds"),
    flags: checked("flags"),
    features: checked("features"),
    address: optional(v.address),
    riskGrade: optional(v.riskGrade),
    keyUnitLevel: optional(v.keyUnitLevel),
    enterpriseGrade: optional(v.enterpriseGrade),
    contactName: optional(v.contactName),
    contactPhone: optional(v.contactPhone),
    lat: coordinate(v.lat),
    lng: coordinate(v.lng),
    measures: Object.keys(measures).length ? measures : undefined,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as unknown as CreateVenueInput;
}

function GradeSelect(props: { name: "riskGrade" | "keyUnitLevel" | "enterpriseGrade"; label: string; grades: PolicyProfile["venues"]["riskGrades"]; error: string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <Show when={props.grades.length}>
      <SelectField label={props.label} name={props.name} optional error={props.error}>
        <option value="">{t("venueNew.none")}</option>
        <For each={props.grades}>{(g) => <option value={g.id}>{pick(g.name, locale())}</option>}</For>
      </SelectField>
    </Show>
  );
}

/** 新增场所: one venue by hand; the API derives its supervisor and inspection categories from the profile. */
export default function NewVenuePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const nodes = createAsync(() => activeNodes());
  const profile = createAsync(() => profileInEffect());
  const key = submissionKey();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const err = (path: string) => fieldError(error(), path);
  let form!: HTMLFormElement;

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    createVenue(venueInput(form), key.current())
      .then((venue) => {
        key.renew();
        navigate(`/venues/${venue.venueId}`);
      })
      .catch((failure: unknown) => {
        setError(failure);
        queueMicrotask(() => revealProblem(form));
      })
      .finally(() => setPending(false));
  };

  return (
    <section class="card narrow">
      <h1>{t("venueNew.title")}</h1>
      <p class="hint">{t("venueNew.intro")}</p>
      <form ref={form} class="form" onSubmit={onSubmit} onInput={() => key.renew()} novalidate aria-label={t("venueNew.title")}>
        <FormError error={error()} paths={[...PATHS, ...(profile()?.venues.measures ?? []).map((m) => `body.measures.${m.id}`)]} />
        <TextField label={t("venues.name")} name="name" required error={err("body.name")} />
        <TextField label={t("venues.address")} name="address" optional error={err("body.address")} />
        <SelectField label={t("venueNew.node")} name="nodeId" required hint={t("venueNew.nodeHint", { level: kernelLevelName(profile(), "grid", locale(), locale() === "en" ? "lowest node" : "最下级节点") })} error={err("body.nodeId")}>
          <option value="">{t("venueNew.chooseNode")}</option>
          <For each={nodes()}>{(n) => <option value={n.nodeId}>{nodeOptionLabel(n, nodes()![0])}</option>}</For>
        </SelectField>
        <fieldset class="field" classList={{ "field-invalid": Boolean(err("body.kinds")) }}>
          <legend>{t("venues.kind")}</legend>
          <For each={profile()?.venues.kinds}>
            {(k) => (
              <label class="check">
                <input type="checkbox" name="kinds" value={k.id} /> {pick(k.name, locale())}
              </label>
            )}
          </For>
          <Show when={err("body.kinds")}>{(m) => <p class="field-error">{m()}</p>}</Show>
        </fieldset>
        <fieldset class="field">
          <legend>{t("venueNew.flags")}<span class="optional">（{t("form.optional")}）</span></legend>
          <p class="hint">{t("venueNew.flagsHint")}</p>
          <For each={profile()?.vocabulary?.venueFlags}>
            {(f) => (
              <label class="check">
                <input type="checkbox" name="flags" value={f.id} /> {pick(f.name, locale())}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={profile()?.vocabulary?.venueFeatures.length}>
          <fieldset class="field">
            <legend>{t("venueNew.features")}<span class="optional">（{t("form.optional")}）</span></legend>
            <For each={profile()?.vocabulary?.venueFeatures}>
              {(f) => (
                <label class="check">
                  <input type="checkbox" name="features" value={f.id} /> {pick(f.name, locale())}
                </label>
              )}
            </For>
            <Show when={err("body.features")}>{(m) => <p class="field-error">{m()}</p>}</Show>
          </fieldset>
        </Show>
        <GradeSelect name="riskGrade" label={t("venues.riskGrade")} grades={profile()?.venues.riskGrades ?? []} error={err("body.riskGrade")} />
        <GradeSelect name="keyUnitLevel" label={t("venueNew.keyUnitLevel")} grades={profile()?.venues.keyUnitLevels ?? []} error={err("body.keyUnitLevel")} />
        <GradeSelect name="enterpriseGrade" label={t("venueNew.enterpriseGrade")} grades={profile()?.venues.enterpriseGrades ?? []} error={err("body.enterpriseGrade")} />
        <Show when={profile()?.venues.measures?.length}>
          <fieldset class="field">
            <legend>{t("venueNew.measures")}<span class="optional">（{t("form.optional")}）</span></legend>
            <p class="hint">{t("venueNew.measuresHint")}</p>
            <For each={profile()?.venues.measures}>
              {(m) => <TextField label={`${pick(m.name, locale())}（${pick(m.unit, locale())}）`} name={`measure.${m.id}`} inputmode="decimal" optional error={err(`body.measures.${m.id}`)} />}
            </For>
          </fieldset>
        </Show>
        <TextField label={t("venues.contact")} name="contactName" optional error={err("body.contactName")} />
        <TextField label={t("venues.phone")} name="contactPhone" type="tel" inputmode="tel" optional error={err("body.contactPhone")} />
        <TextField label={t("venueNew.lat")} name="lat" inputmode="decimal" optional hint={t("venueNew.coordsHint")} error={err("body.lat")} />
        <TextField label={t("venueNew.lng")} name="lng" inputmode="decimal" optional error={err("body.lng")} />
        <div class="actions">
          <SubmitButton pending={pending()}>{t("venueNew.submit")}</SubmitButton>
          <A href="/venues" class="button button-secondary">{t("venues.cancel")}</A>
        </div>
      </form>
    </section>
  );
}
