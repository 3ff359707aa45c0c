/**
 * How a profile's values read on screen, zh-CN and en: the schema's closed
 * vocabularies, periods, the topics a profile is read by, and the names a
 * profile gives its own ids. Labels only: what a value means is the API's.
 */
import type { PolicyProfile, ProfileRef, ProfileVersionSummary } from "@firegov/core/contract";
import type { Locale } from "../../i18n/index.tsx";

type Bilingual = { zh: string; en: string };
type Vocabulary = Record<string, Bilingual>;

export const pick = (text: Bilingual | undefined, locale: Locale): string => (text ? (locale === "en" ? text.en : text.zh) : "");

/** A value of a closed vocabulary by its label; an unknown one as itself, so nothing is hidden. */
const label = (vocabulary: Vocabulary) => (value: string, locale: Locale) => pick(vocabulary[value], locale) || value;

export const levelKind = label({
  city: { zh: "市", en: "City" },
  county: { zh: "县（区）", en: "County" },
  town: { zh: "镇街", en: "Town" },
  village: { zh: "村居", en: "Village" },
  grid: { zh: "网格", en: "Grid" },
});

export const bodyKind = label({
  government: { zh: "政府", en: "Government" },
  committee: { zh: "消防安全委员会", en: "Fire-safety committee" },
  fire_office: { zh: "消防工作机构", en: "Fire office" },
  fire_rescue: { zh: "消防救援机构", en: "Fire-rescue service" },
  police: { zh: "公安派出所", en: "Police" },
  emergency_management: { zh: "应急管理部门", en: "Emergency management" },
  industry_department: { zh: "行业主管部门", en: "Industry department" },
  enforcement: { zh: "综合行政执法", en: "Enforcement" },
  command_centre: { zh: "指挥中心", en: "Command centre" },
  brigade: { zh: "消防队", en: "Brigade" },
  micro_station: { zh: "微型消防站", en: "Micro fire station" },
  volunteer_team: { zh: "志愿消防队", en: "Volunteer team" },
  forestry_team: { zh: "森林消防队伍", en: "Forestry team" },
  village_committee: { zh: "村（居）委", en: "Village committee" },
  work_group: { zh: "工作小组", en: "Work group" },
  grid: { zh: "网格", en: "Grid" },
});

export const employment = label({
  any: { zh: "各类人员", en: "Any staff" },
  on_payroll: { zh: "在编人员", en: "On-payroll staff" },
  contracted: { zh: "政府购买服务人员", en: "Contracted staff" },
  auxiliary: { zh: "辅助人员", en: "Auxiliary staff" },
  seconded: { zh: "派驻人员", en: "Seconded staff" },
  other: { zh: "其他人员", en: "Other staff" },
});

export const venueFlag = label({
  key_supervision: { zh: "重点监管", en: "Key supervision" },
  priority_governance: { zh: "重点治理", en: "Priority governance" },
  safety_evaluation: { zh: "须安全评估", en: "Safety evaluation" },
  police_daily_check: { zh: "派出所日常检查", en: "Police daily check" },
  small_venue: { zh: "小场所", en: "Small venue" },
});

export const engineType = label({
  water_tanker: { zh: "水罐消防车", en: "Water tanker" },
  other_firefighting: { zh: "其他灭火消防车", en: "Other fire engine" },
});

export const forceKind = label({
  full_time_brigade: { zh: "政府专职消防队", en: "Full-time brigade" },
  micro_station: { zh: "微型消防站", en: "Micro fire station" },
  volunteer_team: { zh: "志愿消防队", en: "Volunteer team" },
  integrated_team: { zh: "整合的综合救援队伍", en: "Integrated rescue team" },
});

export const deployment = label({ centre: { zh: "中心队", en: "Centre team" }, satellite: { zh: "卫星队", en: "Satellite team" } });

export const venuePolicyKind = label({
  inventory: { zh: "清单化管理", en: "Inventory" },
  reclassify_on_change: { zh: "情况变化重新分类", en: "Reclassify on change" },
  patrol_assignment: { zh: "巡查责任分配", en: "Patrol assignment" },
  patrol_plan: { zh: "巡查计划", en: "Patrol plan" },
  report_unassigned: { zh: "无监管对象上报", en: "Report unassigned objects" },
  safety_evaluation: { zh: "安全评估，不合格不得经营使用", en: "Safety evaluation; must not operate if unsafe" },
  watchlist: { zh: "“不放心”场所跟踪", en: "Watch list" },
});

export const patrolTerm = label({
  kind: { zh: "场所类型", en: "venue kind" },
  risk_grade: { zh: "风险等级", en: "risk grade" },
  patroller: { zh: "巡查人员", en: "patroller" },
  frequency: { zh: "频次", en: "frequency" },
  method: { zh: "方式", en: "method" },
});

