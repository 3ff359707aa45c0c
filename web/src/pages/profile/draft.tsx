import { A, createAsync, query, useAction, useBeforeLeave, useSubmission } from "@solidjs/router";
import { batch, createEffect, createMemo, createSignal, For, lazy, on, onCleanup, Show, Suspense } from "solid-js";
import type { ProfileDraft, ProfileFormSchema, ProfileIssue } from "@firegov/core/contract";
import { ApiError } from "../../api/http.ts";
import { getProfileDraft, validateProfile } from "../../api/profiles.ts";
import { BorrowedPanel } from "./borrowed-panel.tsx";
import { Notice } from "../../components/form.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { importAction, profileDraft, profileFormSchema, saveDraftAction, saveFile } from "./data.ts";
import { CiteTargetContext, citableRuleAt, createCiteTarget } from "./cite-target.ts";
import { RuleForms } from "./rule-forms.tsx";
import { jsonPath, parseDocument, pretty, setAt, type Segment } from "./draft-document.ts";
import { DeadlineForm, FrequencyForm, StaffingForm } from "./draft-forms.tsx";
import { Loading } from "../../components/load-error.tsx";
import { PublishForm } from "./publish-form.tsx";
import { ExportButton } from "./version-view.tsx";
import { pick } from "./vocabulary.ts";
import type { Citation } from "./document-pane.tsx";

/** The county's document beside the editor: its own chunk, loaded with the editor but not before. */
const DocumentPane = lazy(() => import("./document-pane.tsx"));

/** Quiet time after the last keystroke before the document is checked. */
const VALIDATE_DELAY_MS = 400;

