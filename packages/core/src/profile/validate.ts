import type { z } from "zod";
import { fieldErrorsFromZod, jsonPath, type FieldError } from "../errors/index.ts";
import {
  HAZARD_STATES,
  LEVEL_IDS,
  NATIONAL_REF,
  PolicyProfile,
  type Condition,
  type Frequency,
  type VenueMatch,
} from "./schema.ts";

// What the shape cannot say: references resolve, ids are unique, periods and
// ranges agree, escalation has no cycle, citations point into this profile.

/** A problem at a JSON path, with a stable dotted code and zh/en messages. */
export type ProfileIssue = FieldError;

export type ParseResult = { ok: true; profile: PolicyProfile } | { ok: false; issues: ProfileIssue[] };

type PathSegment = string | number;

/** Shape first; the semantic checks need a well-formed profile to walk. */
export function parseProfile(input: unknown): ParseResult {
  const parsed = PolicyProfile.safeParse(input);
  if (!parsed.success) return { ok: false, issues: shapeIssues(parsed.error) };
  const issues = validateProfile(parsed.data);
  return issues.length === 0 ? { ok: true, profile: parsed.data } : { ok: false, issues };
}

/** zod's issues as field errors; the schema's own checks keep their profile code. */
function shapeIssues(error: z.ZodError): ProfileIssue[] {
  return fieldErrorsFromZod(error).map((field, index) => {
    const source = error.issues[index];
    const code = source?.code === "custom" ? source.params?.code : undefined;
    return typeof code === "string" ? { ...field, code } : field;
  });
}

function issue(path: readonly PathSegment[], code: string, zh: string, en: string): ProfileIssue {
  return { path: jsonPath(path), code, message: { zh, en } };
}

export function validateProfile(profile: PolicyProfile): ProfileIssue[] {
  return [
    ...duplicateIds(profile),
    ...foreignSourceRefs(profile),
    ...missingReferences(profile),
    ...orderIssues(profile),
    ...rangeIssues(profile),
    ...cycleIssues(profile),
  ];
}

// ── Walking ────────────────────────────────────────────────────────────────

type Visit = { value: unknown; path: PathSegment[] };

