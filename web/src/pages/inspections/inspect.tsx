import { A, createAsync, useAction, useParams, useSearchParams, useSubmission } from "@solidjs/router";
import { createMemo, createSignal, For, Index, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Checklist, Inspection, ItemOutcome, PolicyProfile } from "@firegov/core/contract";
import { venuePhotoTarget } from "../../api/files.ts";
import { FormError, Notice, SubmitButton, submissionKey } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { PhotoPicker } from "../../components/photo-picker.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { checklistFor, finishAction } from "./data.ts";
import { categoryName, taskName } from "./labels.ts";
import { profileInEffect } from "../../data/queries.ts";
import { coordinates, createPosition } from "../../place/position.ts";
import { PositionLine } from "../../place/position-line.tsx";
import { formatDateTime } from "../../display.ts";
import { clearDraft, loadDraft, saveDraft } from "../../offline/drafts.ts";
import { queueOnNetworkError } from "../../offline/outbox.ts";
import { venuePath } from "../../api/venues.ts";

const OUTCOMES: { value: ItemOutcome; label: "inspect.pass" | "inspect.fail" | "inspect.notApplicable" }[] = [
  { value: "pass", label: "inspect.pass" },
  { value: "fail", label: "inspect.fail" },
  { value: "not_applicable", label: "inspect.notApplicable" },
];

interface Answer {
  result?: ItemOutcome;
  note: string;
  photos: string[];
  severity: string;
}

