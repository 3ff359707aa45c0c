// Which fields of a profile name an entry of another of its lists: one table
// that validation (every reference resolves) and the draft editor (pickers,
// "still referenced" on remove) both read, so the two cannot drift apart.
// Plain data and pure functions (no zod): the web imports it through browser.ts.

/** The lists a reference can point into, where they are and what they are called. */
export const REFERENCE_TARGETS = {
  level: { list: ["levels"], name: { zh: "层级", en: "level" } },
  body: { list: ["bodies"], name: { zh: "机构", en: "body" } },
  role: { list: ["roles"], name: { zh: "角色", en: "role" } },
  tier: { list: ["staffing", "tiers"], name: { zh: "镇街分档", en: "town tier" } },
  brigadeGrade: { list: ["brigades", "grades"], name: { zh: "消防队等级", en: "brigade grade" } },
  riskGrade: { list: ["venues", "riskGrades"], name: { zh: "风险等级", en: "risk grade" } },
  keyUnitLevel: { list: ["venues", "keyUnitLevels"], name: { zh: "重点单位级别", en: "key-unit level" } },
  enterpriseGrade: { list: ["venues", "enterpriseGrades"], name: { zh: "企业分级", en: "enterprise grade" } },
  venueKind: { list: ["venues", "kinds"], name: { zh: "场所类型", en: "venue kind" } },
  category: { list: ["inspectionCategories"], name: { zh: "检查类别", en: "inspection category" } },
  hazardCode: { list: ["hazards", "codes"], name: { zh: "隐患代码", en: "hazard code" } },
  severity: { list: ["hazards", "severities"], name: { zh: "隐患等级", en: "hazard severity" } },
  scheme: { list: ["assessment", "schemes"], name: { zh: "考核方案", en: "assessment scheme" } },
  equipmentKind: { list: ["resources", "equipmentKinds"], name: { zh: "装备类型", en: "equipment kind" } },
  measure: { list: ["venues", "measures"], name: { zh: "场所计量项", en: "venue measure" } },
  // The county's words (vocabulary.*): a rule's kind, flag or source is one of them.
  bodyKind: { list: ["vocabulary", "bodyKinds"], name: { zh: "机构类型（词表）", en: "body kind (vocabulary)" } },
  employmentKind: { list: ["vocabulary", "employmentKinds"], name: { zh: "人员类别（词表）", en: "employment kind (vocabulary)" } },
  venueFlag: { list: ["vocabulary", "venueFlags"], name: { zh: "场所标记（词表）", en: "venue flag (vocabulary)" } },
  engineType: { list: ["vocabulary", "engineTypes"], name: { zh: "车辆类型（词表）", en: "engine type (vocabulary)" } },
  forceKind: { list: ["vocabulary", "forceKinds"], name: { zh: "队伍类型（词表）", en: "force kind (vocabulary)" } },
  recordKind: { list: ["vocabulary", "recordKinds"], name: { zh: "记录类型（词表）", en: "record kind (vocabulary)" } },
  platformFunction: { list: ["vocabulary", "platformFunctions"], name: { zh: "平台功能（词表）", en: "platform function (vocabulary)" } },
  hazardSource: { list: ["vocabulary", "hazardSources"], name: { zh: "隐患来源（词表）", en: "hazard source (vocabulary)" } },
} as const;

export type ReferenceTarget = keyof typeof REFERENCE_TARGETS;

/**
 * A field that references: its path with `*` for any list index (a union's
 * variants share their list's path: only the variant that has the key has
 * the field), the list it points into, and values that are not references
 * (a brigade requirement's `per` is a level, or `key_unit` / `zone`).
 */
export interface ProfileReference {
  path: string;
  target: ReferenceTarget;
  except?: readonly string[];
}

const r = (path: string, target: ReferenceTarget, except?: readonly string[]): ProfileReference => (except ? { path, target, except } : { path, target });

