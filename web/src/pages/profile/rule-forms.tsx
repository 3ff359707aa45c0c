/**
 * Every part of the draft as forms, built from the API's form description
 * (GET /v1/profile/schema, derived from the profile schema): lists with add,
 * edit and remove; pickers where a field names another list's entry; the
 * citation of each rule as one 出处 block. No field is written by hand here,
 * so a field added to the schema gets its form without a change to this file.
 */
import { createContext, createMemo, createSignal, Index, Match, Show, Switch, useContext, type JSX } from "solid-js";
import type { FormField, FormNode, FormObject, ProfileFormSchema, ProfileIssue, ReferenceTarget } from "@firegov/core/contract";
import { SelectField, TextField } from "../../components/form.tsx";
import { useI18n, type Locale } from "../../i18n/index.tsx";
import { getAt, inputFromNumber, issuesAt, jsonPath, numberFromInput, type Segment } from "./draft-document.ts";
import { CitationEditor, type EditProps } from "./draft-forms.tsx";
import { fieldLabel } from "./field-labels.ts";
import { enumLabel } from "./enum-labels.ts";

type Row = Record<string, unknown>;
type FieldProps = EditProps & { node: FormNode; path: Segment[]; label: string; optional: boolean };

const isRecord = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** A problem beside its field: zh first with en (en alone when the page is in English). */
function issueText(issues: readonly ProfileIssue[], locale: Locale): string | undefined {
  if (!issues.length) return undefined;
  return issues.map((issue) => (locale === "en" ? issue.message.en : `${issue.message.zh}（${issue.message.en}）`)).join("；");
}

/** The form description the fields are built from: the whole tree, and where each picker's list sits. */
const FormContext = createContext<ProfileFormSchema>();
const useForm = () => useContext(FormContext)!;

const patternOf = (path: readonly Segment[]) => path.map((key) => (typeof key === "number" ? "*" : key)).join(".");

/** The picker target whose list sits at this path, if other rules name its entries. */
function targetOfList(form: ProfileFormSchema, path: readonly Segment[]): ReferenceTarget | undefined {
  const pattern = patternOf(path);
  return (Object.keys(form.targets) as ReferenceTarget[]).find((target) => form.targets[target].join(".") === pattern);
}

/** Where the draft names `id` of `target`: the fields the description marks as pointing into that list. */
function referringPaths(form: ProfileFormSchema, doc: unknown, target: ReferenceTarget, id: string): Segment[][] {
  const found: Segment[][] = [];
  const walk = (value: unknown, node: FormNode, path: Segment[]): void => {
    if (value === undefined || value === null) return;
    switch (node.kind) {
      case "text":
      case "enum":
        if (node.ref === target && value === id && !(node.except ?? []).includes(id)) found.push(path);
        return;
      case "object":
        if (isRecord(value)) for (const field of node.fields) walk(value[field.key], field.node, [...path, field.key]);
        return;
      case "array":
        asList(value).forEach((item, i) => walk(item, node.of, [...path, i]));
        return;
      case "nullable":
        return walk(value, node.of, path);
      case "union": {
        const variant = isRecord(value) ? node.variants.find((v) => v.value === value[node.discriminator]) : undefined;
        if (variant) walk(value, variant.node, path);
        return;
      }
      case "choice":
        return node.options.forEach((option) => walk(value, option, path));
      default:
        return;
    }
  };
  walk(doc, form.root, []);
  return found;
}

/** What a new entry starts as: every required field, empty; a rule starts as a marked default (its assumption to be written). */
export function defaultFor(node: FormNode): unknown {
  switch (node.kind) {
    case "text":
      return "";
    case "enum":
      // A picker starts unchosen: the draft's own lists, not the schema's, say what may be chosen.
      return node.ref ? "" : (node.values[0] ?? "");
    case "number":
      return node.min ?? 0;
    case "boolean":
      return false;
    case "const":
      return node.value;
    case "label":
      return node.enOptional ? { zh: "" } : { zh: "", en: "" };
    case "object": {
      const value: Row = {};
      for (const field of node.fields) if (!field.optional) value[field.key] = defaultFor(field.node);
      if (node.cited) value.sourceRef = null;
      return value;
    }
    case "array":
      return [];
    case "union":
      return node.variants[0] ? defaultFor(node.variants[0].node) : {};
    case "nullable":
      return null;
    case "choice":
      return node.options[0] ? defaultFor(node.options[0]) : null;
    default:
      return null;
  }
}