export const inspectionMethod = label({
  patrol: { zh: "巡查", en: "Patrol" },
  full_check: { zh: "全面检查", en: "Full check" },
  random_spot_check: { zh: "“双随机”抽查", en: "Random spot check" },
});

export const hazardState = label({
  discovered: { zh: "发现", en: "Discovered" },
  registered: { zh: "立案", en: "Registered" },
  dispatched: { zh: "派遣", en: "Dispatched" },
  rectifying: { zh: "处置", en: "Rectifying" },
  verifying: { zh: "核查", en: "Verifying" },
  closed: { zh: "结案", en: "Closed" },
});

export const escalationAction = label({
  report: { zh: "上报", en: "Report" },
  transfer: { zh: "移送", en: "Transfer" },
  hand_over: { zh: "移交", en: "Hand over" },
  joint_enforcement: { zh: "联合执法", en: "Joint enforcement" },
  request_listing: { zh: "提请挂牌督办", en: "Request listing" },
});

export const obligationKind = label({
  meeting: { zh: "会议", en: "Meeting" },
  analysis: { zh: "分析研判", en: "Analysis" },
  training: { zh: "培训", en: "Training" },
  drill: { zh: "演练", en: "Drill" },
  emergency_plan: { zh: "应急预案", en: "Emergency plan" },
  publicity: { zh: "宣传", en: "Publicity" },
  annual_plan: { zh: "年度计划", en: "Annual plan" },
  work_notice: { zh: "工作提示", en: "Work notice" },
});

export const obligationEvent = label({ hire: { zh: "入职", en: "on hiring" }, job_change: { zh: "转岗", en: "on job change" } });

export const platformFunction = label({
  grid_management: { zh: "网格化管理", en: "Grid management" },
  data_analysis: { zh: "数据分析", en: "Data analysis" },
  alarm_dispatch: { zh: "火警派警", en: "Alarm dispatch" },
  hazard_dispatch: { zh: "隐患派单", en: "Hazard dispatch" },
  grassroots_feedback: { zh: "基层反馈", en: "Grassroots feedback" },
  meeting_consultation: { zh: "会议协商", en: "Meeting consultation" },
  hazard_closed_loop: { zh: "隐患闭环", en: "Hazard closed loop" },
  iot_sensing: { zh: "物联网感知", en: "IoT sensing" },
  venue_code: { zh: "场所码", en: "Venue code" },
  smart_detection: { zh: "智能识别", en: "Smart detection" },
  one_map: { zh: "一张图", en: "One map" },
});

export const incentiveKind = label({ reward: { zh: "奖励", en: "Reward" }, sanction: { zh: "问责", en: "Sanction" } });

// ── Periods ────────────────────────────────────────────────────────────────

export const FREQUENCY_UNITS = ["day", "week", "month", "quarter", "half_year", "year"] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];

const once: Record<FrequencyUnit, Bilingual> = {
  day: { zh: "每日", en: "daily" },
  week: { zh: "每周", en: "weekly" },
  month: { zh: "每月", en: "monthly" },
  quarter: { zh: "每季度", en: "quarterly" },
  half_year: { zh: "每半年", en: "every half year" },
  year: { zh: "每年", en: "yearly" },
};

const units: Record<FrequencyUnit, Bilingual> = {
  day: { zh: "天", en: "days" },
  week: { zh: "周", en: "weeks" },
  month: { zh: "个月", en: "months" },
  quarter: { zh: "个季度", en: "quarters" },
  half_year: { zh: "个半年", en: "half years" },
  year: { zh: "年", en: "years" },
};

/** The unit alone, for a select. */
export const frequencyUnit = (unit: FrequencyUnit, locale: Locale) => pick(units[unit], locale);

export function frequency(value: { every: number; unit: string } | null | undefined, locale: Locale): string {
  if (!value) return locale === "en" ? "not fixed (periodic)" : "未规定周期（定期）";
  const unit = value.unit as FrequencyUnit;
  if (!(unit in once)) return `${value.every} ${value.unit}`;
  if (value.every === 1) return pick(once[unit], locale);
  return locale === "en" ? `every ${value.every} ${units[unit].en}` : `每${value.every}${units[unit].zh}`;
}

export const days = (n: number, locale: Locale) => (locale === "en" ? `${n} day${n === 1 ? "" : "s"}` : `${n} 天`);

// ── Topics ─────────────────────────────────────────────────────────────────

export const TOPICS = ["document", "terminology", "organisation", "brigades", "venues", "inspections", "hazards", "obligations", "milestones", "assessment", "duties"] as const;
export type Topic = (typeof TOPICS)[number];