function Result(props: { inspection: Inspection; checklist: Checklist; fromTask: boolean }) {
  const { t, locale } = useI18n();
  const itemName = (itemId: string, category: string) => {
    const e = props.checklist.items.find((i) => i.itemId === itemId && i.category === category);
    return e ? (locale() === "en" ? e.name.en : e.name.zh) : itemId;
  };
  const raised = () => props.inspection.items.filter((i) => i.hazardId);
  return (
    <div class="inspect-result" data-testid="inspection-result">
      <Notice tone="success">{t("inspect.doneTitle")}</Notice>
      <p>{t("inspect.summary", { passed: props.inspection.passed, failed: props.inspection.failed, na: props.inspection.notApplicable })}</p>
      <Show when={raised().length} fallback={<p>{t("inspect.noHazards")}</p>}>
        <p>{t("inspect.hazardsRaised", { count: raised().length })}</p>
        <ul class="raised-list">
          <For each={raised()}>
            {(item) => (
              <li>
                <A href={`/hazards/${item.hazardId}`} class="button button-secondary button-block">
                  {t("inspect.openHazard")}：{itemName(item.itemId, item.category)}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="actions">
        <Show when={props.fromTask}>
          <A href="/today" class="button button-secondary">{t("inspect.backToday")}</A>
        </Show>
        <A href={`/venues/${props.inspection.venueId}`} class="button button-secondary">{t("inspect.toVenue")}</A>
      </div>
    </div>
  );
}

/** What a draft keeps of an inspection in progress, to restore after a reload (offline too). */
interface InspectionDraft {
  startedAt: string;
  note: string;
  answers: Answer[];
}

/** The draft of one venue's inspection (for one task). */
const draftKey = (checklist: Checklist) => `inspect:${checklist.venueId}:${checklist.task?.taskId ?? ""}`;

function ChecklistForm(props: { checklist: Checklist; profile: PolicyProfile | undefined; onDone: (i: Inspection) => void; onQueued: () => void }) {
  const { t, locale } = useI18n();
  const finish = useAction(finishAction);
  const submission = useSubmission(finishAction);
  const key = submissionKey();
  let startedAt = new Date().toISOString();
  // Where the inspector stands (WGS-84), evidence of the visit; never in the way of the submit.
  const place = createPosition();
  const [answers, setAnswers] = createStore<Answer[]>(props.checklist.items.map(() => ({ note: "", photos: [], severity: "" })));
  const [overallNote, setOverallNote] = createSignal("");
  const [restoredAt, setRestoredAt] = createSignal<string>();
  // Every change is kept on the phone: a reload (or a flat battery) does not lose the inspection in progress.
  const keepDraft = () => void saveDraft(draftKey(props.checklist), { startedAt, note: overallNote(), answers: JSON.parse(JSON.stringify(answers)) as Answer[] } satisfies InspectionDraft).catch(() => {});
  onMount(() => {
    void loadDraft<InspectionDraft>(draftKey(props.checklist))
      .then((draft) => {
        if (!draft || draft.value.answers.length !== props.checklist.items.length) return;
        startedAt = draft.value.startedAt;
        setAnswers(draft.value.answers);
        setOverallNote(draft.value.note);
        setRestoredAt(draft.savedAt);
      })
      .catch(() => {});
  });
  const answered = createMemo(() => answers.filter((a) => a.result).length);
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);
  const categoryLabel = (id: string) => {
    const c = props.checklist.categories.find((x) => x.id === id);
    if (!c) return categoryName(props.profile, id, locale());
    const by = c.includedBy ? props.checklist.categories.find((x) => x.id === c.includedBy) : undefined;
    return `${name(c.name)}${by ? t("inspect.includedBy", { name: name(by.name) }) : ""}`;
  };
  const set = (i: number, patch: Partial<Answer>) => {
    key.renew();
    setAnswers(i, patch);
    keepDraft();
  };

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const note = (new FormData(form).get("note") as string | null)?.trim();
    const items = props.checklist.items.flatMap((entry, i) => {
      const a = answers[i]!;
      if (!a.result) return [];
      return [
        {
          category: entry.category,
          itemId: entry.itemId,
          result: a.result,
          photos: a.photos,
          ...(a.note.trim() ? { note: a.note.trim() } : {}),
          ...(a.result === "fail" && a.severity ? { severity: a.severity } : {}),
        },
      ];
    });
    const input = { ...(props.checklist.task ? { taskId: props.checklist.task.taskId } : {}), startedAt, ...(note ? { note } : {}), items, ...coordinates(place.position()) };
    const idempotencyKey = key.current();
    // photo step
    finish(props.checklist.venueId, input, idempotencyKey)
      .then((done) => {
        key.renew();
        void clearDraft(draftKey(props.checklist)).catch(() => {}); // no IndexedDB (a private window): there was no draft either
        props.onDone(done);
      })
      .catch(async (error: unknown) => {
        // No network: the inspection waits in the outbox with this key, and is sent once online.
        const label = `${t("inspect.title")} · ${props.checklist.venueName ?? props.checklist.venueId}`;
        await queueOnNetworkError(error, { method: "POST", path: `${venuePath(props.checklist.venueId)}/inspections`, body: input, idempotencyKey, label, href: `/venues/${encodeURIComponent(props.checklist.venueId)}` });
        key.renew();
        submission.clear();
        await clearDraft(draftKey(props.checklist));
        props.onQueued();
      })
      .catch(() => queueMicrotask(() => form.querySelector<HTMLElement>(".alert-error")?.focus()));
  };

  return (
    <form class="form inspect-form" onSubmit={onSubmit} aria-label={t("inspect.title")} novalidate>
      <PositionLine state={place.state()} onRetry={place.retry} />
      <Show when={restoredAt()}>{(at) => <Notice>{t("offline.draftRestored", { time: formatDateTime(at(), locale()) })}</Notice>}</Show>
      <Show when={props.checklist.task}>
        {(task) => <p class="hint">{t("inspect.task", { category: taskName(props.profile, task(), locale()), period: task().period })}</p>}
      </Show>
      <Show when={props.checklist.items.length} fallback={<Notice>{t("inspect.noItems")}</Notice>}>
        <ol class="check-items">
          <Index each={props.checklist.items}>
            {(entry, i) => {
              const a = () => answers[i]!;
              const first = () => i === 0 || props.checklist.items[i - 1]!.category !== entry().category;
              return (
                <>
                  <Show when={first()}>
                    <li class="check-category" aria-hidden="true">{categoryLabel(entry().category)}</li>
                  </Show>
                  <li class="check-item" classList={{ "check-item-fail": a().result === "fail" }} data-testid="check-item">
                    <fieldset>
                      <legend>{name(entry().name)}</legend>
                      <div class="outcomes">
                        <For each={OUTCOMES}>
                          {(o) => (
                            <button
                              type="button"
                              class={`outcome outcome-${o.value}`}
                              aria-pressed={a().result === o.value}
                              onClick={() => set(i, { result: o.value })}
                            >
                              {t(o.label)}
                            </button>
                          )}
                        </For>
                      </div>
                      <Show when={a().result === "fail"}>
                        <div class="field">
                          <label for={`note-${i}`}>{t("inspect.note")}</label>
                          <textarea id={`note-${i}`} rows={2} placeholder={t("inspect.notePlaceholder")} value={a().note} onInput={(e) => set(i, { note: e.currentTarget.value })} />
                        </div>
                        <Show when={props.profile?.hazards.severities.length}>
                          <div class="field">
                            <label for={`severity-${i}`}>{t("inspect.severity")}</label>
                            <select id={`severity-${i}`} value={a().severity} onChange={(e) => set(i, { severity: e.currentTarget.value })}>
                              <option value="">{t("inspect.noSeverity")}</option>
                              <For each={props.profile!.hazards.severities}>{(s) => <option value={s.id}>{name(s.name)}</option>}</For>
                            </select>
                          </div>
                        </Show>
                      </Show>
                      <Show when={a().result && a().result !== "fail"}>
                        <div class="field">
                          <label for={`note-${i}`}>{t("inspect.note")}<span class="optional">（{t("form.optional")}）</span></label>
                          <input id={`note-${i}`} value={a().note} onInput={(e) => set(i, { note: e.currentTarget.value })} />
                        </div>
                      </Show>
                      <PhotoPicker label={t("inspect.photo")} upload={venuePhotoTarget(props.checklist.venueId)} place={{ place: props.checklist.venueName }} onChange={(photos) => set(i, { photos })} />
                    </fieldset>
                  </li>
                </>
              );
            }}
          </Index>
        </ol>
      </Show>
      <div class="field">
        <label for="inspect-note">{t("inspect.overallNote")}<span class="optional">（{t("form.optional")}）</span></label>
        <textarea id="inspect-note" name="note" rows={2} value={overallNote()} onInput={(e) => {
          setOverallNote(e.currentTarget.value);
          keepDraft();
        }} />
      </div>
      <FormError error={submission.error} paths={[]} />
      <p class="hint" role="status">
        {t("inspect.progress", { done: answered(), total: props.checklist.items.length })}
        <Show when={answered() < props.checklist.items.length}> · {t("inspect.unanswered", { count: props.checklist.items.length - answered() })}</Show>
      </p>
      <SubmitButton pending={submission.pending ?? false}>{t("inspect.finish")}</SubmitButton>
    </form>
  );
}

