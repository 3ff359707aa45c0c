import { z } from "zod";
import { bilingual } from "../errors/index.ts";

// A policy profile: the rules of one county as data. Every rule cites the
// clause it comes from, so a finding can always be traced to its document.

// ── Primitives ─────────────────────────────────────────────────────────────

const Text = z.string().min(1);

/** Stable identifier of a rule within its list (diff and findings key on it). */
const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, bilingual("id 须为小写字母开头的 snake_case", "expected a snake_case id"));

const Label = z.strictObject({ zh: Text, en: Text });

/** Full ISO date, or only the year when that is all the document gives. */
const DocumentDate = z.union([z.iso.date(), z.string().regex(/^\d{4}$/)]);

// ── Citation ───────────────────────────────────────────────────────────────

/** `<profileId> <clause>`: section 一, item (一), sub-item 1, e.g. `demo 六(一)2`. */
const SOURCE_REF = /^[a-z][a-z0-9_]* (?=\S)[一二三四五六七八九十]*(?:\([一二三四五六七八九十]+\))?\d*$/;

const SourceRef = z
  .string()
  .regex(SOURCE_REF, bilingual("出处须为“<档案id> <条款>”，如“demo 六(一)2”", "expected `<profileId> <clause>`, e.g. `demo 六(一)2`"));

/** What the document does not say: the whole rule when sourceRef is null, else the reading taken. */
const Assumption = z.strictObject({ zh: Text, en: Text.optional() });

const citationShape = {
  sourceRef: SourceRef.nullable(),
  /** The clause's zh text or a faithful excerpt. */
  text: Text.optional(),
  assumption: Assumption.optional(),
};

type Citation = { sourceRef: string | null; text?: string | undefined; assumption?: unknown };

function checkCitation(value: Citation, ctx: z.RefinementCtx) {
  if (value.sourceRef === null && value.assumption === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["assumption"],
      message: bilingual("没有出处（sourceRef 为 null）的规则必须写明假设（assumption）", "a rule without sourceRef must state its assumption"),
      params: { code: "profile.assumption_missing" },
    });
  }
  if (value.sourceRef !== null && value.text === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["text"],
      message: bilingual("有出处的规则必须摘录条文原文（text）", "a cited rule must quote its clause"),
      params: { code: "profile.text_missing" },
    });
  }
}

/** A rule: its own fields plus a citation, or a marked default (sourceRef null + assumption). */
function rule<S extends z.core.$ZodLooseShape>(shape: S) {
  // zod cannot resolve the output type of a generic shape; the citation fields are always there.
  return z.strictObject({ ...citationShape, ...shape }).superRefine((value, ctx) => checkCitation(value as Citation, ctx));
}

/** A single value that is a rule by itself (e.g. a deadline the documents leave open). */
function citedValue<T extends z.ZodType>(value: T) {
  return rule({ value });
}

// ── Vocabularies (closed: code may switch on them) ─────────────────────────

/** Jurisdiction levels, outermost first; a profile uses an ordered subset. */
export const LEVEL_IDS = ["city", "county", "town", "village", "grid"] as const;
export const LevelId = z.enum(LEVEL_IDS);

const FREQUENCY_UNITS = ["day", "week", "month", "quarter", "half_year", "year"] as const;
export const Frequency = z.strictObject({ every: z.int().min(1), unit: z.enum(FREQUENCY_UNITS) });

/** The hazard closed loop in its canonical order (design.md). */
export const HAZARD_STATES = ["discovered", "registered", "dispatched", "rectifying", "verifying", "closed"] as const;
export const HazardState = z.enum(HAZARD_STATES);

const BodyKind = z.enum([
  "government",
  "committee",
  "fire_office",
  "fire_rescue",
  "police",
  "emergency_management",
  "industry_department",
  "enforcement",
  "command_centre",
  "brigade",
  "micro_station",
  "volunteer_team",
  "forestry_team",
  "village_committee",
  "work_group",
  "grid",
]);

const Employment = z.enum(["any", "on_payroll", "contracted", "auxiliary", "seconded", "other"]);

const VenueFlag = z.enum([
  "key_supervision",
  "priority_governance",
  "safety_evaluation",
  "police_daily_check",
  "small_venue",
]);

