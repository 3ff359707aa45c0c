/**
 * How organisation and compliance values read on screen, zh-CN and en: the
 * product's own words (duty, finding statuses), and the tenant profile's
 * words for its employment, forces, vehicles and record kinds (its
 * vocabulary) and names for its levels, bodies, positions, grades, tiers and
 * obligations. Labels only: what a
 * value means is the API's.
 */
import type { DutyStatus, Employment, FindingStatus, ForceKind, JurisdictionNode, PolicyProfile, RecordKind, VehicleType } from "@firegov/core/contract";
import type { Locale } from "../i18n/index.tsx";

type Bilingual = { zh: string; en: string };

export const pick = (text: Bilingual | undefined, locale: Locale): string => (text ? (locale === "en" ? text.en : text.zh) : "");

// Employment, force, vehicle and record kinds are the profile's own words
// (`vocabulary`): a county may name or add them; an unknown id shows as itself
// (as does every id of a profile cached before it had a vocabulary).
type Words = Pick<PolicyProfile, "vocabulary">;
const wordIn = (profile: Words | undefined, key: keyof PolicyProfile["vocabulary"], id: string, locale: Locale) =>
  pick(profile?.vocabulary?.[key].find((w) => w.id === id)?.name, locale) || id;

/** The profile's employment kinds a person may have (`any` is a rule's word, not a person's). */
export const employmentsOf = (profile: Words) => (profile.vocabulary?.employmentKinds ?? []).filter((e) => e.id !== "any").map((e) => e.id as Employment);
export const employmentName = (profile: Words | undefined, e: string, locale: Locale) => wordIn(profile, "employmentKinds", e, locale);

export const forcesOf = (profile: Words) => (profile.vocabulary?.forceKinds ?? []).map((f) => f.id as ForceKind);
export const forceName = (profile: Words | undefined, f: string, locale: Locale) => wordIn(profile, "forceKinds", f, locale);

export const vehiclesOf = (profile: Words) => (profile.vocabulary?.engineTypes ?? []).map((v) => v.id as VehicleType);
export const vehicleName = (profile: Words | undefined, v: string, locale: Locale) => wordIn(profile, "engineTypes", v, locale);

const duties: Record<DutyStatus, Bilingual> = {
  on_duty: { zh: "执勤", en: "On duty" },
  standby: { zh: "备勤", en: "Standby" },
  off_duty: { zh: "休整", en: "Off duty" },
  out_of_service: { zh: "停止执勤", en: "Out of service" },
};
export const DUTIES = Object.keys(duties) as DutyStatus[];
export const dutyName = (d: DutyStatus, locale: Locale) => pick(duties[d], locale) || d;

/** The profile's record kinds, in its order (what a ledger holds most comes first in the baseline). */
export const recordKindsOf = (profile: Words) => (profile.vocabulary?.recordKinds ?? []).map((k) => k.id as RecordKind);
export const recordKindName = (profile: Words | undefined, k: string, locale: Locale) => wordIn(profile, "recordKinds", k, locale);

const statuses: Record<FindingStatus, Bilingual> = {
  overdue: { zh: "已逾期", en: "Overdue" },
  unmet: { zh: "未达标", en: "Not met" },
  due_soon: { zh: "即将到期", en: "Due soon" },
  met: { zh: "已达标", en: "Met" },
  not_applicable: { zh: "不适用", en: "Not applicable" },
};
/** The order a reader acts in: what is late or missing first. */
export const STATUS_ORDER: FindingStatus[] = ["overdue", "unmet", "due_soon", "met", "not_applicable"];
export const statusName = (s: FindingStatus, locale: Locale) => pick(statuses[s], locale) || s;

// ── The profile's own names ────────────────────────────────────────────────

type Named = { id: string; name: Bilingual };
const nameIn = (list: readonly Named[], id: string | undefined, locale: Locale) => (id ? pick(list.find((x) => x.id === id)?.name, locale) || id : "");

/** The profile's word for a level (镇（园区）, 村（社区）…); an unknown level as its id. */
export const levelName = (profile: PolicyProfile, level: string, locale: Locale) => nameIn(profile.levels, level, locale);
export const bodyName = (profile: PolicyProfile, bodyId: string | undefined, locale: Locale) => nameIn(profile.bodies, bodyId, locale);
export const gradeName = (profile: PolicyProfile, grade: string | undefined, locale: Locale) => nameIn(profile.brigades.grades, grade, locale);
export const tierName = (profile: PolicyProfile, tier: string | undefined, locale: Locale) => nameIn(profile.staffing.tiers, tier, locale);
export const roleTermName = (profile: PolicyProfile, role: string, locale: Locale) => nameIn(profile.roles, role, locale);
export const obligationName = (profile: PolicyProfile, id: string | undefined, locale: Locale) => nameIn(profile.obligations, id, locale);
export const responsibilityName = (profile: PolicyProfile, id: string | undefined, locale: Locale) => nameIn(profile.responsibilities, id, locale);

type Position = PolicyProfile["composition"][number];

/** A seat's title; two seats of one body with the same title (副主任) are told apart by who fills them. */
export function seatTitle(profile: PolicyProfile, position: Position, locale: Locale): string {
  const title = pick(position.title, locale);
  const twin = profile.composition.some((c) => c.id !== position.id && c.body === position.body && c.title.zh === position.title.zh);
  return twin ? `${title}（${roleTermName(profile, position.filledBy, locale)}）` : title;
}

/** A position with the body it sits in: 消委会 主任. */
export function positionName(profile: PolicyProfile, positionId: string, locale: Locale): string {
  const position = profile.composition.find((c) => c.id === positionId);
  if (!position) return positionId;
  return `${bodyName(profile, position.body, locale)} ${seatTitle(profile, position, locale)}`;
}

/** The level below a node's in the profile: the level of the children it may have. */
export function childLevelOf(profile: PolicyProfile, level: string) {
  const index = profile.levels.findIndex((l) => l.id === level);
  return index < 0 ? undefined : profile.levels[index + 1];
}

/** The level above: where a node of this level may be moved to. */
export function parentLevelOf(profile: PolicyProfile, level: string) {
  const index = profile.levels.findIndex((l) => l.id === level);
  return index <= 0 ? undefined : profile.levels[index - 1];
}

/** A node as a list names it: its name, and its unit kind when the level has several. */
export function nodeLabel(profile: PolicyProfile, node: JurisdictionNode): string {
  const level = profile.levels.find((l) => l.id === node.level);
  return node.unit && level && level.units.length > 1 ? `${node.name}（${node.unit}）` : node.name;
}

/** A calendar date as the reader's locale writes it (the web's one formatter, display.ts). */
export { formatDate } from "../display.ts";

/** Today in the browser's calendar, YYYY-MM-DD, for date inputs. */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
