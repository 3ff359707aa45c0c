import type { PolicyProfile, VenueMatch } from "../profile/index.ts";
import { bodyForVenue, industryDepartmentFor } from "../profile/index.ts";

// Which body supervises a venue and which inspection categories it falls in,
// from the profile alone. Pure: the same facts and profile give the same answer.

export interface VenueFacts {
  kinds: readonly string[];
  flags: readonly string[];
  riskGrade?: string | undefined;
  keyUnitLevel?: string | undefined;
  enterpriseGrade?: string | undefined;
}

export interface Basis {
  rule: string;
  sourceRef: string | null;
  text?: string | undefined;
  assumption?: { zh: string; en?: string | undefined } | undefined;
}

export interface Classification {
  supervisor: string;
  /** The supervision rule that matched; undefined: the fallback. */
  supervisionRule?: string | undefined;
  /** Inspection categories of the venue's kinds, in the profile's order. */
  categories: string[];
  /** The venue's own risk grade, else the first of its kinds'. */
  riskGrade?: string | undefined;
  /** Its own flags and those its kinds carry. */
  flags: string[];
  /** The first patrol_plan policy whose match holds: the venue must have a named patroller, frequency and method. */
  patrolPlanPolicy?: string | undefined;
  basis: Basis;
}

const basisOf = (rule: string, cited: { sourceRef: string | null; text?: string | undefined; assumption?: unknown }): Basis => ({
  rule,
  sourceRef: cited.sourceRef,
  ...(cited.text ? { text: cited.text } : {}),
  ...(cited.assumption ? { assumption: cited.assumption as Basis["assumption"] } : {}),
});

/** All given criteria hold; within one criterion any listed value matches. */
export function matchesVenue(match: VenueMatch, facts: VenueFacts): boolean {
  const any = (wanted: readonly string[] | undefined, have: readonly (string | undefined)[]) => wanted === undefined || have.some((h) => h !== undefined && wanted.includes(h));
  return (
    any(match.kinds, facts.kinds) &&
    any(match.flags, facts.flags) &&
    any(match.riskGrades, [facts.riskGrade]) &&
    any(match.keyUnitLevels, [facts.keyUnitLevel]) &&
    any(match.enterpriseGrades, [facts.enterpriseGrade])
  );
}

export function classify(profile: PolicyProfile, venue: VenueFacts): Classification {
  const kinds = profile.venues.kinds.filter((k) => venue.kinds.includes(k.id));
  const flags = [...new Set([...kinds.flatMap((k) => k.flags), ...venue.flags])];
  const riskGrade = venue.riskGrade ?? kinds.find((k) => k.riskGrade)?.riskGrade;
  const facts: VenueFacts = { ...venue, flags, riskGrade };
  const rule = profile.venues.supervision.rules.find((r) => matchesVenue(r.match, facts));
  const wanted = new Set(kinds.flatMap((k) => [...(k.category ? [k.category] : []), ...(k.alsoCategories ?? [])]));
  const categories = profile.inspectionCategories.filter((c) => wanted.has(c.id)).map((c) => c.id);
  const fallback = profile.venues.supervision.fallback;
  const plan = profile.venues.policies.find((p) => p.kind === "patrol_plan" && matchesVenue(p.match, facts));
  return {
    // A rule may name the industry department of the venue's kind (行业重点监管对象), its own body when the kind names none.
    supervisor: rule ? bodyForVenue(profile, { body: rule.supervisor, byVenueKind: rule.byVenueKind }, venue.kinds) : fallback.supervisor,
    supervisionRule: rule?.id,
    categories,
    riskGrade,
    flags,
    patrolPlanPolicy: plan?.id,
    basis: rule ? basisOf(rule.id, rule) : basisOf("fallback", fallback),
  };
}

export interface VenueDuties {
  /** Who patrols the venue (巡查责任): the department its kind chooses, under a patrol_assignment policy. */
  patrolBy?: { body: string; policy: string } | undefined;
  /** Where a venue no supervision rule assigns is reported, and the department it is pushed on to (report_unassigned). */
  reportTo?: { to: string; forwardTo?: string | undefined; policy: string } | undefined;
}

/**
 * The duties the profile's venue policies give a venue beyond its supervisor:
 * the department that patrols a small venue, chosen by its kind (the risk grade
 * a policy also names picks within that department's plan, which the profile
 * does not hold), and, for a venue that fell to the fallback, the body it is
 * reported to and the department of its kind that body pushes it on to (a
 * small venue given patrol duty is not such an "other unit"). Pure.
 */
