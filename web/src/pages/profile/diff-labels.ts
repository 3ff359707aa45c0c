/**
 * A profile change as a county officer reads it: a label and one sentence
 * ("检查频次（九小场所）：每月 → 每2个月", "新增检查类别：乡镇日常巡查"),
 * built from the profile's own names. The raw path stays with the caller as a detail.
 */
import type { ProfileChange } from "@firegov/core/contract";
import type { Locale } from "../../i18n/index.tsx";
import { days, frequency, joinList, pick } from "./vocabulary.ts";

type Pair = readonly [zh: string, en: string];
const said = ([zh, en]: Pair, locale: Locale) => (locale === "en" ? en : zh);

/** What one element of a profile list is called, by the list's key. */
const ITEMS: Record<string, Pair> = {
  levels: ["层级", "level"],
  bodies: ["机构", "body"],
  roles: ["角色", "role"],
  tiers: ["分档", "tier"],
  rules: ["规则", "rule"],
  grades: ["等级", "grade"],
  requirements: ["队站要求", "force requirement"],
  personnel: ["人员要求", "personnel rule"],
  riskGrades: ["风险等级", "risk grade"],
  keyUnitLevels: ["重点单位级别", "key-unit level"],
  enterpriseGrades: ["企业分级", "enterprise grade"],
  kinds: ["场所类型", "venue kind"],
  policies: ["场所监管制度", "venue policy"],
  industryDepartments: ["行业主管部门", "industry department"],
  inspectionCategories: ["检查类别", "inspection category"],
  checklist: ["检查项", "check item"],
  items: ["检查项", "check item"],
  codes: ["隐患代码", "hazard code"],
  severities: ["隐患等级", "hazard severity"],
  escalations: ["上报规则", "escalation rule"],
  listedSupervision: ["挂牌督办级别", "listed-supervision level"],
  triggers: ["触发条件", "trigger"],
  obligations: ["工作制度", "obligation"],
  milestones: ["时间节点", "milestone"],
  schemes: ["考核方案", "assessment scheme"],
  indicators: ["考核指标", "indicator"],
  incentives: ["奖惩", "incentive"],
  responsibilities: ["职责", "responsibility"],
  platforms: ["平台", "platform"],
  categories: ["类别", "category"],
  causes: ["火灾原因", "incident cause"],
  publicResponses: ["群众反映", "public response"],
};

/** What a field of a rule is called; an unknown key shows as itself. */
const FIELDS: Record<string, Pair> = {
  name: ["名称", "name"],
  sourceRef: ["依据条款", "cited clause"],
  frequency: ["频次", "frequency"],
  coveragePeriod: ["全覆盖周期", "coverage period"],
  every: ["周期数", "period count"],
  unit: ["周期单位", "period unit"],
  rectificationDays: ["整改期限", "rectification period"],
  days: ["天数", "days"],
  by: ["完成时限", "due by"],
  method: ["方式", "method"],
  level: ["层级", "level"],
  levels: ["层级", "levels"],
  kind: ["类型", "kind"],
  kinds: ["场所类型", "venue kinds"],
  flags: ["标记", "flags"],
  units: ["单位", "units"],
  weight: ["分值", "weight"],
  points: ["分值", "points"],
  description: ["说明", "description"],
  requirement: ["要求", "requirement"],
  supervisor: ["监管主体", "supervisor"],
  inspectorRoles: ["检查人员", "inspector roles"],
  checklist: ["检查项", "check items"],
  includes: ["包含类别", "includes"],
  functions: ["平台功能", "functions"],
  periods: ["周期计算", "periods"],
  states: ["流程状态", "workflow states"],
  deployment: ["部署方式", "deployment"],
  min: ["下限", "minimum"],
  max: ["上限", "maximum"],
};

type Segment = { key: string } | { id: string };

