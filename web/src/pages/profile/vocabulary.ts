/**
 * How a profile's values read on screen, zh-CN and en: the schema's own
 * structural words (policy kinds, actions, topics), periods, and the names a
 * profile gives its own ids and vocabulary words (levels, body kinds,
 * employment, flags …: never a web table, a county names them). Labels only: what a value means is the API's.
 */
import { STATE_NAMES, STATES } from "@firegov/core/browser";
import type { PolicyProfile, ProfileRef, ProfileVersionSummary } from "@firegov/core/contract";
import type { Locale } from "../../i18n/index.tsx";

type Bilingual = { zh: string; en: string };

export const pick = (text: Bilingual | undefined, locale: Locale): string => (text ? (locale === "en" ? text.en : text.zh) : "");

/** A label as the schema's vocabularies keep it. */
type Pair = readonly [zh: string, en: string];

const said = ([zh, en]: Pair, locale: Locale) => (locale === "en" ? en : zh);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The schema's structural words (not a county's to name): each value's label, zh then en. */
const VOCABULARIES = {
  deployment: { centre: ["中心队", "Centre team"], satellite: ["卫星队", "Satellite team"] },
  venuePolicyKind: {
    inventory: ["清单化管理", "Inventory"],
    reclassify_on_change: ["情况变化重新分类", "Reclassify on change"],
    patrol_assignment: ["巡查责任分配", "Patrol assignment"],
    patrol_plan: ["巡查计划", "Patrol plan"],
    report_unassigned: ["无监管对象上报", "Report unassigned objects"],
    safety_evaluation: ["安全评估，不合格不得经营使用", "Safety evaluation; must not operate if unsafe"],
    watchlist: ["“不放心”场所跟踪", "Watch list"],
    random_spot_check: ["“双随机、一公开”抽查", "Random spot checks, results published"],
    classify: ["按场所数值、类别分类", "Classification by the venue's numbers and kinds"],
  },
  patrolTerm: {
    kind: ["场所类型", "venue kind"],
    risk_grade: ["风险等级", "risk grade"],
    patroller: ["巡查人员", "patroller"],
    frequency: ["频次", "frequency"],
    method: ["方式", "method"],
  },
  inspectionMethod: { patrol: ["巡查", "Patrol"], full_check: ["全面检查", "Full check"], random_spot_check: ["“双随机”抽查", "Random spot check"] },
  // Every state core defines, `withdrawn` included, in its words with a capital for the English list.
  hazardState: Object.fromEntries(STATES.map((s) => [s, [STATE_NAMES[s].zh, capitalised(STATE_NAMES[s].en)]])),
  escalationAction: {
    report: ["上报", "Report"],
    transfer: ["移送", "Transfer"],
    hand_over: ["移交", "Hand over"],
    joint_enforcement: ["联合执法", "Joint enforcement"],
    request_listing: ["提请挂牌督办", "Request listing"],
  },
  obligationEvent: { hire: ["入职", "on hiring"], job_change: ["转岗", "on job change"] },
  incentiveKind: { reward: ["奖励", "Reward"], sanction: ["问责", "Sanction"] },
  topicName: {
    document: ["文件信息", "Source document"],
    terminology: ["术语与层级", "Terminology & levels"],
    organisation: ["组织构成与人员配备", "Committee, office & staffing"],
    brigades: ["消防队站", "Brigades & stations"],
    venues: ["场所与监管", "Venues & supervision"],
    inspections: ["检查类别", "Inspection categories"],
    hazards: ["隐患治理", "Hazards"],
    obligations: ["工作制度", "Obligations"],
    milestones: ["时间节点", "Milestones"],
    assessment: ["考核", "Assessment"],
    duties: ["职责与平台", "Duties & platforms"],
  },
} satisfies Record<string, Record<string, Pair>>;

/** A value of a closed vocabulary by its label; an unknown one as itself, so nothing is hidden. */
const label = (vocabulary: Readonly<Record<string, Pair>>) => (value: string, locale: Locale): string => {
  const pair = Object.hasOwn(vocabulary, value) ? vocabulary[value] : undefined;
  return (pair && said(pair, locale)) || value;
};

export const {
  deployment,
  venuePolicyKind,
  patrolTerm,
  inspectionMethod,
  hazardState,
  escalationAction,
  obligationEvent,
  incentiveKind,
  topicName,
} = Object.fromEntries(Object.entries(VOCABULARIES).map(([name, vocabulary]) => [name, label(vocabulary)])) as Record<keyof typeof VOCABULARIES, ReturnType<typeof label>>;

// ── Periods ────────────────────────────────────────────────────────────────

export const FREQUENCY_UNITS = ["day", "week", "month", "quarter", "half_year", "year"] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];

/** Each unit said once (每月, monthly) and counted (个月, months). */
const PERIODS: Record<FrequencyUnit, { once: Pair; unit: Pair }> = {
  day: { once: ["每日", "daily"], unit: ["天", "days"] },
  week: { once: ["每周", "weekly"], unit: ["周", "weeks"] },
  month: { once: ["每月", "monthly"], unit: ["个月", "months"] },
  quarter: { once: ["每季度", "quarterly"], unit: ["个季度", "quarters"] },
  half_year: { once: ["每半年", "every half year"], unit: ["个半年", "half years"] },
  year: { once: ["每年", "yearly"], unit: ["年", "years"] },
};