/** A venue match's criteria, wherever a match sits. */
const match = (at: string) => [
  r(`${at}.kinds.*`, "venueKind"),
  r(`${at}.flags.*`, "venueFlag"),
  r(`${at}.numbers.*.measure`, "measure"),
  r(`${at}.riskGrades.*`, "riskGrade"),
  r(`${at}.keyUnitLevels.*`, "keyUnitLevel"),
  r(`${at}.enterpriseGrades.*`, "enterpriseGrade"),
];

/** A hazard condition's references (severity, within_remit, officer_decision). */
const conditions = (at: string) => [r(`${at}.*.severities.*`, "severity"), r(`${at}.*.of`, "body"), r(`${at}.*.by`, "body")];

export const PROFILE_REFERENCES: readonly ProfileReference[] = [
  r("bodies.*.level", "level"),
  r("bodies.*.kind", "bodyKind"),
  r("staffing.rules.*.employment", "employmentKind"),
  r("brigades.grades.*.minEngines.*.type", "engineType"),
  r("brigades.requirements.*.force", "forceKind"),
  r("brigades.requirements.*.alternatives.*", "forceKind"),
  r("venues.kinds.*.flags.*", "venueFlag"),
  r("obligations.*.kind", "recordKind"),
  r("platforms.*.functions.*", "platformFunction"),
  r("assessment.schemes.*.indicators.*.measures.obligationKinds.*", "recordKind"),
  r("assessment.schemes.*.indicators.*.measures.recordKinds.*", "recordKind"),
  r("assessment.incentives.*.candidates.sources.*", "hazardSource"),
  r("bodies.*.within", "body"),
  r("bodies.*.guidedBy", "body"),
  r("roles.*.body", "body"),
  r("composition.*.body", "body"),
  r("composition.*.filledBy", "role"),
  r("staffing.rules.*.body", "body"),
  r("staffing.rules.*.from", "body"),
  r("staffing.rules.*.role", "role"),
  r("staffing.rules.*.tier", "tier"),
  r("staffing.rules.*.per", "level"),
  r("brigades.requirements.*.per", "level", ["key_unit", "zone"]),
  r("brigades.requirements.*.grade", "brigadeGrade"),
  r("stationStandards.*.body", "body"),
  r("venues.kinds.*.riskGrade", "riskGrade"),
  r("venues.kinds.*.category", "category"),
  r("venues.kinds.*.alsoCategories.*", "category"),
  ...match("venues.supervision.rules.*.match"),
  r("venues.supervision.rules.*.supervisor", "body"),
  r("venues.supervision.fallback.supervisor", "body"),
  r("venues.industryDepartments.*.kinds.*", "venueKind"),
  r("venues.industryDepartments.*.department", "body"),
  ...match("venues.policies.*.match"),
  r("venues.policies.*.to", "body"),
  r("venues.policies.*.forwardTo", "body"),
  r("venues.policies.*.keeper", "body"),
  r("venues.policies.*.by", "body"),
  r("venues.policies.*.category", "category"),
  r("venues.policies.*.hazardCode", "hazardCode"),
  r("venues.policies.*.severity", "severity"),
  r("venues.policies.*.set.keyUnitLevel", "keyUnitLevel"),
  r("venues.policies.*.set.riskGrade", "riskGrade"),
  r("venues.policies.*.set.flags.*", "venueFlag"),
  ...match("inspectionCategories.*.match"),
  r("settings.rollupLevel.value", "level"),
  r("inspectionCategories.*.responsibleRole", "role"),
  r("inspectionCategories.*.includes.*", "category"),
  r("inspectionCategories.*.checklist.*.hazardCode", "hazardCode"),
  r("hazards.severities.*.handledBy.level", "level"),
  r("hazards.severities.*.handledBy.body", "body"),
  r("hazards.severities.*.handledBy.role", "role"),
  r("hazards.escalations.*.from", "body"),
  r("hazards.escalations.*.to", "body"),
  ...conditions("hazards.escalations.*.when"),
  r("hazards.listedSupervision.*.level", "level"),
  r("hazards.listedSupervision.*.listedBy", "body"),
  r("hazards.listedSupervision.*.via", "body"),
  r("hazards.listedSupervision.*.jointly.*", "body"),
  ...conditions("hazards.listedSupervision.*.triggers.*.when"),
  r("obligations.*.levels.*", "level"),
  r("obligations.*.organiser", "body"),
  r("obligations.*.chair", "role"),
  r("obligations.*.covers.*", "role"),
  r("milestones.*.level", "level"),
  r("assessment.schemes.*.assessor", "body"),
  r("assessment.schemes.*.assessedLevels.*", "level"),
  r("assessment.schemes.*.assessedBodies.*", "body"),
  r("assessment.schemes.*.indicators.*.measures.categories.*", "category"),
  r("assessment.incentives.*.candidates.severities.*", "severity"),
  r("assessment.incentives.*.candidates.scheme", "scheme"),
  r("responsibilities.*.holder", "body"),
  r("platforms.*.level", "level"),
  r("selfCheck.checklist.*.hazardCode", "hazardCode"),
  r("homeVisits.checklist.*.hazardCode", "hazardCode"),
  r("resources.funding.levels.*", "level"),
  r("resources.minimums.*.kind", "equipmentKind"),
  r("resources.minimums.*.level", "level"),
  r("warnings.issuers.levels.*", "level"),
  r("tips.reward.severities.*", "severity"),
  r("iot.alarmTypes.*.hazardCode", "hazardCode"),
  r("iot.alarmTypes.*.severity", "severity"),
];