/** The entries of a target list in the draft: id and name, for a picker. */
function targetEntries(form: ProfileFormSchema, doc: unknown, target: ReferenceTarget, locale: Locale): { id: string; name: string }[] {
  return asList(getAt(doc, form.targets[target] ?? [])).flatMap((entry) => {
    if (!isRecord(entry) || typeof entry.id !== "string") return [];
    const name = isRecord(entry.name) ? str(locale === "en" ? entry.name.en : entry.name.zh) || str(entry.name.zh) : "";
    return [{ id: entry.id, name: name || entry.id }];
  });
}

/** A list entry's name as the draft gives it, else its id or kind, else its place. */
function entryName(entry: unknown, index: number, locale: Locale, fallback: string): string {
  if (isRecord(entry)) {
    for (const key of ["name", "title"]) {
      const label = entry[key];
      if (isRecord(label)) {
        const text = str(locale === "en" ? label.en : label.zh) || str(label.zh);
        if (text) return text;
      }
    }
    if (str(entry.id)) return str(entry.id);
    if (str(entry.kind)) return enumLabel(str(entry.kind), locale);
  }
  if (typeof entry === "string" || typeof entry === "number") return String(entry);
  return `${fallback} #${index + 1}`;
}

// ── Fields ─────────────────────────────────────────────────────────────────

/** A select of the target list's ids with their names; an id the list lacks stays shown (and flagged by validation). */
function RefSelect(props: EditProps & { target: ReferenceTarget; extra?: readonly string[] | undefined; path: Segment[]; label: string; optional: boolean }) {
  const { t, locale } = useI18n();
  const value = () => str(getAt(props.doc, props.path));
  const form = useForm();
  const entries = createMemo(() => targetEntries(form, props.doc, props.target, locale()));
  const known = () => entries().some((e) => e.id === value()) || (props.extra ?? []).includes(value());
  return (
    <SelectField
      label={props.label}
      optional={props.optional}
      data-path={jsonPath(props.path)}
      data-ref={props.target}
      error={issueText(issuesAt(props.issues, jsonPath(props.path)), locale())}
      onChange={(e) => props.change(props.path, e.currentTarget.value === "" && props.optional ? undefined : e.currentTarget.value)}
    >
      <Show when={props.optional || value() === ""}>
        <option value="" selected={value() === ""}>{t("profile.rules.none")}</option>
      </Show>
      <Index each={entries()}>{(entry) => <option value={entry().id} selected={entry().id === value()}>{`${entry().name}（${entry().id}）`}</option>}</Index>
      <Index each={props.extra ?? []}>{(extra) => <option value={extra()} selected={extra() === value()}>{enumLabel(extra(), locale())}</option>}</Index>
      <Show when={value() !== "" && !known()}>
        <option value={value()} selected>{t("profile.rules.unknownRef", { id: value() })}</option>
      </Show>
    </SelectField>
  );
}

function EnumSelect(props: EditProps & { values: readonly string[]; path: Segment[]; label: string; optional: boolean }) {
  const { t, locale } = useI18n();
  const value = () => str(getAt(props.doc, props.path));
  return (
    <SelectField
      label={props.label}
      optional={props.optional}
      data-path={jsonPath(props.path)}
      error={issueText(issuesAt(props.issues, jsonPath(props.path)), locale())}
      onChange={(e) => props.change(props.path, e.currentTarget.value === "" ? undefined : e.currentTarget.value)}
    >
      <Show when={props.optional}>
        <option value="" selected={value() === ""}>{t("profile.rules.none")}</option>
      </Show>
      <Index each={props.values}>{(v) => <option value={v()} selected={v() === value()}>{enumLabel(v(), locale())}</option>}</Index>
      <Show when={value() !== "" && !props.values.includes(value())}>
        <option value={value()} selected>{value()}</option>
      </Show>
    </SelectField>
  );
}

