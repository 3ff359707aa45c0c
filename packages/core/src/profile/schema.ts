import { z } from "zod";
import { bilingual } from "../errors/index.ts";
import { roles as platformRoles } from "../context/roles.ts";
import { RESPONSE_PLACEHOLDER_NAMES } from "./response-words.ts";
import { KERNEL_LEVELS, VOCABULARY_KEYS, type VocabularyKey } from "./kernel.ts";

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

const CN_NUMBER = "[一二三四五六七八九十百零]+";
const ANY_NUMBER = "(?:[一二三四五六七八九十百零]+|\\d+)";
/**
 * A clause of a county's own document, in its own numbering: sections 一,
 * items (一) or （一）, sub-items 1 or (1) or （1）, articles 第十二条 and their
 * paragraphs 第二款 and items 第三项, annexes 附件2 (and a clause within one),
 * or 全文, the whole document when it numbers no clauses.
 */
const CLAUSE_PART = String.raw`(?:${CN_NUMBER}|[(（]${ANY_NUMBER}[)）]|\d+|第${ANY_NUMBER}[章节条款项])`;
const CLAUSE = String.raw`(?:全文|(?:附件${ANY_NUMBER}(?: ${CLAUSE_PART}+)?)|${CLAUSE_PART}+)`;
/** `<profileId> <clause>`, e.g. `demo 六(一)2`, `demo 第十二条第二款`, `demo （3）`, `demo 附件2`, `demo 全文`. */
const SOURCE_REF = new RegExp(String.raw`^[a-z][a-z0-9_]* ${CLAUSE}$`, "u");

/** A national standard, with or without its clause: `GB 25201-2010`, `GB 35181-2017 6.2`, `GB/T 40248-2021 5.1.3`. */
const STANDARD_REF = String.raw`(?:GB|GA|XF)(?:/T)? \d+(?:\.\d+)?-\d{4}(?: \d+(?:\.\d+)*)?`;
/** A law (`消防法`) or a ministry's order (`公安部令第61号`) and its article, paragraph, item: `消防法 第二十八条`, `公安部令第61号 第二十五条(四)`. */
const ARTICLE_REF = String.raw`(?:\p{Script=Han}+令第\d+号|\p{Script=Han}+法) 第${CN_NUMBER}条(?:第${CN_NUMBER}款)?(?:[(（]${CN_NUMBER}[)）])?`;

/** A clause of a national norm: a citation any profile may make (the baseline library's items keep theirs). */
export const NATIONAL_REF = new RegExp(`^(?:${STANDARD_REF}|${ARTICLE_REF})$`, "u");

/** The clause a rule comes from: its own document's, or a national norm's. */
const CITATION = new RegExp(`${SOURCE_REF.source}|${NATIONAL_REF.source}`, "u");

/** The clause part of a citation with full-width brackets made half-width: `一（二）` and `一(二)` name one clause. */
export const normalizeClause = (clause: string) => clause.replace(/（/g, "(").replace(/）/g, ")");

export const SourceRef = z
  .string()
  .regex(
    CITATION,
    bilingual(
      "出处须为“<档案id> <条款>”（如“demo 六(一)2”“demo 第十二条”“demo （3）”“demo 附件2”“demo 全文”），或国家规范条款（如“消防法 第二十八条”“公安部令第61号 第二十五条(四)”“GB 25201-2010”“GB 35181-2017 6.2”）",
      "expected `<profileId> <clause>` (e.g. `demo 六(一)2`, `demo 第十二条`, `demo （3）`, `demo 附件2`, `demo 全文`) or a national norm's clause (e.g. `消防法 第二十八条`, `公安部令第61号 第二十五条(四)`, `GB 25201-2010`, `GB 35181-2017 6.2`)",
    ),
  );

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

// ── Vocabularies ───────────────────────────────────────────────────────────
//
// A county's own words are open: levels are the profile's list, and body
// kinds, employment kinds, venue flags and features, record kinds, hazard
// sources, engine and force types, platform functions and the platform
// roles' names are entries of `vocabulary`, each with its labels. Where code
// needs to know what an entry is, the entry `means` a kernel id (kernel.ts).

/** Kernel levels, outermost first (kernel.ts); a profile's own level ids map onto them. */
export const LEVEL_IDS = KERNEL_LEVELS;
/** A level of the profile's own list (`levels[].id`): validate.ts checks every reference. */
export const LevelId = Id;

