import { createAsync, revalidate, useAction, useLocation, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { TRANSITIONS } from "@firegov/core/browser";
import type { Hazard, HazardAction, HazardEvent, PolicyProfile } from "@firegov/core/contract";
import { hazardPhotoUrl } from "../../api/files.ts";
import { TipRewardPanel } from "./reward.tsx";
import { ApiError } from "../../api/http.ts";
import { FormError, fieldError, formValues, Notice, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { signedInUser } from "../../auth/session.ts";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { actionInput } from "./action-input.ts";
import { actAction, hazardNode, hazardTimeline } from "./data.ts";
import { actionName, bodyName, codeName, formatDate, handlingName, listingName, LOOP, severityName, sourceName, stateName } from "./labels.ts";
import { PhotoPicker } from "../../components/photo-picker.tsx";
import { Loading } from "../../components/load-error.tsx";
import { profileInEffect, userNames } from "../../data/queries.ts";

/** User names by id, for the timeline and the assignee select. */
type Names = ReadonlyMap<string, string>;

const OVERLAY_ACTIONS: HazardAction[] = ["acknowledge", "escalate", "list", "delist"];
const NEEDS_REASON: HazardAction[] = ["reject", "withdraw", "reopen", "escalate", "list", "delist"];
/** Moves along the loop a resident or a city platform follows: each may carry a note for the public. */
const PUBLIC_NOTE: HazardAction[] = ["register", "dispatch", "start", "submit", "close", "fix_on_spot", "reject", "withdraw", "reopen"];
const TAKES_PHOTOS: HazardAction[] = ["submit", "close", "reject", "fix_on_spot"];

/** 发现 → 立案 → 派遣 → 处置 → 核查 → 结案, the current step marked. */
function Steps(props: { state: string }) {
  const { t, locale } = useI18n();
  const at = () => LOOP.indexOf(props.state as (typeof LOOP)[number]);
  return (
    <ol class="hz-steps" aria-label={t("hazards.state")}>
      <For each={LOOP}>
        {(state, i) => (
          <li classList={{ done: i() < at(), current: i() === at() }} aria-current={i() === at() ? "step" : undefined}>
            <span class="hz-step-dot">{i() + 1}</span>
            <span>{stateName(state, locale())}</span>
          </li>
        )}
      </For>
    </ol>
  );
}

function Facts(props: { hazard: Hazard; profile: PolicyProfile | undefined; names: Names }) {
  const { t, locale } = useI18n();
  const h = () => props.hazard;
  const node = createAsync(() => hazardNode(h().nodeId));
  return (
    <dl class="hz-facts">
      <dt>{t("hazards.severity")}</dt>
      <dd><span class="badge badge-warn">{severityName(props.profile, h().severity, locale())}</span></dd>
      <dt>{t("hazards.code")}</dt>
      <dd>{codeName(props.profile, h().code, h().codeText, locale())}</dd>
      <dt>{t("hazards.deadline")}</dt>
      <dd classList={{ "hz-overdue": h().overdue }}>
        {formatDate(h().deadline, locale())}
        <Show when={h().overdue}> <span class="badge">{t("hazards.overdue")}</span></Show>
      </dd>
      <dt>{t("hazards.handling")}</dt>
      <dd>{handlingName(props.profile, h().handling, locale())}</dd>
      <dt>{t("hazards.node")}</dt>
      <dd>{node()?.name ?? h().nodeId}{h().locationText ? ` · ${h().locationText}` : ""}</dd>
      <Show when={h().assigneeId}>
        {(id) => (<><dt>{t("hazards.assignee")}</dt><dd>{props.names.get(id()) ?? id()}</dd></>)}
      </Show>
      <Show when={h().responsibleParty}>
        {(p) => (<><dt>{t("hazards.responsibleParty")}</dt><dd>{p().name}{p().contact ? ` · ${p().contact}` : ""}</dd></>)}
      </Show>
      <dt>{t("hazards.source")}</dt>
      <dd>{sourceName(h().source, locale())}</dd>
      <Show when={h().reporter.contact}>
        {(c) => (<><dt>{t("hazards.reporter")}</dt><dd>{t("hazards.reporterContact", { contact: c() })}</dd></>)}
      </Show>
    </dl>
  );
}

/** One of the hazard's photos, by a short-lived link the API gives those who may see it. */
function HazardPhoto(props: { hazardId: string; photoKey: string }) {
  const [link] = createResource(() => hazardPhotoUrl(props.hazardId, props.photoKey));
  // A photo whose link fails stays a placeholder: the rest of the page must not fail with it.
  return (
    <Show when={link.state === "ready" && link()} fallback={<span class="photo-placeholder" title={props.photoKey} />}>
      {(l) => (
        <a href={l().url} target="_blank" rel="noopener">
          <img class="hz-photo" src={l().url} alt="" loading="lazy" />
        </a>
      )}
    </Show>
  );
}

function Timeline(props: { hazardId: string; events: HazardEvent[]; names: Names }) {
  const { t, locale } = useI18n();
  const who = (e: HazardEvent) =>
    e.actorType === "user" ? (props.names.get(e.actorId) ?? e.actorName ?? e.actorId) : e.actorType === "public" ? t("hazards.public") : t("hazards.system");
  return (
    <ol class="hz-timeline">
      <For each={props.events}>
        {(e) => (
          <li class="hz-event" data-action={e.action}>
            <div class="hz-event-head">
              <strong>{actionName(e.action, locale())}</strong>
              <Show when={e.from !== e.to}>
                <span class="hz-transition">{stateName(e.from, locale())} → {stateName(e.to, locale())}</span>
              </Show>
            </div>
            <div class="hz-event-meta">{who(e)} · <time datetime={e.at}>{formatDateTime(e.at, locale())}</time></div>
            <Show when={e.note}><p class="hz-note">{e.note}</p></Show>
            <Show when={typeof e.details?.publicNote === "string" && (e.details.publicNote as string)}>
              {(note) => <p class="hz-note">{t("hazards.publicNoteShown", { note: note() })}</p>}
            </Show>
            <Show when={typeof e.details?.mediaUrl === "string" && /^https?:\/\//i.test(e.details.mediaUrl as string) && (e.details.mediaUrl as string)}>
              {(url) => <p class="hz-note"><a href={url()} target="_blank" rel="noopener noreferrer">{t("hazards.platformMedia")}</a></p>}
            </Show>
            <Show when={e.deadlineAfter && e.deadlineAfter !== e.deadlineBefore}>
              <p class="hz-deadline-change">
                {e.deadlineBefore
                  ? t("hazards.deadlineChange", { from: formatDate(e.deadlineBefore, locale()), to: formatDate(e.deadlineAfter, locale()) })
                  : t("hazards.deadlineSet", { to: formatDate(e.deadlineAfter, locale()) })}
              </p>
            </Show>
            <Show when={e.photos?.length}>
              <div class="hz-photos" aria-label={t("hazards.photos", { count: e.photos!.length })}>
                <For each={e.photos}>{(photoKey) => <HazardPhoto hazardId={props.hazardId} photoKey={photoKey} />}</For>
              </div>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}

/** The inputs one action needs, and its submission; a 409 from a change by someone else reloads the hazard. */
function ActionForm(props: { hazard: Hazard; action: HazardAction; profile: PolicyProfile | undefined; names: Names; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const act = useAction(actAction);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [photos, setPhotos] = createSignal<string[]>([]);
  const key = submissionKey();
  const name = () => actionName(props.action, locale());
  const a = props.action;
  const paths = ["body.note", "body.reason", "body.deadline", "body.assigneeId", "body.responsibleParty.name", "body.severity", "body.body", "body.to", "body.level"];

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input = actionInput(a, props.hazard.version, v, photos());
    setPending(true);
    setError(undefined);
    try {
      await act(props.hazard.hazardId, input, key.current());
      key.renew();
      props.onDone(t("hazards.done", { action: name() }));
    } catch (err) {
      const current = err instanceof ApiError && err.status === 409 ? err.fields.find((f) => f.path === "current.version") : undefined;
      if (current && Number(current.message) !== props.hazard.version) {
        // Someone else acted first: say so and show the hazard as it is now.
        const state = err instanceof ApiError ? (err.fields.find((f) => f.path === "current.state")?.message ?? "") : "";
        key.renew();
        props.onDone(t("hazards.conflict", { state: stateName(state, locale()) }));
        return;
      }
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };

  const profile = () => props.profile;
  const others = () => [...props.names].filter(([id]) => id !== signedInUser()?.userId);
  return (
    <form class="form panel hz-action-form" onSubmit={onSubmit} onInput={key.renew} aria-label={name()}>
      <h3>{name()}</h3>
      <FormError error={error()} paths={paths} />
      <Show when={a === "register"}>
        <SelectField label={t("hazards.severity")} name="severity" optional error={fieldError(error(), "body.severity")}>
          <option value="">{severityName(profile(), props.hazard.severity, locale())}</option>
          <For each={profile()?.hazards.severities ?? []}>{(s) => <option value={s.id}>{locale() === "en" ? s.name.en : s.name.zh}</option>}</For>
        </SelectField>
      </Show>
      <Show when={a === "dispatch"}>
        <Show
          when={others().length > 0}
          fallback={<TextField label={t("hazards.assigneeId")} hint={t("hazards.assigneeHint")} name="assigneeId" optional autocapitalize="none" error={fieldError(error(), "body.assigneeId")} />}
        >
          <SelectField label={t("hazards.assignee")} hint={t("hazards.assigneeHint")} name="assigneeId" optional error={fieldError(error(), "body.assigneeId")}>
            <option value="">{t("hazards.me")}</option>
            <For each={others()}>{([id, name]) => <option value={id}>{name}</option>}</For>
          </SelectField>
        </Show>
        <TextField label={t("hazards.responsibleParty")} name="partyName" optional error={fieldError(error(), "body.responsibleParty.name")} />
      </Show>
      <Show when={a === "dispatch" || a === "reject"}>
        <TextField label={t("hazards.newDeadline")} hint={t("hazards.newDeadlineHint")} name="deadline" type="date" optional error={fieldError(error(), "body.deadline")} />
      </Show>
      <Show when={a === "acknowledge"}>
        <SelectField label={t("hazards.body")} name="body" optional error={fieldError(error(), "body.body")}>
          <option value="">{t("hazards.choose")}</option>
          <For each={props.hazard.pendingAcks}>{(p) => <option value={p.body}>{bodyName(profile(), p.body, locale())}</option>}</For>
        </SelectField>
      </Show>
      <Show when={a === "escalate"}>
        <SelectField label={t("hazards.to")} name="to" required error={fieldError(error(), "body.to")}>
          <option value="">{t("hazards.choose")}</option>
          <For each={profile()?.bodies ?? []}>{(b) => <option value={b.id}>{locale() === "en" ? b.name.en : b.name.zh}</option>}</For>
        </SelectField>
      </Show>
      <Show when={a === "list" || a === "delist"}>
        <SelectField label={t("hazards.level")} name="level" required error={fieldError(error(), "body.level")}>
          <option value="">{t("hazards.choose")}</option>
          <For each={a === "list" ? (profile()?.hazards.listedSupervision ?? []).map((l) => l.id) : props.hazard.listings.map((l) => l.levelId)}>
            {(id) => <option value={id}>{listingName(profile(), id, locale())}</option>}
          </For>
        </SelectField>
      </Show>
      <Show when={NEEDS_REASON.includes(a)} fallback={<TextField label={t("hazards.note")} name="note" optional error={fieldError(error(), "body.note")} />}>
        <TextField label={t("hazards.reason")} name="reason" required error={fieldError(error(), "body.reason")} />
      </Show>
      <Show when={PUBLIC_NOTE.includes(a)}>
        <TextField label={t("hazards.publicNote")} hint={t("hazards.publicNoteHint")} name="publicNote" optional error={fieldError(error(), "body.publicNote")} />
      </Show>
      <Show when={TAKES_PHOTOS.includes(a)}>
        <PhotoPicker onChange={setPhotos} />
      </Show>
      <div class="actions">
        <SubmitButton pending={pending()}>{t("hazards.confirm", { action: name() })}</SubmitButton>
        <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>{t("form.cancel")}</button>
      </div>
    </form>
  );
}

/** The actions the API says the caller may take now (an older API that says nothing: offer all, and show its refusal). */
function Actions(props: { hazard: Hazard; allowed: readonly string[] | undefined; profile: PolicyProfile | undefined; names: Names; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const offered = (list: readonly HazardAction[]) => (props.allowed ? list.filter((a) => props.allowed!.includes(a)) : list);
  const [chosen, setChosen] = createSignal<HazardAction>();
  const button = (a: HazardAction) => (
    <button type="button" class="button hz-action" classList={{ "button-secondary": chosen() !== a }} aria-pressed={chosen() === a} onClick={() => setChosen(chosen() === a ? undefined : a)}>
      {actionName(a, locale())}
    </button>
  );
  return (
    <section class="hz-actions" aria-labelledby="hz-actions-title">
      <h2 id="hz-actions-title">{t("hazards.actions")}</h2>
      <p class="hint">{t("hazards.actionsHint")}</p>
      <div class="hz-action-grid">
        <For each={offered(TRANSITIONS)} fallback={<p class="hint">{t("hazards.noActions")}</p>}>{button}</For>
      </div>
      <details class="hz-more" hidden={offered(OVERLAY_ACTIONS).length === 0}>
        <summary>{t("hazards.moreActions")}</summary>
        <div class="hz-action-grid">
          <For each={offered(OVERLAY_ACTIONS)}>{button}</For>
        </div>
      </details>
      <Show when={chosen()} keyed>
        {(a) => (
          <ActionForm
            hazard={props.hazard}
            action={a}
            profile={props.profile}
            names={props.names}
            onCancel={() => setChosen(undefined)}
            onDone={(message) => {
              setChosen(undefined);
              props.onDone(message);
            }}
          />
        )}
      </Show>
    </section>
  );
}

function HazardView(props: { id: string }) {
  const { t, locale } = useI18n();
  const opened = Date.now();
  const timeline = createAsync(() => hazardTimeline(props.id, opened));
  const profile = createAsync(() => profileInEffect());
  const names = createAsync(() => userNames(), { initialValue: new Map() as Names });
  const arrived = (useLocation().state as { flash?: "reported" | "reopened" } | undefined)?.flash;
  const [flash, setFlash] = createSignal<string | undefined>(arrived ? t(`hazards.${arrived}`) : undefined);
  const done = (message: string) => {
    setFlash(message);
    void revalidate(hazardTimeline.keyFor(props.id, opened));
  };
  return (
    <Show when={timeline()?.hazard}>
      {(h) => (
        <>
          <div class="page-head">
            <h1>{codeName(profile(), h().code, h().codeText, locale())}</h1>
            <div class="hz-badges">
              <span class="badge badge-level hz-state">{stateName(h().state, locale())}</span>
              <For each={h().listings}>
                {(l) => (
                  <span class="badge hz-listed">
                    {t("hazards.listed")} · {listingName(profile(), l.levelId, locale())}
                    <Show when={l.jointly?.length}> · {t("hazards.jointly", { bodies: (l.jointly ?? []).map((b) => bodyName(profile(), b, locale())).join("、") })}</Show>
                  </span>
                )}
              </For>
              <Show when={h().pendingAcks.length}>
                <span class="badge badge-warn">{t("hazards.awaitingAck", { bodies: h().pendingAcks.map((p) => bodyName(profile(), p.body, locale())).join("、") })}</span>
              </Show>
            </div>
          </div>
          <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
          <Show when={h().state !== "withdrawn"} fallback={<Notice tone="warning">{t("hazards.closedHint", { state: stateName("withdrawn", locale()) })}</Notice>}>
            <Steps state={h().state} />
          </Show>
          <p class="hz-description">{h().description}</p>
          <Facts hazard={h()} profile={profile()} names={names()} />
          <Actions hazard={h()} allowed={timeline()?.allowedActions} profile={profile()} names={names()} onDone={done} />
          <Show when={h().source === "public_tip"}>
            <TipRewardPanel hazardId={h().hazardId} state={h().state} />
          </Show>
          <section aria-labelledby="hz-timeline-title">
            <h2 id="hz-timeline-title">{t("hazards.timeline")}</h2>
            <Timeline hazardId={h().hazardId} events={timeline()?.events ?? []} names={names()} />
          </section>
        </>
      )}
    </Show>
  );
}

export default function HazardPage() {
  const params = useParams<{ id: string }>();
  return (
    <section class="card hz-page">
      <Loading>
        <HazardView id={params.id} />
      </Loading>
    </section>
  );
}
