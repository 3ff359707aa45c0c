/**
 * How organisation and compliance values read on screen, zh-CN and en: the
 * product's closed vocabularies (employment, forces, vehicles, duty, record
 * kinds, finding statuses) and the tenant profile's own names for its levels,
 * bodies, positions, grades, tiers and obligations. Labels only: what a
 * value means is the API's.
 */
import type { DutyStatus, Employment, FindingStatus, ForceKind, JurisdictionNode, PolicyProfile, RecordKind, VehicleType } from "@firegov/core/contract";
import type { Locale } from "../i18n/index.tsx";

type Bilingual = { zh: string; en: string };

export const pick = (text: Bilingual | undefined, locale: Locale): string => (text ? (locale === "en" ? text.en : text.zh) : "");

const employments: Record<Employment, Bilingual> = {
  on_payroll: { zh: "在编人员", en: "On-payroll staff" },
  contracted: { zh: "政府购买服务人员", en: "Contracted staff" },
  auxiliary: { zh: "辅助人员", en: "Auxiliary staff" },
  seconded: { zh: "派驻（指定）人员", en: "Seconded staff" },
  other: { zh: "其余人员", en: "Other staff" },
};
export const EMPLOYMENTS = Object.keys(employments) as Employment[];
export const employmentName = (e: Employment, locale: Locale) => pick(employments[e], locale) || e;

const forces: Record<ForceKind, Bilingual> = {
  full_time_brigade: { zh: "政府专职消防队", en: "Full-time fire brigade" },
  micro_station: { zh: "微型消防站", en: "Micro fire station" },
  volunteer_team: { zh: "志愿消防队", en: "Volunteer fire team" },
  integrated_team: { zh: "整合的消防/应急救援队伍", en: "Integrated rescue team" },
};
export const FORCES = Object.keys(forces) as ForceKind[];
export const forceName = (f: string, locale: Locale) => pick(forces[f as ForceKind], locale) || f;

const vehicles: Record<VehicleType, Bilingual> = {
  water_tanker: { zh: "水罐消防车", en: "Water tanker" },
  other_firefighting: { zh: "其他灭火消防车", en: "Other fire engine" },
  multi_purpose: { zh: "小型多功能消防车", en: "Small multi-purpose engine" },
  support: { zh: "保障车辆", en: "Support vehicle" },
};
export const VEHICLES = Object.keys(vehicles) as VehicleType[];
export const vehicleName = (v: VehicleType, locale: Locale) => pick(vehicles[v], locale) || v;

const duties: Record<DutyStatus, Bilingual> = {
  on_duty: { zh: "执勤", en: "On duty" },
  standby: { zh: "备勤", en: "Standby" },
  off_duty: { zh: "休整", en: "Off duty" },
  out_of_service: { zh: "停止执勤", en: "Out of service" },
};
export const DUTIES = Object.keys(duties) as DutyStatus[];
export const dutyName = (d: DutyStatus, locale: Locale) => pick(duties[d], locale) || d;

const recordKinds: Record<RecordKind, Bilingual> = {
  meeting: { zh: "会议", en: "Meeting" },
  training: { zh: "培训", en: "Training" },
  drill: { zh: "演练", en: "Drill" },
  publicity: { zh: "宣传活动", en: "Publicity" },
  analysis: { zh: "分析研判", en: "Analysis" },
  emergency_plan: { zh: "应急预案", en: "Emergency plan" },
  annual_plan: { zh: "年度计划", en: "Annual plan" },
  work_notice: { zh: "工作提示", en: "Work notice" },
  duty_report: { zh: "履职报告", en: "Duty report" },
  ledger_report: { zh: "隐患台账报送", en: "Hazard ledger report" },
};
/** Meetings, training, drills and publicity first: what a ledger holds most. */
export const RECORD_KINDS = Object.keys(recordKinds) as RecordKind[];
export const recordKindName = (k: RecordKind, locale: Locale) => pick(recordKinds[k], locale) || k;

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
