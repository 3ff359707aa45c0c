import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { NodeWarning, PolicyProfile, Warning } from "@firegov/core/contract";
import { DEFAULT_WARNINGS, levelFor } from "@firegov/core/browser";
import { warningPhotoTarget } from "../../api/files.ts";
import { exportWarning } from "../../api/warnings.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, Notice, revealProblem, SelectField, SubmitButton, submissionKey, TextAreaField, TextField } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { PhotoPicker } from "../../components/photo-picker.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { formatDateTime } from "../../display.ts";
import { levelNamesOf } from "../../levels.ts";
import { useI18n } from "../../i18n/index.tsx";
import { saveFile } from "../profile/data.ts";
import { answer, issue, issuedWarnings, myNodeWarnings, warningById } from "./data.ts";

const STATE_TONE = { pending: "badge-warn", answered: "badge-ok", escalated: "" } as const;
const FORM_PATHS = ["body.title", "body.text", "body.level", "body.answerWithinHours", "body.targets", "body.targets.level", "body.targets.nodeIds"] as const;

const levelsOf = (profile: PolicyProfile | undefined) => (profile?.warnings ?? DEFAULT_WARNINGS).levels;

/** One warning sent to my node: read it, answer (叫应) with one tap, add the measures. */
function NodeWarningCard(props: { w: NodeWarning; levelName: string }) {
  const { t, locale } = useI18n();
  const [measures, setMeasures] = createSignal(props.w.measures ?? "");
  const [photos, setPhotos] = createSignal<string[]>([]);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal(false);
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await answer(props.w.warningId, props.w.nodeId, { ...(measures().trim() ? { measures: measures().trim() } : {}), ...(photos().length ? { photos: [...props.w.photos, ...photos()] } : {}) });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <li class="task-card" data-testid="node-warning" classList={{ "task-card-overdue": props.w.state === "escalated" }}>
      <div class="task-card-link">
        <div class="task-card-head">
          <strong>{props.w.title}</strong>
          <span class="badge badge-level">{props.levelName}</span>
          <span class={`badge ${STATE_TONE[props.w.state]}`}>{t(`warnings.state.${props.w.state}`)}</span>
          <Show when={props.w.late}>
            <span class="badge badge-warn">{t("warnings.late")}</span>
          </Show>
        </div>
        <p>{props.w.text}</p>
        <div class="task-card-meta">
          <span>{t("warnings.deadline", { at: formatDateTime(props.w.deadline, locale()) })}</span>
          <Show when={props.w.ackAt}>{(at) => <span>{t("warnings.ackAt", { at: formatDateTime(at(), locale()) })}</span>}</Show>
        </div>
        <form class="form" onSubmit={send} aria-label={`${t("warnings.answer")}：${props.w.title}`} novalidate>
          <FormError error={error()} paths={["body.measures"]} />
          <TextAreaField label={t("warnings.measures")} hint={t("warnings.measuresHint")} value={measures()} onInput={(e) => setMeasures(e.currentTarget.value)} error={fieldError(error(), "body.measures")} rows={2} maxLength={2000} />
          <PhotoPicker max={9} onChange={setPhotos} upload={warningPhotoTarget(props.w.warningId, props.w.nodeId)} />
          <SubmitButton pending={pending()}>{props.w.ackAt ? t("warnings.update") : t("warnings.answer")}</SubmitButton>
          <Show when={done()}>
            <Notice tone="success">{t("warnings.answered")}</Notice>
          </Show>
        </form>
      </div>
    </li>
  );
}

