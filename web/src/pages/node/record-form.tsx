import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import type { ObligationRecord, OrganisationView, PolicyProfile, RecordKind, UpdateRecordInput } from "@firegov/core/contract";
import { fieldError, FormError, formValues, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { formatDate } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { createRecordAction, updateRecordAction } from "../../organisation/data.ts";
import { pick, recordKindName, recordKindsOf, todayLocal } from "../../organisation/labels.ts";
import { CancelButton, CheckboxGroup, checkedValues, listFieldError, listPaths, TextArea } from "../../organisation/ui.tsx";

const FIELDS = ["body.kind", "body.obligationId", "body.responsibilityId", "body.date", "body.title", "body.note", "body.chairPersonId", "body.minutes", "body.course", "body.hours", "body.drillType", "body.participantCount", "body.target", "body.campaign", "body.audienceCount", "body.noticeTo", "body.noticeDue", "body.ledgerMonth", "body.ledgerCounts", "body.ledgerCounts.discovered", "body.ledgerCounts.closed"];
const LISTS = ["body.attendees", "body.topics", "body.workNotices", "body.noticeTo.bodyIds", "body.noticeTo.userIds"];

const lines = (text: string | undefined) => (text ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
const num = (text: string | undefined) => (text ? Number(text) : undefined);

/** What the form says, as the API takes it; empty inputs left out. */
function inputOf(form: HTMLFormElement, kind: RecordKind, nodeId: string): UpdateRecordInput {
  const v = formValues(form);
  const text = (name: string) => v[name] || undefined;
  const input: UpdateRecordInput = {
    obligationId: v.obligationId || null,
    date: v.date ?? "",
    title: text("title"),
    note: text("note"),
    attendees: checkedValues(form, "attendees").map((personId) => ({ personId, nodeId })),
  };
  if (kind === "meeting") Object.assign(input, { chairPersonId: text("chairPersonId"), topics: lines(v.topics), minutes: text("minutes"), workNotices: lines(v.workNotices) });
  if (kind === "training") Object.assign(input, { course: text("course"), hours: num(v.hours), target: text("target") });
  if (kind === "drill") Object.assign(input, { drillType: text("drillType"), participantCount: num(v.participantCount) });
  if (kind === "publicity") Object.assign(input, { target: text("target"), campaign: text("campaign"), audienceCount: num(v.audienceCount) });
  if (kind === "duty_report") Object.assign(input, { responsibilityId: text("responsibilityId") });
  // A hazard ledger report: the month and its counts by state, checked against the ledger on the server.
  if (kind === "ledger_report") Object.assign(input, { ledgerMonth: text("ledgerMonth"), ledgerCounts: { discovered: num(v.ledgerDiscovered), closed: num(v.ledgerClosed) } });
  return input;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Editing sends what changed; a text emptied is sent empty (the API keeps no null for it). */
function changesOf(record: ObligationRecord, input: UpdateRecordInput): UpdateRecordInput {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const before = (record as unknown as Record<string, unknown>)[key];
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (same(value, before) || (empty && (before === undefined || (Array.isArray(before) && before.length === 0)))) continue;
    if (key === "obligationId") changes[key] = value ?? null;
    else if (value === undefined && (typeof before !== "string" || key === "chairPersonId")) continue; // a number or a person cannot be cleared
    else changes[key] = value ?? "";
  }
  return changes as UpdateRecordInput;
}

/** A meeting, training, drill, publicity activity… with the fields its kind has, and who took part. */
export function RecordForm(props: { profile: PolicyProfile; org: OrganisationView; record?: ObligationRecord; onDone: (m: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const create = useAction(createRecordAction);
  const update = useAction(updateRecordAction);
  const creating = useSubmission(createRecordAction, (input) => input[0] === props.org.node.nodeId && !props.record);
  const updating = useSubmission(updateRecordAction, (input) => input[1] === props.record?.recordId);
  const submission = () => (props.record ? updating : creating);
  const error = () => submission().error;
  const key = submissionKey();
  const [kind, setKind] = createSignal<RecordKind>(props.record?.kind ?? "meeting");
  const obligations = () => props.profile.obligations.filter((o) => o.kind === kind());
  // Duties of the bodies at this node's level: the ones a report here can be about.
  const duties = () => props.profile.responsibilities.filter((d) => props.profile.bodies.find((b) => b.id === d.holder)?.level === props.org.node.level);
  const people = () => props.org.people.filter((p) => p.status === "active");
  const r = () => props.record;

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = inputOf(form, kind(), props.org.node.nodeId);
    const nodeId = props.org.node.nodeId;
    const record = props.record;
    // A new meeting's work notices go to the bodies chosen, on save (organisation/work-notices.ts).
    const bodyIds = !record && kind() === "meeting" ? checkedValues(form, "noticeBodies") : [];
    const due = formValues(form).noticeDue;
    const notice = bodyIds.length ? { noticeTo: { bodyIds }, ...(due ? { noticeDue: due } : {}) } : {};
    const request = record
      ? update(nodeId, record.recordId, changesOf(record, input))
      : create(nodeId, { ...notice, ...(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) as Omit<UpdateRecordInput, "obligationId"> & { obligationId?: string }), kind: kind(), date: input.date ?? "" }, key.current());
    request
      .then((saved) => {
        key.renew();
        submission().clear();
        props.onDone(t(record ? "records.saved" : "records.added", { kind: recordKindName(props.profile, saved.kind, locale()), date: formatDate(saved.date, locale()) }));
      })
      .catch(() => revealProblem(form));
  };

  return (
    <form class="form panel" onSubmit={onSubmit} onInput={key.renew} aria-label={props.record ? t("records.edit") : t("records.add")}>
      <FormError error={error()} paths={[...FIELDS, ...LISTS.flatMap((p) => listPaths(error(), p))]} />
      <Show when={!props.record} fallback={<p class="record-kind">{recordKindName(props.profile, kind(), locale())}</p>}>
        <SelectField label={t("records.kind")} name="kind" required error={fieldError(error(), "body.kind")} onChange={(e) => setKind(e.currentTarget.value as RecordKind)}>
          <For each={recordKindsOf(props.profile)}>{(k) => <option value={k} selected={k === kind()}>{recordKindName(props.profile, k, locale())}</option>}</For>
        </SelectField>
      </Show>
      <Show
        when={kind() === "duty_report"}
        fallback={
          <SelectField label={t("records.obligation")} hint={t("records.obligationHint")} name="obligationId" optional error={fieldError(error(), "body.obligationId")}>
            <option value="">{t("records.noObligation")}</option>
            <For each={obligations()}>{(o) => <option value={o.id} selected={o.id === r()?.obligationId}>{pick(o.name, locale())}</option>}</For>
          </SelectField>
        }
      >
        <SelectField label={t("records.responsibility")} hint={t("records.responsibilityHint")} name="responsibilityId" required error={fieldError(error(), "body.responsibilityId")}>
          <For each={duties()}>{(d) => <option value={d.id} selected={d.id === r()?.responsibilityId}>{pick(d.name, locale())}</option>}</For>
        </SelectField>
      </Show>
      <TextField label={t("records.date")} name="date" type="date" max={todayLocal()} value={r()?.date ?? todayLocal()} required error={fieldError(error(), "body.date")} />
      <TextField label={t("records.title")} name="title" value={r()?.title ?? ""} optional maxLength={200} error={fieldError(error(), "body.title")} />
      <Switch>
        <Match when={kind() === "meeting"}>
          <SelectField label={t("records.chair")} name="chairPersonId" optional error={fieldError(error(), "body.chairPersonId")}>
            <option value="">{t("records.noChair")}</option>
            <For each={people()}>{(p) => <option value={p.personId} selected={p.personId === r()?.chairPersonId}>{p.name}</option>}</For>
          </SelectField>
          <TextArea label={t("records.topics")} hint={t("records.oneALine")} name="topics" value={r()?.topics?.join("\n")} optional error={listFieldError(error(), "body.topics")} />
          <TextArea label={t("records.minutes")} name="minutes" value={r()?.minutes} optional rows={4} error={fieldError(error(), "body.minutes")} />
          <TextArea label={t("records.workNotices")} hint={t("records.oneALine")} name="workNotices" value={r()?.workNotices?.join("\n")} optional error={listFieldError(error(), "body.workNotices")} />
          <Show when={!props.record}>
            <CheckboxGroup legend={t("records.noticeTo")} hint={t("records.noticeToHint")} name="noticeBodies" options={props.profile.bodies.map((b) => ({ value: b.id, label: pick(b.name, locale()) }))} checked={[]} error={fieldError(error(), "body.noticeTo") ?? listFieldError(error(), "body.noticeTo.bodyIds")} />
            <TextField label={t("records.noticeDue")} name="noticeDue" type="date" optional error={fieldError(error(), "body.noticeDue")} />
          </Show>
        </Match>
        <Match when={kind() === "training"}>
          <TextField label={t("records.course")} name="course" value={r()?.course ?? ""} optional error={fieldError(error(), "body.course")} />
          <TextField label={t("records.hours")} name="hours" type="number" inputmode="decimal" min={0} max={1000} step="0.5" value={r()?.hours?.toString() ?? ""} optional error={fieldError(error(), "body.hours")} />
          <Show when={obligations().some((o) => o.targets?.length)}>
            <TextField label={t("records.target")} name="target" list="training-targets" value={r()?.target ?? ""} optional error={fieldError(error(), "body.target")} />
            <datalist id="training-targets">
              <For each={[...new Set(obligations().flatMap((o) => o.targets ?? []))]}>{(x) => <option value={x} />}</For>
            </datalist>
          </Show>
        </Match>
        <Match when={kind() === "drill"}>
          <TextField label={t("records.drillType")} hint={t("records.drillTypeHint")} name="drillType" value={r()?.drillType ?? ""} optional error={fieldError(error(), "body.drillType")} />
          <TextField label={t("records.participantCount")} name="participantCount" type="number" inputmode="numeric" min={0} value={r()?.participantCount?.toString() ?? ""} optional error={fieldError(error(), "body.participantCount")} />
        </Match>
        <Match when={kind() === "publicity"}>
          <TextField label={t("records.target")} name="target" list="publicity-targets" value={r()?.target ?? ""} optional error={fieldError(error(), "body.target")} />
          <datalist id="publicity-targets">
            <For each={[...new Set(obligations().flatMap((o) => o.targets ?? []))]}>{(x) => <option value={x} />}</For>
          </datalist>
          <TextField label={t("records.campaign")} name="campaign" list="publicity-occasions" value={r()?.campaign ?? ""} optional error={fieldError(error(), "body.campaign")} />
          <datalist id="publicity-occasions">
            <For each={[...new Set(obligations().flatMap((o) => (o.occasions ?? []).map((x) => pick(x.name, locale()))))]}>{(x) => <option value={x} />}</For>
          </datalist>
          <TextField label={t("records.audienceCount")} name="audienceCount" type="number" inputmode="numeric" min={0} value={r()?.audienceCount?.toString() ?? ""} optional error={fieldError(error(), "body.audienceCount")} />
        </Match>
        <Match when={kind() === "ledger_report"}>
          <TextField label={t("gaps.ledgerMonth")} name="ledgerMonth" type="month" max={todayLocal().slice(0, 7)} value={r()?.ledgerMonth ?? todayLocal().slice(0, 7)} required error={fieldError(error(), "body.ledgerMonth")} />
          <div class="field-row">
            <TextField label={t("gaps.ledgerDiscovered")} name="ledgerDiscovered" type="number" inputmode="numeric" min={0} value={r()?.ledgerCounts?.discovered?.toString() ?? ""} required error={fieldError(error(), "body.ledgerCounts.discovered") ?? fieldError(error(), "body.ledgerCounts")} />
            <TextField label={t("gaps.ledgerClosed")} name="ledgerClosed" type="number" inputmode="numeric" min={0} value={r()?.ledgerCounts?.closed?.toString() ?? ""} required error={fieldError(error(), "body.ledgerCounts.closed")} />
          </div>
        </Match>
      </Switch>
      <CheckboxGroup
        legend={t("records.attendees")}
        hint={t("records.attendeesHint")}
        name="attendees"
        options={people().map((p) => ({ value: p.personId, label: p.name }))}
        checked={r()?.attendees.map((a) => a.personId) ?? []}
        empty={t("records.noPeople")}
        error={listFieldError(error(), "body.attendees")}
      />
      <TextArea label={t("records.note")} name="note" value={r()?.note} optional error={fieldError(error(), "body.note")} />
      <div class="actions">
        <SubmitButton pending={submission().pending ?? false}>{props.record ? t("records.save") : t("records.addSubmit")}</SubmitButton>
        <CancelButton onClick={() => { submission().clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}
