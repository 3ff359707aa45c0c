/**
 * How hazards read on screen: the loop's state and action names (the
 * domain's own), and the tenant profile's words for sources, severities,
 * codes, bodies, levels and listing levels. Components ask here.
 */
import { ACTION_NAMES, STATE_NAMES, STATES } from "@firegov/core/browser";
import type { HazardSource, HazardState, PolicyProfile } from "@firegov/core/contract";
import { formatDate as formatDay } from "../../display.ts";
import type { Locale } from "../../i18n/index.tsx";

type Bilingual = { zh: string; en: string };
const pick = (text: Bilingual | undefined, locale: Locale) => (text ? (locale === "en" ? text.en : text.zh) : undefined);

/** The six steps of the loop, in order; `withdrawn` leaves it. */
export const LOOP: readonly HazardState[] = STATES.filter((s) => s !== "withdrawn");

/** Every state core defines, in its order: the board's tabs after "open". */
export { STATES };

export function stateName(state: string, locale: Locale): string {
  return pick(STATE_NAMES[state as HazardState], locale) ?? state;
}

export function actionName(action: string, locale: Locale): string {
  return pick(ACTION_NAMES[action as keyof typeof ACTION_NAMES], locale) ?? action;
}

// Sources are the profile's own words (`vocabulary.hazardSources`); an unknown id shows as itself.
type Words = Pick<PolicyProfile, "vocabulary">;

/** The profile's hazard sources, in its order: the board's filter. */
export const sourcesOf = (profile: Words | undefined): string[] => profile?.vocabulary?.hazardSources.map((s) => s.id) ?? [];

/** Sources that come in by their own pages (a resident's tip, a venue's self-check, a home visit, the city platform): not an officer's to give. */
const ARRIVING: ReadonlySet<string> = new Set<HazardSource>(["public_tip", "self_check", "home_visit", "open311"]);

/** What an officer may give as the source of a report. */
export const reportSourcesOf = (profile: Words | undefined) => sourcesOf(profile).filter((s) => !ARRIVING.has(s)) as Exclude<HazardSource, "public_tip" | "self_check" | "home_visit" | "open311">[];

export function sourceName(profile: Words | undefined, source: string, locale: Locale): string {
  return pick(profile?.vocabulary?.hazardSources.find((s) => s.id === source)?.name, locale) ?? source;
}

export function severityName(profile: PolicyProfile | undefined, id: string | undefined, locale: Locale): string {
  if (!id) return "—";
  return pick(profile?.hazards.severities.find((s) => s.id === id)?.name, locale) ?? id;
}

/** The profile's hazard codes and those its inspection checklists carry, once each. */
export function hazardCodes(profile: PolicyProfile): { id: string; name: Bilingual }[] {
  const codes = new Map<string, Bilingual>();
  for (const c of profile.hazards.codes) codes.set(c.id, c.name);
  for (const category of profile.inspectionCategories) for (const item of category.checklist) if (!codes.has(item.hazardCode)) codes.set(item.hazardCode, item.name);
  return [...codes].map(([id, name]) => ({ id, name }));
}

export function codeName(profile: PolicyProfile | undefined, code: string | undefined, codeText: string | undefined, locale: Locale): string {
  if (codeText) return codeText;
  if (!code) return "—";
  return pick(profile ? hazardCodes(profile).find((c) => c.id === code)?.name : undefined, locale) ?? code;
}

/** What a hazard is called in lists and on its page: its code's name once it has one; before (a tip not yet registered), the first words of its description. */
export function hazardTitle(profile: PolicyProfile | undefined, h: { code?: string | undefined; codeText?: string | undefined; description: string }, locale: Locale): string {
  if (h.code || h.codeText) return codeName(profile, h.code, h.codeText, locale);
  const words = [...h.description.trim()];
  return words.length > 16 ? `${words.slice(0, 16).join("")}…` : words.join("") || "—";
}

export function bodyName(profile: PolicyProfile | undefined, id: string | undefined, locale: Locale): string {
  if (!id) return "—";
  return pick(profile?.bodies.find((b) => b.id === id)?.name, locale) ?? id;
}

export function levelName(profile: PolicyProfile | undefined, id: string, locale: Locale): string {
  return pick(profile?.levels.find((l) => l.id === id)?.name, locale) ?? id;
}

export function listingName(profile: PolicyProfile | undefined, id: string, locale: Locale): string {
  return pick(profile?.hazards.listedSupervision.find((l) => l.id === id)?.name, locale) ?? id;
}

/** Who handles it: the body, else the level. */
export function handlingName(profile: PolicyProfile | undefined, handling: { body?: string; level: string } | undefined, locale: Locale): string {
  if (!handling) return "—";
  return handling.body ? bodyName(profile, handling.body, locale) : levelName(profile, handling.level, locale);
}

/** A deadline instant as its local date. */
export function formatDate(iso: string | undefined, locale: Locale): string {
  return iso ? formatDay(iso, locale) : "—";
}
