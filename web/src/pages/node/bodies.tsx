import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { OrgBody, OrganisationView, PolicyProfile, User } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { fieldError, FormError, formValues, Notice, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { setBodyAction } from "../../organisation/data.ts";
import { formatDate, pick, seatTitle, todayLocal } from "../../organisation/labels.ts";
import { CancelButton, SectionHead, TextArea } from "../../organisation/ui.tsx";
import { Postings } from "./postings.tsx";

interface Ctx {
  me: User;
  profile: PolicyProfile;
  org: OrganisationView;
}

/** Record the body as set up: its local name, the date, a note. */
function SetUpForm(props: Ctx & { body: OrgBody; onDone: (m: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const submit = useAction(setBodyAction);
  const submission = useSubmission(setBodyAction, (input) => input[1] === props.body.bodyId);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input = { ...(v.localName ? { localName: v.localName } : {}), ...(v.establishedOn ? { establishedOn: v.establishedOn } : {}), ...(v.note ? { note: v.note } : {}) };
    submit(props.org.node.nodeId, props.body.bodyId, input)
      .then(() => {
        submission.clear();
        props.onDone(t("bodies.saved", { name: pick(props.body.name, locale()) }));
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={`${t("bodies.setUp")} ${pick(props.body.name, locale())}`}>
      <FormError error={submission.error} paths={["body.localName", "body.establishedOn", "body.note"]} />
      <TextField label={t("bodies.localName")} hint={t("bodies.localNameHint")} name="localName" value={props.body.localName ?? ""} optional error={fieldError(submission.error, "body.localName")} />
      <TextField label={t("bodies.establishedOn")} name="establishedOn" type="date" max={todayLocal()} value={props.body.establishedOn ?? ""} optional error={fieldError(submission.error, "body.establishedOn")} />
      <TextArea label={t("bodies.note")} name="note" value={props.body.note} optional error={fieldError(submission.error, "body.note")} />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("bodies.save")}</SubmitButton>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

/** One body as the profile names it: set up or not, its seats by position and who holds them. */
function BodyCard(props: Ctx & { body: OrgBody; onDone: (m: string) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const seats = () => props.profile.composition.filter((c) => c.body === props.body.bodyId);
  const holders = (positionId: string) => props.body.members.filter((m) => m.positionId === positionId).map((m) => m.name);
  return (
    <li class="body-card" data-testid="body-card" data-body-id={props.body.bodyId}>
      <div class="user-summary">
        <div class="user-main">
          <h3 class="body-name">{pick(props.body.name, locale())}</h3>
          <Show when={props.body.localName}>
            <div class="user-meta">{props.body.localName}</div>
          </Show>
          <div class="user-meta">
            <Show when={props.body.setUp} fallback={<span class="badge badge-warn">{t("bodies.notSetUp")}</span>}>
              <span class="badge badge-ok">{t("bodies.isSetUp")}</span>
              <Show when={props.body.establishedOn}>{(d) => <> {t("bodies.since", { date: formatDate(d(), locale()) })}</>}</Show>
            </Show>
            <span> · {t("bodies.staff", { count: props.body.staff })}</span>
          </div>
        </div>
        <Show when={can(props.me.role, "org.manage") && props.org.node.status === "active" && !editing()}>
          <div class="user-actions">
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>{props.body.setUp ? t("bodies.edit") : t("bodies.setUp")}</button>
          </div>
        </Show>
      </div>
      <Show when={seats().length}>
        <dl class="seats">
          <For each={seats()}>
            {(seat) => (
              <div>
                <dt>{seatTitle(props.profile, seat, locale())}</dt>
                <dd>{holders(seat.id).join("、") || "—"}</dd>
              </div>
            )}
          </For>
        </dl>
      </Show>
      <Postings me={props.me} org={props.org} body={props.body} />
      <Show when={props.body.note}>
        <p class="user-meta">{props.body.note}</p>
      </Show>
      <Show when={editing()}>
        <SetUpForm {...props} onDone={(m) => { setEditing(false); props.onDone(m); }} onCancel={() => setEditing(false)} />
      </Show>
    </li>
  );
}

export function BodiesSection(props: Ctx) {
  const { t } = useI18n();
  const [flash, setFlash] = createSignal<string>();
  return (
    <section>
      <SectionHead title={t("bodies.title")} />
      <p class="hint">{t("bodies.intro")}</p>
      <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
      <Show when={props.org.bodies.length} fallback={<p class="muted">{t("bodies.empty")}</p>}>
        <ul class="body-list">
          <For each={props.org.bodies}>{(body) => <BodyCard {...props} body={body} onDone={setFlash} />}</For>
        </ul>
      </Show>
    </section>
  );
}
