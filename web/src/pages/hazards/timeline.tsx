import { For, Show } from "solid-js";
import type { HazardEvent, PolicyProfile } from "@firegov/core/contract";
import { formatDateTime } from "../../display.ts";
import { useI18n, type Locale } from "../../i18n/index.tsx";
import type { Names } from "./facts.tsx";
import { actionName, bodyName, formatDate, levelName, stateName } from "./labels.ts";
import { HazardPhoto } from "./photos.tsx";

/** To whom an event reported or escalated the hazard (issue 16): the name kept on the event, else the profile's name of the body. */
function recipientOf(e: HazardEvent, profile: PolicyProfile | undefined, locale: Locale): string | undefined {
  const d = e.details ?? {};
  const kept = d.toName as { zh?: string; en?: string } | undefined;
  if (kept && typeof kept === "object" && kept.zh) return locale === "en" ? (kept.en ?? kept.zh) : kept.zh;
  const to = d.to as string | { body?: string; level?: string } | undefined;
  if (typeof to === "string") return bodyName(profile, to, locale);
  if (to && typeof to === "object") return to.body ? bodyName(profile, to.body, locale) : to.level ? levelName(profile, to.level, locale) : undefined;
  return undefined;
}

export function Timeline(props: { hazardId: string; events: HazardEvent[]; names: Names; profile?: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const who = (e: HazardEvent) =>
    e.actorType === "user" ? (props.names.get(e.actorId) ?? e.actorName ?? e.actorId) : e.actorType === "public" ? t("hazards.public") : t("hazards.system");
  return (
    <ol class="hz-timeline">
      <For each={props.events}>
        {(e) => (
          <li class="hz-event" data-action={e.action}>
            <div class="hz-event-head">
              <strong>{actionName(e.action, locale())}</strong>
              <Show when={e.from !== e.to}>
                <span class="hz-transition">{stateName(e.from, locale())} → {stateName(e.to, locale())}</span>
              </Show>
            </div>
            <div class="hz-event-meta">{who(e)} · <time datetime={e.at}>{formatDateTime(e.at, locale())}</time></div>
            <Show when={recipientOf(e, props.profile, locale())}>{(to) => <p class="hz-to">{t("hzBoard.toWhom", { to: to() })}</p>}</Show>
            <Show when={e.note}><p class="hz-note">{e.note}</p></Show>
            <Show when={typeof e.details?.publicNote === "string" && (e.details.publicNote as string)}>
              {(note) => <p class="hz-note">{t("hazards.publicNoteShown", { note: note() })}</p>}
            </Show>
            <Show when={typeof e.details?.mediaUrl === "string" && /^https?:\/\//i.test(e.details.mediaUrl as string) && (e.details.mediaUrl as string)}>
              {(url) => <p class="hz-note"><a href={url()} target="_blank" rel="noopener noreferrer">{t("hazards.platformMedia")}</a></p>}
            </Show>
            <Show when={e.deadlineAfter && e.deadlineAfter !== e.deadlineBefore}>
              <p class="hz-deadline-change">
                {e.deadlineBefore
                  ? t("hazards.deadlineChange", { from: formatDate(e.deadlineBefore, locale()), to: formatDate(e.deadlineAfter, locale()) })
                  : t("hazards.deadlineSet", { to: formatDate(e.deadlineAfter, locale()) })}
              </p>
            </Show>
            <Show when={e.photos?.length}>
              <div class="hz-photos" aria-label={t("hazards.photos", { count: e.photos!.length })}>
                <For each={e.photos}>{(photoKey) => <HazardPhoto hazardId={props.hazardId} photoKey={photoKey} />}</For>
              </div>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}

