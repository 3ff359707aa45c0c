import { createAsync, useAction, useNavigate, useSubmission } from "@solidjs/router";
import { createSignal, For, Index, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { CampaignPrefill, CreateCampaignInput, JurisdictionNode, PolicyProfile } from "@firegov/core/contract";
import { fieldError, FieldNotes, FormError, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";
import { nodeOptionLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { hazardCodes } from "../hazards/labels.ts";
import { createAction, templates } from "./data.ts";

const OTHER = "other";
const PATHS = ["body.name.zh", "body.name.en", "body.startDate", "body.endDate", "body.areaNodeId", "body.target.kinds", "body.adopt", "body.crossArea"] as const;

interface Form {
  templateId: string;
  nameZh: string;
  nameEn: string;
  startDate: string;
  endDate: string;
  areaNodeId: string;
  kinds: string[];
  riskGrades: string[];
  /** `<category>/<itemId>` */
  adopt: string[];
  custom: { zh: string; hazardCode: string }[];
  crossArea: "" | "rotate";
}

const toggle = (list: readonly string[], id: string, on: boolean) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id));

function CampaignForm(props: { profile: PolicyProfile; nodes: JurisdictionNode[]; prefills: CampaignPrefill[] }) {
  const { t, locale } = useI18n();
  const submit = useAction(createAction);
  const submission = useSubmission(createAction);
  const navigate = useNavigate();
  const key = submissionKey();
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = createStore<Form>({ templateId: "", nameZh: "", nameEn: "", startDate: today, endDate: today, areaNodeId: props.nodes[0]?.nodeId ?? "", kinds: [], riskGrades: [], adopt: [], custom: [], crossArea: "" });
  const [basis, setBasis] = createSignal<string>();
  const err = (path: string) => fieldError(submission.error, path);
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);
  const edit = <K extends keyof Form>(field: K, value: Form[K]) => {
    key.renew();
    setForm(field, value);
  };

  const useTemplate = (id: string) => {
    key.renew();
    const p = props.prefills.find((x) => x.templateId === id);
    if (!p) {
      setForm("templateId", "");
      setBasis(undefined);
      return;
    }
    setForm({
      templateId: p.templateId,
      nameZh: p.name.zh,
      nameEn: p.name.en,
      startDate: p.startDate,
      endDate: p.endDate,
      kinds: [...p.target.kinds],
      riskGrades: [],
      adopt: p.adopt.map((a) => `${a.category}/${a.itemId}`),
      custom: p.custom.map((c) => ({ zh: c.name.zh, hazardCode: c.hazardCode })),
      crossArea: p.crossArea ? "rotate" : "",
    });
    setBasis(name(p.assumption));
  };

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    const input: CreateCampaignInput = {
      name: { zh: form.nameZh.trim(), ...(form.nameEn.trim() ? { en: form.nameEn.trim() } : {}) },
      startDate: form.startDate,
      endDate: form.endDate,
      areaNodeId: form.areaNodeId,
      target: { ...(form.kinds.length ? { kinds: [...form.kinds] } : {}), ...(form.riskGrades.length ? { riskGrades: [...form.riskGrades] } : {}) },
      adopt: form.adopt.map((a) => {
        const [category, itemId] = a.split("/") as [string, string];
        return { category, itemId };
      }),
      custom: form.custom.map((c) => ({ name: { zh: c.zh.trim() }, hazardCode: c.hazardCode })),
      ...(form.crossArea ? { crossArea: { mode: form.crossArea } } : {}),
      ...(form.templateId ? { templateId: form.templateId } : {}),
    };
    submit(input, key.current())
      .then((created) => {
        key.renew();
        submission.clear();
        navigate(`/campaigns/${created.campaignId}`);
      })
      .catch(() => queueMicrotask(() => revealProblem(el)));
  };

  return (
    <form class="form" onSubmit={onSubmit} aria-label={t("campaignForm.title")} novalidate>
      <FormError error={submission.error} paths={PATHS} />
      <SelectField label={t("campaignForm.template")} name="template" value={form.templateId} onChange={(e) => useTemplate(e.currentTarget.value)}>
        <option value="">{t("campaignForm.noTemplate")}</option>
        <For each={props.prefills}>{(p) => <option value={p.templateId}>{name(p.name)}</option>}</For>
      </SelectField>
      <Show when={basis()}>{(text) => <p class="hint" data-testid="template-basis">{t("campaignForm.templateBasis", { text: text() })}</p>}</Show>
      <TextField label={t("campaignForm.nameZh")} name="nameZh" required value={form.nameZh} onInput={(e) => edit("nameZh", e.currentTarget.value)} error={err("body.name.zh")} />
      <TextField label={t("campaignForm.nameEn")} name="nameEn" optional value={form.nameEn} onInput={(e) => edit("nameEn", e.currentTarget.value)} error={err("body.name.en")} />
      <TextField label={t("campaignForm.startDate")} name="startDate" type="date" required value={form.startDate} onInput={(e) => edit("startDate", e.currentTarget.value)} error={err("body.startDate")} />
      <TextField label={t("campaignForm.endDate")} name="endDate" type="date" required value={form.endDate} onInput={(e) => edit("endDate", e.currentTarget.value)} error={err("body.endDate")} />
      <SelectField label={t("campaignForm.area")} name="areaNodeId" required value={form.areaNodeId} onChange={(e) => edit("areaNodeId", e.currentTarget.value)} error={err("body.areaNodeId")}>
        <option value="">{t("campaignForm.chooseArea")}</option>
        <For each={props.nodes}>{(n) => <option value={n.nodeId}>{nodeOptionLabel(n, props.nodes[0])}</option>}</For>
      </SelectField>

      <fieldset class="field check-group" classList={{ "field-invalid": Boolean(err("body.target.kinds")) }}>
        <legend>{t("campaignForm.target")}</legend>
        <p class="hint">{t("campaignForm.targetHint")}</p>
        <p>{t("campaignForm.kinds")}</p>
        <div class="check-options">
        <For each={props.profile.venues.kinds}>
          {(k) => (
            <label class="check">
              <input type="checkbox" name="kind" value={k.id} checked={form.kinds.includes(k.id)} onChange={(e) => edit("kinds", toggle(form.kinds, k.id, e.currentTarget.checked))} />
              {name(k.name)}
            </label>
          )}
        </For>
        </div>
        <Show when={props.profile.venues.riskGrades.length}>
          <p>{t("campaignForm.riskGrades")}</p>
          <For each={props.profile.venues.riskGrades}>
            {(g) => (
              <label class="check">
                <input type="checkbox" name="riskGrade" value={g.id} checked={form.riskGrades.includes(g.id)} onChange={(e) => edit("riskGrades", toggle(form.riskGrades, g.id, e.currentTarget.checked))} />
                {name(g.name)}
              </label>
            )}
          </For>
        </Show>
        <FieldNotes error={err("body.target.kinds")} />
      </fieldset>

      <fieldset class="field check-group" classList={{ "field-invalid": Boolean(err("body.adopt")) }}>
        <legend>{t("campaignForm.checklist")}</legend>
        <p class="hint">{t("campaignForm.checklistHint")}</p>
        <For each={props.profile.inspectionCategories.filter((c) => c.checklist.length)}>
          {(category) => (
            <div data-testid="adopt-category">
              <p>{name(category.name)}</p>
              <div class="check-options">
              <For each={category.checklist}>
                {(item) => {
                  const id = `${category.id}/${item.id}`;
                  return (
                    <label class="check">
                      <input type="checkbox" name="adopt" value={id} checked={form.adopt.includes(id)} onChange={(e) => edit("adopt", toggle(form.adopt, id, e.currentTarget.checked))} />
                      {name(item.name)}
                    </label>
                  );
                }}
              </For>
              </div>
            </div>
          )}
        </For>
        <p>{t("campaignForm.custom")}</p>
        <Index each={form.custom}>
          {(c, i) => (
            <div class="custom-item" data-testid="custom-item">
              <TextField label={t("campaignForm.customName")} value={c().zh} onInput={(e) => edit("custom", form.custom.map((x, j) => (j === i ? { ...x, zh: e.currentTarget.value } : x)))} error={err(`body.custom[${i}].name.zh`)} />
              <SelectField label={t("campaignForm.customCode")} value={c().hazardCode} onChange={(e) => edit("custom", form.custom.map((x, j) => (j === i ? { ...x, hazardCode: e.currentTarget.value } : x)))} error={err(`body.custom[${i}].hazardCode`)}>
                <For each={hazardCodes(props.profile)}>{(code) => <option value={code.id}>{name(code.name)}</option>}</For>
                <option value={OTHER}>{t("campaignForm.otherCode")}</option>
              </SelectField>
              <button type="button" class="link-button" onClick={() => edit("custom", form.custom.filter((_, j) => j !== i))}>
                {t("campaignForm.remove")}
              </button>
            </div>
          )}
        </Index>
        <button type="button" class="button button-secondary" onClick={() => edit("custom", [...form.custom, { zh: "", hazardCode: OTHER }])}>
          {t("campaignForm.addCustom")}
        </button>
        <FieldNotes error={err("body.adopt")} />
      </fieldset>

      <SelectField label={t("campaignForm.crossAreaMode")} name="crossArea" value={form.crossArea} onChange={(e) => edit("crossArea", e.currentTarget.value as Form["crossArea"])} error={err("body.crossArea")}>
        <option value="">{t("campaignForm.crossNone")}</option>
        <option value="rotate">{t("campaignForm.crossRotate")}</option>
      </SelectField>
      <SubmitButton pending={submission.pending ?? false}>{t("campaignForm.submit")}</SubmitButton>
    </form>
  );
}

/** 发起专项整治: a template's first values (holidays, major events, cross-area), the area, the targets and the checklist. */
export default function NewCampaignPage() {
  const { t } = useI18n();
  const profile = createAsync(() => profileInEffect());
  const nodes = createAsync(() => activeNodes());
  const prefills = createAsync(() => templates());
  return (
    <section class="card narrow">
      <h1>{t("campaignForm.title")}</h1>
      <p class="hint">{t("campaignForm.intro")}</p>
      <Loading>
        <Show when={profile() && nodes() && prefills()}>
          <CampaignForm profile={profile()!} nodes={nodes()!} prefills={prefills()!.items} />
        </Show>
      </Loading>
    </section>
  );
}
