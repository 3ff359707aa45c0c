import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show, type JSX } from "solid-js";
import type { OrganisationView, PolicyProfile, StandardItem, User } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { fieldError, FormError, formValues, Notice, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { setItemAction, setMilestoneAction } from "../../organisation/data.ts";
import { formatDate, pick, todayLocal } from "../../organisation/labels.ts";
import { CancelButton, SectionHead, TextArea } from "../../organisation/ui.tsx";

interface Ctx {
  me: User;
  profile: PolicyProfile;
  org: OrganisationView;
}

/** The date an item was met (empty: not met) and what shows it. */
function ItemForm(props: { nodeId: string; standardId: string; item: StandardItem; onDone: (m: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const submit = useAction(setItemAction);
  const submission = useSubmission(setItemAction, (input) => input[1] === props.standardId && input[2] === props.item.itemId);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    // A numeric item (an office that fits ≥ N people) sends its value with the date it was measured.
    const value = props.item.min !== undefined && v.value ? { value: Number(v.value) } : {};
    submit(props.nodeId, props.standardId, props.item.itemId, { metOn: v.metOn || null, ...value, ...(v.evidence ? { evidence: v.evidence } : {}) })
      .then(() => {
        submission.clear();
        props.onDone(t("standards.saved", { name: pick(props.item.name, locale()) }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={`${t("standards.record")} ${pick(props.item.name, locale())}`}>
      <FormError error={submission.error} paths={["body.metOn", "body.value", "body.evidence"]} />
      <TextField label={t("standards.metOn")} hint={t("standards.metOnHint")} name="metOn" type="date" max={todayLocal()} value={props.item.metOn ?? ""} optional error={fieldError(submission.error, "body.metOn")} />
      <Show when={props.item.min !== undefined}>
        <TextField label={t("gaps.value")} hint={t("gaps.valueHint", { min: props.item.min ?? 0, unit: pick(props.item.unit ?? { zh: "", en: "" }, locale()) })} name="value" type="number" min="0" step="any" inputmode="decimal" value={props.item.value ?? ""} error={fieldError(submission.error, "body.value")} />
      </Show>
      <TextArea label={t("standards.evidence")} hint={t("standards.evidenceHint")} name="evidence" value={props.item.evidence} optional error={fieldError(submission.error, "body.evidence")} />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("standards.save")}</SubmitButton>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

/**
 * One item of a checklist: its mark and name, what is known of it (and the
 * evidence, if any), the button that records it, and its form while editing.
 */
function CheckRow(props: Ctx & { testId: string; name: StandardItem["name"]; metOn?: string | undefined; evidence?: string | undefined; editing: boolean; onEdit: () => void; meta: JSX.Element; children: JSX.Element }) {
  const { t, locale } = useI18n();
  return (
    <li class="check-item" data-testid={props.testId} classList={{ met: Boolean(props.metOn) }}>
      <div class="user-summary">
        <div class="user-main">
          <div class="user-name">
            <span class="check-mark" aria-hidden="true">{props.metOn ? "✓" : "○"}</span>
            {pick(props.name, locale())}
          </div>
          {props.meta}
          <Show when={props.evidence}>
            <div class="user-meta">{t("standards.evidenceShown", { text: props.evidence ?? "" })}</div>
          </Show>
        </div>
        <Show when={can(props.me.role, "org.manage") && props.org.node.status === "active" && !props.editing}>
          <div class="user-actions">
            <button type="button" class="button button-secondary" onClick={() => props.onEdit()}>{t("standards.record")}</button>
          </div>
        </Show>
      </div>
      <Show when={props.editing}>{props.children}</Show>
    </li>
  );
}

function ItemRow(props: Ctx & { standardId: string; item: StandardItem; onDone: (m: string) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  return (
    <CheckRow {...props} testId="standard-item" name={props.item.name} metOn={props.item.met === false ? undefined : props.item.metOn} evidence={props.item.evidence} editing={editing()} onEdit={() => setEditing(true)}
      meta={
        <>
          <div class="user-meta">{props.item.metOn ? t("standards.metSince", { date: formatDate(props.item.metOn, locale()) }) : t("standards.notMet")}</div>
          <Show when={props.item.min !== undefined}>
            <div class="user-meta" data-testid="item-value">
              {props.item.value !== undefined
                ? t("gaps.valueShown", { value: props.item.value, min: props.item.min ?? 0, unit: pick(props.item.unit ?? { zh: "", en: "" }, locale()) })
                : t("gaps.noValue", { min: props.item.min ?? 0, unit: pick(props.item.unit ?? { zh: "", en: "" }, locale()) })}
            </div>
          </Show>
        </>
      }>
      <ItemForm nodeId={props.org.node.nodeId} standardId={props.standardId} item={props.item} onDone={(m) => { setEditing(false); props.onDone(m); }} onCancel={() => setEditing(false)} />
    </CheckRow>
  );
}

function MilestoneRow(props: Ctx & { milestone: OrganisationView["milestones"][number]; onDone: (m: string) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const submit = useAction(setMilestoneAction);
  const submission = useSubmission(setMilestoneAction, (input) => input[1] === props.milestone.milestoneId);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    submit(props.org.node.nodeId, props.milestone.milestoneId, { metOn: v.metOn ?? "", ...(v.evidence ? { evidence: v.evidence } : {}) })
      .then(() => {
        submission.clear();
        setEditing(false);
        props.onDone(t("standards.saved", { name: pick(props.milestone.name, locale()) }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <CheckRow {...props} testId="milestone" name={props.milestone.name} metOn={props.milestone.metOn} evidence={props.milestone.evidence} editing={editing()} onEdit={() => setEditing(true)}
      meta={
        <>
          <div class="user-meta">
            {t("standards.by", { date: formatDate(props.milestone.by, locale()) })}
            <Show when={props.milestone.sourceRef}>{(ref) => <> · {t("compliance.clause", { clause: ref() })}</>}</Show>
          </div>
          <div class="user-meta">{props.milestone.metOn ? t("standards.doneOn", { date: formatDate(props.milestone.metOn, locale()) }) : t("standards.notDone")}</div>
        </>
      }>
      <form class="form panel" onSubmit={onSubmit} aria-label={`${t("standards.record")} ${pick(props.milestone.name, locale())}`}>
        <FormError error={submission.error} paths={["body.metOn", "body.evidence"]} />
        <TextField label={t("standards.doneDate")} name="metOn" type="date" max={todayLocal()} value={props.milestone.metOn ?? todayLocal()} required error={fieldError(submission.error, "body.metOn")} />
        <TextArea label={t("standards.evidence")} name="evidence" value={props.milestone.evidence} optional error={fieldError(submission.error, "body.evidence")} />
        <div class="actions">
          <SubmitButton pending={submission.pending ?? false}>{t("standards.save")}</SubmitButton>
          <CancelButton onClick={() => { submission.clear(); setEditing(false); }} />
        </div>
      </form>
    </CheckRow>
  );
}

/** Each station standard of the node's bodies (e.g. the items of 八有), item by item; and the milestones due at its level. */
export function StandardsSection(props: Ctx) {
  const { t, locale } = useI18n();
  const [flash, setFlash] = createSignal<string>();
  const standards = () => props.org.bodies.flatMap((b) => b.standards.map((s) => ({ ...s, body: b })));
  return (
    <section>
      <SectionHead title={t("standards.title")} />
      <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
      <Show when={standards().length || props.org.milestones.length} fallback={<p class="muted">{t("standards.empty")}</p>}>
        <For each={standards()}>
          {(standard) => (
            <div class="standard" data-testid="standard">
              <h3 class="subhead">
                {pick(standard.name, locale())} · {pick(standard.body.name, locale())}
              </h3>
              <p class="hint">
                {t("standards.progress", { met: standard.items.filter((i) => i.metOn && i.met !== false).length, total: standard.items.length })}
                <Show when={standard.deadline}>{(d) => <> · {t("standards.deadline", { date: formatDate(d(), locale()) })}</>}</Show>
                <Show when={standard.sourceRef}>{(ref) => <> · {t("compliance.clause", { clause: ref() })}</>}</Show>
              </p>
              <ul class="check-list">
                <For each={standard.items}>{(item) => <ItemRow {...props} standardId={standard.standardId} item={item} onDone={setFlash} />}</For>
              </ul>
            </div>
          )}
        </For>
        <Show when={props.org.milestones.length}>
          <h3 class="subhead">{t("standards.milestones")}</h3>
          <ul class="check-list">
            <For each={props.org.milestones}>{(m) => <MilestoneRow {...props} milestone={m} onDone={setFlash} />}</For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
