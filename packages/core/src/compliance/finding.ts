import type { Frequency, PolicyProfile } from "../profile/index.ts";
import type { Bilingual, Finding, NodeFacts, Severity, Status } from "./types.ts";

// Building findings: the citation of a rule, a severity from the status, and
// the small bilingual phrases evidence is made of.

/** What every cited rule carries (see profile/schema.ts). */
export interface Cited {
  sourceRef: string | null;
  text?: string | undefined;
  assumption?: { zh: string; en?: string | undefined } | undefined;
}

const severityOf: Record<Status, Severity> = { overdue: "high", unmet: "medium", due_soon: "low", met: "info", not_applicable: "info" };

export function finding(node: NodeFacts, ruleId: string, rule: Cited, status: Status, evidence: Bilingual, opts: { subjectId?: string; severity?: Severity } = {}): Finding {
  return {
    ruleId,
    nodeId: node.nodeId,
    ...(opts.subjectId ? { subjectId: opts.subjectId } : {}),
    status,
    evidence,
    severity: opts.severity ?? severityOf[status],
    sourceRef: rule.sourceRef,
    text: rule.text ?? rule.assumption?.zh ?? "",
  };
}

/** "≥2", "1–2", "3" (min = max): a count requirement in both languages. */
export function range(min: number, max: number | undefined, unit: Bilingual = { zh: "", en: "" }): Bilingual {
  if (max === undefined) return { zh: `≥${min}${unit.zh}`, en: `≥${min}${unit.en}` };
  if (max === min) return { zh: `${min}${unit.zh}`, en: `${min}${unit.en}` };
  return { zh: `${min}–${max}${unit.zh}`, en: `${min}–${max}${unit.en}` };
}

export const within = (n: number, min: number, max: number | undefined) => n >= min && (max === undefined || n <= max);

const UNIT_NAMES: Record<Frequency["unit"], { zh: string; en: string }> = {
  day: { zh: "日", en: "day" },
  week: { zh: "周", en: "week" },
  month: { zh: "月", en: "month" },
  quarter: { zh: "季度", en: "quarter" },
  half_year: { zh: "半年", en: "half year" },
  year: { zh: "年", en: "year" },
};

/** 每年 / per year; 每2年 / every 2 years. */
export function frequencyText(f: Frequency): Bilingual {
  const u = UNIT_NAMES[f.unit];
  return f.every === 1 ? { zh: `每${u.zh}`, en: `per ${u.en}` } : { zh: `每${f.every}${u.zh}`, en: `every ${f.every} ${u.en}s` };
}

/** The profile's names, looked up by id (a missing id shows as itself). */
export function names(profile: PolicyProfile) {
  const label = (list: readonly { id: string; name: Bilingual }[], id: string): Bilingual => list.find((x) => x.id === id)?.name ?? { zh: id, en: id };
  return {
    body: (id: string) => label(profile.bodies, id),
    role: (id: string) => label(profile.roles, id),
    tier: (id: string) => label(profile.staffing.tiers, id),
    grade: (id: string) => label(profile.brigades.grades, id),
    level: (id: string) => label(profile.levels, id),
  };
}

/** Depth of a level in the tenant's tree (0 = the root level); -1 if the profile has no such level. */
export function depthOf(profile: PolicyProfile, level: string): number {
  return profile.levels.findIndex((l) => l.id === level);
}

export const list = (items: readonly string[], max = 5): Bilingual => {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  return { zh: shown.join("、") + (more > 0 ? ` 等 ${items.length} 人` : ""), en: shown.join(", ") + (more > 0 ? ` and ${more} more` : "") };
};