const EngineType = z.enum(["water_tanker", "other_firefighting"]);
const ForceKind = z.enum(["full_time_brigade", "micro_station", "volunteer_team", "integrated_team"]);
const ObligationKind = z.enum([
  "meeting",
  "analysis",
  "training",
  "drill",
  "emergency_plan",
  "publicity",
  "annual_plan",
  "work_notice",
]);
const PlatformFunction = z.enum([
  "grid_management",
  "data_analysis",
  "alarm_dispatch",
  "hazard_dispatch",
  "grassroots_feedback",
  "meeting_consultation",
  "hazard_closed_loop",
  "iot_sensing",
  "venue_code",
  "smart_detection",
  "one_map",
]);

// ── Document ───────────────────────────────────────────────────────────────

const SourceDocument = z.strictObject({
  title: Text,
  /** 文号, e.g. 启政办发〔2023〕8号; null when the published text carries none. */
  number: Text.nullable(),
  issuer: Text.nullable(),
  date: DocumentDate,
});

// ── Jurisdiction and terminology ───────────────────────────────────────────

const Level = rule({
  id: LevelId,
  name: Label,
  /** The kinds of unit found at this level, e.g. 镇 and 园区. */
  units: z.array(Text).min(1),
});

const Body = rule({
  id: Id,
  name: Label,
  level: LevelId,
  kind: BodyKind,
  /** The body it is set up in or under (office under committee, station within a bureau). */
  within: Id.optional(),
  /** The body that gives it professional guidance. */
  guidedBy: Id.optional(),
});

const Role = rule({ id: Id, name: Label, body: Id.optional() });

// ── Organisation: composition and staffing ─────────────────────────────────

const Count = z.strictObject({ min: z.int().min(0), max: z.int().min(0).optional() });

const Position = rule({
  id: Id,
  body: Id,
  title: Label,
  filledBy: Id,
  count: Count,
  required: z.boolean(),
  /** Member units whose heads hold the position, when the document lists them. */
  units: z.array(Text).optional(),
});

const TownTier = rule({ id: Id, name: Label });

const Percent = z.number().min(0).max(100);

const StaffingRequirement = z.discriminatedUnion("measure", [
  z.strictObject({ measure: z.literal("count"), min: z.int().min(0), max: z.int().min(0).optional() }),
  /** Share of the body's total staff. */
  z.strictObject({ measure: z.literal("share_of_total"), minPercent: Percent, maxPercent: Percent.optional() }),
]);

const StaffingRule = rule({
  id: Id,
  body: Id,
  employment: Employment,
  /** The body that seconds or names the staff, for seconded staff. */
  from: Id.optional(),
  role: Id.optional(),
  tier: Id.optional(),
  /** The requirement holds once per unit of this level (one liaison cadre per town). */
  per: LevelId.optional(),
  requirement: StaffingRequirement,
});

const Staffing = z.strictObject({ tiers: z.array(TownTier), rules: z.array(StaffingRule) });

// ── Brigades and stations ──────────────────────────────────────────────────

const BrigadeGrade = rule({
  id: Id,
  name: Label,
  minStaff: z.int().min(1).optional(),
  minEngines: z.array(z.strictObject({ type: EngineType, min: z.int().min(1) })),
  /** Staff quota (员额) used to size the county total. */
  staffQuota: z.int().min(1).optional(),
  /** Roles a team of this grade may take in a centre/satellite layout (often a clause of its own). */
  deployment: citedValue(z.array(z.enum(["centre", "satellite"])).min(1)).optional(),
});

const ForceRequirement = rule({
  id: Id,
  force: ForceKind,
  /** One per unit of this level, per key unit, or per rescue zone (片区). */
  per: z.union([LevelId, z.enum(["key_unit", "zone"])]),
  /** Only units of these kinds at the level (e.g. 镇 but not 园区); absent: all. */
  units: z.array(Text).optional(),
  grade: Id.optional(),
  alternatives: z.array(ForceKind).optional(),
  standard: Text.optional(),
  /** Registered as a public-institution legal person (事业单位法人). */
  publicInstitution: z.boolean().optional(),
});

const PersonnelRule = z.discriminatedUnion("kind", [
  rule({ id: Id, kind: z.literal("pay_floor"), benchmark: Label }),
  rule({ id: Id, kind: z.literal("long_service"), minServiceYears: z.int().min(1), benefit: Label }),
]);

const Brigades = z.strictObject({
  grades: z.array(BrigadeGrade),
  requirements: z.array(ForceRequirement),
  personnel: z.array(PersonnelRule),
});

const StationStandard = rule({
  id: Id,
  body: Id,
  name: Label,
  items: z.array(z.strictObject({ id: Id, name: Label })).min(1),
  deadline: z.iso.date().nullable(),
});

// ── Venues and their classification ────────────────────────────────────────

const Grade = rule({ id: Id, name: Label });