export const topicName = label({
  document: { zh: "文件信息", en: "Source document" },
  terminology: { zh: "术语与层级", en: "Terminology & levels" },
  organisation: { zh: "组织构成与人员配备", en: "Committee, office & staffing" },
  brigades: { zh: "消防队站", en: "Brigades & stations" },
  venues: { zh: "场所与监管", en: "Venues & supervision" },
  inspections: { zh: "检查类别", en: "Inspection categories" },
  hazards: { zh: "隐患治理", en: "Hazards" },
  obligations: { zh: "工作制度", en: "Obligations" },
  milestones: { zh: "时间节点", en: "Milestones" },
  assessment: { zh: "考核", en: "Assessment" },
  duties: { zh: "职责与平台", en: "Duties & platforms" },
});

const topicOfKey: Record<string, Topic> = {
  levels: "terminology",
  bodies: "terminology",
  roles: "terminology",
  composition: "organisation",
  staffing: "organisation",
  brigades: "brigades",
  stationStandards: "organisation",
  venues: "venues",
  inspectionCategories: "inspections",
  hazards: "hazards",
  obligations: "obligations",
  milestones: "milestones",
  assessment: "assessment",
  responsibilities: "duties",
  platforms: "duties",
};

/** The topic of a change by the top-level key its path starts with (`$.hazards…` → hazards). */
export function topicOf(path: string): Topic {
  const key = /^\$\.([A-Za-z]+)/.exec(path)?.[1] ?? "";
  return topicOfKey[key] ?? "document";
}

// ── References ─────────────────────────────────────────────────────────────

/** `preset:<id>` by the preset's name, `v:<n>` as a version, `draft` as the draft. */
export function refName(ref: ProfileRef, locale: Locale, presetNames: ReadonlyMap<string, Bilingual> = new Map()): string {
  if (ref === "draft") return locale === "en" ? "Draft" : "草稿";
  const version = /^v:(\d+)$/.exec(ref)?.[1];
  if (version) return locale === "en" ? `Version ${version}` : `第 ${version} 版`;
  const presetId = ref.startsWith("preset:") ? ref.slice("preset:".length) : undefined;
  if (presetId !== undefined) {
    const name = presetNames.get(presetId);
    return locale === "en" ? `Built-in profile (${name?.en ?? presetId})` : `内置档案（${name?.zh ?? presetId}）`;
  }
  return ref;
}

/** Where a version stands today: in effect, waiting for its start, or superseded. */
export function versionStatus(version: ProfileVersionSummary, inEffect: number | undefined, now = Date.now()): "current" | "scheduled" | "past" {
  if (version.version === inEffect) return "current";
  return Date.parse(version.effectiveFrom) > now ? "scheduled" : "past";
}

// ── The profile's own names ────────────────────────────────────────────────

type Named = { id: string; name: Bilingual };

/** Names a profile gives its ids (bodies, roles, levels …); an unknown id shows as itself. */
export function profileNames(profile: PolicyProfile | Record<string, unknown>, locale: Locale) {
  const p = profile as Partial<PolicyProfile>;
  // A draft may be any JSON: what is not a named list names nothing.
  const index = (list: readonly Named[] | undefined) =>
    new Map((Array.isArray(list) ? list : []).filter((item) => typeof item?.id === "string" && typeof item.name === "object").map((item) => [item.id, item.name]));
  const lookup = (map: Map<string, Bilingual>, fallback?: (id: string, locale: Locale) => string) => (id: string | undefined) =>
    id === undefined ? "" : map.has(id) ? pick(map.get(id), locale) : fallback ? fallback(id, locale) : id;
  const levels = index(p.levels);
  return {
    level: lookup(levels, levelKind),
    body: lookup(index(p.bodies)),
    role: lookup(index(p.roles)),
    tier: lookup(index(p.staffing?.tiers)),
    brigadeGrade: lookup(index(p.brigades?.grades)),
    riskGrade: lookup(index(p.venues?.riskGrades)),
    keyUnitLevel: lookup(index(p.venues?.keyUnitLevels)),
    enterpriseGrade: lookup(index(p.venues?.enterpriseGrades)),
    venueKind: lookup(index(p.venues?.kinds)),
    category: lookup(index(p.inspectionCategories)),
    hazardCode: lookup(index(p.hazards?.codes)),
    severity: lookup(index(p.hazards?.severities)),
  };
}

export type ProfileNames = ReturnType<typeof profileNames>;

// ── Rules in a line ────────────────────────────────────────────────────────

