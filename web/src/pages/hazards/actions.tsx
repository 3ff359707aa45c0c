import { createAsync, useAction } from "@solidjs/router";
import { assignableUsers } from "./bulk.tsx";
import { createSignal, For, Show } from "solid-js";
import { TRANSITIONS } from "@firegov/core/browser";
import type { Hazard, HazardAction, PolicyProfile } from "@firegov/core/contract";
import { ApiError } from "../../api/http.ts";
import { FormError, fieldError, formValues, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { PhotoPicker } from "../../components/photo-picker.tsx";
import { signedInUser } from "../../auth/session.ts";
import { useI18n } from "../../i18n/index.tsx";
import { actionInput, type FormAction } from "./action-input.ts";
import { actAction } from "./data.ts";
import type { Names } from "./facts.tsx";
import { actionName, bodyName, listingName, stateName } from "./labels.ts";
import { PublicNoteField } from "./public-note.tsx";
import { RegisterFields } from "./register-fields.tsx";
import { MergeAction } from "./merge.tsx";

const OVERLAY_ACTIONS: FormAction[] = ["acknowledge", "escalate", "list", "delist"];
const NEEDS_REASON: HazardAction[] = ["reject", "withdraw", "reopen", "escalate", "list", "delist"];
/** Moves along the loop a resident or a city platform follows: each may carry a note for the public. */
const PUBLIC_NOTE: HazardAction[] = ["register", "dispatch", "start", "submit", "close", "fix_on_spot", "reject", "withdraw", "reopen"];
const TAKES_PHOTOS: HazardAction[] = ["submit", "close", "reject", "fix_on_spot"];

/** The inputs one action needs, and its submission; a 409 from a change by someone else reloads the hazard. */
function ActionForm(props: { hazard: Hazard; action: FormAction; profile: PolicyProfile | undefined; names: Names; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const act = useAction(actAction);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [photos, setPhotos] = createSignal<string[]>([]);
  const key = submissionKey();
  const name = () => actionName(props.action, locale());
  const a = props.action;
  const paths = ["body.note", "body.reason", "body.deadline", "body.assigneeId", "body.responsibleParty.name", "body.severity", "body.code", "body.codeText", "body.nodeId", "body.publicNote", "body.body", "body.to", "body.level"];

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
  // Only active users who may act are offered (issue 16); before the list loads, the names known.
  const assignable = createAsync(() => (a === "dispatch" ? assignableUsers() : Promise.resolve(undefined)));
  const others = (): [string, string][] => (assignable() ? assignable()!.map((u): [string, string] => [u.userId, u.displayName]) : [...props.names]).filter(([id]) => id !== signedInUser()?.userId);
  return (
    <form class="form panel hz-action-form" onSubmit={onSubmit} onInput={key.renew} aria-label={name()}>
      <h3>{name()}</h3>
      <FormError error={error()} paths={paths} />
      <Show when={a === "register"}>
        <RegisterFields hazard={props.hazard} profile={profile()} error={error()} />
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
        <Show when={props.hazard.responsibleParty}>{(p) => <p class="hint hz-party-now">{t("hzBoard.responsibleNow", { name: p().contact ? `${p().name} · ${p().contact}` : p().name })}</p>}</Show>
        <TextField label={t("hazards.responsibleParty")} name="partyName" value={props.hazard.responsibleParty?.name ?? ""} optional error={fieldError(error(), "body.responsibleParty.name")} />
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
        <PublicNoteField hazard={props.hazard} action={a} profile={profile()} error={fieldError(error(), "body.publicNote")} />
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
export function Actions(props: { hazard: Hazard; allowed: readonly string[] | undefined; profile: PolicyProfile | undefined; names: Names; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const offered = (list: readonly FormAction[]) => (props.allowed ? list.filter((a) => props.allowed!.includes(a)) : list);
  const [chosen, setChosen] = createSignal<FormAction>();
  const button = (a: FormAction) => (
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
      <details class="hz-more" hidden={offered(OVERLAY_ACTIONS).length === 0 && !props.allowed?.includes("merge")}>
        <summary>{t("hazards.moreActions")}</summary>
        <div class="hz-action-grid">
          <For each={offered(OVERLAY_ACTIONS)}>{button}</For>
        </div>
        <Show when={props.allowed?.includes("merge")}><MergeAction hazard={props.hazard} onDone={props.onDone} /></Show>
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
