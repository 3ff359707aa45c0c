import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Hazard, PolicyProfile } from "@firegov/core/contract";
import { fieldError, SelectField, TextField } from "../../components/form.tsx";
import { activeNodes } from "../../data/queries.ts";
import { nodeOptionLabel } from "../../display.ts";
import { levelNamesFrom } from "../../levels.ts";
import { useI18n } from "../../i18n/index.tsx";
import { codeName, hazardCodes, severityName } from "./labels.ts";

const OTHER = "other";

/**
 * What registering (立案) asks: the hazard's code and severity (the deadline
 * follows from the severity) and the node of the officer's subtree it lies
 * in, so a tip that landed at a town or the county's root can be placed
 * where it is. Each defaults to what the hazard already has.
 */
export function RegisterFields(props: { hazard: Hazard; profile: PolicyProfile | undefined; error: unknown; onSeverity?: (severity: string) => void }) {
  const { t, locale } = useI18n();
  const nodes = createAsync(() => activeNodes());
  const [code, setCode] = createSignal(props.hazard.code ?? "");
  const name = (n: { zh: string; en: string }) => (locale() === "en" ? n.en : n.zh);
  const err = (path: string) => fieldError(props.error, path);
  return (
    <>
      <SelectField label={t("hazards.code")} name="code" required={!props.hazard.code} optional={Boolean(props.hazard.code)} error={err("body.code")} onChange={(e) => setCode(e.currentTarget.value)}>
        <option value="">{props.hazard.code ? codeName(props.profile, props.hazard.code, props.hazard.codeText, locale()) : t("hazards.chooseCode")}</option>
        <For each={props.profile ? hazardCodes(props.profile) : []}>{(c) => <option value={c.id}>{name(c.name)}</option>}</For>
        <option value={OTHER}>{t("hazards.otherCode")}</option>
      </SelectField>
      <Show when={code() === OTHER && props.hazard.code !== OTHER}>
        <TextField label={t("hazards.codeText")} name="codeText" required error={err("body.codeText")} />
      </Show>
      <SelectField label={t("hazards.severity")} name="severity" required={!props.hazard.severity} optional={Boolean(props.hazard.severity)} hint={t("hazards.registerSeverityHint")} error={err("body.severity")} onChange={(e) => props.onSeverity?.(e.currentTarget.value)}>
        <option value="">{props.hazard.severity ? severityName(props.profile, props.hazard.severity, locale()) : t("hazards.chooseSeverity")}</option>
        <For each={props.profile?.hazards.severities ?? []}>{(s) => <option value={s.id}>{name(s.name)}</option>}</For>
      </SelectField>
      <Show when={nodes()?.length}>
        <SelectField label={t("hazards.registerNode")} hint={t("hazards.registerNodeHint", { levels: levelNamesFrom(props.profile, "town", locale(), locale() === "en" ? "node" : "节点") })} name="nodeId" optional error={err("body.nodeId")}>
          <option value="">{t("hazards.registerNodeKeep")}</option>
          <For each={nodes()!.filter((n) => n.nodeId !== props.hazard.nodeId)}>{(n) => <option value={n.nodeId}>{nodeOptionLabel(n, nodes()![0])}</option>}</For>
        </SelectField>
      </Show>
    </>
  );
}