/** `demo 三(七)` → `三(七)`: within one profile's page the document is known. */
export const clauseOf = (sourceRef: string) => sourceRef.slice(sourceRef.indexOf(" ") + 1);

const list = (items: readonly string[], locale: Locale) => items.join(locale === "en" ? ", " : "、");

export function headcount(count: { min: number; max?: number | undefined }, locale: Locale): string {
  if (count.max === undefined) return locale === "en" ? `at least ${count.min}` : `至少 ${count.min} 人`;
  if (count.max === count.min) return locale === "en" ? `exactly ${count.min}` : `${count.min} 人`;
  return locale === "en" ? `${count.min}–${count.max}` : `${count.min}–${count.max} 人`;
}

type Requirement = PolicyProfile["staffing"]["rules"][number]["requirement"];

export function requirementText(requirement: Requirement, locale: Locale): string {
  if (requirement.measure === "count") return headcount(requirement, locale);
  const { minPercent: min, maxPercent: max } = requirement;
  if (max === undefined) return locale === "en" ? `at least ${min}% of the total` : `不少于总人数的 ${min}%`;
  return locale === "en" ? `${min}%–${max}% of the total` : `占总人数 ${min}%–${max}%`;
}

type StaffingRule = PolicyProfile["staffing"]["rules"][number];

/** Who the rule counts: `消防工作站 · 在编人员 · 发达镇` and so on. */
export function staffingSubject(rule: Pick<StaffingRule, "body" | "employment" | "from" | "role" | "tier" | "per">, names: ProfileNames, locale: Locale): string {
  const parts = [names.body(rule.body), employment(rule.employment, locale)];
  if (rule.from) parts.push(locale === "en" ? `from ${names.body(rule.from)}` : `由${names.body(rule.from)}派出`);
  if (rule.role) parts.push(names.role(rule.role));
  if (rule.tier) parts.push(names.tier(rule.tier));
  if (rule.per) parts.push(locale === "en" ? `per ${names.level(rule.per)}` : `每个${names.level(rule.per)}`);
  return parts.join(" · ");
}

type Condition = PolicyProfile["hazards"]["escalations"][number]["when"][number];

export function conditionText(condition: Condition, names: ProfileNames, locale: Locale): string {
  const en = locale === "en";
  switch (condition.kind) {
    case "severity":
      return en ? `severity: ${list(condition.severities.map(names.severity), locale)}` : `隐患等级为${list(condition.severities.map(names.severity), locale)}`;
    case "overdue":
      return en ? `overdue by ${condition.days} days` : `逾期 ${condition.days} 天`;
    case "recurring":
      return en ? `found ${condition.times} times within ${condition.withinDays} days` : `${condition.withinDays} 天内反复出现 ${condition.times} 次`;
    case "multi_department":
      return en ? "involves several departments" : "涉及多个部门";
    case "within_remit":
      return en ? `within the remit of ${names.body(condition.of)}` : `属于${names.body(condition.of)}职责范围`;
    case "officer_decision":
      return en ? `${names.body(condition.by)} judges: ${list(condition.criteria, locale)}` : `经${names.body(condition.by)}认定：${list(condition.criteria, locale)}`;
  }
}

/** Every hazard when empty; else all conditions joined. */
export function conditionsText(conditions: readonly Condition[], names: ProfileNames, locale: Locale): string {
  if (conditions.length === 0) return locale === "en" ? "every hazard" : "所有隐患";
  return conditions.map((c) => conditionText(c, names, locale)).join(locale === "en" ? " and " : "，且");
}

type VenueMatch = PolicyProfile["venues"]["supervision"]["rules"][number]["match"];

export function matchText(match: VenueMatch, names: ProfileNames, locale: Locale): string {
  const en = locale === "en";
  const parts: string[] = [];
  const colon = en ? ": " : "：";
  if (match.kinds) parts.push(`${en ? "kind" : "类型"}${colon}${list(match.kinds.map(names.venueKind), locale)}`);
  if (match.flags) parts.push(`${en ? "flag" : "标记"}${colon}${list(match.flags.map((f) => venueFlag(f, locale)), locale)}`);
  if (match.riskGrades) parts.push(`${en ? "risk grade" : "风险等级"}${colon}${list(match.riskGrades.map(names.riskGrade), locale)}`);
  if (match.keyUnitLevels) parts.push(`${en ? "key unit" : "重点单位"}${colon}${list(match.keyUnitLevels.map(names.keyUnitLevel), locale)}`);
  if (match.enterpriseGrades) parts.push(`${en ? "enterprise grade" : "企业分级"}${colon}${list(match.enterpriseGrades.map(names.enterpriseGrade), locale)}`);
  return parts.join(en ? "; " : "；");
}

export { list as joinList };