type Tab = "form" | "json";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Every problem the API found, by JSON path, with a way to the field that holds it. */
function IssueList(props: { issues: readonly ProfileIssue[]; checking: boolean; onLocate: (path: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <div class="issues" aria-live="polite">
      <Show
        when={props.issues.length}
        fallback={
          <p class="alert alert-success" data-testid="issues-none">
            {props.checking ? t("profile.editor.checking") : t("profile.editor.valid")}
          </p>
        }
      >
        <div class="alert alert-warning">
          <p>
            {t("profile.editor.issueCount", { count: props.issues.length })}
            <Show when={props.checking}> · {t("profile.editor.checking")}</Show>
          </p>
          <ul class="issue-list" aria-label={t("profile.editor.issues")}>
            <For each={props.issues}>
              {(issue) => (
                <li class="issue" data-testid="issue" data-path={issue.path}>
                  <code class="path">{issue.path}</code>
                  <span>{pick(issue.message, locale())}</span>
                  <button type="button" class="link-button small-button" onClick={() => props.onLocate(issue.path)}>
                    {t("profile.editor.locate")}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </div>
  );
}

/** The draft moved on under this page: say so, keep the edits, and offer the ways out. */
function StalePanel(props: { text: string; onReload: () => void; reloading: boolean }) {
  const { t } = useI18n();
  const download = () => saveFile({ filename: "profile-my-edits.json", blob: new Blob([props.text], { type: "application/json" }) });
  return (
    <div class="alert alert-error stale" role="alert" tabindex="-1" data-testid="stale">
      <p>
        <strong>{t("profile.editor.staleTitle")}</strong>
      </p>
      <p>{t("profile.editor.staleBody")}</p>
      <div class="actions">
        <button type="button" class="button button-secondary" onClick={download}>{t("profile.editor.downloadMine")}</button>
        <button type="button" class="button button-danger" disabled={props.reloading} onClick={() => props.onReload()}>{t("profile.editor.reloadLatest")}</button>
      </div>
    </div>
  );
}

function Editor(props: { initial: ProfileDraft }) {
  const { t, locale } = useI18n();
  const first = pretty(props.initial.profile);
  const [text, setText] = createSignal(first);
  /** The text as last saved or loaded: anything else is an unsaved edit. */
  const [saved, setSaved] = createSignal(first);
  const [draft, setDraft] = createSignal<Omit<ProfileDraft, "profile" | "issues">>(props.initial);
  const [issues, setIssues] = createSignal<readonly ProfileIssue[]>(props.initial.issues);
  /** The text the issues shown belong to. */
  const [checked, setChecked] = createSignal(first);
  const [checkError, setCheckError] = createSignal<string>();
  const [stale, setStale] = createSignal(false);
  const [reloading, setReloading] = createSignal(false);
  const [tab, setTab] = createSignal<Tab>("form");
  const [notice, setNotice] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const [pendingImport, setPendingImport] = createSignal<{ name: string; profile: Record<string, unknown> }>();
  /** The rule a citation from the document goes into: the rule around the form field last focused. */
  const [citeTarget, setCiteTarget] = createSignal<Segment[]>();

  const parsed = createMemo(() => parseDocument(text()));
  const doc = () => {
    const p = parsed();
    return p.ok ? p.value : undefined;
  };
  const dirty = () => text() !== saved();
  const checking = () => text() !== checked() && parsed().ok;

  const save = useAction(saveDraftAction);
  const saving = useSubmission(saveDraftAction);
  const runImport = useAction(importAction);
  const importing = useSubmission(importAction);

  // ── Live validation: the API checks the document a moment after the typing stops.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  createEffect(
    on(text, (current) => {
      clearTimeout(timer);
      const p = parseDocument(current);
      if (!p.ok || current === checked()) return;
      timer = setTimeout(() => {
        inFlight?.abort();
        const controller = (inFlight = new AbortController());
        validateProfile(p.value, controller.signal).then(
          (result) => {
            if (controller.signal.aborted) return;
            batch(() => {
              setIssues(result.issues);
              setChecked(current);
              setCheckError(undefined);
            });
          },
          (err: unknown) => {
            if (!controller.signal.aborted) setCheckError(messageOf(err));
          },
        );
      }, VALIDATE_DELAY_MS);
    }, { defer: true }),
  );
  onCleanup(() => {
    clearTimeout(timer);
    inFlight?.abort();
  });

  // ── Unsaved edits are never dropped without asking.
  useBeforeLeave((e) => {
    if (!dirty() || e.defaultPrevented) return;
    e.preventDefault();
    if (window.confirm(t("profile.editor.leaveConfirm"))) e.retry(true);
  });
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  window.addEventListener("beforeunload", beforeUnload);
  onCleanup(() => window.removeEventListener("beforeunload", beforeUnload));

  const change = (path: Segment[], value: unknown) => {
    const current = doc();
    if (current) setText(pretty(setAt(current, path, value)));
  };

  // The rule forms are built from the API's form description; without it the common forms and the JSON still work.
  const [formSchema, setFormSchema] = createSignal<ProfileFormSchema>();
  const [formSchemaError, setFormSchemaError] = createSignal<string>();
  profileFormSchema().then(setFormSchema, (err: unknown) => setFormSchemaError(messageOf(err)));

  /**
   * The document pane's hook: `onCite({ sourceRef, text })` fills the citation
   * block the admin last worked in (one edit, re-validated like any other).
   */
  const cite = createCiteTarget((base, picked) => {
    const current = doc();
    if (current) setText(pretty(setAt(setAt(current, [...base, "sourceRef"], picked.sourceRef), [...base, "text"], picked.text)));
  });

  /** A draft from the API replaces what the page holds (after a reload or an import). */
  const reset = (next: ProfileDraft) => {
    const body = pretty(next.profile);
    batch(() => {
      setText(body);
      setSaved(body);
      setChecked(body);
      setIssues(next.issues);
      setDraft(next);
      setStale(false);
    });
  };

  /** The edit reached the API: it is saved as of the text sent (typing may have gone on since). */
  const accept = (next: ProfileDraft, sent: string) =>
    batch(() => {
      setDraft(next);
      setSaved(sent);
      if (text() === sent) {
        setIssues(next.issues);
        setChecked(sent);
      }
      setStale(false);
    });

  const failed = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) setStale(true);
    else setError(err instanceof ApiError ? err.message : t("error.generic", { message: messageOf(err) }));
  };

  const onSave = () => {
    const current = doc();
    if (!current) return;
    const sent = text();
    setNotice(undefined);
    setError(undefined);
    save(current, draft().rev).then(
      (next) => {
        accept(next, sent);
        setNotice(t("profile.editor.saved", { rev: next.rev, count: next.issues.length }));
      },
      failed,
    );
  };

  const onReload = () => {
    setReloading(true);
    getProfileDraft()
      .then((next) => {
        query.set(profileDraft.keyFor(), next);
        reset(next);
        setNotice(t("profile.editor.reloaded", { rev: next.rev }));
      }, failed)
      .finally(() => setReloading(false));
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    setNotice(undefined);
    setError(undefined);
    const p = parseDocument(await file.text());
    if (!p.ok) return setError(t("profile.editor.importNotJson", { name: file.name, message: p.message || t("profile.editor.notObject") }));
    if (dirty()) setPendingImport({ name: file.name, profile: p.value });
    else doImport(file.name, p.value);
  };

  const doImport = (name: string, profile: Record<string, unknown>) => {
    setPendingImport(undefined);
    runImport(profile, draft().rev).then((next) => {
      reset(next);
      setNotice(t("profile.editor.imported", { name, count: next.issues.length }));
    }, failed);
  };

  const onFormFocus = (e: FocusEvent) => {
    const path = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-path]")?.dataset.path;
    const current = doc();
    const rule = path && current ? citableRuleAt(current, path) : undefined;
    if (rule) setCiteTarget(rule);
  };

  /** A clause (or a sentence of it) picked in the document pane becomes the target rule's citation. */
  const onCite = (citation: Citation) => {
    // A rule chosen in the rule forms ("在此填入引用") takes it first; else the rule around the field last focused.
    if (cite.onCite(citation)) return setNotice(t("profile.documentPane.cited", { ref: citation.sourceRef, path: jsonPath(cite.value.target() ?? []) }));
    const path = citeTarget();
    const current = doc();
    if (!path || !current) return;
    setText(pretty(setAt(setAt(current, [...path, "sourceRef"], citation.sourceRef), [...path, "text"], citation.text)));
    setNotice(t("profile.documentPane.cited", { ref: citation.sourceRef, path: jsonPath(path) }));
  };

  /** The draft's issues again, against the document just attached (its quotes are checked against it). */
  const recheck = () => {
    const current = doc();
    const sent = text();
    if (current) validateProfile(current).then((result) => batch(() => (setIssues(result.issues), setChecked(sent))), (err: unknown) => setCheckError(messageOf(err)));
  };

  /** To the form field at an issue's path (or inside it); failing that, the JSON view. */
  const locate = (path: string) => {
    const fields = [...document.querySelectorAll<HTMLElement>("#panel-form [data-path]")];
    const field = fields.find((el) => el.dataset.path === path) ?? fields.find((el) => el.dataset.path!.startsWith(`${path}.`));
    if (field) {
      setTab("form");
      field.closest("details")?.setAttribute("open", "");
      field.focus();
      field.scrollIntoView?.({ block: "center" });
    } else {
      setTab("json");
      document.getElementById("profile-json")?.focus();
    }
  };

  const blocked = () => {
    if (stale()) return t("profile.publish.blockedStale");
    if (!parsed().ok) return t("profile.publish.blockedSyntax");
    if (dirty()) return t("profile.publish.blockedDirty");
    if (!draft().pending) return t("profile.publish.blockedNothing");
    return undefined;
  };

  return (
    <div class="editor">
      <p class="draft-status" data-testid="draft-status">
        {t("profile.editor.basedOn", { version: draft().basedOnVersion })}
        {" · "}
        {draft().rev === 0 ? t("profile.editor.unsavedYet") : t("profile.editor.rev", { rev: draft().rev })}
        <Show when={draft().updatedAt}>
          {(at) => <> · {t("profile.editor.updatedAt", { at: formatDateTime(at(), locale()) })}</>}
        </Show>
        <Show when={draft().pending}>
          {" · "}
          <span class="badge badge-warn">{t("profile.editor.pending")}</span>
        </Show>
        {" · "}
        <A href={`/profile/diff?${new URLSearchParams({ from: `v:${draft().basedOnVersion}`, to: "draft" })}`}>{t("profile.editor.diffLink")}</A>
      </p>
      <Show when={stale()}>
        <StalePanel text={text()} onReload={onReload} reloading={reloading()} />
      </Show>
      <Show when={notice()}>{(message) => <Notice tone="success">{message()}</Notice>}</Show>
      <Show when={error()}>
        {(message) => (
          <p class="alert alert-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <BorrowedPanel borrowed={(doc() as { borrowed?: { profileId: string; document: { title: string } }[] } | undefined)?.borrowed} dirty={dirty()} onDraft={(next) => {
          reset(next);
          setNotice(t("profile.start.done"));
        }} onError={failed} />
      <Show when={pendingImport()}>
        {(pending) => (
          <div class="panel" role="group">
            <p>{t("profile.editor.importConfirm", { name: pending().name })}</p>
            <div class="actions">
              <button type="button" class="button button-danger" onClick={() => doImport(pending().name, pending().profile)}>{t("profile.editor.importReplace")}</button>
              <button type="button" class="button button-secondary" onClick={() => setPendingImport(undefined)}>{t("form.cancel")}</button>
            </div>
          </div>
        )}
      </Show>

      <Show
        when={parsed().ok}
        fallback={
          <p class="alert alert-error" role="alert" data-testid="json-error">
            {(() => {
              const p = parsed();
              return p.ok ? "" : p.reason === "syntax" ? t("profile.editor.syntaxError", { message: p.message }) : t("profile.editor.notObject");
            })()}
          </p>
        }
      >
        <IssueList issues={issues()} checking={checking()} onLocate={locate} />
      </Show>
      <Show when={checkError()}>
        {(message) => <p class="alert alert-warning">{t("profile.editor.checkFailed", { message: message() })}</p>}
      </Show>

      <div class="tabs" role="tablist" aria-label={t("profile.editor.views")}>
        <button type="button" role="tab" id="tab-form" aria-controls="panel-form" aria-selected={tab() === "form"} class="tab" onClick={() => setTab("form")}>
          {t("profile.editor.formTab")}
        </button>
        <button type="button" role="tab" id="tab-json" aria-controls="panel-json" aria-selected={tab() === "json"} class="tab" onClick={() => setTab("json")}>
          {t("profile.editor.jsonTab")}
        </button>
      </div>

      <div role="tabpanel" id="panel-form" aria-labelledby="tab-form" hidden={tab() !== "form"} onFocusIn={onFormFocus}>
        <Show when={doc()} fallback={<p class="muted">{t("profile.editor.formNeedsJson")}</p>}>
          {(d) => (
            <>
              <p class="hint">{t("profile.editor.formIntro")}</p>
              <DeadlineForm doc={d()} issues={issues()} change={change} />
              <FrequencyForm doc={d()} issues={issues()} change={change} />
              <StaffingForm doc={d()} issues={issues()} change={change} />
              {/* The document pane (below) sends a picked clause to onCite: the rule chosen here first, else the one around the last focused field. */}
              <CiteTargetContext.Provider value={cite.value}>
                <Show
                  when={formSchema()}
                  fallback={<p class="hint">{formSchemaError() ? t("profile.rules.unavailable", { message: formSchemaError()! }) : t("profile.rules.loading")}</p>}
                >
                  {(form) => <RuleForms doc={d()} issues={issues()} change={change} form={form()} />}
                </Show>
              </CiteTargetContext.Provider>
            </>
          )}
        </Show>
      </div>

      <div role="tabpanel" id="panel-json" aria-labelledby="tab-json" hidden={tab() !== "json"}>
        <label for="profile-json" class="json-label">{t("profile.editor.jsonLabel")}</label>
        <textarea
          id="profile-json"
          class="json-editor"
          spellcheck={false}
          autocapitalize="off"
          autocomplete="off"
          value={text()}
          aria-invalid={parsed().ok && issues().length === 0 ? undefined : "true"}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>

      <div class="editor-bar">
        <span class="editor-state" role="status">
          {stale() ? t("profile.editor.stateStale") : dirty() ? t("profile.editor.stateDirty") : t("profile.editor.stateSaved")}
        </span>
        <button type="button" class="button" disabled={!parsed().ok || !dirty() || stale() || saving.pending} aria-busy={saving.pending} onClick={onSave}>
          {saving.pending ? t("form.submitting") : t("profile.editor.save")}
        </button>
      </div>

      <div class="actions file-actions">
        <ExportButton version="draft" label={t("profile.editor.export")} />
        <label class="button button-secondary file-button">
          {importing.pending ? t("form.submitting") : t("profile.editor.import")}
          <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(e) => void onFile(e.currentTarget)} />
        </label>
      </div>
      <Show when={dirty()}>
        <p class="hint">{t("profile.editor.exportSavedOnly")}</p>
      </Show>

      <PublishForm blocked={blocked()} onLocate={locate} basedOnVersion={draft()?.basedOnVersion} />

      <Suspense>
        <DocumentPane profile={doc()} target={citeTarget() ? jsonPath(citeTarget()!) : undefined} onCite={onCite} onAttached={recheck} />
      </Suspense>
    </div>
  );
}

/** The tenant admin's workspace: common rules as forms, the whole draft as JSON, save, import, export, publish. */
export default function DraftPage() {
  const { t } = useI18n();
  const draft = createAsync(() => profileDraft());
  return (
    <section class="card">
      <div class="page-head">
        <h1>{t("profile.editor.title")}</h1>
        <div class="actions">
          <A class="button button-secondary" href="/profile">{t("profile.inEffectLink")}</A>
        </div>
      </div>
      <Loading>
        {/* Not keyed: a later read of the draft (after a save) must not replace the page's edits. */}
        <Show when={draft()}>{(d) => <Editor initial={d()} />}</Show>
      </Loading>
    </section>
  );
}
