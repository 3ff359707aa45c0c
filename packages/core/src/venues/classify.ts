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
  /** The venue's recorded numbers by the profile's measure ids (height_m, floor_area_m2 …). */
  measures?: Readonly<Record<string, number>> | undefined;
}

/** What the profile's classify policies gave a venue beyond its own facts and its kinds'. */
export interface Classified {
  keyUnitLevel?: string | undefined;
  riskGrade?: string | undefined;
  flags?: string[] | undefined;
  /** The classify policies that matched, in the profile's order. */
  policies: string[];
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
  /** The venue's own risk grade, else a classify policy's, else the first of its kinds'. */
  riskGrade?: string | undefined;
  /** The venue's own key-unit level, else a classify policy's (高度 ≥ 50 米 → 一级). */
  keyUnitLevel?: string | undefined;
  /** Its own flags, those its kinds carry and those classify policies set. */
  flags: string[];
  /** What classify policies set (absent: none matched). */
  classified?: Classified | undefined;
  /** Categories beyond its kinds' come from a category's own match, so later matches see the classified facts: these. */
  facts: VenueFacts;
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

/** A measure's value within [min, max): a venue that has not recorded the measure matches no range on it. */
function inRange(n: { measure: string; min?: number | undefined; max?: number | undefined }, measures: VenueFacts["measures"]): boolean {
  const value = measures?.[n.measure];
  return value !== undefined && (n.min === undefined || value >= n.min) && (n.max === undefined || value < n.max);
}

/** All given criteria hold; within one criterion any listed value matches; every number range holds. */
export function matchesVenue(match: VenueMatch, facts: VenueFacts): boolean {
  const any = (wanted: readonly string[] | undefined, have: readonly (string | undefined)[]) => wanted === undefined || have.some((h) => h !== undefined && wanted.includes(h));
  return (
    any(match.kinds, facts.kinds) &&
    any(match.flags, facts.flags) &&
    any(match.riskGrades, [facts.riskGrade]) &&
    any(match.keyUnitLevels, [facts.keyUnitLevel]) &&
    any(match.enterpriseGrades, [facts.enterpriseGrade]) &&
    (match.numbers ?? []).every((n) => inRange(n, facts.measures))
  );
}

/**
 * The profile's classify policies applied in order to the venue's facts (its
 * own and its kinds'): the first matching policy that sets an attribute gives
 * it; flags of every matching policy add up. Pure.
 */
export function classifyByPolicies(profile: PolicyProfile, base: VenueFacts): Classified | undefined {
  const out: Classified = { policies: [] };
  for (const p of profile.venues.policies) {
    if (p.kind !== "classify" || !matchesVenue(p.match, base)) continue;
    out.policies.push(p.id);
    if (out.keyUnitLevel === undefined && p.set.keyUnitLevel !== undefined) out.keyUnitLevel = p.set.keyUnitLevel;
    if (out.riskGrade === undefined && p.set.riskGrade !== undefined) out.riskGrade = p.set.riskGrade;
    if (p.set.flags) out.flags = [...new Set([...(out.flags ?? []), ...p.set.flags])];
  }
  return out.policies.length ? out : undefined;
}

export function classify(profile: PolicyProfile, venue: VenueFacts): Classification {
  const kinds = profile.venues.kinds.filter((k) => venue.kinds.includes(k.id));
  const kindFlags = [...new Set([...kinds.flatMap((k) => k.flags), ...venue.flags])];
  const kindRisk = kinds.find((k) => k.riskGrade)?.riskGrade;
  const classified = classifyByPolicies(profile, { ...venue, flags: kindFlags, riskGrade: venue.riskGrade ?? kindRisk });
  // The venue's own record wins; a classify policy's reading of its facts comes before its kind's default.
  const flags = [...new Set([...kindFlags, ...(classified?.flags ?? [])])];
  const riskGrade = venue.riskGrade ?? classified?.riskGrade ?? kindRisk;
  const keyUnitLevel = venue.keyUnitLevel ?? classified?.keyUnitLevel;
  const facts: VenueFacts = { ...venue, flags, riskGrade, keyUnitLevel };
  const rule = profile.venues.supervision.rules.find((r) => matchesVenue(r.match, facts));
  const wanted = new Set(kinds.flatMap((k) => [...(k.category ? [k.category] : []), ...(k.alsoCategories ?? [])]));
  // A category with a match of its own also takes the venues it holds for (key units, flags, numbers).
  const categories = profile.inspectionCategories.filter((c) => wanted.has(c.id) || (c.match !== undefined && matchesVenue(c.match, facts))).map((c) => c.id);
  const fallback = profile.venues.supervision.fallback;
  const plan = profile.venues.policies.find((p) => p.kind === "patrol_plan" && matchesVenue(p.match, facts));
  return {
    // A rule may name the industry department of the venue's kind (行业重点监管对象), its own body when the kind names none.
    supervisor: rule ? bodyForVenue(profile, { body: rule.supervisor, byVenueKind: rule.byVenueKind }, venue.kinds) : fallback.supervisor,
    supervisionRule: rule?.id,
    categories,
    riskGrade,
    keyUnitLevel,
    flags,
    ...(classified ? { classified } : {}),
    facts,
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
export function venueDuties(profile: PolicyProfile, venue: VenueFacts, classification: Pick<Classification, "supervisor" | "supervisionRule" | "flags" | "riskGrade" | "keyUnitLevel">): VenueDuties {
  const facts: VenueFacts = { ...venue, flags: classification.flags, riskGrade: classification.riskGrade, keyUnitLevel: classification.keyUnitLevel };
  const department = industryDepartmentFor(profile, venue.kinds);
  const assign = profile.venues.policies.find((p) => p.kind === "patrol_assignment" && matchesVenue(p.match, facts));
  // "Other units": neither assigned by a supervision rule nor a small venue given patrol duty.
  const report = classification.supervisionRule === undefined && !assign ? profile.venues.policies.find((p) => p.kind === "report_unassigned") : undefined;
  return {
    ...(assign ? { patrolBy: { body: department ?? classification.supervisor, policy: assign.id } } : {}),
    ...(report && report.kind === "report_unassigned" ? { reportTo: { to: report.to, forwardTo: (report.byVenueKind ? department : undefined) ?? report.forwardTo, policy: report.id } } : {}),
  };
}

type Compared = Pick<Classification, "supervisor" | "categories" | "patrolPlanPolicy"> & { classified?: Classified | undefined | null };

/** What a classification is compared on: a change in any of these is a reclassification. */
export function classificationChanged(before: Compared, after: Compared): boolean {
  return (
    before.supervisor !== after.supervisor ||
    before.categories.join() !== after.categories.join() ||
    before.patrolPlanPolicy !== after.patrolPlanPolicy ||
    JSON.stringify(before.classified ?? null) !== JSON.stringify(after.classified ?? null)
  );
}

/** The profile's reclassify-on-change policy, cited on reclassification events when the profile has one. */
export function reclassifyBasis(profile: PolicyProfile): Basis | undefined {
  const policy = profile.venues.policies.find((p) => p.kind === "reclassify_on_change");
  return policy ? basisOf(policy.id, policy) : undefined;
}

export interface FactProblem {
  field: "kinds" | "flags" | "features" | "riskGrade" | "keyUnitLevel" | "enterpriseGrade" | `measures.${string}`;
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
  const measures = v.measures ?? [];
  for (const id of Object.keys(venue.measures ?? {})) {
    if (measures.some((m) => m.id === id)) continue;
    problems.push({
      field: `measures.${id}`,
      code: "venue.measure_unknown",
      message: measures.length
        ? { zh: `“${id}”不是政策档案中的计量项，可选：${measures.map((m) => `${m.name.zh}（${m.id}）`).join("、")}`, en: `“${id}” is not a measure of the profile; one of: ${measures.map((m) => m.id).join(", ")}` }
        : { zh: `本地政策档案不设计量项（“${id}”）`, en: `The profile has no venue measures (“${id}”)` },
    });
  }
  return problems;
}