/** A word of one of the profile's vocabularies (`vocabulary.<key>[].id`): validate.ts checks every reference. */
const Word = Id;

const FREQUENCY_UNITS = ["day", "week", "month", "quarter", "half_year", "year"] as const;
export const Frequency = z.strictObject({
  every: z.int().min(1),
  unit: z.enum(FREQUENCY_UNITS),
  /** N times per period (每月两次 = every 1 month, times 2); absent: once. */
  times: z.int().min(1).max(31).optional(),
});

/** The hazard closed loop in its canonical order (design.md). */
export const HAZARD_STATES = ["discovered", "registered", "dispatched", "rectifying", "verifying", "closed"] as const;
export const HazardState = z.enum(HAZARD_STATES);

const BodyKind = Word;
const Employment = Word;
const VenueFlag = Word;
const EngineType = Word;
const ForceKind = Word;
const ObligationKind = Word;
const PlatformFunction = Word;

/** An entry of a vocabulary: the county's id and labels, and the kernel id it stands for where behaviour needs one. */
const VocabularyEntry = z.strictObject({ id: Id, name: Label, means: Id.optional() });

const Vocabulary = z.strictObject(
  Object.fromEntries(VOCABULARY_KEYS.map((key) => [key, z.array(VocabularyEntry)])) as Record<VocabularyKey, z.ZodArray<typeof VocabularyEntry>>,
);

/** The shape this schema describes; older shapes are migrated (migrate.ts) before they are parsed. */
export const PROFILE_SCHEMA_VERSION = 2;

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
  /** The kernel level it stands for where behaviour needs one; absent: its id when that is a kernel id. */
  kernel: z.enum(KERNEL_LEVELS).optional(),
  /** The platform role of the officers who act for its governing bodies; absent: by its kernel, else the level above's. */
  officerRole: z.enum(platformRoles).optional(),
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

const Role = rule({
  id: Id,
  name: Label,
  body: Id.optional(),
  /**
   * The platform roles whose users act in this role (may perform its
   * inspection tasks). Absent: the default by the role's id, else by its
   * body (inspections/performers.ts).
   */
  actsAs: z.array(z.enum(platformRoles)).min(1).optional(),
});

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
  /** Only a holder who holds the seat's role (`filledBy`) fills it (由…担任); cited on its own where another clause says so. */
  mustHoldRole: z.union([z.boolean(), citedValue(z.literal(true))]).optional(),
  /** The seat and its holder are publicly posted at the node (挂牌公示): a posting is to be recorded. */
  publicPosting: citedValue(z.literal(true)).optional(),
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
  /** Registered as a public-institution legal person (事业单位法人); cited on its own where another clause says so. */
  publicInstitution: z.union([z.boolean(), citedValue(z.literal(true))]).optional(),
  /** Teams each such station must have (e.g. 灭火救援组、宣传组), recorded on the station itself. */
  requiredTeams: citedValue(z.array(z.strictObject({ id: Id, name: Label })).min(1)).optional(),
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
  /** An item with `min` is a numeric threshold (an office that fits ≥5 people, ≥2 sets of gear): met by a recorded value ≥ min, not a tick. */
  items: z.array(z.strictObject({ id: Id, name: Label, min: z.number().min(0).optional(), unit: Label.optional() })).min(1),
  deadline: z.iso.date().nullable(),
});

// ── Venues and their classification ────────────────────────────────────────

const Grade = rule({ id: Id, name: Label });

/** A measured quantity venues record (建筑高度 in 米, 建筑面积 in 平方米, 层数, 人数, 床位): the profile's vocabulary. */
const VenueMeasure = z.strictObject({ id: Id, name: Label, unit: Label });

/** A range on one of a venue's measures: min inclusive, max exclusive (高度 ≥ 50 米 = { min: 50 }). */
const NumberMatch = z
  .strictObject({ measure: Id, min: z.number().optional(), max: z.number().optional() })
  .refine((n) => n.min !== undefined || n.max !== undefined, {
    message: bilingual("数值条件至少要有 min 或 max", "a number criterion needs min or max"),
    params: { code: "profile.number_match_empty" },
  })
  .refine((n) => n.min === undefined || n.max === undefined || n.min < n.max, {
    path: ["max"],
    message: bilingual("max 须大于 min", "max must exceed min"),
    params: { code: "profile.number_match_range" },
  });