export function venueDuties(profile: PolicyProfile, venue: VenueFacts, classification: Pick<Classification, "supervisor" | "supervisionRule" | "flags" | "riskGrade">): VenueDuties {
  const facts: VenueFacts = { ...venue, flags: classification.flags, riskGrade: classification.riskGrade };
  const department = industryDepartmentFor(profile, venue.kinds);
  const assign = profile.venues.policies.find((p) => p.kind === "patrol_assignment" && matchesVenue(p.match, facts));
  // "Other units": neither assigned by a supervision rule nor a small venue given patrol duty.
  const report = classification.supervisionRule === undefined && !assign ? profile.venues.policies.find((p) => p.kind === "report_unassigned") : undefined;
  return {
    ...(assign ? { patrolBy: { body: department ?? classification.supervisor, policy: assign.id } } : {}),
    ...(report && report.kind === "report_unassigned" ? { reportTo: { to: report.to, forwardTo: (report.byVenueKind ? department : undefined) ?? report.forwardTo, policy: report.id } } : {}),
  };
}

/** What a classification is compared on: a change in any of these is a reclassification. */
export function classificationChanged(before: Pick<Classification, "supervisor" | "categories" | "patrolPlanPolicy">, after: Pick<Classification, "supervisor" | "categories" | "patrolPlanPolicy">): boolean {
  return before.supervisor !== after.supervisor || before.categories.join() !== after.categories.join() || before.patrolPlanPolicy !== after.patrolPlanPolicy;
}

/** The profile's reclassify-on-change policy, cited on reclassification events when the profile has one. */
export function reclassifyBasis(profile: PolicyProfile): Basis | undefined {
  const policy = profile.venues.policies.find((p) => p.kind === "reclassify_on_change");
  return policy ? basisOf(policy.id, policy) : undefined;
}

export interface FactProblem {
  field: "kinds" | "flags" | "features" | "riskGrade" | "keyUnitLevel" | "enterpriseGrade";
  code: string;
  message: { zh: string; en: string };
}

/** The facts checked against the profile's vocabularies: each unknown or inapplicable value, named. */
export function checkFacts(profile: PolicyProfile, venue: VenueFacts & { features?: readonly string[] | undefined }): FactProblem[] {
  const allFlags = profile.vocabulary.venueFlags.map((entry) => entry.id);
  const allFeatures = profile.vocabulary.venueFeatures;
  const problems: FactProblem[] = [];
  const v = profile.venues;
  if (venue.kinds.length === 0) problems.push({ field: "kinds", code: "venue.kind_required", message: { zh: "请至少选择一种场所类型", en: "Choose at least one venue kind" } });
  for (const kind of venue.kinds) {
    if (!v.kinds.some((k) => k.id === kind)) {
      problems.push({ field: "kinds", code: "venue.kind_unknown", message: { zh: `“${kind}”不是政策档案中的场所类型，可选：${v.kinds.map((k) => k.name.zh).join("、")}`, en: `“${kind}” is not a venue kind of the profile; one of: ${v.kinds.map((k) => k.id).join(", ")}` } });
    }
  }
  for (const flag of venue.flags) {
    if (!allFlags.includes(flag)) problems.push({ field: "flags", code: "venue.flag_unknown", message: { zh: `“${flag}”不是场所标记`, en: `“${flag}” is not a venue flag; one of: ${allFlags.join(", ")}` } });
  }
  for (const feature of venue.features ?? []) {
    if (!allFeatures.some((entry) => entry.id === feature)) {
      problems.push({ field: "features", code: "venue.feature_unknown", message: { zh: `“${feature}”不是场所特征，可选：${allFeatures.map((f) => f.name.zh).join("、")}`, en: `“${feature}” is not a venue feature; one of: ${allFeatures.map((f) => f.id).join(", ")}` } });
    }
  }
  const graded = (field: "riskGrade" | "keyUnitLevel" | "enterpriseGrade", list: { id: string; name: { zh: string } }[], zh: string, en: string) => {
    const value = venue[field];
    if (value === undefined) return;
    if (list.length === 0) problems.push({ field, code: `venue.${field === "riskGrade" ? "risk_grade" : field === "keyUnitLevel" ? "key_unit_level" : "enterprise_grade"}_not_applicable`, message: { zh: `本地政策档案不设${zh}`, en: `The profile has no ${en}` } });
    else if (!list.some((g) => g.id === value)) problems.push({ field, code: `venue.${field === "riskGrade" ? "risk_grade" : field === "keyUnitLevel" ? "key_unit_level" : "enterprise_grade"}_unknown`, message: { zh: `“${value}”不是${zh}，可选：${list.map((g) => g.name.zh).join("、")}`, en: `“${value}” is not a ${en}; one of: ${list.map((g) => g.id).join(", ")}` } });
  };
  graded("riskGrade", v.riskGrades, "风险等级", "risk grade");
  graded("keyUnitLevel", v.keyUnitLevels, "重点单位级别", "key-unit level");
  graded("enterpriseGrade", v.enterpriseGrades, "企业分级", "enterprise grade");
  return problems;
}