function PlainField(props: FieldProps) {
  const { t, locale } = useI18n();
  const path = () => jsonPath(props.path);
  const error = () => issueText(issuesAt(props.issues, path()), locale());
  return (
    <Switch fallback={<JsonOnly {...props} />}>
      <Match when={props.node.kind === "text" && props.node}>
        {(node) => (
          <Show
            when={node().ref}
            fallback={
              <TextField
                label={props.label}
                optional={props.optional}
                autocomplete="off"
                placeholder={node().format === "date" ? "YYYY-MM-DD" : undefined}
                value={str(getAt(props.doc, props.path))}
                data-path={path()}
                error={error()}
                onInput={(e) => props.change(props.path, e.currentTarget.value === "" && props.optional ? undefined : e.currentTarget.value)}
              />
            }
          >
            {(target) => <RefSelect {...props} target={target()} />}
          </Show>
        )}
      </Match>
      <Match when={props.node.kind === "enum" && props.node}>
        {(node) => (
          <Show when={node().ref} fallback={<EnumSelect {...props} values={node().values} />}>
            {(target) => <RefSelect {...props} target={target()} extra={node().except} />}
          </Show>
        )}
      </Match>
      <Match when={props.node.kind === "number" && props.node}>
        {(node) => (
          <TextField
            label={props.label}
            optional={props.optional}
            inputmode={node().integer ? "numeric" : "decimal"}
            autocomplete="off"
            value={inputFromNumber(getAt(props.doc, props.path))}
            data-path={path()}
            error={error()}
            onInput={(e) => props.change(props.path, numberFromInput(e.currentTarget.value, props.optional))}
          />
        )}
      </Match>
      <Match when={props.node.kind === "boolean"}>
        <div class="field check-field" classList={{ "field-invalid": Boolean(error()) }}>
          <label>
            <input
              type="checkbox"
              checked={getAt(props.doc, props.path) === true}
              data-path={path()}
              onChange={(e) => props.change(props.path, e.currentTarget.checked ? true : props.optional ? undefined : false)}
            />{" "}
            {props.label}
          </label>
          <Show when={error()}>
            <p class="field-error">{error()}</p>
          </Show>
        </div>
      </Match>
      <Match when={props.node.kind === "const"}>{null}</Match>
      <Match when={props.node.kind === "label" && props.node}>
        {(node) => (
          <fieldset class="label-field">
            <legend>{props.label}</legend>
            <div class="inline-fields">
              <PlainField {...props} node={{ kind: "text" }} path={[...props.path, "zh"]} label={`${props.label}（${t("profile.rules.zh")}）`} optional={false} />
              <PlainField {...props} node={{ kind: "text" }} path={[...props.path, "en"]} label={`${props.label}（${t("profile.rules.en")}）`} optional={node().enOptional} />
            </div>
          </fieldset>
        )}
      </Match>
    </Switch>
  );
}

/** A shape the forms do not take apart (a flag or a cited value): shown, and edited in the JSON view. */
function JsonOnly(props: FieldProps) {
  const { t } = useI18n();
  return (
    <div class="field" data-path={jsonPath(props.path)}>
      <span class="field-label">{props.label}</span>
      <code class="json-value">{JSON.stringify(getAt(props.doc, props.path)) ?? "—"}</code>
      <p class="hint">{t("profile.rules.editAsJson")}</p>
    </div>
  );
}

/** Any node: absent optional containers offer "add"; the rest dispatch by kind. */
export function NodeField(props: FieldProps): JSX.Element {
  const { t } = useI18n();
  const container = () => ["object", "array", "union", "nullable"].includes(props.node.kind);
  const absent = () => getAt(props.doc, props.path) === undefined;
  return (
    <Show
      when={!(container() && absent() && props.optional)}
      fallback={
        <p class="add-field">
          <button type="button" class="button button-secondary small-button" onClick={() => props.change(props.path, defaultFor(props.node.kind === "nullable" ? props.node.of : props.node))}>
            {t("profile.rules.addField", { what: props.label })}
          </button>
        </p>
      }
    >
      <Switch fallback={<PlainField {...props} />}>
        <Match when={props.node.kind === "object" && props.node}>{(node) => <ObjectField {...props} node={node()} />}</Match>
        <Match when={props.node.kind === "union" && props.node}>{(node) => <UnionField {...props} node={node()} />}</Match>
        <Match when={props.node.kind === "array" && props.node}>
          {(node) => (
            <Show when={["text", "enum", "number"].includes(node().of.kind)} fallback={<ListEditor {...props} of={node().of} />}>
              <Chips {...props} of={node().of} />
            </Show>
          )}
        </Match>
        <Match when={props.node.kind === "nullable" && props.node}>{(node) => <NullableField {...props} of={node().of} />}</Match>
        <Match when={props.node.kind === "choice" || props.node.kind === "any"}>
          <JsonOnly {...props} />
        </Match>
      </Switch>
    </Show>
  );
}