/** All given criteria must hold; within one criterion any listed value matches; every number criterion must hold. */
const VenueMatch = z
  .strictObject({
    kinds: z.array(Id).min(1).optional(),
    flags: z.array(VenueFlag).min(1).optional(),
    riskGrades: z.array(Id).min(1).optional(),
    keyUnitLevels: z.array(Id).min(1).optional(),
    enterpriseGrades: z.array(Id).min(1).optional(),
    numbers: z.array(NumberMatch).min(1).optional(),
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
  /** Further categories a venue of the kind also falls in (a grid's patrol besides the town's checks). */
  alsoCategories: z.array(Id).min(1).optional(),
});

/** How many venues a random spot check draws: a number, or a share of the pool (rounded up, at least `min`). */
const SpotCheckSize = z.discriminatedUnion("measure", [
  z.strictObject({ measure: z.literal("count"), count: z.int().min(1) }),
  z.strictObject({ measure: z.literal("share"), percent: Percent.gt(0), min: z.int().min(0).optional() }),
]);
/**
 * Marks a body reference chosen by the venue's kind: the industry department
 * (行业主管部门) that `venues.industryDepartments` names for the venue's kind;
 * the body named beside it when the kind has none (or no venue is known).
 */
const ByVenueKind = z.boolean().optional();

/** Ordered: the first rule whose match holds names the supervisor; else the fallback. */
const SupervisionRule = rule({ id: Id, match: VenueMatch, supervisor: Id, byVenueKind: ByVenueKind });

/** Ordered: the first rule listing one of a venue's kinds names its industry department (按照行业类别). */
const IndustryDepartment = rule({ id: Id, kinds: z.array(Id).min(1), department: Id });

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
  rule({ id: Id, kind: z.literal("report_unassigned"), to: Id, forwardTo: Id.optional(), byVenueKind: ByVenueKind }),
  /** Matching venues need a safety evaluation; failing it they must not operate. */
  rule({
    id: Id,
    kind: z.literal("safety_evaluation"),
    match: VenueMatch,
    onFailure: z.literal("must_not_operate"),
    /** The hazard raised on a venue that fails: its code (of hazards.codes) and severity. */
    hazardCode: Id.optional(),
    severity: Id.optional(),
  }),
  /**
   * Classification by the venue's facts (高度 ≥ 50 米 → 一级重点单位): in order,
   * the first matching policy that sets an attribute gives it, unless the
   * venue records its own (venues/classify.ts).
   */
  rule({
    id: Id,
    kind: z.literal("classify"),
    match: VenueMatch,
    set: z
      .strictObject({ keyUnitLevel: Id.optional(), riskGrade: Id.optional(), flags: z.array(VenueFlag).min(1).optional() })
      .refine((set) => Object.keys(set).length > 0, { message: bilingual("分类规则至少要设定一项", "a classify policy sets at least one attribute"), params: { code: "profile.classify_empty" } }),
  }),
  /** A body keeps a watch list of worrying venues (不放心场所) and follows them up. */
  rule({ id: Id, kind: z.literal("watchlist"), keeper: Id }),
  /**
   * 双随机、一公开: each period `by` draws matching venues at random, and for
   * each the inspectors at random from the users of `inspectorRoles`; the
   * drawn visits count under `category` and their results are published.
   */
  rule({
    id: Id,
    kind: z.literal("random_spot_check"),
    match: VenueMatch,
    by: Id,
    category: Id,
    frequency: citedValue(Frequency),
    draw: citedValue(SpotCheckSize),
    inspectorRoles: citedValue(z.array(z.enum(platformRoles)).min(1)),
    inspectorsPerVenue: citedValue(z.int().min(1).max(5)),
  }),
]);

const Venues = z.strictObject({
  riskGrades: z.array(Grade),
  keyUnitLevels: z.array(Grade),
  enterpriseGrades: z.array(Grade),
  kinds: z.array(VenueKind),
  supervision: z.strictObject({ rules: z.array(SupervisionRule), fallback: rule({ supervisor: Id }) }),
  policies: z.array(VenuePolicy),
  industryDepartments: z.array(IndustryDepartment).optional(),
  /** The measures venues record (height, floor area …) that matches compare; absent: none. */
  measures: z.array(VenueMeasure).optional(),
});

// ── Inspections ────────────────────────────────────────────────────────────

const ChecklistItem = rule({
  id: Id,
  name: Label,
  hazardCode: Id,
  /** The national baseline item it was adopted from (expanded into the profile, citation and all). */
  baseline: Id.optional(),
});

