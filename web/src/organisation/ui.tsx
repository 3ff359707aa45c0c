import { For, Show, type JSX } from "solid-js";
import { ApiError } from "../api/http.ts";
import { FieldNotes, TextAreaField } from "../components/form.tsx";
import { useI18n } from "../i18n/index.tsx";

/** The messages of a failed submission for a list input (`body.positions[2]` belongs to `body.positions`). */
export function listFieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const own = error.fields.filter((f) => f.path === path || f.path.startsWith(`${path}[`)).map((f) => f.message);
  return own.length ? [...new Set(own)].join("；") : undefined;
}

/** The paths of a list input, for FormError to know they are shown next to it. */
export function listPaths(error: unknown, path: string): string[] {
  return error instanceof ApiError ? error.fields.map((f) => f.path).filter((p) => p === path || p.startsWith(`${path}[`)) : [];
}

export function CancelButton(props: { onClick: () => void; label?: string }) {
  const { t } = useI18n();
  return (
    <button type="button" class="button button-secondary" onClick={() => props.onClick()}>
      {props.label ?? t("form.cancel")}
    </button>
  );
}

/** A group of checkboxes with one label, its hint and its error, as the form's other fields show them. */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  error?: string | undefined;
  hint?: string | undefined;
  empty?: string;
}) {
  return (
    <fieldset class="field check-group" classList={{ "field-invalid": Boolean(props.error) }} aria-invalid={props.error ? "true" : undefined}>
      <legend>{props.legend}</legend>
      <Show when={props.options.length} fallback={<p class="hint">{props.empty}</p>}>
        <div class="check-options">
          <For each={props.options}>
            {(option) => (
              <label class="check">
                <input type="checkbox" name={props.name} value={option.value} checked={props.checked.includes(option.value)} />
                <span>{option.label}</span>
              </label>
            )}
          </For>
        </div>
      </Show>
      <FieldNotes hint={props.hint} error={props.error} />
    </fieldset>
  );
}

/** A labelled multi-line input of a form read by name, three lines unless told. */
export function TextArea(props: { label: string; name: string; value?: string | undefined; error?: string | undefined; hint?: string | undefined; optional?: boolean; rows?: number }) {
  return <TextAreaField label={props.label} name={props.name} rows={props.rows ?? 3} value={props.value ?? ""} error={props.error} hint={props.hint} optional={props.optional ?? false} />;
}

/** The values of all checked boxes of one name. */
export function checkedValues(form: HTMLFormElement, name: string): string[] {
  return new FormData(form).getAll(name).filter((v): v is string => typeof v === "string");
}

/** A section heading with actions on its right (wrapping under it on a phone). */
export function SectionHead(props: { title: string; children?: JSX.Element }) {
  return (
    <div class="section-head">
      <h2>{props.title}</h2>
      <Show when={props.children}>
        <div class="section-actions">{props.children}</div>
      </Show>
    </div>
  );
}
