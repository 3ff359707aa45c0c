import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Hazard, PolicyProfile } from "@firegov/core/contract";
import { useI18n } from "../../i18n/index.tsx";
import { hazardNode } from "./data.ts";
import { codeName, formatDate, handlingName, LOOP, severityName, sourceName, stateName } from "./labels.ts";

/** User names by id, for the timeline and the assignee select. */
export type Names = ReadonlyMap<string, string>;

/** 发现 → 立案 → 派遣 → 处置 → 核查 → 结案, the current step marked. */
export function Steps(props: { state: string }) {
  const { t, locale } = useI18n();
  const at = () => LOOP.indexOf(props.state as (typeof LOOP)[number]);
  return (
    <ol class="hz-steps" aria-label={t("hazards.state")}>
      <For each={LOOP}>
        {(state, i) => (
          <li classList={{ done: i() < at(), current: i() === at() }} aria-current={i() === at() ? "step" : undefined}>
            <span class="hz-step-dot">{i() + 1}</span>
            <span>{stateName(state, locale())}</span>
          </li>
        )}
      </For>
    </ol>
  );
}

export function Facts(props: { hazard: Hazard; profile: PolicyProfile | undefined; names: Names }) {
  const { t, locale } = useI18n();
  const h = () => props.hazard;
  const node = createAsync(() => hazardNode(h().nodeId));
  return (
    <dl class="hz-facts">
      <dt>{t("hazards.severity")}</dt>
      <dd><span class="badge badge-warn">{severityName(props.profile, h().severity, locale())}</span></dd>
      <dt>{t("hazards.code")}</dt>
      <dd>{codeName(props.profile, h().code, h().codeText, locale())}</dd>
      <dt>{t("hazards.deadline")}</dt>
      <dd classList={{ "hz-overdue": h().overdue }}>
        {formatDate(h().deadline, locale())}
        <Show when={h().overdue}> <span class="badge">{t("hazards.overdue")}</span></Show>
      </dd>
      <dt>{t("hazards.handling")}</dt>
      <dd>{handlingName(props.profile, h().handling, locale())}</dd>
      <dt>{t("hazards.node")}</dt>
      <dd>{node()?.name ?? h().nodeId}{h().locationText ? ` · ${h().locationText}` : ""}</dd>
      <Show when={h().assigneeId}>
        {(id) => (<><dt>{t("hazards.assignee")}</dt><dd>{props.names.get(id()) ?? id()}</dd></>)}
      </Show>
      <Show when={h().responsibleParty}>
        {(p) => (<><dt>{t("hazards.responsibleParty")}</dt><dd>{p().name}{p().contact ? ` · ${p().contact}` : ""}</dd></>)}
      </Show>
      <dt>{t("hazards.source")}</dt>
      <dd>{sourceName(props.profile, h().source, locale())}</dd>
      <Show when={h().reporter.contact}>
        {(c) => (<><dt>{t("hazards.reporter")}</dt><dd>{t("hazards.reporterContact", { contact: c() })}</dd></>)}
      </Show>
    </dl>
  );
}

