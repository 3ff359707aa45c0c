import { useAction, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { JurisdictionNode, PolicyProfile } from "@firegov/core/contract";
import { fieldError, FormError, formValues, optional, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { createNodeAction, moveNodeAction, retireNodeAction, updateNodeAction } from "../../organisation/data.ts";
import { childLevelOf, levelName, nodeLabel, parentLevelOf, pick, tierName } from "../../organisation/labels.ts";
import { CancelButton } from "../../organisation/ui.tsx";

interface PanelProps {
  node: JurisdictionNode;
  profile: PolicyProfile;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const forNode = (nodeId: string) => (input: [string, ...unknown[]]) => input[0] === nodeId;

/** A child at the level below, named and (when the level has several) of a unit kind. */
export function CreateChildForm(props: PanelProps) {
  const { t, locale } = useI18n();
  const submit = useAction(createNodeAction);
  const submission = useSubmission(createNodeAction, (input) => input[0].parentId === props.node.nodeId);
  const key = submissionKey();
  const level = () => childLevelOf(props.profile, props.node.level)!;
  const levelText = () => pick(level().name, locale());
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    submit({ parentId: props.node.nodeId, name: v.name ?? "", ...(v.unit ? { unit: v.unit } : {}) }, key.current())
      .then((created) => {
        key.renew();
        submission.clear();
        props.onDone(t("tree.created", { level: levelText(), name: created.name }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} onInput={key.renew} aria-label={t("tree.addChild", { level: levelText() })}>
      <FormError error={submission.error} paths={["body.name", "body.unit", "body.parentId"]} />
      <p class="hint">{t("tree.addChildUnder", { level: levelText(), parent: props.node.name })}</p>
      <TextField label={t("tree.name", { level: levelText() })} name="name" required maxLength={60} error={fieldError(submission.error, "body.name") ?? fieldError(submission.error, "body.parentId")} />
      <Show when={level().units.length > 1}>
        <SelectField label={t("tree.unit")} name="unit" required error={fieldError(submission.error, "body.unit")}>
          <For each={level().units}>{(unit) => <option value={unit}>{unit}</option>}</For>
        </SelectField>
      </Show>
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("tree.create")}</SubmitButton>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

/** A new name, and the unit kind when the level has several. */
export function RenameForm(props: PanelProps) {
  const { t } = useI18n();
  const submit = useAction(updateNodeAction);
  const submission = useSubmission(updateNodeAction, forNode(props.node.nodeId));
  const units = () => props.profile.levels.find((l) => l.id === props.node.level)?.units ?? [];
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const changes = { ...(v.name !== props.node.name ? { name: v.name ?? "" } : {}), ...(v.unit && v.unit !== props.node.unit ? { unit: v.unit } : {}) };
    if (Object.keys(changes).length === 0) return props.onCancel();
    submit(props.node.nodeId, changes)
      .then((node) => {
        submission.clear();
        props.onDone(t("tree.saved", { name: node.name }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={`${t("tree.rename")} ${props.node.name}`}>
      <FormError error={submission.error} paths={["body.name", "body.unit"]} />
      <TextField label={t("tree.newName")} name="name" value={props.node.name} required maxLength={60} error={fieldError(submission.error, "body.name")} />
      <Show when={units().length > 1}>
        <SelectField label={t("tree.unit")} name="unit" error={fieldError(submission.error, "body.unit")}>
          <For each={units()}>{(unit) => <option value={unit} selected={unit === props.node.unit}>{unit}</option>}</For>
        </SelectField>
      </Show>
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("tree.save")}</SubmitButton>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

/** Under another parent of the level above; the node keeps its people, records and history. */
export function MoveForm(props: PanelProps & { nodes: readonly JurisdictionNode[] }) {
  const { t, locale } = useI18n();
  const submit = useAction(moveNodeAction);
  const submission = useSubmission(moveNodeAction, forNode(props.node.nodeId));
  const parentLevel = () => parentLevelOf(props.profile, props.node.level);
  const levelText = () => (parentLevel() ? pick(parentLevel()!.name, locale()) : "");
  const candidates = () => props.nodes.filter((n) => n.status === "active" && n.level === parentLevel()?.id && n.nodeId !== props.node.parentId);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const parentId = formValues(form).parentId ?? "";
    submit(props.node.nodeId, parentId)
      .then(() => {
        submission.clear();
        props.onDone(t("tree.moved", { name: props.node.name, parent: props.nodes.find((n) => n.nodeId === parentId)?.name ?? "" }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <Show
      when={candidates().length}
      fallback={
        <div class="panel">
          <p>{t("tree.moveNone", { level: levelText() })}</p>
          <CancelButton onClick={props.onCancel} label={t("tree.close")} />
        </div>
      }
    >
      <form class="form panel" onSubmit={onSubmit} aria-label={`${t("tree.move")} ${props.node.name}`}>
        <FormError error={submission.error} paths={["body.parentId"]} />
        <SelectField label={t("tree.moveTo", { level: levelText() })} hint={t("tree.moveHint", { name: props.node.name })} name="parentId" required error={fieldError(submission.error, "body.parentId")}>
          <For each={candidates()}>{(n) => <option value={n.nodeId}>{nodeLabel(props.profile, n)}</option>}</For>
        </SelectField>
        <div class="actions">
          <SubmitButton pending={submission.pending ?? false}>{t("tree.move")}</SubmitButton>
          <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
        </div>
      </form>
    </Show>
  );
}

/** Asks first; when the API refuses (active children) its reason stays in the panel. */
export function RetireConfirm(props: PanelProps) {
  const { t } = useI18n();
  const submit = useAction(retireNodeAction);
  const submission = useSubmission(retireNodeAction, forNode(props.node.nodeId));
  const confirm = () =>
    submit(props.node.nodeId)
      .then(() => {
        submission.clear();
        props.onDone(t("tree.retireDone", { name: props.node.name }));
      })
      .catch(() => {});
  return (
    <div class="panel" role="group" aria-label={`${t("tree.retire")} ${props.node.name}`}>
      <FormError error={submission.error} paths={[]} />
      <p>{t("tree.confirmRetire", { name: props.node.name })}</p>
      <Show when={(props.node.activeChildren ?? 0) > 0 && !submission.error}>
        <p class="hint">{t("tree.retireChildren", { count: props.node.activeChildren ?? 0 })}</p>
      </Show>
      <div class="actions">
        <button type="button" class="button button-danger" disabled={submission.pending} onClick={() => void confirm()}>
          {t("tree.retire")}
        </button>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </div>
  );
}

/** A town's tier sets its staffing minimums: tenant admins only. */
export function TierForm(props: PanelProps) {
  const { t, locale } = useI18n();
  const submit = useAction(updateNodeAction);
  const submission = useSubmission(updateNodeAction, forNode(props.node.nodeId));
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const tier = optional(formValues(form).tier);
    if ((tier ?? undefined) === props.node.tier) return props.onCancel();
    submit(props.node.nodeId, { tier: tier ?? null })
      .then((node) => {
        submission.clear();
        props.onDone(node.tier ? t("tree.tierSaved", { name: node.name, tier: tierName(props.profile, node.tier, locale()) }) : t("tree.tierCleared", { name: node.name }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={`${t("tree.setTier")} ${props.node.name}`}>
      <FormError error={submission.error} paths={["body.tier"]} />
      <SelectField label={t("tree.tier")} hint={t("tree.tierHint", { level: levelName(props.profile, props.node.level, locale()) })} name="tier" error={fieldError(submission.error, "body.tier")}>
        <option value="" selected={!props.node.tier}>{t("tree.tierNone")}</option>
        <For each={props.profile.staffing.tiers}>{(tier) => <option value={tier.id} selected={tier.id === props.node.tier}>{pick(tier.name, locale())}</option>}</For>
      </SelectField>
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("tree.save")}</SubmitButton>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}
