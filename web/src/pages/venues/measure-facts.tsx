import { For, Show } from "solid-js";
import type { PolicyProfile, Venue } from "@firegov/core/contract";
import { useI18n } from "../../i18n/index.tsx";
import { pick } from "../profile/vocabulary.ts";

/** The venue's numbers, one row per measure of the profile it has recorded (建筑高度 60 米). */
export function MeasureFacts(props: { venue: Venue; profile: PolicyProfile | undefined }) {
  const { locale } = useI18n();
  const recorded = () => (props.profile?.venues.measures ?? []).filter((m) => props.venue.measures?.[m.id] !== undefined);
  return (
    <For each={recorded()}>
      {(m) => (
        <>
          <dt>{pick(m.name, locale())}</dt>
          <dd data-testid={`measure-${m.id}`}>{`${props.venue.measures![m.id]} ${pick(m.unit, locale())}`}</dd>
        </>
      )}
    </For>
  );
}

/** Its key-unit level: its own, or the one the profile's classify rule gave it (高度 ≥ 50 米 → 一级), said so. */
export function KeyUnitFact(props: { venue: Venue; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const level = () => props.venue.keyUnitLevel ?? props.venue.classified?.keyUnitLevel;
  const name = () => props.profile?.venues.keyUnitLevels.find((l) => l.id === level())?.name;
  return (
    <Show when={level()}>
      <dt>{t("venueNew.keyUnitLevel")}</dt>
      <dd data-testid="key-unit-level">
        {name() ? pick(name()!, locale()) : level()}
        <Show when={props.venue.keyUnitLevel === undefined}>
          <span class="source-document"> · {t("venueNew.byClassifyRule")}</span>
        </Show>
      </dd>
    </Show>
  );
}
