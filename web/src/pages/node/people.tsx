import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Employment, OrganisationView, Person, PolicyProfile, UpdatePersonInput, User } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { fieldError, FormError, formValues, Notice, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { TelLink } from "../../components/tel-link.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { createPersonAction, updatePersonAction } from "../../organisation/data.ts";
import { bodyName, employmentName, employmentsOf, pick, positionName } from "../../organisation/labels.ts";
import { CancelButton, CheckboxGroup, checkedValues, listFieldError, listPaths, SectionHead } from "../../organisation/ui.tsx";
import { peopleSheet } from "./ledger.ts";
import { saveXlsx } from "../../organisation/xlsx.ts";
import { roleName } from "../../display.ts";

interface Ctx {
  me: User;
  profile: PolicyProfile;
  org: OrganisationView;
}

const FIELDS = ["body.name", "body.employment", "body.secondedFrom", "body.bodyId", "body.phone", "body.status", "body.hiredOn", "body.jobChangedOn", "body.annualPay", "body.leftOn", "body.leftFor", "body.longServiceBenefitOn"];

/** Bodies a person of this node may work in: the node's level and those above it (a county brigade's liaison works at the town). */
function workplaces(profile: PolicyProfile, level: string) {
  const depth = (id: string) => profile.levels.findIndex((l) => l.id === id);
  return profile.bodies.filter((b) => depth(b.level) >= 0 && depth(b.level) <= depth(level)).sort((a, b) => depth(b.level) - depth(a.level));
}

/** Positions of the bodies at the node's own level, as the profile names them. */
function positionsAt(profile: PolicyProfile, level: string) {
  const here = new Set(profile.bodies.filter((b) => b.level === level).map((b) => b.id));
  return profile.composition.filter((c) => here.has(c.body));
}

/** Add or edit a person: name, employment, where they work, positions held, phone (only for who may see it). */
export function PersonForm(props: Ctx & { person?: Person; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const createAction = useAction(createPersonAction);
  const updateAction = useAction(updatePersonAction);
  const creating = useSubmission(createPersonAction, (input) => input[0] === props.org.node.nodeId && !props.person);
  const updating = useSubmission(updatePersonAction, (input) => input[1] === props.person?.personId);
  const submission = () => (props.person ? updating : creating);
  const key = submissionKey();
  const [employment, setEmployment] = createSignal<Employment>(props.person?.employment ?? "on_payroll");
  const [status, setStatus] = createSignal<Person["status"]>(props.person?.status ?? "active");
  // Phone shown masked cannot be edited: only admins and officers see (and set) personal data.
  const phoneEditable = () => !props.person || props.person.personalData === "full";
  const error = () => submission().error;

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input: UpdatePersonInput & { name: string; employment: Employment } = {
      name: v.name ?? "",
      employment: (v.employment ?? "") as Employment,
      secondedFrom: v.employment === "seconded" ? v.secondedFrom || null : null,
      bodyId: v.bodyId || null,
      positions: checkedValues(form, "positions"),
      ...(phoneEditable() ? { phone: v.phone || null, annualPay: v.annualPay ? Number(v.annualPay) : null } : {}),
      ...(v.status ? { status: v.status as Person["status"] } : {}),
      hiredOn: v.hiredOn || null,
      jobChangedOn: v.jobChangedOn || null,
      ...(v.status === "left" ? { leftOn: v.leftOn || null, leftFor: (v.leftFor || null) as Person["leftFor"] | null, longServiceBenefitOn: v.longServiceBenefitOn || null } : {}),
    };
    const nodeId = props.org.node.nodeId;
    const request = props.person ? updateAction(nodeId, props.person.personId, changesOf(props.person, input)) : createAction(nodeId, withoutNulls(input), key.current());
    request
      .then((person) => {
        key.renew();
        submission().clear();
        props.onDone(t(props.person ? "people.saved" : "people.added", { name: person.name }));
      })
      .catch(() => revealProblem(form));
  };

  return (
    <form class="form panel" onSubmit={onSubmit} onInput={key.renew} aria-label={props.person ? `${t("people.edit")} ${props.person.name}` : t("people.add")}>
      <FormError error={error()} paths={[...FIELDS, ...listPaths(error(), "body.positions")]} />
      <TextField label={t("people.name")} name="name" value={props.person?.name ?? ""} required maxLength={40} error={fieldError(error(), "body.name")} />
      <SelectField label={t("people.employment")} name="employment" required error={fieldError(error(), "body.employment")} onChange={(e) => setEmployment(e.currentTarget.value as Employment)}>
        <For each={employmentsOf(props.profile)}>{(value) => <option value={value} selected={value === employment()}>{employmentName(props.profile, value, locale())}</option>}</For>
      </SelectField>
      <Show when={employment() === "seconded"}>
        <SelectField label={t("people.secondedFrom")} name="secondedFrom" required error={fieldError(error(), "body.secondedFrom")}>
          <option value="">{t("people.choose")}</option>
          <For each={props.profile.bodies}>{(b) => <option value={b.id} selected={b.id === props.person?.secondedFrom}>{pick(b.name, locale())}</option>}</For>
        </SelectField>
      </Show>
      <SelectField label={t("people.body")} hint={t("people.bodyHint")} name="bodyId" optional error={fieldError(error(), "body.bodyId")}>
        <option value="">{t("people.noBody")}</option>
        <For each={workplaces(props.profile, props.org.node.level)}>{(b) => <option value={b.id} selected={b.id === props.person?.bodyId}>{pick(b.name, locale())}</option>}</For>
      </SelectField>
      <CheckboxGroup
        legend={t("people.positions")}
        name="positions"
        options={positionsAt(props.profile, props.org.node.level).map((c) => ({ value: c.id, label: positionName(props.profile, c.id, locale()) }))}
        checked={props.person?.positions ?? []}
        empty={t("people.noPositions")}
        error={listFieldError(error(), "body.positions")}
      />
      <Show
        when={phoneEditable()}
        fallback={
          <div class="field">
            <span class="field-label">{t("people.phone")}</span>
            <span><TelLink phone={props.person?.phone} fallback="—" /></span>
            <p class="hint">{t("people.masked", { roles: (["tenant_admin", "town_officer"] as const).map((r) => roleName(r, locale(), props.profile)).join(locale() === "en" ? " and " : "和") })}</p>
          </div>
        }
      >
        <TextField label={t("people.phone")} name="phone" type="tel" inputmode="tel" value={props.person?.phone ?? ""} optional error={fieldError(error(), "body.phone")} />
      </Show>
      <TextField label={t("people.hiredOn")} hint={t("people.hiredOnHint")} name="hiredOn" type="date" value={props.person?.hiredOn ?? ""} optional error={fieldError(error(), "body.hiredOn")} />
      <TextField label={t("people.jobChangedOn")} name="jobChangedOn" type="date" value={props.person?.jobChangedOn ?? ""} optional error={fieldError(error(), "body.jobChangedOn")} />
      <Show when={phoneEditable()}>
        <TextField label={t("people.annualPay")} hint={t("people.annualPayHint")} name="annualPay" type="number" inputmode="numeric" min={0} step="1" value={props.person?.annualPay?.toString() ?? ""} optional error={fieldError(error(), "body.annualPay")} />
      </Show>
      <Show when={props.person}>
        {(person) => (
          <SelectField label={t("people.status")} name="status" error={fieldError(error(), "body.status")} onChange={(e) => setStatus(e.currentTarget.value as Person["status"])}>
            <option value="active" selected={person().status === "active"}>{t("people.active")}</option>
            <option value="left" selected={person().status === "left"}>{t("people.left")}</option>
          </SelectField>
        )}
      </Show>
      <Show when={status() === "left"}>
        <TextField label={t("people.leftOn")} name="leftOn" type="date" value={props.person?.leftOn ?? ""} optional error={fieldError(error(), "body.leftOn")} />
        <SelectField label={t("people.leftFor")} name="leftFor" optional error={fieldError(error(), "body.leftFor")}>
          <option value="">{t("people.choose")}</option>
          <option value="retirement" selected={props.person?.leftFor === "retirement"}>{t("people.leftForRetirement")}</option>
          <option value="other" selected={props.person?.leftFor === "other"}>{t("people.leftForOther")}</option>
        </SelectField>
        <TextField label={t("people.longServiceBenefitOn")} name="longServiceBenefitOn" type="date" value={props.person?.longServiceBenefitOn ?? ""} optional error={fieldError(error(), "body.longServiceBenefitOn")} />
      </Show>
      <div class="actions">
        <SubmitButton pending={submission().pending ?? false}>{props.person ? t("people.save") : t("people.addSubmit")}</SubmitButton>
        <CancelButton onClick={() => { submission().clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

/** Creating: no nulls (nothing to clear). */
function withoutNulls<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))) as { [K in keyof T]: Exclude<T[K], null> };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Editing: only what the form changed. */
function changesOf(person: Person, input: UpdatePersonInput): UpdatePersonInput {
  const changes: UpdatePersonInput = {};
  if (input.name !== person.name) changes.name = input.name;
  if (input.employment !== person.employment) changes.employment = input.employment;
  if ((input.secondedFrom ?? undefined) !== person.secondedFrom) changes.secondedFrom = input.secondedFrom ?? null;
  if ((input.bodyId ?? undefined) !== person.bodyId) changes.bodyId = input.bodyId ?? null;
  if (!sameList(input.positions ?? [], person.positions)) changes.positions = input.positions ?? [];
  if (input.phone !== undefined && (input.phone ?? undefined) !== person.phone) changes.phone = input.phone;
  if (input.status && input.status !== person.status) changes.status = input.status;
  for (const key of ["hiredOn", "jobChangedOn", "annualPay", "leftOn", "leftFor", "longServiceBenefitOn"] as const) {
    if (input[key] !== undefined && (input[key] ?? undefined) !== person[key]) (changes as Record<string, unknown>)[key] = input[key];
  }
  return changes;
}

function PersonItem(props: Ctx & { person: Person; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const where = () => [employmentName(props.profile, props.person.employment, locale()), bodyName(props.profile, props.person.bodyId, locale())].filter(Boolean).join(" · ");
  return (
    <li class="user-item" data-testid="person-item" classList={{ retired: props.person.status === "left" }}>
      <div class="user-summary">
        <div class="user-main">
          <div class="user-name">
            {props.person.name}
            <Show when={props.person.status === "left"}>
              <span class="badge badge-muted">{t("people.left")}</span>
            </Show>
          </div>
          <div class="user-meta">{where()}</div>
          <Show when={props.person.positions.length}>
            <div class="user-meta">{props.person.positions.map((p) => positionName(props.profile, p, locale())).join("、")}</div>
          </Show>
          <Show when={props.person.phone}>
            <div class="user-meta">
              <TelLink phone={props.person.phone} />
              <Show when={props.person.personalData === "masked"}>
                <span class="muted">（{t("people.maskedShort")}）</span>
              </Show>
            </div>
          </Show>
        </div>
        <Show when={can(props.me.role, "org.manage") && !editing()}>
          <div class="user-actions">
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>{t("people.edit")}</button>
          </div>
        </Show>
      </div>
      <Show when={editing()}>
        <PersonForm {...props} onDone={(m) => { setEditing(false); props.onDone(m); }} onCancel={() => setEditing(false)} />
      </Show>
    </li>
  );
}

export function PeopleSection(props: Ctx) {
  const { t } = useI18n();
  const [adding, setAdding] = createSignal(false);
  const [flash, setFlash] = createSignal<string>();
  const people = () => [...props.org.people].sort((a, b) => (a.status === b.status ? 0 : a.status === "active" ? -1 : 1));
  const exportPeople = () => void saveXlsx(peopleSheet(props.org.people, props.profile, props.org.node.name), t("people.sheet"), `${props.org.node.name}-${t("people.sheet")}.xlsx`);
  return (
    <section>
      <SectionHead title={t("people.title", { count: props.org.people.filter((p) => p.status === "active").length })}>
        <Show when={props.org.people.length}>
          <button type="button" class="button button-secondary" onClick={exportPeople}>{t("people.export")}</button>
        </Show>
        <Show when={can(props.me.role, "org.manage") && props.org.node.status === "active" && !adding()}>
          <button type="button" class="button" onClick={() => { setFlash(undefined); setAdding(true); }}>{t("people.add")}</button>
        </Show>
      </SectionHead>
      <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
      <Show when={adding()}>
        <PersonForm {...props} onDone={(m) => { setAdding(false); setFlash(m); }} onCancel={() => setAdding(false)} />
      </Show>
      <Show when={people().length} fallback={<p class="muted">{t("people.empty")}</p>}>
        <ul class="user-list">
          <For each={people()}>{(person) => <PersonItem {...props} person={person} onDone={setFlash} />}</For>
        </ul>
      </Show>
    </section>
  );
}
