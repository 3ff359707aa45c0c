import type { z } from "zod";
import { fieldErrorsFromZod, jsonPath, type FieldError } from "../errors/index.ts";
import { kernelIds, KERNEL_LEVELS, type VocabularyKey } from "./kernel.ts";
import { kernelOf } from "./levels.ts";
import { migrateProfile } from "./migrate.ts";
import {
  HAZARD_STATES,
  NATIONAL_REF,
  PolicyProfile,
  type Frequency,
} from "./schema.ts";
import { REFERENCE_TARGETS, referencesIn, targetIds, type ReferenceTarget } from "./references.ts";

// What the shape cannot say: references resolve, ids are unique, periods and
// ranges agree, escalation has no cycle, citations point into this profile.

/** A problem at a JSON path, with a stable dotted code and zh/en messages. */
export type ProfileIssue = FieldError;

export type ParseResult = { ok: true; profile: PolicyProfile } | { ok: false; issues: ProfileIssue[] };

type PathSegment = string | number;

/** Shape first; the semantic checks need a well-formed profile to walk. */
export function parseProfile(input: unknown): ParseResult {
  // Older shapes (a wave-1 export, a stored draft) are lifted first: the schema judges today's shape.
  const parsed = PolicyProfile.safeParse(migrateProfile(input));
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
    ...vocabularyIssues(profile),
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

function missingReferences(p: PolicyProfile): ProfileIssue[] {
  const known = new Map<ReferenceTarget, Set<string>>();
  const idsOf = (target: ReferenceTarget) => known.get(target) ?? known.set(target, targetIds(p, target)).get(target)!;
  const issues: ProfileIssue[] = [];
  for (const found of referencesIn(p)) {
    if (idsOf(found.target).has(found.id)) continue;
    const name = REFERENCE_TARGETS[found.target].name;
    issues.push(issue(found.path, "profile.reference_missing", `引用的${name.zh}“${found.id}”不存在`, `${name.en} "${found.id}" does not exist`));
  }
  // What a reference alone cannot say: which of two fields must be there, and ids that must differ across lists.
  // A station's teams are matched by id: each required team once.
  p.brigades.requirements.forEach((requirement, i) =>
    requirement.requiredTeams?.value.forEach((team, j, all) => {
      if (all.findIndex((t) => t.id === team.id) !== j) issues.push(issue(["brigades", "requirements", i, "requiredTeams", "value", j, "id"], "profile.team_duplicate", `编队“${team.id}”重复`, `team "${team.id}" is listed twice`));
    }),
  );
  p.venues.policies.forEach((policy, i) => {
    const at = ["venues", "policies", i];
    if (policy.kind === "report_unassigned" && policy.forwardTo === undefined && !policy.byVenueKind) {
      issues.push(issue([...at, "forwardTo"], "profile.forward_missing", "须写明转交机构（forwardTo），或按场所类别转交（byVenueKind）", "name the body to forward to (forwardTo), or forward by venue kind (byVenueKind)"));
    }
    // A patrol plan's tasks are keyed by the policy's id where other tasks have their category's: the two must differ.
    if (policy.kind === "patrol_plan" && idsOf("category").has(policy.id)) {
      issues.push(issue([...at, "id"], "profile.plan_id_is_category", `巡查计划规则的 id“${policy.id}”与检查类别重名`, `the patrol-plan rule's id "${policy.id}" is also an inspection category's`));
    }
  });
  p.iot?.alarmTypes.forEach((t, j) => {
    // An alarm that raises a hazard names its code; a severity is optional (the officers judge it when they register it).
    if (t.action === "hazard" && t.hazardCode === undefined) issues.push(issue(["iot", "alarmTypes", j, "hazardCode"], "profile.iot_code_missing", "生成隐患的报警类型须指定隐患代码", "an alarm type that raises a hazard names its hazard code"));
  });
  return issues;
}

// ── Vocabularies ───────────────────────────────────────────────────────────

/** Every entry's `means` is a kernel id (that every word a rule uses is an entry is a reference: references.ts). */
function vocabularyIssues(p: PolicyProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  for (const [key, entries] of Object.entries(p.vocabulary) as [VocabularyKey, PolicyProfile["vocabulary"][VocabularyKey]][]) {
    const kernel = kernelIds(key);
    entries.forEach((entry, i) => {
      if (entry.means !== undefined && !kernel.includes(entry.means)) {
        issues.push(issue(["vocabulary", key, i, "means"], "profile.kernel_unknown", `“${entry.means}”不是系统可识别的含义，可选：${kernel.join("、")}`, `"${entry.means}" is not a kernel id; one of ${kernel.join(", ")}`));
      }
    });
  }
  return issues;
}

// ── Order ──────────────────────────────────────────────────────────────────

/** Indexes (into `list`) of entries that do not follow `canonical` order. */
function outOfOrder(list: readonly string[], canonical: readonly string[]): number[] {
  const ranks = list.map((item) => canonical.indexOf(item));
  return ranks.flatMap((rank, index) => (index > 0 && rank <= (ranks[index - 1] ?? -1) ? [index] : []));
}

function orderIssues(p: PolicyProfile): ProfileIssue[] {
  // A county names its levels as it likes; those that stand for a kernel level must keep the kernel's order.
  const mapped = p.levels.flatMap((level, index) => {
    const kernel = kernelOf(level);
    return kernel === undefined ? [] : [{ kernel, index }];
  });
  const issues = outOfOrder(
    mapped.map((m) => m.kernel),
    KERNEL_LEVELS,
  ).map((i) =>
    // The field that says the kernel: its own `kernel`, else the id that is one.
    issue(["levels", mapped[i]!.index, p.levels[mapped[i]!.index]!.kernel ? "kernel" : "id"], "profile.order_invalid", `层级对应的系统层级须按${KERNEL_LEVELS.join(" > ")}由上到下排列且不重复`, `levels standing for kernel levels must run outermost first (${KERNEL_LEVELS.join(" > ")}) without repeats`),
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

// N times per period (每月两次) is one visit every period / N.
const periodDays = (frequency: Frequency) => (frequency.every * UNIT_DAYS[frequency.unit]) / (frequency.times ?? 1);

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