function* walk(value: unknown, path: PathSegment[] = []): Generator<Visit> {
  yield { value, path };
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) yield* walk(element, [...path, index]);
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) yield* walk(child, [...path, key]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ── Identity and citations ─────────────────────────────────────────────────

function duplicateIds(profile: PolicyProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  for (const { value, path } of walk(profile)) {
    if (!Array.isArray(value)) continue;
    const seen = new Set<string>();
    for (const [index, element] of value.entries()) {
      const id = isRecord(element) ? element.id : undefined;
      if (typeof id !== "string") continue;
      if (seen.has(id)) {
        issues.push(issue([...path, index, "id"], "profile.duplicate_id", `同一列表中 id“${id}”重复`, `id "${id}" appears twice in the list`));
      }
      seen.add(id);
    }
  }
  return issues;
}

function foreignSourceRefs(profile: PolicyProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  // A borrowed document's clauses are citable too (a fork keeps its preset's citations, shown as 借用).
  const citable = [profile.id, ...(profile.borrowed ?? []).map((b) => b.profileId)];
  profile.borrowed?.forEach((b, i) => {
    if (b.profileId === profile.id) {
      issues.push(issue(["borrowed", i, "profileId"], "profile.borrowed_self", `借用的文件不能是本档案自己（${b.profileId}）`, `a borrowed document cannot be the profile's own (${b.profileId})`));
    }
  });
  for (const { value, path } of walk(profile)) {
    if (!isRecord(value) || typeof value.sourceRef !== "string") continue;
    // A national norm's clause binds every county alike: any profile may cite it.
    if (NATIONAL_REF.test(value.sourceRef)) continue;
    const ref = value.sourceRef;
    if (!citable.some((id) => ref.startsWith(`${id} `))) {
      issues.push(
        issue(
          [...path, "sourceRef"],
          "profile.source_ref_foreign",
          `出处“${value.sourceRef}”不属于本文件（${profile.id}）`,
          `sourceRef "${value.sourceRef}" does not cite this profile's document (${profile.id})`,
        ),
      );
    }
  }
  return issues;
}

// ── References ─────────────────────────────────────────────────────────────

const TARGETS = {
  level: { zh: "层级", en: "level" },
  body: { zh: "机构", en: "body" },
  role: { zh: "角色", en: "role" },
  tier: { zh: "镇街分档", en: "town tier" },
  brigadeGrade: { zh: "消防队等级", en: "brigade grade" },
  riskGrade: { zh: "风险等级", en: "risk grade" },
  keyUnitLevel: { zh: "重点单位级别", en: "key-unit level" },
  enterpriseGrade: { zh: "企业分级", en: "enterprise grade" },
  venueKind: { zh: "场所类型", en: "venue kind" },
  category: { zh: "检查类别", en: "inspection category" },
  hazardCode: { zh: "隐患代码", en: "hazard code" },
  severity: { zh: "隐患等级", en: "hazard severity" },
} as const;

type Target = keyof typeof TARGETS;

const idsOf = (list: readonly { id: string }[]) => new Set(list.map((item) => item.id));

function missingReferences(p: PolicyProfile): ProfileIssue[] {
  const known: Record<Target, Set<string>> = {
    level: idsOf(p.levels),
    body: idsOf(p.bodies),
    role: idsOf(p.roles),
    tier: idsOf(p.staffing.tiers),
    brigadeGrade: idsOf(p.brigades.grades),
    riskGrade: idsOf(p.venues.riskGrades),
    keyUnitLevel: idsOf(p.venues.keyUnitLevels),
    enterpriseGrade: idsOf(p.venues.enterpriseGrades),
    venueKind: idsOf(p.venues.kinds),
    category: idsOf(p.inspectionCategories),
    hazardCode: idsOf(p.hazards.codes),
    severity: idsOf(p.hazards.severities),
  };
  const issues: ProfileIssue[] = [];

  const ref = (path: PathSegment[], target: Target, id: string | undefined) => {
    if (id === undefined || known[target].has(id)) return;
    const name = TARGETS[target];
    issues.push(issue(path, "profile.reference_missing", `引用的${name.zh}“${id}”不存在`, `${name.en} "${id}" does not exist`));
  };
  const refs = (path: PathSegment[], target: Target, ids: readonly string[] | undefined) =>
    ids?.forEach((id, index) => ref([...path, index], target, id));
  const match = (path: PathSegment[], m: VenueMatch) => {
    refs([...path, "kinds"], "venueKind", m.kinds);
    refs([...path, "riskGrades"], "riskGrade", m.riskGrades);
    refs([...path, "keyUnitLevels"], "keyUnitLevel", m.keyUnitLevels);
    refs([...path, "enterpriseGrades"], "enterpriseGrade", m.enterpriseGrades);
  };
  const conditions = (path: PathSegment[], list: readonly Condition[]) =>
    list.forEach((condition, index) => {
      const at = [...path, index];
      if (condition.kind === "severity") refs([...at, "severities"], "severity", condition.severities);
      if (condition.kind === "within_remit") ref([...at, "of"], "body", condition.of);
      if (condition.kind === "officer_decision") ref([...at, "by"], "body", condition.by);
    });

  p.bodies.forEach((body, i) => {
    ref(["bodies", i, "level"], "level", body.level);
    ref(["bodies", i, "within"], "body", body.within);
    ref(["bodies", i, "guidedBy"], "body", body.guidedBy);
  });
  p.roles.forEach((role, i) => ref(["roles", i, "body"], "body", role.body));
  p.composition.forEach((position, i) => {
    ref(["composition", i, "body"], "body", position.body);
    ref(["composition", i, "filledBy"], "role", position.filledBy);
  });
  p.staffing.rules.forEach((rule, i) => {
    const at = ["staffing", "rules", i];
    ref([...at, "body"], "body", rule.body);
    ref([...at, "from"], "body", rule.from);
    ref([...at, "role"], "role", rule.role);
    ref([...at, "tier"], "tier", rule.tier);
    ref([...at, "per"], "level", rule.per);
  });
  p.brigades.requirements.forEach((requirement, i) => {
    const at = ["brigades", "requirements", i];
    if (isLevelId(requirement.per)) ref([...at, "per"], "level", requirement.per);
    ref([...at, "grade"], "brigadeGrade", requirement.grade);
  });
  p.stationStandards.forEach((standard, i) => ref(["stationStandards", i, "body"], "body", standard.body));
  p.venues.kinds.forEach((kind, i) => {
    ref(["venues", "kinds", i, "riskGrade"], "riskGrade", kind.riskGrade);
    ref(["venues", "kinds", i, "category"], "category", kind.category);
    refs(["venues", "kinds", i, "alsoCategories"], "category", kind.alsoCategories);
  });
  p.venues.supervision.rules.forEach((rule, i) => {
    match(["venues", "supervision", "rules", i, "match"], rule.match);
    ref(["venues", "supervision", "rules", i, "supervisor"], "body", rule.supervisor);
  });
  ref(["venues", "supervision", "fallback", "supervisor"], "body", p.venues.supervision.fallback.supervisor);
  p.venues.industryDepartments?.forEach((rule, i) => {
    refs(["venues", "industryDepartments", i, "kinds"], "venueKind", rule.kinds);
    ref(["venues", "industryDepartments", i, "department"], "body", rule.department);
  });
  p.venues.policies.forEach((policy, i) => {
    const at = ["venues", "policies", i];
    if ("match" in policy) match([...at, "match"], policy.match);
    if (policy.kind === "report_unassigned") {
      ref([...at, "to"], "body", policy.to);
      ref([...at, "forwardTo"], "body", policy.forwardTo);
      if (policy.forwardTo === undefined && !policy.byVenueKind) {
        issues.push(issue([...at, "forwardTo"], "profile.forward_missing", "须写明转交机构（forwardTo），或按场所类别转交（byVenueKind）", "name the body to forward to (forwardTo), or forward by venue kind (byVenueKind)"));
      }
    }
    if (policy.kind === "watchlist") ref([...at, "keeper"], "body", policy.keeper);
    // A patrol plan's tasks are keyed by the policy's id where other tasks have their category's: the two must differ.
    if (policy.kind === "patrol_plan" && known.category.has(policy.id)) {
      issues.push(issue([...at, "id"], "profile.plan_id_is_category", `巡查计划规则的 id“${policy.id}”与检查类别重名`, `the patrol-plan rule's id "${policy.id}" is also an inspection category's`));
    }
    if (policy.kind === "random_spot_check") {
      ref([...at, "by"], "body", policy.by);
      ref([...at, "category"], "category", policy.category);
    }
    if (policy.kind === "safety_evaluation") {
      ref([...at, "hazardCode"], "hazardCode", policy.hazardCode);
      ref([...at, "severity"], "severity", policy.severity);
    }
  });
  p.inspectionCategories.forEach((category, i) => {
    ref(["inspectionCategories", i, "responsibleRole"], "role", category.responsibleRole);
    refs(["inspectionCategories", i, "includes"], "category", category.includes);
    category.checklist.forEach((item, j) =>
      ref(["inspectionCategories", i, "checklist", j, "hazardCode"], "hazardCode", item.hazardCode),
    );
  });
  p.hazards.severities.forEach((severity, i) => {
    const at = ["hazards", "severities", i, "handledBy"];
    ref([...at, "level"], "level", severity.handledBy.level);
    ref([...at, "body"], "body", severity.handledBy.body);
    ref([...at, "role"], "role", severity.handledBy.role);
  });
  p.hazards.escalations.forEach((escalation, i) => {
    ref(["hazards", "escalations", i, "from"], "body", escalation.from);
    ref(["hazards", "escalations", i, "to"], "body", escalation.to);
    conditions(["hazards", "escalations", i, "when"], escalation.when);
  });
  p.hazards.listedSupervision.forEach((listed, i) => {
    const at = ["hazards", "listedSupervision", i];
    ref([...at, "level"], "level", listed.level);
    ref([...at, "listedBy"], "body", listed.listedBy);
    ref([...at, "via"], "body", listed.via);
    refs([...at, "jointly"], "body", listed.jointly);
    listed.triggers.forEach((trigger, j) => conditions([...at, "triggers", j, "when"], trigger.when));
  });
  p.obligations.forEach((obligation, i) => {
    refs(["obligations", i, "levels"], "level", obligation.levels);
    ref(["obligations", i, "organiser"], "body", obligation.organiser);
    ref(["obligations", i, "chair"], "role", obligation.chair);
    refs(["obligations", i, "covers"], "role", obligation.covers);
  });
  p.milestones.forEach((milestone, i) => ref(["milestones", i, "level"], "level", milestone.level));
  p.assessment.schemes.forEach((scheme, i) => {
    ref(["assessment", "schemes", i, "assessor"], "body", scheme.assessor);
    refs(["assessment", "schemes", i, "assessedLevels"], "level", scheme.assessedLevels);
    refs(["assessment", "schemes", i, "assessedBodies"], "body", scheme.assessedBodies);
    scheme.indicators.forEach((indicator, j) => {
      if (indicator.measures?.kind === "inspection_coverage") refs(["assessment", "schemes", i, "indicators", j, "measures", "categories"], "category", indicator.measures.categories);
    });
  });
  const schemes = idsOf(p.assessment.schemes);
  p.assessment.incentives.forEach((incentive, i) => {
    const at = ["assessment", "incentives", i, "candidates"];
    const from = incentive.candidates;
    if (from?.from === "major_hazard_leads") refs([...at, "severities"], "severity", from.severities);
    if (from?.from === "lagging_units" && !schemes.has(from.scheme)) {
      issues.push(issue([...at, "scheme"], "profile.reference_missing", `引用的考核方案“${from.scheme}”不存在`, `assessment scheme "${from.scheme}" does not exist`));
    }
  });
  p.responsibilities.forEach((responsibility, i) => ref(["responsibilities", i, "holder"], "body", responsibility.holder));
  p.platforms.forEach((platform, i) => ref(["platforms", i, "level"], "level", platform.level));
  p.selfCheck?.checklist?.forEach((item, j) => ref(["selfCheck", "checklist", j, "hazardCode"], "hazardCode", item.hazardCode));
  p.homeVisits?.checklist.forEach((item, j) => ref(["homeVisits", "checklist", j, "hazardCode"], "hazardCode", item.hazardCode));
  const equipmentKinds = new Set(p.resources?.equipmentKinds.map((k) => k.id) ?? []);
  p.resources?.minimums?.forEach((m, i) => {
    if (!equipmentKinds.has(m.kind)) issues.push(issue(["resources", "minimums", i, "kind"], "profile.reference_missing", `引用的装备类型“${m.kind}”不存在`, `equipment kind "${m.kind}" does not exist`));
  });
  p.iot?.alarmTypes.forEach((t, j) => {
    const at = ["iot", "alarmTypes", j];
    ref([...at, "hazardCode"], "hazardCode", t.hazardCode);
    ref([...at, "severity"], "severity", t.severity);
    // An alarm that raises a hazard names its code; a severity is optional (the officers judge it when they register it).
    if (t.action === "hazard" && t.hazardCode === undefined) issues.push(issue([...at, "hazardCode"], "profile.iot_code_missing", "生成隐患的报警类型须指定隐患代码", "an alarm type that raises a hazard names its hazard code"));
  });
  return issues;
}

function isLevelId(value: string): value is (typeof LEVEL_IDS)[number] {
  return (LEVEL_IDS as readonly string[]).includes(value);
}

// ── Order ──────────────────────────────────────────────────────────────────

/** Indexes (into `list`) of entries that do not follow `canonical` order. */
function outOfOrder(list: readonly string[], canonical: readonly string[]): number[] {
  const ranks = list.map((item) => canonical.indexOf(item));
  return ranks.flatMap((rank, index) => (index > 0 && rank <= (ranks[index - 1] ?? -1) ? [index] : []));
}

function orderIssues(p: PolicyProfile): ProfileIssue[] {
  const issues = outOfOrder(
    p.levels.map((level) => level.id),
    LEVEL_IDS,
  ).map((index) =>
    issue(["levels", index, "id"], "profile.order_invalid", `层级须按${LEVEL_IDS.join(" > ")}由上到下排列且不重复`, `levels must run outermost first (${LEVEL_IDS.join(" > ")}) without repeats`),
  );
  const states = p.hazards.workflow.states;
  for (const index of outOfOrder(states, HAZARD_STATES)) {
    issues.push(
      issue(["hazards", "workflow", "states", index], "profile.order_invalid", "隐患流程环节须按“发现→立案→派遣→处置→核查→结案”的顺序且不重复", "workflow states must follow discovered → … → closed without repeats"),
    );
  }
  if (states[0] !== "discovered" || states.at(-1) !== "closed") {
    issues.push(
      issue(["hazards", "workflow", "states"], "profile.workflow_incomplete", "隐患流程须以“发现”开始、以“结案”结束", "the workflow must start at discovered and end at closed"),
    );
  }
  return issues;
}

// ── Ranges and periods ─────────────────────────────────────────────────────

// Approximate lengths: enough to compare two periods, not to schedule.
const UNIT_DAYS: Record<Frequency["unit"], number> = { day: 1, week: 7, month: 30, quarter: 91, half_year: 182, year: 365 };

const periodDays = (frequency: Frequency) => frequency.every * UNIT_DAYS[frequency.unit];

function inverted(path: PathSegment[], min: number, max: number | undefined): ProfileIssue[] {
  return max !== undefined && min > max
    ? [issue(path, "profile.range_inverted", `上限 ${max} 小于下限 ${min}`, `maximum ${max} is below minimum ${min}`)]
    : [];
}

function rangeIssues(p: PolicyProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  p.composition.forEach((position, i) => issues.push(...inverted(["composition", i, "count", "max"], position.count.min, position.count.max)));
  p.staffing.rules.forEach(({ requirement }, i) => {
    const at = ["staffing", "rules", i, "requirement"];
    if (requirement.measure === "count") issues.push(...inverted([...at, "max"], requirement.min, requirement.max));
    else issues.push(...inverted([...at, "maxPercent"], requirement.minPercent, requirement.maxPercent));
  });
  p.inspectionCategories.forEach((category, i) => {
    const { patrolFrequency: patrol, coveragePeriod: coverage } = category;
    if (patrol && coverage && periodDays(patrol) > periodDays(coverage)) {
      issues.push(
        issue(["inspectionCategories", i, "patrolFrequency"], "profile.frequency_inconsistent", "巡查间隔不得长于全覆盖周期", "the patrol interval must not be longer than the full-coverage period"),
      );
    }
  });
  // A drawn task's key is (venue, category, draw period): a category the schedule also makes tasks of could collide with it.
  const drawnCategories = new Map<string, number>();
  p.venues.policies.forEach((policy, i) => {
    if (policy.kind !== "random_spot_check") return;
    const category = p.inspectionCategories.find((c) => c.id === policy.category);
    if (category?.coveragePeriod || category?.patrolFrequency) {
      issues.push(issue(["venues", "policies", i, "category"], "profile.spot_check_category_scheduled", `抽查类别“${policy.category}”已按周期排任务，须用不按周期排任务的类别`, `the spot-check category "${policy.category}" is scheduled by period; use one that is not`));
    }
    if (drawnCategories.has(policy.category)) {
      issues.push(issue(["venues", "policies", i, "category"], "profile.spot_check_category_shared", `抽查类别“${policy.category}”已被另一条抽查规则使用`, `the spot-check category "${policy.category}" is used by another spot-check rule`));
    }
    drawnCategories.set(policy.category, i);
  });
  p.brigades.requirements.forEach((requirement, i) => {
    const level = p.levels.find((candidate) => candidate.id === requirement.per);
    requirement.units?.forEach((unit, j) => {
      if (level && !level.units.includes(unit)) {
        issues.push(issue(["brigades", "requirements", i, "units", j], "profile.unit_unknown", `层级“${level.name.zh}”没有“${unit}”这类单位`, `level "${level.id}" has no unit kind "${unit}"`));
      }
    });
  });
  p.assessment.schemes.forEach((scheme, i) => {
    const total = scheme.indicators.reduce((sum, indicator) => sum + indicator.weight, 0);
    if (scheme.indicators.length > 0 && Math.abs(total - 100) > 1e-9) {
      issues.push(issue(["assessment", "schemes", i, "indicators"], "profile.weights_sum", `指标权重合计为 ${total}，应为 100`, `indicator weights add up to ${total}, not 100`));
    }
  });
  return issues;
}

// ── Cycles ─────────────────────────────────────────────────────────────────

type Edge = { from: string; to: string; path: PathSegment[] };

/** Edges that close a cycle (depth-first back edges), in input order. */
function cycleEdges(edges: readonly Edge[]): Edge[] {
  const state = new Map<string, "open" | "done">();
  const closing: Edge[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    for (const edge of edges.filter((candidate) => candidate.from === node)) {
      const next = state.get(edge.to);
      if (next === "open") closing.push(edge);
      else if (next === undefined) visit(edge.to);
    }
    state.set(node, "done");
  };
  for (const edge of edges) if (!state.has(edge.from)) visit(edge.from);
  return edges.filter((edge) => closing.includes(edge));
}

function cycleIssues(p: PolicyProfile): ProfileIssue[] {
  const escalations = p.hazards.escalations.map((e, i) => ({ from: e.from, to: e.to, path: ["hazards", "escalations", i] }));
  const includes = p.inspectionCategories.flatMap((category, i) =>
    category.includes.map((to, j) => ({ from: category.id, to, path: ["inspectionCategories", i, "includes", j] })),
  );
  return [
    ...cycleEdges(escalations).map((edge) =>
      issue(edge.path, "profile.escalation_cycle", `上报路径成环：${edge.from} → ${edge.to} 回到了已经过的机构`, `escalation cycle: ${edge.from} → ${edge.to} returns to a body already on the path`),
    ),
    ...cycleEdges(includes).map((edge) =>
      issue(edge.path, "profile.include_cycle", `检查类别互相包含成环：${edge.from} → ${edge.to}`, `inspection categories include each other in a cycle: ${edge.from} → ${edge.to}`),
    ),
  ];
}