/** Every node's state of one warning, live from the API, with the xlsx export. */
function WarningDetails(props: { warningId: string }) {
  const { t, locale } = useI18n();
  const detail = createAsync(() => warningById(props.warningId));
  const [exportError, setExportError] = createSignal<unknown>();
  const download = async () => {
    setExportError(undefined);
    try {
      saveFile(await exportWarning(props.warningId));
    } catch (err) {
      setExportError(err);
    }
  };
  return (
    <Loading>
      <Show when={detail()}>
        {(d) => (
          <div data-testid="warning-details">
            <table class="table">
              <caption>{d().title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("warnings.node")}</th>
                  <th scope="col">{t("warnings.status")}</th>
                  <th scope="col">{t("warnings.time")}</th>
                  <th scope="col">{t("warnings.measures")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().items}>
                  {(row) => (
                    <tr data-testid="warning-target">
                      <td>{row.nodeName}</td>
                      <td>
                        {t(`warnings.state.${row.state}`)}
                        <Show when={row.late}> · {t("warnings.late")}</Show>
                      </td>
                      <td>{row.ackAt ? formatDateTime(row.ackAt, locale()) : "—"}</td>
                      <td>{row.measures ?? "—"}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <FormError error={exportError()} paths={[]} />
            <button type="button" class="button button-secondary" onClick={() => void download()}>
              {t("warnings.export")}
            </button>
          </div>
        )}
      </Show>
    </Loading>
  );
}

function IssuedWarning(props: { w: Warning; levelName: string }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = createSignal(false);
  return (
    <li class="task-card" data-testid="issued-warning">
      <div class="task-card-link">
        <div class="task-card-head">
          <strong>{props.w.title}</strong>
          <span class="badge badge-level">{props.levelName}</span>
          <span class="badge badge-muted">{t(`warnings.warningState.${props.w.state}`)}</span>
        </div>
        <div class="task-card-meta">
          <span data-testid="answer-rate">{t("warnings.rate", { rate: props.w.answerRate, answered: props.w.answered, targets: props.w.targets })}</span>
          <span>{t("warnings.deadline", { at: formatDateTime(props.w.deadline, locale()) })}</span>
          <Show when={props.w.escalated}>
            <span>{t("warnings.escalatedCount", { count: props.w.escalated })}</span>
          </Show>
        </div>
        <button type="button" class="link-button" aria-expanded={open()} onClick={() => setOpen(!open())}>
          {open() ? t("warnings.hide") : t("warnings.details")}
        </button>
        <Show when={open()}>
          <WarningDetails warningId={props.w.warningId} />
        </Show>
      </div>
    </li>
  );
}

function IssueForm(props: { profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const key = submissionKey();
  const levels = () => levelsOf(props.profile);
  const tree = () => props.profile?.levels.map((l) => l.id) ?? [];
  const [title, setTitle] = createSignal("");
  const [text, setText] = createSignal("");
  const [level, setLevel] = createSignal(levels()[0]?.id ?? "");
  const [hours, setHours] = createSignal("");
  // The village-like level by default (the profile's own id for it), else the lowest.
  const [target, setTarget] = createSignal((props.profile && levelFor(props.profile, "village")?.id) ?? tree()[tree().length - 1] ?? "");
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [issued, setIssued] = createSignal<number>();
  const renew = <T,>(set: (v: T) => void) => (v: T) => {
    key.renew();
    set(v);
  };
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setPending(true);
    setError(undefined);
    setIssued(undefined);
    try {
      const w = await issue({ title: title().trim(), text: text().trim(), level: level(), ...(hours() ? { answerWithinHours: Number(hours()) } : {}), targets: { level: target() } }, key.current());
      key.renew();
      setIssued(w.targets);
      setTitle("");
      setText("");
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };
  const levelHours = () => levels().find((l) => l.id === level())?.answerHours ?? 0;
  return (
    <form class="form" onSubmit={send} aria-label={t("warningForm.title")} novalidate>
      <h2>{t("warningForm.title")}</h2>
      <FormError error={error()} paths={FORM_PATHS} />
      <TextField label={t("warningForm.heading")} value={title()} onInput={(e) => renew(setTitle)(e.currentTarget.value)} error={fieldError(error(), "body.title")} maxLength={60} />
      <TextAreaField label={t("warningForm.text")} value={text()} onInput={(e) => renew(setText)(e.currentTarget.value)} error={fieldError(error(), "body.text")} rows={3} />
      <SelectField label={t("warningForm.level")} value={level()} onChange={(e) => renew(setLevel)(e.currentTarget.value)} error={fieldError(error(), "body.level")}>
        <For each={levels()}>{(l) => <option value={l.id}>{name(l.name)}</option>}</For>
      </SelectField>
      <TextField label={t("warningForm.hours")} hint={t("warningForm.hoursHint", { hours: levelHours() })} type="number" inputmode="numeric" min={1} max={720} value={hours()} onInput={(e) => renew(setHours)(e.currentTarget.value)} error={fieldError(error(), "body.answerWithinHours")} optional />
      <SelectField label={t("warningForm.targets")} hint={t("warningForm.targetLevel")} value={target()} onChange={(e) => renew(setTarget)(e.currentTarget.value)} error={fieldError(error(), "body.targets.level") ?? fieldError(error(), "body.targets")}>
        <For each={props.profile?.levels ?? []}>{(l) => <option value={l.id}>{name(l.name)}</option>}</For>
      </SelectField>
      <SubmitButton pending={pending()}>{t("warningForm.submit")}</SubmitButton>
      <Show when={issued()}>{(n) => <Notice tone="success">{t("warningForm.issued", { count: n() })}</Notice>}</Show>
    </form>
  );
}

/** 预警叫应: my node's warnings to answer; for county and town officers, the form and the warnings issued with their live answer rate. */
export default function WarningsPage() {
  const { t, locale } = useI18n();
  const me = () => signedInUser();
  const mayIssue = () => me() !== undefined && can(me()!.role, "warning.issue");
  const mayAnswer = () => me() !== undefined && can(me()!.role, "warning.answer");
  const profile = createAsync(() => profileInEffect());
  const mine = createAsync(() => myNodeWarnings());
  const issued = createAsync(async () => (mayIssue() ? issuedWarnings() : undefined));
  const levelName = (id: string) => {
    const l = levelsOf(profile()).find((x) => x.id === id);
    return l ? (locale() === "en" ? l.name.en : l.name.zh) : id;
  };
  return (
    <>
      <SectionTabs section="registers" />
      <section class="card">
        <h1>{t("warnings.title")}</h1>
        <p class="hint">{t("warnings.intro", { issuers: levelNamesOf(profile(), ["county", "town"], locale(), locale() === "en" ? "upper levels" : "上级") })}</p>
        <Show when={mayAnswer()}>
          <h2>{t("warnings.mine")}</h2>
          <Loading>
            <ul class="task-list" aria-label={t("warnings.mine")}>
              <For each={mine()?.items} fallback={<li class="hz-empty">{t("warnings.mineEmpty")}</li>}>
                {(w) => <NodeWarningCard w={w} levelName={levelName(w.level)} />}
              </For>
            </ul>
          </Loading>
        </Show>
      </section>
      <Show when={mayIssue()}>
        <section class="card">
          <IssueForm profile={profile()} />
        </section>
        <section class="card">
          <h2>{t("warnings.issued")}</h2>
          <Loading>
            <ul class="task-list" aria-label={t("warnings.issued")}>
              <For each={issued()?.items} fallback={<li class="hz-empty">{t("warnings.issuedEmpty")}</li>}>
                {(w) => <IssuedWarning w={w} levelName={levelName(w.level)} />}
              </For>
            </ul>
          </Loading>
        </section>
      </Show>
    </>
  );
}
