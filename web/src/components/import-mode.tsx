import { Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

/** How an import treats bad rows: all or nothing (the default), or skip them; the form reads it as `mode`. */
export function ImportModeChoice(props: { hint?: string }) {
  const { t } = useI18n();
  return (
    <fieldset class="choice">
      <legend>{t("importer.mode")}</legend>
      <label class="radio">
        <input type="radio" name="mode" value="all_or_nothing" checked />
        {t("importer.allOrNothing")}
      </label>
      <label class="radio">
        <input type="radio" name="mode" value="skip_bad_rows" />
        {t("importer.skipBadRows")}
      </label>
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
    </fieldset>
  );
}