/** All given criteria must hold; within one criterion any listed value matches. */
const VenueMatch = z
  .strictObject({
    kinds: z.array(Id).min(1).optional(),
    flags: z.array(VenueFlag).min(1).optional(),
    riskGrades: z.array(Id).min(1).optional(),
    keyUnitLevels: z.array(Id).min(1).optional(),
    enterpriseGrades: z.array(Id).min(1).optional(),
  })
  .refine((match) => Object.keys(match).length > 0, {
    message: bilingual("匹配条件至少要有一项", "a match needs at least one criterion"),
    params: { code: "profile.match_empty" },
  });

const VenueKind = rule({
  id: Id,
  name: Label,
  /** Flags every venue of the kind carries; a venue may carry more of its own. */
  flags: z.array(VenueFlag),
  riskGrade: Id.optional(),
  category: Id.optional(),
});

/** Ordered: the first rule whose match holds names the supervisor; else the fallback. */
const SupervisionRule = rule({ id: Id, match: VenueMatch, supervisor: Id });

const VenuePolicy = z.discriminatedUnion("kind", [
  /** Every supervised object is on an inventory (清单化). */
  rule({ id: Id, kind: z.literal("inventory") }),
  /** A venue whose situation changes is classified again. */
  rule({ id: Id, kind: z.literal("reclassify_on_change") }),
  /** Patrol duty goes to a department chosen by these venue attributes. */
  rule({ id: Id, kind: z.literal("patrol_assignment"), match: VenueMatch, assignBy: z.array(z.enum(["kind", "risk_grade"])).min(1) }),
  /** Matching venues must have these named in their patrol plan. */
  rule({ id: Id, kind: z.literal("patrol_plan"), match: VenueMatch, mustName: z.array(z.enum(["patroller", "frequency", "method"])).min(1) }),
  /** Objects without a supervisor are reported up and forwarded to a department. */
  rule({ id: Id, kind: z.literal("report_unassigned"), to: Id, forwardTo: Id }),
  /** Matching venues need a safety evaluation; failing it they must not operate. */
  rule({ id: Id, kind: z.literal("safety_evaluation"), match: VenueMatch, onFailure: z.literal("must_not_operate") }),
  /** A body keeps a watch list of worrying venues (不放心场所) and follows them up. */
  rule({ id: Id, kind: z.literal("watchlist"), keeper: Id }),
]);

const Venues = z.strictObject({
  riskGrades: z.array(Grade),
  keyUnitLevels: z.array(Grade),
  enterpriseGrades: z.array(Grade),
  kinds: z.array(VenueKind),
  supervision: z.strictObject({ rules: z.array(SupervisionRule), fallback: rule({ supervisor: Id }) }),
  policies: z.array(VenuePolicy),
});

// ── Inspections ────────────────────────────────────────────────────────────

const ChecklistItem = rule({ id: Id, name: Label, hazardCode: Id });

const InspectionCategory = rule({
  id: Id,
  name: Label,
  responsibleRole: Id,
  method: z.enum(["patrol", "full_check", "random_spot_check"]).optional(),
  /** How often the responsible staff go out. */
  patrolFrequency: Frequency.optional(),
  /** Every venue of the category is inspected at least once per this period. */
  coveragePeriod: Frequency.optional(),
  /** Categories whose checklist items also apply here. */
  includes: z.array(Id),
  checklist: z.array(ChecklistItem),
});

// ── Hazards ────────────────────────────────────────────────────────────────

const Handler = z.strictObject({ level: LevelId, body: Id.optional(), role: Id.optional() });

const Severity = rule({
  id: Id,
  name: Label,
  handledBy: Handler,
  rectificationDays: citedValue(z.int().min(0)),
});

/** A condition on a hazard; in a list all must hold. */
const Condition = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("severity"), severities: z.array(Id).min(1) }),
  z.strictObject({ kind: z.literal("overdue"), days: z.int().min(1) }),
  z.strictObject({ kind: z.literal("recurring"), times: z.int().min(2), withinDays: z.int().min(1) }),
  z.strictObject({ kind: z.literal("multi_department") }),
  /** The hazard falls within this body's remit. */
  z.strictObject({ kind: z.literal("within_remit"), of: Id }),
  /** A body judges it so, on these criteria. */
  z.strictObject({ kind: z.literal("officer_decision"), by: Id, criteria: z.array(Text).min(1) }),
]);

const Escalation = rule({
  id: Id,
  from: Id,
  /** Empty: every hazard at `from`. */
  when: z.array(Condition),
  action: z.enum(["report", "transfer", "hand_over", "joint_enforcement", "request_listing"]),
  to: Id,
});

