import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Brigade, DutyStatus, ForceKind, OrganisationView, PolicyProfile, User, VehicleType } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { fieldError, FormError, formValues, Notice, revealProblem, SelectField, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { createBrigadeAction, updateBrigadeAction } from "../../organisation/data.ts";
import { DUTIES, dutyName, forceName, forcesOf, gradeName, pick, vehicleName, vehiclesOf } from "../../organisation/labels.ts";
import { CancelButton, CheckboxGroup, checkedValues, listFieldError, listPaths, SectionHead } from "../../organisation/ui.tsx";
import { TeamFields, teamsFrom } from "./teams.tsx";

interface Ctx {
  me: User;
  profile: PolicyProfile;
  org: OrganisationView;
}

const FIELDS = ["body.name", "body.force", "body.grade", "body.dutyStatus", "body.status", "body.lat", "body.lng"];

function BrigadeForm(props: Ctx & { brigade?: Brigade; onDone: (m: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const create = useAction(createBrigadeAction);
  const update = useAction(updateBrigadeAction);
  const creating = useSubmission(createBrigadeAction, (input) => input[0] === props.org.node.nodeId && !props.brigade);
  const updating = useSubmission(updateBrigadeAction, (input) => input[1] === props.brigade?.brigadeId);
  const submission = () => (props.brigade ? updating : creating);
  const error = () => submission().error;
  const members = () => props.org.people.filter((p) => p.status === "active");
  const count = (type: VehicleType) => props.brigade?.vehicles.find((v) => v.type === type)?.count ?? 0;

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const vehicles = vehiclesOf(props.profile).map((type) => ({ type, count: Number(v[`vehicle_${type}`] || 0) })).filter((x) => x.count > 0);
    const fields = {
      name: v.name ?? "",
      dutyStatus: (v.dutyStatus ?? "on_duty") as DutyStatus,
      memberIds: checkedValues(form, "memberIds"),
      vehicles,
      ...((teams) => (teams ? { teams } : {}))(teamsFrom(form, props.profile, props.brigade, locale())),
    };
    const grade = v.grade || null;
    // Where it is based, for the nearest forces of a fire incident: both or neither.
    const placed = v.lat || v.lng ? { lat: v.lat ? Number(v.lat) : undefined, lng: v.lng ? Number(v.lng) : undefined } : undefined;
    const cleared = !placed && props.brigade?.lat !== undefined ? { lat: null, lng: null } : {};
    const status = v.status as Brigade["status"] | undefined;
    const nodeId = props.org.node.nodeId;
    const request = props.brigade
      ? update(nodeId, props.brigade.brigadeId, { ...fields, grade, ...(placed ?? cleared), ...(status ? { status } : {}) })
      : create(nodeId, { ...fields, force: (v.force ?? "micro_station") as ForceKind, ...(grade ? { grade } : {}), ...(placed ?? {}) });
    request
      .then((b) => {
        submission().clear();
        props.onDone(t(props.brigade ? "brigades.saved" : "brigades.added", { name: b.name }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={props.brigade ? `${t("brigades.edit")} ${props.brigade.name}` : t("brigades.add")}>
      <FormError error={error()} paths={[...FIELDS, ...listPaths(error(), "body.memberIds"), ...listPaths(error(), "body.vehicles"), ...listPaths(error(), "body.teams")]} />
      <TextField label={t("brigades.name")} name="name" value={props.brigade?.name ?? ""} required maxLength={200} error={fieldError(error(), "body.name")} />
      <Show when={!props.brigade}>
        <SelectField label={t("brigades.force")} name="force" required error={fieldError(error(), "body.force")}>
          <For each={forcesOf(props.profile)}>{(f) => <option value={f}>{forceName(props.profile, f, locale())}</option>}</For>
        </SelectField>
      </Show>
      <SelectField label={t("brigades.grade")} hint={t("brigades.gradeHint")} name="grade" optional error={fieldError(error(), "body.grade")}>
        <option value="">{t("brigades.noGrade")}</option>
        <For each={props.profile.brigades.grades}>{(g) => <option value={g.id} selected={g.id === props.brigade?.grade}>{pick(g.name, locale())}</option>}</For>
      </SelectField>
      <SelectField label={t("brigades.duty")} name="dutyStatus" error={fieldError(error(), "body.dutyStatus")}>
        <For each={DUTIES}>{(d) => <option value={d} selected={d === (props.brigade?.dutyStatus ?? "on_duty")}>{dutyName(d, locale())}</option>}</For>
      </SelectField>
      <div class="field-row">
        <TextField label={t("brigades.lat")} hint={t("brigades.positionHint")} name="lat" inputmode="decimal" optional value={props.brigade?.lat?.toString() ?? ""} error={fieldError(error(), "body.lat")} />
        <TextField label={t("brigades.lng")} name="lng" inputmode="decimal" optional value={props.brigade?.lng?.toString() ?? ""} error={fieldError(error(), "body.lng")} />
      </div>
      <CheckboxGroup
        legend={t("brigades.members")}
        name="memberIds"
        options={members().map((p) => ({ value: p.personId, label: p.name }))}
        checked={props.brigade?.memberIds ?? []}
        empty={t("brigades.noPeople")}
        error={listFieldError(error(), "body.memberIds")}
      />
      <fieldset class="field vehicle-fields" classList={{ "field-invalid": Boolean(listFieldError(error(), "body.vehicles")) }}>
        <legend>{t("brigades.vehicles")}</legend>
        <div class="inline-fields">
          <For each={vehiclesOf(props.profile)}>
            {(type) => <TextField label={vehicleName(props.profile, type, locale())} name={`vehicle_${type}`} type="number" inputmode="numeric" min={0} max={99} value={String(count(type))} />}
          </For>
        </div>
        <Show when={listFieldError(error(), "body.vehicles")}>{(m) => <p class="field-error">{m()}</p>}</Show>
      </fieldset>
      <TeamFields profile={props.profile} brigade={props.brigade} error={listFieldError(error(), "body.teams")} />
      <Show when={props.brigade}>
        {(b) => (
          <SelectField label={t("brigades.status")} name="status">
            <option value="active" selected={b().status === "active"}>{t("brigades.active")}</option>
            <option value="disbanded" selected={b().status === "disbanded"}>{t("brigades.disbanded")}</option>
          </SelectField>
        )}
      </Show>
      <div class="actions">
        <SubmitButton pending={submission().pending ?? false}>{props.brigade ? t("brigades.save") : t("brigades.addSubmit")}</SubmitButton>
        <CancelButton onClick={() => { submission().clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

function BrigadeItem(props: Ctx & { brigade: Brigade; onDone: (m: string) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const names = () => props.brigade.memberIds.map((id) => props.org.people.find((p) => p.personId === id)?.name).filter(Boolean);
  const vehicles = () => props.brigade.vehicles.map((v) => t("brigades.vehicleCount", { type: vehicleName(props.profile, v.type, locale()), count: v.count })).join("、");
  return (
    <li class="user-item" data-testid="brigade-item" classList={{ retired: props.brigade.status === "disbanded" }}>
      <div class="user-summary">
        <div class="user-main">
          <div class="user-name">
            {props.brigade.name}
            <span class="badge" classList={{ "badge-ok": props.brigade.dutyStatus === "on_duty", "badge-muted": props.brigade.dutyStatus !== "on_duty" }}>{dutyName(props.brigade.dutyStatus, locale())}</span>
            <Show when={props.brigade.status === "disbanded"}>
              <span class="badge badge-muted">{t("brigades.disbanded")}</span>
            </Show>
          </div>
          <div class="user-meta">{[forceName(props.profile, props.brigade.force, locale()), gradeName(props.profile, props.brigade.grade, locale())].filter(Boolean).join(" · ")}</div>
          <div class="user-meta">{t("brigades.memberCount", { count: props.brigade.memberIds.length })}{names().length ? `：${names().join("、")}` : ""}</div>
          <div class="user-meta">{vehicles() || t("brigades.noVehicles")}</div>
          <Show when={props.brigade.teams?.length}>
            <div class="user-meta" data-testid="brigade-teams">{t("gaps.teams")}：{props.brigade.teams!.map((x) => (x.memberCount !== undefined ? `${x.name}（${x.memberCount}）` : x.name)).join("、")}</div>
          </Show>
        </div>
        <Show when={can(props.me.role, "org.manage") && !editing()}>
          <div class="user-actions">
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>{t("brigades.edit")}</button>
          </div>
        </Show>
      </div>
      <Show when={editing()}>
        <BrigadeForm {...props} onDone={(m) => { setEditing(false); props.onDone(m); }} onCancel={() => setEditing(false)} />
      </Show>
    </li>
  );
}

/** Brigades and micro stations based at the node, and those covering it from elsewhere. */
export function BrigadesSection(props: Ctx) {
  const { t, locale } = useI18n();
  const [adding, setAdding] = createSignal(false);
  const [flash, setFlash] = createSignal<string>();
  return (
    <section>
      <SectionHead title={t("brigades.title")}>
        <Show when={can(props.me.role, "org.manage") && props.org.node.status === "active" && !adding()}>
          <button type="button" class="button" onClick={() => { setFlash(undefined); setAdding(true); }}>{t("brigades.add")}</button>
        </Show>
      </SectionHead>
      <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
      <Show when={adding()}>
        <BrigadeForm {...props} onDone={(m) => { setAdding(false); setFlash(m); }} onCancel={() => setAdding(false)} />
      </Show>
      <Show when={props.org.brigades.length} fallback={<p class="muted">{t("brigades.empty")}</p>}>
        <ul class="user-list">
          <For each={props.org.brigades}>{(b) => <BrigadeItem {...props} brigade={b} onDone={setFlash} />}</For>
        </ul>
      </Show>
      <Show when={props.org.coveredBy.length}>
        <h3 class="subhead">{t("brigades.coveredBy")}</h3>
        <ul class="plain-list">
          <For each={props.org.coveredBy}>{(c) => <li>{[c.name, forceName(props.profile, c.force, locale()), gradeName(props.profile, c.grade, locale())].filter(Boolean).join(" · ")}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}
