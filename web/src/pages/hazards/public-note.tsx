import { createSignal, For, Show } from "solid-js";
import { fillResponse, responsesFor, responseValues } from "@firegov/core/browser";
import type { Hazard, HazardAction, PolicyProfile } from "@firegov/core/contract";
import { SelectField, TextAreaField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";

/**
 * The note for the public on a move along the loop: pick one of the
 * profile's response templates (its placeholders filled from the hazard; one
 * the page cannot fill yet, such as the deadline a registration sets, the
 * server fills on sending) or write one's own. The text stays editable.
 */
export function PublicNoteField(props: { hazard: Hazard; action: HazardAction; profile: PolicyProfile | undefined; error: string | undefined }) {
  const { t, locale } = useI18n();
  const [text, setText] = createSignal("");
  const templates = () => responsesFor(props.profile, props.action);
  const pick = (id: string) => {
    const template = templates().find((r) => r.id === id);
    if (!template) return;
    const words = locale() === "en" && template.message.en ? template.message.en : template.message.zh;
    setText(fillResponse(words, responseValues(props.profile, props.hazard)));
  };
  return (
    <>
      <Show when={templates().length}>
        <SelectField label={t("hazards.responseTemplate")} hint={t("hazards.responseTemplateHint")} optional onChange={(e) => pick(e.currentTarget.value)} data-testid="response-template">
          <option value="">{t("hazards.responseOwn")}</option>
          <For each={templates()}>{(r) => <option value={r.id}>{locale() === "en" ? r.name.en : r.name.zh}</option>}</For>
        </SelectField>
      </Show>
      <TextAreaField label={t("hazards.publicNote")} hint={t("hazards.publicNoteHint")} name="publicNote" rows={3} maxlength={500} optional value={text()} onInput={(e) => setText(e.currentTarget.value)} error={props.error} />
    </>
  );
}