function RemoveFieldButton(props: EditProps & { path: Segment[]; label: string }) {
  const { t } = useI18n();
  return (
    <button type="button" class="link-button small-button" onClick={() => props.change(props.path, undefined)}>
      {t("profile.rules.removeField", { what: props.label })}
    </button>
  );
}

/** The fields of an object, each by its schema; a rule's citation as one block at the end. */
function ObjectFields(props: EditProps & { node: FormObject; path: Segment[]; skip?: string }) {
  const { locale } = useI18n();
  const fields = () => props.node.fields.filter((field: FormField) => field.key !== props.skip && field.node.kind !== "const");
  return (
    <>
      <Index each={fields()}>
        {(field) => <NodeField {...props} node={field().node} path={[...props.path, field().key]} label={fieldLabel(field().key, locale())} optional={field().optional} />}
      </Index>
      <Show when={props.node.cited}>
        <CitationEditor doc={props.doc} issues={props.issues} change={props.change} base={props.path} />
      </Show>
    </>
  );
}

function ObjectField(props: FieldProps & { node: FormObject }) {
  return (
    <fieldset class="edit-rule" data-path={jsonPath(props.path)}>
      <legend>{props.label}</legend>
      <ObjectFields {...props} />
      <Show when={props.optional}>
        <RemoveFieldButton {...props} />
      </Show>
    </fieldset>
  );
}

/** A discriminated union: the kind select swaps the fields (the citation is kept). */
function UnionField(props: FieldProps & { node: Extract<FormNode, { kind: "union" }> }) {
  const { t, locale } = useI18n();
  const value = () => getAt(props.doc, props.path);
  const tag = () => (isRecord(value()) ? str((value() as Row)[props.node.discriminator]) : "");
  const variant = () => props.node.variants.find((v) => v.value === tag());
  const swap = (next: string) => {
    const chosen = props.node.variants.find((v) => v.value === next);
    if (!chosen) return;
    const old = isRecord(value()) ? (value() as Row) : {};
    const kept = Object.fromEntries(["sourceRef", "text", "assumption", "id"].filter((k) => k in old).map((k) => [k, old[k]]));
    props.change(props.path, { ...(defaultFor(chosen.node) as Row), ...kept });
  };
  return (
    <fieldset class="edit-rule" data-path={jsonPath(props.path)}>
      <legend>{props.label}</legend>
      <SelectField
        label={`${props.label} · ${t("profile.rules.kind")}`}
        data-path={jsonPath([...props.path, props.node.discriminator])}
        error={issueText(issuesAt(props.issues, jsonPath([...props.path, props.node.discriminator])), locale())}
        onChange={(e) => swap(e.currentTarget.value)}
      >
        <Show when={!variant()}>
          <option value="" selected>{tag() || t("profile.rules.none")}</option>
        </Show>
        <Index each={props.node.variants}>{(v) => <option value={v().value} selected={v().value === tag()}>{enumLabel(v().value, locale())}</option>}</Index>
      </SelectField>
      <Show when={variant()} keyed>
        {(chosen) => <ObjectFields {...props} node={chosen.node} skip={props.node.discriminator} />}
      </Show>
      <Show when={props.optional}>
        <RemoveFieldButton {...props} />
      </Show>
    </fieldset>
  );
}

/** null means "not set" (a rule the document gives no period, say). */
function NullableField(props: FieldProps & { of: FormNode }) {
  const { t } = useI18n();
  const isNull = () => getAt(props.doc, props.path) === null;
  return (
    <div class="nullable-field">
      <label class="check-field">
        <input type="checkbox" checked={isNull()} onChange={(e) => props.change(props.path, e.currentTarget.checked ? null : defaultFor(props.of))} />{" "}
        {props.label} · {t("profile.rules.notSet")}
      </label>
      <Show when={!isNull()}>
        <NodeField {...props} node={props.of} />
      </Show>
    </div>
  );
}

