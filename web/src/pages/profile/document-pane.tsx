import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import type { DocumentClause, ProfileSourceDocument } from "@firegov/core/contract";
import { splitClauses, uncitedClauses } from "@firegov/core/browser";
import { ApiError } from "../../api/http.ts";
import { getDraftSourceDocument, putDraftSourceDocument } from "../../api/profile-document.ts";
import { useI18n } from "../../i18n/index.tsx";

// The county's document beside the draft editor: paste or upload it, read
// its clauses (split by its own numbering, as the server splits it), see
// which no rule cites, and cite a clause or one of its sentences into the
// rule being edited. Self-contained: the editor hands it the draft and a
// target, and takes the citation through onCite.

export type Citation = { sourceRef: string; text: string };

/** A clause's number at its start: 一、 （一） 1． （1） 第N条 第N款 附件N. */
const LABEL = /^(?:第[^\s条款]{1,6}[条款]|附件\s*\S{1,3}|[（(][^）)]{1,4}[）)]|[一二三四五六七八九十百零〇0-9０-９]+[、.．])\s*/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Line breaks of an extracted text dropped (kept as a space between two Latin words). */
function joinLines(text: string): string {
  return text.replace(/\s*\n\s*/g, (_, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + _.length] ?? "";
    return CJK.test(before) || CJK.test(after) ? "" : " ";
  }).trim();
}

/** The clause's own words: without its number and without the sub-clauses it holds. */
export function ownText(clause: DocumentClause, clauses: readonly DocumentClause[]): string {
  const firstChild = clauses.find((other) => other.parent === clause.id);
  const own = firstChild ? clause.text.slice(0, firstChild.start - clause.start) : clause.text;
  return joinLines(own.replace(LABEL, ""));
}

/** Sentences of a clause's words, each ending with its stop. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。；;！？!?])/).map((part) => part.trim()).filter((part) => part.length > 0);
}

export default function DocumentPane(props: {
  /** The draft as edited now: its id makes the citation, its rules decide what is uncited. */
  profile: Record<string, unknown> | undefined;
  /** Where a citation goes (a JSON path), shown to the user; none yet: citing waits. */
  target: string | undefined;
  onCite: (citation: Citation) => void;
  /** A new document was attached: the draft's quotes are now checked against it. */
  onAttached?: () => void;
}) {
  const { t } = useI18n();
  const [loadError, setLoadError] = createSignal<string>();
  // A failed read leaves the pane usable (paste or upload replaces the document) and says so quietly: the editor beside it goes on.
  const [stored, { mutate }] = createResource(() =>
    getDraftSourceDocument().catch((err: unknown) => {
      setLoadError(err instanceof Error ? err.message : String(err));
      return null;
    }),
  );
  const [pasting, setPasting] = createSignal(false);
  const [pasted, setPasted] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();

  const clauses = createMemo(() => {
    const document = stored();
    return document ? splitClauses(document.text) : [];
  });
  const profileId = () => (typeof props.profile?.id === "string" ? props.profile.id : "");
  /** Live: a rule just cited in the editor leaves the list before any save. */
  const uncited = createMemo(() => new Set(props.profile ? uncitedClauses({ ...props.profile, id: profileId() }, clauses()).map((clause) => clause.id) : []));

  const attach = async (source: string | File) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const next: ProfileSourceDocument = await putDraftSourceDocument(source);
      mutate(next);
      setPasting(false);
      setPasted("");
      setNotice(t("profile.documentPane.saved", { count: next.clauses.length }));
      props.onAttached?.();
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.fields.map((field) => field.message)].join(" ") : String(err));
    } finally {
      setBusy(false);
    }
  };

  const cite = (clause: DocumentClause, text: string) => {
    if (props.target === undefined) return setError(t("profile.documentPane.noTarget"));
    setError(undefined);
    props.onCite({ sourceRef: `${profileId()} ${clause.id}`, text });
  };

  return (
    <aside class="document-pane" aria-labelledby="document-pane-title" data-testid="document-pane">
      <h2 id="document-pane-title">{t("profile.documentPane.title")}</h2>
      <p class="hint">{t("profile.documentPane.intro")}</p>
      <Show when={error()}>{(message) => <p class="alert alert-error" role="alert">{message()}</p>}</Show>
      <Show when={notice()}>{(message) => <p class="alert alert-success" role="status">{message()}</p>}</Show>
      <Show when={loadError()}>{(message) => <p class="alert alert-warning">{message()}</p>}</Show>

      <Show when={!stored.loading} fallback={<p class="muted">{t("profile.documentPane.loading")}</p>}>
        <Show when={!stored() || pasting()}>
          <label for="document-paste">{t("profile.documentPane.paste")}</label>
          <textarea id="document-paste" class="document-paste" rows={8} value={pasted()} onInput={(e) => setPasted(e.currentTarget.value)} />
          <div class="actions">
            <button type="button" class="button" disabled={busy() || pasted().trim() === ""} aria-busy={busy()} onClick={() => void attach(pasted())}>
              {t("profile.documentPane.attach")}
            </button>
          </div>
        </Show>
        <div class="actions">
          <label class="button button-secondary file-button">
            {t("profile.documentPane.upload")}
            <input
              type="file"
              accept=".docx,.pdf,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
              class="visually-hidden"
              data-testid="document-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = "";
                if (file) void attach(file);
              }}
            />
          </label>
          <Show when={stored() && !pasting()}>
            <button type="button" class="button button-secondary" onClick={() => setPasting(true)}>{t("profile.documentPane.replace")}</button>
          </Show>
        </div>
        <Show when={stored() === null && !pasting()}>
          <p class="muted">{t("profile.documentPane.none")}</p>
        </Show>
      </Show>

      <Show when={clauses().length > 0}>
        <p class="document-target" data-testid="cite-target">
          {props.target === undefined ? t("profile.documentPane.noTarget") : t("profile.documentPane.target", { path: props.target })}
        </p>
        <h3>
          {t("profile.documentPane.clauses", { count: clauses().length })}
          <Show when={uncited().size > 0}> · {t("profile.documentPane.uncitedCount", { count: uncited().size })}</Show>
        </h3>
        <ol class="clause-list">
          <For each={clauses()}>
            {(clause) => {
              const words = ownText(clause, clauses());
              return (
                <li class="clause" style={{ "margin-inline-start": `${clause.depth}em` }} data-testid="clause" data-clause-id={clause.id}>
                  <div class="clause-head">
                    <code>{clause.id}</code>
                    <Show when={uncited().has(clause.id)}>
                      <span class="badge badge-warn" data-testid="uncited">{t("profile.documentPane.uncited")}</span>
                    </Show>
                    <button type="button" class="link-button small-button" onClick={() => cite(clause, words)}>{t("profile.documentPane.cite")}</button>
                  </div>
                  <p class="clause-text">
                    <For each={sentencesOf(words)}>
                      {(sentence) => (
                        <button type="button" class="sentence" title={t("profile.documentPane.citeSentence")} onClick={() => cite(clause, sentence)}>
                          {sentence}
                        </button>
                      )}
                    </For>
                  </p>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
    </aside>
  );
}
