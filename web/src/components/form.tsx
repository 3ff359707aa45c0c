import { createUniqueId, For, Show, splitProps, type JSX } from "solid-js";
import { ApiError, newIdempotencyKey } from "../api/http.ts";
import { useI18n } from "../i18n/index.tsx";

interface FieldOwnProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
}

function FieldShell(props: FieldOwnProps & { id: string; children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <div class="field" classList={{ "field-invalid": Boolean(props.error) }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.optional}>
          <span class="optional">（{t("form.optional")}）</span>
        </Show>
      </label>
      {props.children}
      <FieldNotes id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** A field's hint and its error, under the input; with ids to point to when the field has one. */
export function FieldNotes(props: { id?: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      <Show when={props.hint}>
        <p class="hint" id={props.id && `${props.id}-hint`}>{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={props.id && `${props.id}-error`}>{props.error}</p>
      </Show>
    </>
  );
}

const describedBy = (id: string, p: FieldOwnProps) => [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** A labelled input with its hint and its error underneath, linked for screen readers. */
export function TextField(props: FieldOwnProps & JSX.InputHTMLAttributes<HTMLInputElement>) {
  const [own, input] = splitProps(props, ["label", "error", "hint", "optional"]);
  const id = createUniqueId();
  return (
    <FieldShell {...own} id={id}>
      <input id={id} {...input} aria-invalid={own.error ? "true" : undefined} aria-describedby={describedBy(id, own)} />
    </FieldShell>
  );
}

export function SelectField(props: FieldOwnProps & JSX.SelectHTMLAttributes<HTMLSelectElement>) {
  const [own, select] = splitProps(props, ["label", "error", "hint", "optional"]);
  const id = createUniqueId();
  return (
    <FieldShell {...own} id={id}>
      <select id={id} {...select} aria-invalid={own.error ? "true" : undefined} aria-describedby={describedBy(id, own)} />
    </FieldShell>
  );
}

/** A labelled multi-line input, with its hint and its error as the other fields have them. */
export function TextAreaField(props: FieldOwnProps & JSX.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const [own, area] = splitProps(props, ["label", "error", "hint", "optional"]);
  const id = createUniqueId();
  return (
    <FieldShell {...own} id={id}>
      <textarea id={id} {...area} aria-invalid={own.error ? "true" : undefined} aria-describedby={describedBy(id, own)} />
    </FieldShell>
  );
}

/** The message of a failed submission for one input, if the API tied it to that input. */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(path) : undefined;
}

/**
 * A failed submission above the form: the API's message, and any field
 * problems the form has no input for. Nothing when every problem sits next
 * to its input already.
 */
export function FormError(props: { error: unknown; paths: readonly string[] }) {
  const { t } = useI18n();
  const problem = () => {
    const error = props.error;
    if (!error) return undefined;
    if (!(error instanceof ApiError)) return { message: t("error.generic", { message: error instanceof Error ? error.message : String(error) }), others: [] };
    if (error.belongsTo(props.paths)) return undefined;
    return { message: error.message, others: error.otherFields(props.paths).map((f) => f.message) };
  };
  return (
    <Show when={problem()}>
      {(p) => (
        <div class="alert alert-error" role="alert" tabindex="-1">
          <p>{p().message}</p>
          <Show when={p().others.length}>
            <ul>
              <For each={p().others}>{(m) => <li>{m}</li>}</For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  );
}

export function Notice(props: { children: JSX.Element; tone?: "info" | "success" | "warning" }) {
  return (
    <p class={`alert alert-${props.tone ?? "info"}`} role="status">
      {props.children}
    </p>
  );
}

/** Full-width on a phone; says it is working while the request is out. */
export function SubmitButton(props: { pending: boolean; children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <button type="submit" class="button button-block" disabled={props.pending} aria-busy={props.pending}>
      {props.pending ? t("form.submitting") : props.children}
    </button>
  );
}

/** The form's inputs by name, trimmed; passwords (temporary ones shown as text too) are taken as typed. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string") values[name] = /password/i.test(name) ? value : value.trim();
  }
  return values;
}

/** An empty optional input is left out of the request. */
export const optional = (value: string | undefined) => (value ? value : undefined);

/**
 * One Idempotency-Key per submission: kept while the inputs stay as they were
 * (a retry of the same submission), replaced once they change or it succeeded.
 */
export function submissionKey() {
  let key = newIdempotencyKey();
  return {
    current: () => key,
    renew: () => {
      key = newIdempotencyKey();
    },
  };
}

/**
 * After a failed submission, bring the problem into view: the first input
 * marked invalid, else the form's error message. On a phone the submit button
 * is often a screen away from the field at fault.
 */
export function revealProblem(form: HTMLFormElement) {
  const target = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>(".alert-error");
  target?.focus();
}
