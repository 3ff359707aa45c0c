import { createEffect, Index, Show, type JSX } from "solid-js";
import type { ProfileDocument, ProfileIssue } from "@firegov/core/contract";
import { SelectField, TextAreaField, TextField } from "../../components/form.tsx";
import { useI18n, type Locale } from "../../i18n/index.tsx";
import { getAt, inputFromNumber, issuesAt, jsonPath, numberFromInput, type Segment } from "./draft-document.ts";
import { useCiteTarget } from "./cite-target.ts";
import { Citation, type CitationFields } from "./rule.tsx";
import { FREQUENCY_UNITS, frequencyUnit, pick, profileNames, staffingSubject, type ProfileNames } from "./vocabulary.ts";

/** What every editing form gets: the parsed draft, its issues, and the one way to change it. */
export interface EditProps {
  doc: ProfileDocument;
  issues: readonly ProfileIssue[];
  change: (path: Segment[], value: unknown) => void;
}

type Row = Record<string, unknown>;

const isRecord = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : []);

function messages(issues: readonly ProfileIssue[], locale: Locale): string | undefined {
  return issues.length ? issues.map((issue) => pick(issue.message, locale)).join("；") : undefined;
}

/** A list element's name as the draft gives it, else its id, else its place. */
function rowName(row: Row, index: number, locale: Locale): string {
  if (isRecord(row.name) && typeof row.name.zh === "string") return pick(row.name as { zh: string; en: string }, locale) || row.name.zh;
  return typeof row.id === "string" ? row.id : `#${index + 1}`;
}

function NumberField(props: EditProps & { label: string; path: Segment[]; optional?: boolean; decimal?: boolean; hint?: string }) {
  const { locale } = useI18n();
  const path = () => jsonPath(props.path);
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      optional={props.optional}
      inputmode={props.decimal ? "decimal" : "numeric"}
      autocomplete="off"
      value={inputFromNumber(getAt(props.doc, props.path))}
      data-path={path()}
      error={messages(issuesAt(props.issues, path()), locale())}
      onInput={(e) => props.change(props.path, numberFromInput(e.currentTarget.value, props.optional ?? false))}
    />
  );
}