/** A list of values (ids, kinds, unit names): chips with remove, and a picker or input to add one. */
function Chips(props: FieldProps & { of: FormNode }) {
  const { t, locale } = useI18n();
  const values = () => asList(getAt(props.doc, props.path));
  const ref = () => (props.of.kind === "text" || props.of.kind === "enum" ? props.of.ref : undefined);
  const form = useForm();
  const names = createMemo(() => new Map((ref() ? targetEntries(form, props.doc, ref()!, locale()) : []).map((e) => [e.id, e.name])));
  const shown = (value: unknown) => {
    const text = String(value);
    return names().get(text) ?? enumLabel(text, locale());
  };
  const choices = () => {
    const taken = new Set(values().map(String));
    const extra = props.of.kind === "enum" || props.of.kind === "text" ? (props.of.except ?? []) : [];
    const all = ref() ? [...names().keys(), ...extra] : props.of.kind === "enum" ? props.of.values : [];
    return all.filter((v) => !taken.has(v));
  };
  const add = (raw: string) => {
    if (raw.trim() === "") return;
    const value = props.of.kind === "number" ? numberFromInput(raw, false) : raw.trim();
    props.change(props.path, [...values(), value]);
  };
  const remove = (index: number) => props.change(props.path, values().filter((_, i) => i !== index));
  const [draft, setDraft] = createSignal("");
  const own = () => issueText(issuesAt(props.issues, jsonPath(props.path)), locale());
  return (
    <fieldset class="chips-field" classList={{ "field-invalid": Boolean(own()) }} data-path={jsonPath(props.path)}>
      <legend>{props.label}</legend>
      <ul class="chips">
        <Index each={values()}>
          {(value, i) => (
            <li class="chip" data-path={jsonPath([...props.path, i])}>
              <span>{shown(value())}</span>
              <button type="button" class="chip-remove" aria-label={t("profile.rules.chipRemove", { value: shown(value()) })} onClick={() => remove(i)}>
                ×
              </button>
            </li>
          )}
        </Index>
      </ul>
      <Show
        when={ref() || props.of.kind === "enum"}
        fallback={
          <div class="inline-fields">
            <TextField label={t("profile.rules.chipNew", { what: props.label })} autocomplete="off" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
            <button
              type="button"
              class="button button-secondary small-button"
              onClick={() => {
                add(draft());
                setDraft("");
              }}
            >
              {t("profile.rules.chipAdd")}
            </button>
          </div>
        }
      >
        <SelectField
          label={t("profile.rules.chipNew", { what: props.label })}
          onChange={(e) => {
            add(e.currentTarget.value);
            e.currentTarget.value = "";
          }}
        >
          <option value="">{t("profile.rules.none")}</option>
          <Index each={choices()}>{(v) => <option value={v()}>{ref() && names().has(v()) ? `${names().get(v())}（${v()}）` : enumLabel(v(), locale())}</option>}</Index>
        </SelectField>
      </Show>
      <Show when={own()}>
        <p class="field-error">{own()}</p>
      </Show>
    </fieldset>
  );
}

// ── Lists of rules ─────────────────────────────────────────────────────────