/**
 * A full-coverage period with its own citation, or a marked default
 * (sourceRef null + assumption) where the document sets none; without
 * either, the category's own clause states it.
 */
const CoveragePeriod = z
  .strictObject({ ...Frequency.shape, sourceRef: SourceRef.nullable().optional(), text: Text.optional(), assumption: Assumption.optional() })
  .superRefine((value, ctx) => {
    if (value.sourceRef !== undefined) checkCitation({ ...value, sourceRef: value.sourceRef }, ctx);
  });

const InspectionCategory = rule({
  id: Id,
  name: Label,
  responsibleRole: Id,
  method: z.enum(["patrol", "full_check", "random_spot_check"]).optional(),
  /** How often the responsible staff go out. */
  patrolFrequency: Frequency.optional(),
  /** Every venue of the category is inspected at least once per this period. */
  coveragePeriod: CoveragePeriod.optional(),
  /** Categories whose checklist items also apply here. */
  includes: z.array(Id),
  /** Venues this match holds for fall in the category too (besides the kinds naming it): by key-unit level, flags, numbers. */
  match: VenueMatch.optional(),
  checklist: z.array(ChecklistItem),
});

// ── Hazards ────────────────────────────────────────────────────────────────

const Handler = z.strictObject({ level: LevelId, body: Id.optional(), role: Id.optional(), byVenueKind: ByVenueKind });

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
  byVenueKind: ByVenueKind,
});

const ListedSupervisionLevel = rule({
  id: Id,
  name: Label,
  level: LevelId,
  listedBy: Id,
  /** The body the request passes through (核定) before listing. */
  via: Id.optional(),
  jointly: z.array(Id).optional(),
  /** The industry department of the venue's kind also supervises jointly (会同行业主管部门). */
  jointlyByVenueKind: z.boolean().optional(),
  triggers: z.array(rule({ id: Id, when: z.array(Condition).min(1) })).min(1),
});

const ResponseText = Text.refine((t) => [...t.matchAll(/\{([^{}]*)\}/g)].every((m) => (RESPONSE_PLACEHOLDER_NAMES as readonly string[]).includes(m[1]!)), {
  message: bilingual(`占位符只能是 ${RESPONSE_PLACEHOLDER_NAMES.map((n) => `{${n}}`).join("、")}`, `placeholders are ${RESPONSE_PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(", ")} only`),
});

/**
 * A response template for the public (答复群众): what officers may send a
 * tipster (and an Open311 client's status_notes) when they move a hazard
 * along the loop, with placeholders filled from the hazard.
 */
const PublicResponse = rule({
  id: Id,
  /** The move it answers: register, dispatch, start, submit, close, fix_on_spot, reject, withdraw, reopen. */
  action: z.enum(["register", "dispatch", "start", "submit", "close", "fix_on_spot", "reject", "withdraw", "reopen"]),
  /** How officers find it in the picker. */
  name: Label,
  /** The note itself, zh (and en), with {编号} {期限} {单位} {类别} {等级}. */
  message: z.strictObject({ zh: ResponseText, en: ResponseText.optional() }),
});

const Hazards = z.strictObject({
  workflow: rule({ states: z.array(HazardState).min(2) }),
  /** Days after closing within which a hazard found again reopens the old one. */
  reopenWindowDays: citedValue(z.int().min(0)),
  codes: z.array(rule({ id: Id, name: Label })),
  severities: z.array(Severity).min(1),
  escalations: z.array(Escalation),
  listedSupervision: z.array(ListedSupervisionLevel),
  /** Response templates for the public, per move along the loop. Absent: the marked defaults of profile/responses.ts. */
  publicResponses: z.array(PublicResponse).optional(),
});

// ── Obligations and milestones ─────────────────────────────────────────────

/**
 * A campaign day or month an obligation is tied to, by its date in every
 * year: a day (month and day) or a whole month (no day). Documents usually
 * give only the name; the date is then a marked reading (assumption).
 */
const Occasion = rule({
  id: Id,
  name: Label,
  month: z.int().min(1).max(12),
  day: z.int().min(1).max(31).optional(),
}).refine((o) => o.day === undefined || o.day <= new Date(Date.UTC(2024, o.month, 0)).getUTCDate(), {
  path: ["day"],
  message: bilingual("该月没有这一天", "no such day in that month"),
});