function segments(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/\.([^.[\]]+)|\[id=([^\]]+)\]/g)) out.push(m[1] !== undefined ? { key: m[1] } : { id: m[2]! });
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isBilingual = (value: unknown): value is { zh: string; en: string } => isRecord(value) && typeof value.zh === "string" && typeof value.en === "string";
const isPeriod = (value: unknown): value is { every: number; unit: string } => isRecord(value) && typeof value.every === "number" && typeof value.unit === "string";

const MAX_SHOWN = 80;

/** A value in words: a period as 每月, days as 7 天, a rule as its name (id), a name in the reader's language. */
export function valueText(value: unknown, field: string | undefined, locale: Locale): string {
  if (value === null || value === undefined) return locale === "en" ? "none" : "无";
  if (isPeriod(value)) return frequency(value, locale);
  if (typeof value === "number" && (field === "rectificationDays" || field === "days")) return days(value, locale);
  if (typeof value === "boolean") return value ? (locale === "en" ? "yes" : "是") : locale === "en" ? "no" : "否";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (isBilingual(value)) return pick(value, locale);
  if (isRecord(value) && typeof value.id === "string") {
    const name = isBilingual(value.name) ? pick(value.name, locale) : "";
    return name ? (locale === "en" ? `${name} (${value.id})` : `${name}（${value.id}）`) : value.id;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return joinList(value.map(String), locale);
  const json = JSON.stringify(value);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 1)}…` : json;
}

export type ChangeLabel = { label: string; sentence: string };

/** The label and the one sentence that say what a change does. */
export function describeProfileChange(change: ProfileChange, locale: Locale): ChangeLabel {
  const { label, sentence } = words(change, locale);
  return locale === "en" ? { label: capitalised(label), sentence: capitalised(sentence) } : { label, sentence };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function words(change: ProfileChange, locale: Locale): ChangeLabel {
  const en = locale === "en";
  const parts = segments(change.path);
  const lastId = parts.findLastIndex((s) => "id" in s);
  const listKey = lastId > 0 ? (parts[lastId - 1] as { key?: string }).key : undefined;
  const rule = change.ruleName ? pick(change.ruleName, locale) : change.ruleId;
  const colon = en ? ": " : "：";

  // A whole rule added or removed: "新增检查类别：乡镇日常巡查（town_patrol）".
  if (lastId === parts.length - 1 && change.kind !== "changed") {
    const item = listKey && ITEMS[listKey] ? said(ITEMS[listKey], locale) : (listKey ?? (en ? "item" : "条目"));
    const value = valueText(change.kind === "added" ? change.after : change.before, undefined, locale);
    const verb = change.kind === "added" ? (en ? "Added" : "新增") : en ? "Removed" : "删除";
    return { label: item, sentence: en ? `${verb} ${item}${colon}${value}` : `${verb}${item}${colon}${value}` };
  }

  // A field: drop the cited-value wrapper (`.value`) and the language (`.zh`), naming the field they belong to.
  const keys = parts.slice(lastId + 1).map((s) => ("key" in s ? s.key : ""));
  let language: string | undefined;
  if (keys.length > 1 && (keys.at(-1) === "zh" || keys.at(-1) === "en")) language = keys.pop();
  if (keys.length > 1 && keys.at(-1) === "value") keys.pop();
  const key = keys.at(-1) ?? listKey ?? "";
  const fieldName = listKey === "inspectionCategories" && key === "frequency" ? (en ? "inspection frequency" : "检查频次") : FIELDS[key] ? said(FIELDS[key], locale) : key;
  const field = language ? `${fieldName}（${language === "zh" ? "中文" : "English"}）` : fieldName;
  const label = rule ? (en ? `${field} (${rule})` : `${field}（${rule}）`) : field;
  const show = (value: unknown) => valueText(value, key, locale);
  if (change.kind === "changed") return { label, sentence: `${label}${colon}${show(change.before)} → ${show(change.after)}` };
  const verb = change.kind === "added" ? (en ? "Added" : "新增") : en ? "Removed" : "删除";
  const value = show(change.kind === "added" ? change.after : change.before);
  return { label, sentence: en ? `${verb} ${label}${colon}${value}` : `${verb}${label}${colon}${value}` };
}