/** Saved on the phone without a network: it is sent once online (the outbox). */
function Queued(props: { fromTask: boolean }) {
  const { t } = useI18n();
  return (
    <div class="inspect-result" data-testid="inspection-queued">
      <Notice tone="success">{t("offline.queued")}</Notice>
      <p class="hint">{t("offline.queuedHint")}</p>
      <div class="actions">
        <A href="/outbox" class="button button-secondary">{t("offline.toOutbox")}</A>
        <Show when={props.fromTask}>
          <A href="/today" class="button button-secondary">{t("inspect.backToday")}</A>
        </Show>
      </div>
    </div>
  );
}

/** 现场检查: a task's checklist (or a venue's, ad hoc), item by item, finished in one request. */
export default function InspectPage() {
  const { t } = useI18n();
  const params = useParams<{ venueId: string }>();
  const [search] = useSearchParams<{ task?: string }>();
  const profile = createAsync(() => profileInEffect());
  const checklist = createAsync(() => checklistFor(params.venueId, search.task));
  const [done, setDone] = createStore<{ inspection?: Inspection; queued?: boolean }>({});
  return (
    <section class="card narrow">
      <h1>
        {t("inspect.title")}
        <Show when={checklist()}>{(c) => <span class="subtitle">{c().venueName}</span>}</Show>
      </h1>
      <Loading>
        <Show when={checklist()}>
          {(c) => (
            <Show
              when={done.inspection}
              fallback={
                <Show when={!done.queued} fallback={<Queued fromTask={Boolean(search.task)} />}>
                  <p class="hint">{t("inspect.intro")}</p>
                  <ChecklistForm checklist={c()} profile={profile()} onDone={(inspection) => setDone({ inspection })} onQueued={() => setDone({ queued: true })} />
                </Show>
              }
            >
              {(inspection) => <Result inspection={inspection()} checklist={c()} fromTask={Boolean(search.task)} />}
            </Show>
          )}
        </Show>
      </Loading>
    </section>
  );
}