type Segment = string | number;

/** `["bodies", 3, "level"]` → `bodies.*.level`: the table's form of a concrete path. */
export const referencePattern = (path: readonly Segment[]) => path.map((key) => (typeof key === "number" ? "*" : key)).join(".");

const byPattern = new Map(PROFILE_REFERENCES.map((entry) => [entry.path, entry]));

/** The reference a field at this path makes, if it makes one. */
export function referenceAt(path: readonly Segment[]): ProfileReference | undefined {
  return byPattern.get(referencePattern(path));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A found reference: where it is, what it names, in which list. */
export interface FoundReference {
  path: Segment[];
  id: string;
  target: ReferenceTarget;
}

/** Every reference in a document (valid or not), in document order. */
export function* referencesIn(profile: unknown): Generator<FoundReference> {
  function* walk(value: unknown, path: Segment[]): Generator<FoundReference> {
    if (typeof value === "string") {
      const entry = byPattern.get(referencePattern(path));
      if (entry && !entry.except?.includes(value)) yield { path, id: value, target: entry.target };
    } else if (Array.isArray(value)) {
      for (const [index, element] of value.entries()) yield* walk(element, [...path, index]);
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) yield* walk(child, [...path, key]);
    }
  }
  yield* walk(profile, []);
}

/** The ids a target list of a document holds. */
export function targetIds(profile: unknown, target: ReferenceTarget): Set<string> {
  let list: unknown = profile;
  for (const key of REFERENCE_TARGETS[target].list) list = isRecord(list) ? list[key] : undefined;
  const ids = Array.isArray(list) ? list.map((item) => (isRecord(item) ? item.id : undefined)) : [];
  return new Set(ids.filter((id): id is string => typeof id === "string"));
}

/** The paths that still name `id` of `target`: what removing that entry would leave dangling. */
export function referringPaths(profile: unknown, target: ReferenceTarget, id: string): Segment[][] {
  return [...referencesIn(profile)].filter((found) => found.target === target && found.id === id).map((found) => found.path);
}

/** The target a list at this path is, when other rules reference its entries. */
export function targetOfList(path: readonly Segment[]): ReferenceTarget | undefined {
  const pattern = referencePattern(path);
  return (Object.keys(REFERENCE_TARGETS) as ReferenceTarget[]).find((target) => REFERENCE_TARGETS[target].list.join(".") === pattern);
}