/** A list of rules: each entry with edit and remove; add opens a form for a new entry. */
function ListEditor(props: FieldProps & { of: FormNode }) {
  const { t, locale } = useI18n();
  const items = () => asList(getAt(props.doc, props.path));
  const [open, setOpen] = createSignal<ReadonlySet<number>>(new Set());
  const form = useForm();
  const [refused, setRefused] = createSignal<{ name: string; paths: string[] }>();
  const toggle = (index: number) => {
    const next = new Set(open());
    if (next.has(index)) next.delete(index);
    else next.add(index);
    setOpen(next);
  };
  const add = () => {
    const index = items().length;
    props.change(props.path, [...items(), defaultFor(props.of)]);
    setOpen(new Set([...open(), index]));
  };
  const remove = (index: number, name: string) => {
    const entry = items()[index];
    const target = targetOfList(form, props.path);
    const id = isRecord(entry) ? entry.id : undefined;
    const referring = target && typeof id === "string" ? referringPaths(form, props.doc, target, id) : [];
    if (referring.length) return setRefused({ name, paths: referring.map(jsonPath) });
    setRefused(undefined);
    setOpen(new Set<number>());
    props.change(props.path, items().filter((_, i) => i !== index));
  };
  const own = () => issueText(issuesAt(props.issues, jsonPath(props.path), true), locale());
  return (
    <div class="rule-list" data-path={jsonPath(props.path)} role="group" aria-label={props.label}>
      <p class="rule-list-head">
        <strong>{props.label}</strong> <span class="muted">{t("profile.rules.count", { count: items().length })}</span>
      </p>
      <Show when={own()}>
        <p class="field-error">{own()}</p>
      </Show>
      <Show when={refused()}>
        {(r) => (
          <div class="alert alert-warning" role="alert" data-testid="remove-refused">
            <p>{t("profile.rules.stillReferenced", { name: r().name, count: r().paths.length })}</p>
            <ul>
              <Index each={r().paths}>{(p) => <li><code>{p()}</code></li>}</Index>
            </ul>
            <button type="button" class="button button-secondary small-button" onClick={() => setRefused(undefined)}>{t("profile.rules.dismiss")}</button>
          </div>
        )}
      </Show>
      <ul class="rule-entries">
        <Index each={items()}>
          {(entry, i) => {
            const name = () => entryName(entry(), i, locale(), t("profile.rules.newItem"));
            const path = () => [...props.path, i];
            const problems = () => issuesAt(props.issues, jsonPath(path())).length;
            const shown = () => open().has(i) || problems() > 0;
            return (
              <li class="rule-entry" data-rule-id={isRecord(entry()) ? str((entry() as Row).id) : undefined}>
                <div class="rule-entry-head">
                  <span class="rule-entry-name">{name()}</span>
                  <Show when={problems()}>
                    <span class="badge badge-warn">{t("profile.rules.issues", { count: problems() })}</span>
                  </Show>
                  <button type="button" class="link-button small-button" aria-expanded={shown()} onClick={() => toggle(i)}>
                    {t("profile.rules.edit", { name: name() })}
                  </button>
                  <button type="button" class="link-button small-button danger" onClick={() => remove(i, name())}>
                    {t("profile.rules.remove", { name: name() })}
                  </button>
                </div>
                <Show when={shown()}>
                  <NodeField {...props} node={props.of} path={path()} label={name()} optional={false} />
                </Show>
              </li>
            );
          }}
        </Index>
      </ul>
      <button type="button" class="button button-secondary small-button" onClick={add}>
        {t("profile.rules.add", { what: props.label })}
      </button>
    </div>
  );
}

// ── The parts of the profile ───────────────────────────────────────────────

/** One part of the profile (a top-level field), folded until opened, or opened by a problem inside it. */
function Part(props: EditProps & { field: FormField }) {
  const { t, locale } = useI18n();
  const [opened, setOpened] = createSignal<boolean>();
  const path = () => [props.field.key];
  const label = () => fieldLabel(props.field.key, locale());
  const problems = () => issuesAt(props.issues, jsonPath(path())).length;
  const shown = () => opened() ?? problems() > 0;
  return (
    <section class="rule-part" data-part={props.field.key}>
      <h3>
        <button type="button" class="part-toggle" aria-expanded={shown()} onClick={() => setOpened(!shown())}>
          <span class="part-arrow" aria-hidden="true" />
          {label()}
        </button>
        <Show when={problems()}>
          {" "}
          <span class="badge badge-warn">{t("profile.rules.issues", { count: problems() })}</span>
        </Show>
      </h3>
      <Show when={shown()}>
        <NodeField {...props} node={props.field.node} path={path()} label={label()} optional={props.field.optional} />
      </Show>
    </section>
  );
}

export function RuleForms(props: EditProps & { form: ProfileFormSchema }) {
  const { t } = useI18n();
  return (
    <FormContext.Provider value={props.form}>
      <section class="edit-section rule-forms" aria-labelledby="rule-forms-title">
        <h2 id="rule-forms-title">{t("profile.rules.title")}</h2>
        <p class="hint">{t("profile.rules.intro")}</p>
        <Index each={props.form.root.fields}>{(field) => <Part doc={props.doc} issues={props.issues} change={props.change} field={field()} />}</Index>
      </section>
    </FormContext.Provider>
  );
}