/** A multi-line text input of the draft, two lines high. */
function AreaField(props: { label: string; value: string; path: string; error?: string | undefined; hint?: string; optional?: boolean; onInput: (value: string) => void }) {
  return (
    <TextAreaField
      label={props.label}
      hint={props.hint}
      optional={props.optional ?? false}
      rows={2}
      value={props.value}
      data-path={props.path}
      error={props.error}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

/**
 * The citation of a rule, editable: the clause, its text, and the assumption
 * (needed when there is no clause). Opens when something in it is wrong;
 * only the user closes it (it must not fold away while they type).
 */
export function CitationEditor(props: EditProps & { base: Segment[] }) {
  const { t, locale } = useI18n();
  // The document pane fills the block the admin last worked in (cite-target.ts).
  const cite = useCiteTarget();
  const chosen = () => {
    const target = cite?.target();
    return target !== undefined && jsonPath(target) === jsonPath(props.base);
  };
  const rule = () => {
    const value = getAt(props.doc, props.base);
    return isRecord(value) ? value : {};
  };
  const at = (...rest: Segment[]) => jsonPath([...props.base, ...rest]);
  const str = (value: unknown) => (typeof value === "string" ? value : "");
  const assumption = () => (isRecord(rule().assumption) ? (rule().assumption as Row) : {});
  const profileId = () => str(props.doc.id) || "profile_id";
  const setAssumption = (lang: "zh" | "en", value: string) => {
    const next: Row = { ...assumption(), [lang]: value === "" ? undefined : value };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    props.change([...props.base, "assumption"], Object.keys(next).length ? next : undefined);
  };
  const citeIssues = () => ["sourceRef", "text", "assumption"].flatMap((key) => issuesAt(props.issues, at(key)));
  const asCitation = (): CitationFields => ({
    sourceRef: str(rule().sourceRef) || null,
    text: str(rule().text) || undefined,
    assumption: str(assumption().zh) ? { zh: str(assumption().zh), en: str(assumption().en) || undefined } : undefined,
  });
  return (
    <details
      class="cite-edit"
      classList={{ "cite-target": chosen() }}
      ref={(el) => createEffect(() => citeIssues().length > 0 && (el.open = true))}
      onFocusIn={() => cite?.choose(props.base)}
    >
      <summary>{t("profile.editor.citation", { ref: str(rule().sourceRef) || t("profile.defaultBadge") })}</summary>
      <div class="cite-edit-body">
        <Show when={cite}>
          <p class="hint">
            <Show when={chosen()} fallback={<button type="button" class="link-button small-button" onClick={() => cite?.choose(props.base)}>{t("profile.rules.useForCitation")}</button>}>
              {t("profile.rules.citeTarget")}
            </Show>
          </p>
        </Show>
        <Citation rule={asCitation()} />
        <TextField
          label={t("profile.editor.sourceRef")}
          hint={t("profile.editor.sourceRefHint", { example: `${profileId()} 三(一)2` })}
          optional
          value={str(rule().sourceRef)}
          autocomplete="off"
          spellcheck={false}
          data-path={at("sourceRef")}
          error={messages(issuesAt(props.issues, at("sourceRef")), locale())}
          onInput={(e) => props.change([...props.base, "sourceRef"], e.currentTarget.value === "" ? null : e.currentTarget.value)}
        />
        <AreaField
          label={t("profile.editor.text")}
          optional
          value={str(rule().text)}
          path={at("text")}
          error={messages(issuesAt(props.issues, at("text")), locale())}
          onInput={(value) => props.change([...props.base, "text"], value === "" ? undefined : value)}
        />
        <AreaField
          label={t("profile.editor.assumptionZh")}
          hint={t("profile.editor.assumptionHint")}
          optional
          value={str(assumption().zh)}
          path={at("assumption", "zh")}
          error={messages([...issuesAt(props.issues, at("assumption"), true), ...issuesAt(props.issues, at("assumption", "zh"))], locale())}
          onInput={(value) => setAssumption("zh", value)}
        />
        <AreaField
          label={t("profile.editor.assumptionEn")}
          optional
          value={str(assumption().en)}
          path={at("assumption", "en")}
          error={messages(issuesAt(props.issues, at("assumption", "en")), locale())}
          onInput={(value) => setAssumption("en", value)}
        />
      </div>
    </details>
  );
}

/** A period: every n units; no unit means the period is not set (the key is removed). */
function FrequencyField(props: EditProps & { label: string; path: Segment[] }) {
  const { t, locale } = useI18n();
  const value = () => {
    const v = getAt(props.doc, props.path);
    return isRecord(v) ? v : undefined;
  };
  const unit = () => (typeof value()?.unit === "string" ? (value()!.unit as string) : "");
  const known = () => (FREQUENCY_UNITS as readonly string[]).includes(unit());
  const own = () => messages(issuesAt(props.issues, jsonPath(props.path), true), locale());
  return (
    <fieldset class="frequency-field" classList={{ "field-invalid": Boolean(own()) }}>
      <legend>{props.label}</legend>
      <div class="inline-fields">
        <Show when={value()} fallback={<p class="hint">{t("profile.editor.notSet")}</p>}>
          <NumberField {...props} label={t("profile.editor.every")} path={[...props.path, "every"]} />
        </Show>
        <SelectField
          label={t("profile.editor.unit")}
          data-path={jsonPath([...props.path, "unit"])}
          error={messages(issuesAt(props.issues, jsonPath([...props.path, "unit"])), locale())}
          onChange={(e) => {
            const next = e.currentTarget.value;
            props.change(props.path, next ? { ...(value() ?? { every: 1 }), unit: next } : undefined);
          }}
        >
          <option value="" selected={unit() === ""}>{t("profile.editor.noPeriod")}</option>
          <Index each={FREQUENCY_UNITS}>{(u) => <option value={u()} selected={unit() === u()}>{frequencyUnit(u(), locale())}</option>}</Index>
          <Show when={unit() && !known()}>
            <option value={unit()} selected>{unit()}</option>
          </Show>
        </SelectField>
      </div>
      <Show when={own()}>
        <p class="field-error">{own()}</p>
      </Show>
    </fieldset>
  );
}

function EditSection(props: { title: string; intro?: string; empty: boolean; children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <section class="edit-section">
      <h2>{props.title}</h2>
      <Show when={props.intro}>
        <p class="hint">{props.intro}</p>
      </Show>
      <Show when={!props.empty} fallback={<p class="muted">{t("profile.editor.nothingHere")}</p>}>
        {props.children}
      </Show>
    </section>
  );
}

/** Rectification deadline (days) per hazard severity, each with its citation. */
export function DeadlineForm(props: EditProps) {
  const { t, locale } = useI18n();
  const severities = () => rows(getAt(props.doc, ["hazards", "severities"]));
  return (
    <EditSection title={t("profile.editor.deadlines")} intro={t("profile.editor.deadlinesIntro")} empty={severities().length === 0}>
      <Index each={severities()}>
        {(severity, i) => (
          <fieldset class="edit-rule" data-rule-id={String(severity().id ?? "")}>
            <legend>{rowName(severity(), i, locale())}</legend>
            <NumberField {...props} label={t("profile.editor.rectificationDays")} path={["hazards", "severities", i, "rectificationDays", "value"]} />
            <CitationEditor {...props} base={["hazards", "severities", i, "rectificationDays"]} />
          </fieldset>
        )}
      </Index>
    </EditSection>
  );
}

/** How often each inspection category patrols, and the period in which it covers every venue. */
export function FrequencyForm(props: EditProps) {
  const { t, locale } = useI18n();
  const categories = () => rows(getAt(props.doc, ["inspectionCategories"]));
  return (
    <EditSection title={t("profile.editor.frequencies")} intro={t("profile.editor.frequenciesIntro")} empty={categories().length === 0}>
      <Index each={categories()}>
        {(category, i) => (
          <fieldset class="edit-rule" data-rule-id={String(category().id ?? "")}>
            <legend>{rowName(category(), i, locale())}</legend>
            <FrequencyField {...props} label={t("profile.fact.patrolFrequency")} path={["inspectionCategories", i, "patrolFrequency"]} />
            <FrequencyField {...props} label={t("profile.fact.coveragePeriod")} path={["inspectionCategories", i, "coveragePeriod"]} />
            <CitationEditor {...props} base={["inspectionCategories", i]} />
          </fieldset>
        )}
      </Index>
    </EditSection>
  );
}

/** Minimum (and maximum) staff of each staffing rule: a head count or a share of the body's total. */
export function StaffingForm(props: EditProps) {
  const { t, locale } = useI18n();
  const staffing = () => rows(getAt(props.doc, ["staffing", "rules"]));
  const names = (): ProfileNames => profileNames(props.doc, locale());
  const subject = (rule: Row) => staffingSubject(rule as Parameters<typeof staffingSubject>[0], names(), locale()) || String(rule.id ?? "");
  return (
    <EditSection title={t("profile.editor.staffing")} intro={t("profile.editor.staffingIntro")} empty={staffing().length === 0}>
      <Index each={staffing()}>
        {(rule, i) => {
          const base = ["staffing", "rules", i, "requirement"] as Segment[];
          const measure = () => (isRecord(rule().requirement) ? (rule().requirement as Row).measure : undefined);
          return (
            <fieldset class="edit-rule" data-rule-id={String(rule().id ?? "")}>
              <legend>{subject(rule())}</legend>
              <Show when={measure() === "count"}>
                <div class="inline-fields">
                  <NumberField {...props} label={t("profile.editor.minCount")} path={[...base, "min"]} />
                  <NumberField {...props} label={t("profile.editor.maxCount")} path={[...base, "max"]} optional />
                </div>
              </Show>
              <Show when={measure() === "share_of_total"}>
                <div class="inline-fields">
                  <NumberField {...props} label={t("profile.editor.minPercent")} path={[...base, "minPercent"]} decimal />
                  <NumberField {...props} label={t("profile.editor.maxPercent")} path={[...base, "maxPercent"]} decimal optional />
                </div>
              </Show>
              <Show when={measure() !== "count" && measure() !== "share_of_total"}>
                <p class="hint">{t("profile.editor.editInJson")}</p>
              </Show>
              <CitationEditor {...props} base={["staffing", "rules", i]} />
            </fieldset>
          );
        }}
      </Index>
    </EditSection>
  );
}