const ListedSupervisionLevel = rule({
  id: Id,
  name: Label,
  level: LevelId,
  listedBy: Id,
  /** The body the request passes through (核定) before listing. */
  via: Id.optional(),
  jointly: z.array(Id).optional(),
  triggers: z.array(rule({ id: Id, when: z.array(Condition).min(1) })).min(1),
});

const Hazards = z.strictObject({
  workflow: rule({ states: z.array(HazardState).min(2) }),
  /** Days after closing within which a hazard found again reopens the old one. */
  reopenWindowDays: citedValue(z.int().min(0)),
  codes: z.array(rule({ id: Id, name: Label })),
  severities: z.array(Severity).min(1),
  escalations: z.array(Escalation),
  listedSupervision: z.array(ListedSupervisionLevel),
});

// ── Obligations and milestones ─────────────────────────────────────────────

const Obligation = rule({
  id: Id,
  kind: ObligationKind,
  name: Label,
  /** null: the document sets no period (定期, 常态化). */
  frequency: Frequency.nullable(),
  /** Each unit at these levels carries it out. */
  levels: z.array(LevelId).min(1),
  organiser: Id.optional(),
  chair: Id.optional(),
  /** Roles attending, trained or otherwise covered. */
  covers: z.array(Id),
  /** Events that also trigger it (入职必训、转岗轮训). */
  events: z.array(z.enum(["hire", "job_change"])).optional(),
  /** Audiences, e.g. the 五进 targets. */
  targets: z.array(Text).optional(),
  /** Campaign days or months it is tied to. */
  occasions: z.array(Text).optional(),
  withAssessment: z.boolean().optional(),
});

const Milestone = rule({
  id: Id,
  name: Label,
  by: z.iso.date(),
  level: LevelId,
  /** Named units it applies to; absent: every unit of the level. */
  units: z.array(Text).optional(),
  exceptUnits: z.array(Text).optional(),
});

// ── Assessment ─────────────────────────────────────────────────────────────

const Indicator = rule({ id: Id, name: Label, weight: z.number().gt(0).max(100) });

const AssessmentScheme = rule({
  id: Id,
  name: Label,
  assessor: Id.optional(),
  assessedLevels: z.array(LevelId),
  assessedBodies: z.array(Id).optional(),
  frequency: Frequency.nullable(),
  /** The wider assessment it is part of. */
  partOf: Text.optional(),
  indicators: z.array(Indicator),
});

const Incentive = rule({ id: Id, kind: z.enum(["reward", "sanction"]), name: Label });

const Assessment = z.strictObject({ schemes: z.array(AssessmentScheme), incentives: z.array(Incentive) });

// ── Duties and platforms ───────────────────────────────────────────────────

const Responsibility = rule({ id: Id, holder: Id, name: Label });

const Platform = rule({ id: Id, name: Label, level: LevelId, functions: z.array(PlatformFunction).min(1) });

// ── Self-checks ────────────────────────────────────────────────────────────

/** A venue's own periodic check (自查) by its person in charge, sent from a link or QR code without an account. */
const SelfCheck = rule({
  /** Each venue with a self-check list sends one self-check per period of this frequency. */
  frequency: Frequency,
  /** A self-check list of its own; absent: the checklist items of the venue's inspection categories. */
  checklist: z.array(ChecklistItem).min(1).optional(),
});

// ── The profile ────────────────────────────────────────────────────────────

export const PolicyProfile = z.strictObject({
  id: Id,
  name: Label,
  document: SourceDocument,
  levels: z.array(Level).min(2),
  bodies: z.array(Body).min(1),
  roles: z.array(Role).min(1),
  composition: z.array(Position),
  staffing: Staffing,
  brigades: Brigades,
  stationStandards: z.array(StationStandard),
  venues: Venues,
  inspectionCategories: z.array(InspectionCategory),
  hazards: Hazards,
  obligations: z.array(Obligation),
  milestones: z.array(Milestone),
  assessment: Assessment,
  responsibilities: z.array(Responsibility),
  platforms: z.array(Platform),
  /** Absent: the county has no venue self-checks. */
  selfCheck: SelfCheck.optional(),
});

export type PolicyProfile = z.infer<typeof PolicyProfile>;
export type Frequency = z.infer<typeof Frequency>;
export type LevelId = z.infer<typeof LevelId>;
export type HazardState = z.infer<typeof HazardState>;
export type Condition = z.infer<typeof Condition>;
export type VenueMatch = z.infer<typeof VenueMatch>;
