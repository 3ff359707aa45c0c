import { For, Show } from "solid-js";
import type { Brigade, PolicyProfile } from "@firegov/core/contract";
import { TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { Locale } from "../../i18n/words.ts";
import { pick } from "../../organisation/labels.ts";

// A station's teams (编队), recorded on the station: the teams the profile's
// force requirements name, each ticked with its member count.

type Team = NonNullable<Brigade["teams"]>[number];

/** The teams the profile names for stations (requiredTeams of its requirements), once each. */
export function profileTeams(profile: PolicyProfile): { id: string; name: { zh: string; en: string } }[] {
  const all = profile.brigades.requirements.flatMap((r) => r.requiredTeams?.value ?? []);
  return all.filter((team, i) => all.findIndex((x) => x.id === team.id) === i);
}

/** The teams ticked in the form, in the locale's names; teams the profile no longer names are kept as they were. */
export function teamsFrom(form: HTMLFormElement, profile: PolicyProfile, brigade: Brigade | undefined, locale: Locale): Team[] | undefined {
  const named = profileTeams(profile);
  if (!named.length && !brigade?.teams?.length) return undefined;
  const ticked = named.flatMap((team) => {
    const box = form.querySelector<HTMLInputElement>(`input[name="teams"][value="${team.id}"]`);
    if (!box?.checked) return [];
    const count = form.querySelector<HTMLInputElement>(`input[name="team_${team.id}"]`)?.value;
    return [{ id: team.id, name: pick(team.name, locale), ...(count ? { memberCount: Number(count) } : {}) }];
  });
  const kept = (brigade?.teams ?? []).filter((t) => !named.some((n) => n.id === t.id));
  return [...ticked, ...kept];
}

export function TeamFields(props: { profile: PolicyProfile; brigade?: Brigade | undefined; error?: string | undefined }) {
  const { t, locale } = useI18n();
  const has = (id: string) => props.brigade?.teams?.find((x) => x.id === id);
  return (
    <Show when={profileTeams(props.profile).length}>
      <fieldset class="field" classList={{ "field-invalid": Boolean(props.error) }} data-testid="team-fields">
        <legend>{t("gaps.teams")}</legend>
        <For each={profileTeams(props.profile)}>
          {(team) => (
            <div class="inline-fields">
              <label class="checkbox">
                <input type="checkbox" name="teams" value={team.id} checked={Boolean(has(team.id))} /> {pick(team.name, locale())}
              </label>
              <TextField label={t("gaps.teamMembers", { name: pick(team.name, locale()) })} name={`team_${team.id}`} type="number" inputmode="numeric" min={0} max={999} optional value={has(team.id)?.memberCount?.toString() ?? ""} />
            </div>
          )}
        </For>
        <Show when={props.error}>{(m) => <p class="field-error">{m()}</p>}</Show>
      </fieldset>
    </Show>
  );
}