/** The unit alone, for a select. */
export const frequencyUnit = (unit: FrequencyUnit, locale: Locale) => said(PERIODS[unit].unit, locale);

export function frequency(value: { every: number; unit: string; times?: number | undefined } | null | undefined, locale: Locale): string {
  if (!value) return locale === "en" ? "not fixed (periodic)" : "未规定周期（定期）";
  // N times per period: 每月 2 次 / monthly, 2 times.
  if (value.times !== undefined && value.times > 1) return `${frequency({ every: value.every, unit: value.unit }, locale)}${locale === "en" ? `, ${value.times} times` : ` ${value.times} 次`}`;
  const period = Object.hasOwn(PERIODS, value.unit) ? PERIODS[value.unit as FrequencyUnit] : undefined;
  if (!period) return `${value.every} ${value.unit}`;
  if (value.every === 1) return said(period.once, locale);
  return locale === "en" ? `every ${value.every} ${period.unit[1]}` : `每${value.every}${period.unit[0]}`;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A campaign occasion's date in every year: 5月12日 / 12 May; 11月 / November. */
export function occasionDate(o: { month: number; day?: number | undefined }, locale: Locale): string {
  if (locale === "en") return o.day === undefined ? MONTHS_EN[o.month - 1]! : `${o.day} ${MONTHS_EN[o.month - 1]}`;
  return o.day === undefined ? `${o.month}月` : `${o.month}月${o.day}日`;
}

/** Rolling periods, said after the frequency; calendar ones (the default) need no word. */
export const rolling = (periods: string | undefined, locale: Locale) => (periods === "rolling" ? (locale === "en" ? " (rolling)" : "（滚动计算）") : "");

export const days = (n: number, locale: Locale) => (locale === "en" ? `${n} day${n === 1 ? "" : "s"}` : `${n} 天`);

// ── Topics ─────────────────────────────────────────────────────────────────

export const TOPICS = ["document", "terminology", "organisation", "brigades", "venues", "inspections", "hazards", "obligations", "milestones", "assessment", "duties"] as const;
export type Topic = (typeof TOPICS)[number];

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
  selfCheck: "inspections",
  iot: "hazards",
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
  const words = (key: keyof PolicyProfile["vocabulary"]) => lookup(index(p.vocabulary?.[key]));
  return {
    level: lookup(index(p.levels)),
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
    // The profile's vocabularies (`vocabulary.<key>`).
    bodyKind: words("bodyKinds"),
    employment: words("employmentKinds"),
    venueFlag: words("venueFlags"),
    venueFeature: words("venueFeatures"),
    recordKind: words("recordKinds"),
    hazardSource: words("hazardSources"),
    engineType: words("engineTypes"),
    forceKind: words("forceKinds"),
    platformFunction: words("platformFunctions"),
    platformRole: words("platformRoles"),
  };
}

export type ProfileNames = ReturnType<typeof profileNames>;

// ── Rules in a line ────────────────────────────────────────────────────────

/** `demo 三(七)` → `三(七)`: within one profile's page the document is known. */
/** The clause of a county's own document without the profile id (`六(一)2`); a national norm's citation whole (`消防法 第二十八条`). */
export const clauseOf = (sourceRef: string) => (/^[a-z][a-z0-9_]* /.test(sourceRef) ? sourceRef.slice(sourceRef.indexOf(" ") + 1) : sourceRef);

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
  const parts = [names.body(rule.body), names.employment(rule.employment)];
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

/** A number criterion read out: 建筑高度 ≥ 50 米 / Building height ≥ 50 m; 24 ≤ … < 50. */
function numberText(n: { measure: string; min?: number | undefined; max?: number | undefined }, measures: PolicyProfile["venues"]["measures"], locale: Locale): string {
  const m = measures?.find((x) => x.id === n.measure);
  const label = m ? pick(m.name, locale) : n.measure;
  const unit = m ? ` ${pick(m.unit, locale)}` : "";
  if (n.min !== undefined && n.max !== undefined) return `${n.min} ≤ ${label} < ${n.max}${unit}`;
  return n.min !== undefined ? `${label} ≥ ${n.min}${unit}` : `${label} < ${n.max}${unit}`;
}

export function matchText(match: VenueMatch, names: ProfileNames, locale: Locale, measures?: PolicyProfile["venues"]["measures"]): string {
  const en = locale === "en";
  const parts: string[] = [];
  const colon = en ? ": " : "：";
  if (match.kinds) parts.push(`${en ? "kind" : "类型"}${colon}${list(match.kinds.map(names.venueKind), locale)}`);
  if (match.flags) parts.push(`${en ? "flag" : "标记"}${colon}${list(match.flags.map(names.venueFlag), locale)}`);
  if (match.riskGrades) parts.push(`${en ? "risk grade" : "风险等级"}${colon}${list(match.riskGrades.map(names.riskGrade), locale)}`);
  if (match.keyUnitLevels) parts.push(`${en ? "key unit" : "重点单位"}${colon}${list(match.keyUnitLevels.map(names.keyUnitLevel), locale)}`);
  if (match.enterpriseGrades) parts.push(`${en ? "enterprise grade" : "企业分级"}${colon}${list(match.enterpriseGrades.map(names.enterpriseGrade), locale)}`);
  for (const n of match.numbers ?? []) parts.push(numberText(n, measures, locale));
  return parts.join(en ? "; " : "；");
}

export { list as joinList };