const Obligation = rule({
  id: Id,
  kind: ObligationKind,
  name: Label,
  /** null: the document sets no period (定期, 常态化) and the profile takes none. */
  frequency: Frequency.nullable(),
  /**
   * How its periods run. calendar (default): the calendar's fixed periods
   * (每2月 = Jan–Feb, Mar–Apr …; quarters, half years and years as the
   * calendar cuts them); a period that ends with nothing recorded is missed.
   * rolling: at least once in every run of the frequency up to the day
   * judged, i.e. the next one is due one period after the last.
   */
  periods: z.enum(["calendar", "rolling"]).optional(),
  /** Each unit at these levels carries it out. */
  levels: z.array(LevelId).min(1),
  organiser: Id.optional(),
  chair: Id.optional(),
  /** Roles attending, trained or otherwise covered. */
  covers: z.array(Id),
  /** Events that also trigger it (入职必训、转岗轮训): each covered person hired or moved is to be trained after it. */
  events: z.array(z.enum(["hire", "job_change"])).optional(),
  /** Days after such an event within which the training is due. */
  eventWindowDays: citedValue(z.int().min(1).max(365)).optional(),
  /** Audiences, e.g. the 五进 targets: each is to be reached in every period (a record names its target). */
  targets: z.array(Text).optional(),
  /** Campaign days or months it is tied to: each in the period is to have a record made in or for it. */
  occasions: z.array(Occasion).optional(),
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

/** The areas of compliance findings an indicator may count: the first part of a finding's rule id. */
export const COMPLIANCE_AREAS = ["composition", "staffing", "brigades", "standard", "milestone", "obligation", "duty"] as const;

/**
 * What an indicator measures in the product's data, so it is scored by the
 * engine (0–100); without it the assessor scores it by hand.
 */
const IndicatorMeasure = z.discriminatedUnion("kind", [
  /** The share of the assessed node's judged findings in these areas that are met (not-applicable ones left out). */
  z.strictObject({
    kind: z.literal("compliance"),
    areas: z.array(z.enum(COMPLIANCE_AREAS)).min(1),
    /** Within the obligation area, only obligations of these kinds. */
    obligationKinds: z.array(ObligationKind).min(1).optional(),
  }),
  /** The share of the node's subtree's hazards closed in the period that were closed by their deadline (open and overdue ones count against it while the period runs). */
  z.strictObject({ kind: z.literal("hazard_closure_on_time") }),
  /**
   * Inspection coverage of the period in the node's subtree: Σ min(inspected, due) / Σ due × 100 over the
   * coverage counters of the periods that start within the assessment period (only these categories when named).
   */
  z.strictObject({ kind: z.literal("inspection_coverage"), categories: z.array(Id).min(1).optional() }),
  /** Hazards open and overdue now in the node's subtree: 100 − deductPerHazard × count, not below 0 (known only while the period runs). */
  z.strictObject({ kind: z.literal("hazard_overdue"), deductPerHazard: z.number().gt(0).max(100) }),
  /** Hazards of the node's subtree listed for supervision (挂牌督办) now: 100 − deductPerHazard × count, not below 0 (known only while the period runs). */
  z.strictObject({ kind: z.literal("hazard_listed"), deductPerHazard: z.number().gt(0).max(100) }),
  /**
   * Progress of the campaigns (专项整治) that ran in the period over the node: Σ done / Σ total × 100 of their target venues
   * in the node (a campaign over the node's area or within it counts whole; one over a wider area counts the node's branch).
   */
  z.strictObject({ kind: z.literal("campaign_progress") }),
  /** Fire incidents (火灾事故) of the node's subtree that occurred in the period: 100 − deductPerIncident × count, not below 0. */
  z.strictObject({ kind: z.literal("incidents"), deductPerIncident: z.number().gt(0).max(100) }),
  /** The node's own records of these kinds dated in the period: min(count, perPeriod) / perPeriod × 100. */
  z.strictObject({ kind: z.literal("records"), recordKinds: z.array(ObligationKind).min(1), perPeriod: z.int().min(1).max(1000) }),
]);

const Indicator = rule({ id: Id, name: Label, weight: z.number().gt(0).max(100), measures: IndicatorMeasure.optional() });

/** Which units of a ranking lag (排名靠后): the bottom few among siblings, or those below a total score. */
const Lagging = rule({ bottom: z.int().min(1).optional(), belowScore: z.number().gt(0).max(100).optional() }).refine(
  (value) => value.bottom !== undefined || value.belowScore !== undefined,
  { message: bilingual("落后判定至少要有 bottom 或 belowScore 一项", "a lagging rule needs bottom or belowScore"), params: { code: "profile.lagging_empty" } },
);

const AssessmentScheme = rule({
  id: Id,
  name: Label,
  assessor: Id.optional(),
  assessedLevels: z.array(LevelId),
  assessedBodies: z.array(Id).optional(),
  frequency: Frequency.nullable(),
  /** The wider assessment it is part of. */
  partOf: Text.optional(),
  /** Empty: the scheme is scored as one overall indicator entered by the assessor. */
  indicators: z.array(Indicator),
  lagging: Lagging.optional(),
});

/** Where a hazard came from; the hazard domain's sources (hazards/types.ts). */
const HazardSource = Word;

/** Where the candidates of an incentive come from. */
const IncentiveCandidates = z.discriminatedUnion("from", [
  /** The lagging units of a scheme's scorecard (a sanction for 排名靠后). */
  z.strictObject({ from: z.literal("lagging_units"), scheme: Id }),
  /** Whoever reported a hazard from these sources that was judged of these severities (重大隐患线索). */
  z.strictObject({ from: z.literal("major_hazard_leads"), severities: z.array(Id).min(1), sources: z.array(HazardSource).min(1) }),
  /** The micro stations that put out early fires (初期火灾) recorded in fire incidents of the period. */
  z.strictObject({ from: z.literal("early_fire_saves") }),
  /** Chosen by people: the product holds no data to propose them; `why` says what is missing. */
  z.strictObject({ from: z.literal("manual"), why: Label.optional() }),
]);

const Incentive = rule({ id: Id, kind: z.enum(["reward", "sanction"]), name: Label, candidates: IncentiveCandidates.optional() });

const Assessment = z.strictObject({ schemes: z.array(AssessmentScheme), incentives: z.array(Incentive) });

// ── Duties and platforms ───────────────────────────────────────────────────

/** How often the holder reports its performance of a duty (履职报告). */
const DutyReport = rule({ frequency: Frequency });

const Responsibility = rule({ id: Id, holder: Id, name: Label, report: DutyReport.optional() });

const Platform = rule({ id: Id, name: Label, level: LevelId, functions: z.array(PlatformFunction).min(1) });

// ── Self-checks ────────────────────────────────────────────────────────────

/** A venue's own periodic check (自查) by its person in charge, sent from a link or QR code without an account. */
const SelfCheck = rule({
  /** Each venue with a self-check list sends one self-check per period of this frequency. */
  frequency: Frequency,
  /** A self-check list of its own; absent: the checklist items of the venue's inspection categories. */
  checklist: z.array(ChecklistItem).min(1).optional(),
});

// ── Fire incidents (火灾事故) ──────────────────────────────────────────────

/** A cause category of a fire incident (起火原因), as the county counts them. */
const IncidentCause = rule({ id: Id, name: Label });

/** A clause that holds people to account when a fire follows failed duties: an incident's review cites it. */
const IncidentAccountability = rule({ id: Id, name: Label });

/** 火警派警: the forces suggested for an incident, nearest first (straight-line distance from its location). */
const IncidentDispatch = rule({ suggest: z.int().min(1).max(20) });

export const Incidents = z.strictObject({
  causes: z.array(IncidentCause).min(1),
  /** How far back an incident's accountability review reads the venue's inspections and hazards. */
  reviewWindowMonths: citedValue(z.int().min(1).max(60)),
  accountability: z.array(IncidentAccountability),
  dispatch: IncidentDispatch.optional(),
});

// ── Home visits ────────────────────────────────────────────────────────────

/** A kind of vulnerable household (独居老人, 残疾人, 留守 …) and how often it is visited (上门防火提示). */
const HomeVisitCategory = rule({ id: Id, name: Label, frequency: Frequency });

/** What may be kept of a household whose people have not consented: the rest of its personal data is refused. */
export const HOME_VISIT_FIELDS = ["contactName", "phone", "idNumber"] as const;

/** Visits to vulnerable households (入户走访): categories and their frequencies, the visit's checklist, who reads ID numbers in full. */
const HomeVisits = z.strictObject({
  categories: z.array(HomeVisitCategory).min(1),
  /** Each item a visitor checks; a failed one raises a hazard of its code at the household's node. */
  checklist: z.array(ChecklistItem).min(1),
  /** The platform roles that may read a household's ID number in full (each read audited); everyone else sees it masked. */
  piiReaders: rule({ roles: z.array(z.enum(platformRoles)).min(1) }),
  /** What is kept without the household's consent besides its category and address (the visit is a public duty): the other personal fields are refused. */
  withoutConsent: rule({ keep: z.array(z.enum(HOME_VISIT_FIELDS)) }),
});
// ── Funding, equipment, qualifications and training results ────────────────

/** A kind of equipment a station or brigade keeps (灭火器, 空气呼吸器, 消防车 …). */
const EquipmentKind = rule({ id: Id, name: Label });

/** A minimum count of an equipment kind at every unit of a level (a standard's equipment list). */
const EquipmentMinimum = rule({ id: Id, kind: Id, level: LevelId, min: z.int().min(1) });

/**
 * 经费装备: the clause that budgets grassroots fire work (a node keeps budget
 * lines and spending), and equipment with its check and expiry dates.
 */
const Resources = z.strictObject({
  /** The funding clause: each node of these levels has a budget line of the current year. */
  funding: rule({ levels: z.array(LevelId).min(1) }).optional(),
  /** Equipment kept at a node; expiring within `leadDays` (or past its next check) is a finding. */
  equipment: rule({ leadDays: z.int().min(1).max(365) }),
  equipmentKinds: z.array(EquipmentKind).min(1),
  minimums: z.array(EquipmentMinimum).optional(),
});

/** A kind of certificate (职业资格) staff hold. */
const CertificateKind = rule({ id: Id, name: Label });

/** 资质培训: certificates per person with expiry, and trainings' scores against a pass mark. */
const Qualifications = z.strictObject({
  certificateKinds: z.array(CertificateKind).min(1),
  /** A certificate lapsing within `leadDays` is a finding (due soon), a lapsed one unmet. */
  certificates: rule({ leadDays: z.int().min(1).max(365) }),
  /** A training's assessment (考核): a score below the pass mark fails. */
  training: rule({ passMark: z.number().min(0).max(100) }),
});
// ── Early warnings (预警叫应) ───────────────────────────────────────────────

/** The levels of the jurisdiction whose officers issue warnings (the issuer's scope node is at one of them). */
const WarningIssuers = rule({ levels: z.array(LevelId).min(1) });

/** A warning level (蓝/黄/橙/红 …) and how long its targets have to answer (叫应). */
const WarningLevel = rule({ id: Id, name: Label, answerHours: z.int().min(1).max(720) });

/** Who is told when a target has not answered by the deadline: the officers of the target's parent node, and/or the issuer. */
export const WARNING_ESCALATION_TARGETS = ["parent_officers", "issuer"] as const;
const WarningEscalation = rule({ notify: z.array(z.enum(WARNING_ESCALATION_TARGETS)).min(1) });

const Warnings = z.strictObject({
  issuers: WarningIssuers,
  levels: z.array(WarningLevel).min(1),
  escalation: WarningEscalation,
});
// ── IoT sensing ────────────────────────────────────────────────────────────

/** A kind of device (smoke detector, electrical fire monitor, water pressure sensor …): the profile's vocabulary. */
const IotDeviceType = rule({ id: Id, name: Label });

/**
 * What an alarm type reported by a device does: raise a hazard of this code
 * and severity at the device's venue or node, or only notify the node's
 * officers (`notify`), e.g. a smoke alarm someone must look at now.
 */
const IotAlarmType = rule({
  id: Id,
  name: Label,
  action: z.enum(["hazard", "notify"]),
  hazardCode: Id.optional(),
  severity: Id.optional(),
});

/** 消防物联网: devices' alarms and heartbeats (iot/). */
const Iot = z.strictObject({
  deviceTypes: z.array(IotDeviceType).min(1),
  alarmTypes: z.array(IotAlarmType).min(1),
  /** Repeated alarms of one device and type within this many minutes of its last attach to the open hazard. */
  attachWindowMinutes: citedValue(z.int().min(1).max(7 * 24 * 60)),
  /** A device silent (no heartbeat nor alarm) for longer is offline: a finding. */
  heartbeatSilenceMinutes: citedValue(z.int().min(1).max(30 * 24 * 60)),
});
/**
 * A reward for a resident's tip confirmed as a real hazard (registered, not
 * withdrawn as false): the tip becomes eligible, an officer records the
 * reward, and the tipster sees both on the tip's receipt.
 */
const TipReward = rule({
  /** What the reward is, as the tipster and staff read it (e.g. 表彰奖励). */
  form: Label,
  /** Severities the confirmed hazard must be graded; absent: any tip registered as a hazard. */
  severities: z.array(Id).min(1).optional(),
});

const Tips = z.strictObject({
  /** Absent: the county has no reward for tips (nothing is shown). */
  reward: TipReward.optional(),
});

// ── Settings: windows and the roll-up level ───────────────────────────────

/** Tunable windows of the product, each cited or a marked default. Absent: profile/settings.ts's marked defaults. */
const Settings = z.strictObject({
  /** Hours within which a handling body acknowledges (签收) a dispatched hazard. */
  acknowledgeHours: citedValue(z.int().min(1).max(24 * 30)).optional(),
  /** A deadline within this many days is "due soon". */
  dueSoonDays: citedValue(z.int().min(1).max(365)).optional(),
  /** The level whose units the compliance roll-up lists (one of the profile's levels). */
  rollupLevel: citedValue(Id).optional(),
});

// ── The profile ────────────────────────────────────────────────────────────

/**
 * Another county's document whose clauses this profile cites (a fork of a
 * preset keeps the preset's citations): a sourceRef led by its profileId is
 * valid here and shown as borrowed (借用) until re-cited to the county's own.
 */
const BorrowedDocument = z.strictObject({ profileId: Id, document: SourceDocument });

export const PolicyProfile = z.strictObject({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  id: Id,
  name: Label,
  document: SourceDocument,
  /** Absent: every sourceRef cites the profile's own document (or a national norm). */
  borrowed: z.array(BorrowedDocument).optional(),
  /** The county's own words, with labels: what its rules' kinds, flags and sources name. */
  vocabulary: Vocabulary,
  /** Its jurisdiction, outermost first: 3 to 7 levels. */
  levels: z.array(Level).min(3).max(7),
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
  /** Fire incidents: cause categories, the review window, the accountability clauses. Absent: the system defaults (profile/incidents.ts). */
  incidents: Incidents.optional(),
  /** Absent: the platform's marked defaults (home-visits/policy.ts). */
  homeVisits: HomeVisits.optional(),
  /** Absent: the platform's marked defaults (profile/resources.ts). */
  resources: Resources.optional(),
  /** Absent: the platform's marked defaults (profile/resources.ts). */
  qualifications: Qualifications.optional(),
  /** Absent: the marked defaults of warnings/rules.ts (issued from the county and the town, four colour levels, escalation to the parent's officers and the issuer). */
  warnings: Warnings.optional(),
  /** Absent: the county has no IoT sensing (消防物联网). */
  iot: Iot.optional(),
  /** Residents' tips (举报): absent, no reward rule. */
  tips: Tips.optional(),
  /** Windows and the roll-up level; absent: the marked defaults (profile/settings.ts). */
  settings: Settings.optional(),
});

export type PolicyProfile = z.infer<typeof PolicyProfile>;
export type Frequency = z.infer<typeof Frequency>;
export type WarningsSection = z.infer<typeof Warnings>;
export type IotPolicy = z.infer<typeof Iot>;
export type IotAlarmType = z.infer<typeof IotAlarmType>;
export type TipReward = z.infer<typeof TipReward>;
export type PublicResponse = z.infer<typeof PublicResponse>;
export type Occasion = z.infer<typeof Occasion>;
export type LevelId = z.infer<typeof LevelId>;
export type Vocabulary = z.infer<typeof Vocabulary>;
export type VocabularyEntry = z.infer<typeof VocabularyEntry>;
export type HazardState = z.infer<typeof HazardState>;
export type Condition = z.infer<typeof Condition>;
export type VenueMatch = z.infer<typeof VenueMatch>;
export type SettingsSection = z.infer<typeof Settings>;
export type VenueMeasure = z.infer<typeof VenueMeasure>;
export type SpotCheckPolicy = Extract<z.infer<typeof VenuePolicy>, { kind: "random_spot_check" }>;
export type IndicatorMeasure = z.infer<typeof IndicatorMeasure>;
export type IncidentsPolicy = z.infer<typeof Incidents>;
export type HomeVisitsPolicy = z.infer<typeof HomeVisits>;
export type ResourcesPolicy = z.infer<typeof Resources>;
export type QualificationsPolicy = z.infer<typeof Qualifications>;
export type ComplianceArea = (typeof COMPLIANCE_AREAS)[number];
