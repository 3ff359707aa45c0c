import { DEFAULT_PUBLIC_RESPONSES, DEFAULT_QUALIFICATIONS, DEFAULT_RESOURCES, HAZARD_STATES, type Occasion, type PolicyProfile } from "@firegov/core/profile/index";

export { defaultIncidentCauses, defaultReviewWindow } from "@firegov/core/profile/index";

// The system's defaults where a document is silent: marked defaults
// (sourceRef null + assumption), worded the same in every preset that takes
// them. A rule a document states, or a default a preset words its own way,
// stays in that preset. Each call returns a fresh object, so no two presets
// share one.

type Hazards = PolicyProfile["hazards"];
type CitedDays = Hazards["severities"][number]["rectificationDays"];

/** The six states of the closed loop (design.md), in order. */
export function closedLoopStates(): Hazards["workflow"]["states"] {
  return [...HAZARD_STATES];
}

/** The closed loop, for a document that sets no workflow. */
export function defaultWorkflow(): Hazards["workflow"] {
  return {
    states: closedLoopStates(),
    sourceRef: null,
    assumption: {
      zh: "文件未规定隐患处置环节，采用系统默认闭环流程（发现、立案、派遣、处置、核查、结案）",
      en: "The document sets no workflow; the system's default closed loop applies",
    },
  };
}

/** A hazard found again within 30 days of closing reopens the old case. */
export function defaultReopenWindow(): Hazards["reopenWindowDays"] {
  return {
    value: 30,
    sourceRef: null,
    assumption: {
      zh: "文件未规定结案后重新打开的期限，默认结案后30日内再次发现同一隐患即重新打开原案",
      en: "Not in the document: a hazard found again within 30 days of closing reopens the old case",
    },
  };
}

/** Response templates for the public (答复群众), where no document says how the public is answered: marked defaults, one per move. */
export function defaultPublicResponses(): NonNullable<Hazards["publicResponses"]> {
  return structuredClone(DEFAULT_PUBLIC_RESPONSES);
}

/** Rectification deadlines where a document gives none: 15 days for general hazards, 60 for major ones. */
export function defaultRectificationDays(severity: "general" | "major"): CitedDays {
  return severity === "general"
    ? {
        value: 15,
        sourceRef: null,
        assumption: { zh: "文件未规定整改期限，默认一般隐患15日", en: "No deadline in the document; 15 days by default for general hazards" },
      }
    : {
        value: 60,
        sourceRef: null,
        assumption: { zh: "文件未规定整改期限，默认重大隐患60日", en: "No deadline in the document; 60 days by default for major hazards" },
      };
}

type CoveragePeriod = NonNullable<PolicyProfile["inspectionCategories"][number]["coveragePeriod"]>;
type CoverageUnit = "month" | "quarter" | "half_year" | "year";

const COVERAGE_WORDS: Record<CoverageUnit, { zh: string; en: string }> = {
  month: { zh: "每月", en: "once a month" },
  quarter: { zh: "每季度", en: "once a quarter" },
  half_year: { zh: "每半年", en: "once every half year" },
  year: { zh: "每年", en: "once a year" },
};

/**
 * How often every venue of a category is inspected, where a document sets no
 * period: without one a category never makes tasks. Monthly for a grid's or
 * village's patrol of small venues, a quarter for a town's routine checks, half
 * a year for full checks of larger units — each a marked default the county
 * may change.
 */
export function defaultCoveragePeriod(unit: CoverageUnit): CoveragePeriod {
  const words = COVERAGE_WORDS[unit];
  return {
    every: 1,
    unit,
    sourceRef: null,
    assumption: {
      zh: `文件未规定检查频次，默认${words.zh}对本类场所全覆盖检查一次`,
      en: `The document sets no frequency; by default every venue of the category is inspected ${words.en}`,
    },
  };
}

type Responsibility = PolicyProfile["responsibilities"][number];
type Scheme = PolicyProfile["assessment"]["schemes"][number];

/** A duty's performance is reported once a calendar year (履职报告) where the document sets no period. */
export function yearlyDutyReport(): NonNullable<Responsibility["report"]> {
  return {
    frequency: { every: 1, unit: "year" },
    sourceRef: null,
    assumption: {
      zh: "文件未规定履职情况的报告周期，默认履职主体每年提交一次履职报告",
      en: "The document sets no reporting period; by default the holder reports its performance of the duty once a year",
    },
  };
}

type Obligation = PolicyProfile["obligations"][number];

/**
 * The period of a duty a document asks for "regularly" (定期, 常态化, 例会,
 * 经常性) without saying how often, so that it is judged and a missed one is
 * a finding. The obligation keeps its clause (sourceRef, text); the
 * frequency is the system's reading, stated in its assumption.
 * - Meetings, situation analysis and work notices: once a quarter. Four a
 *   year is the least that still reads as "regular" for a standing meeting,
 *   and the quarter is the rhythm fire-safety situation analysis commonly
 *   keeps (with the seasons' risks); a county that meets monthly sets that
 *   in its own profile.
 * - Trainings and publicity (each 五进 target): once a year, the cycle on
 *   which training plans are made and the period the documents that do set
 *   one for training give (每年至少1次).
 */
export function regularly(kind: "meeting" | "training"): Pick<Obligation, "frequency" | "assumption"> {
  return kind === "meeting"
    ? {
        frequency: { every: 1, unit: "quarter" },
        assumption: {
          zh: "文件未规定频次（只要求“定期”“例会”等）；频次为系统的理解：每季度至少1次",
          en: "The document sets no period (only “regularly”); the frequency is the system's reading: at least once a quarter",
        },
      }
    : {
        frequency: { every: 1, unit: "year" },
        assumption: {
          zh: "文件未规定频次（只要求“定期”“常态化”“经常性”等）；频次为系统的理解：每年至少1次",
          en: "The document sets no period (only “regularly”); the frequency is the system's reading: at least once a year",
        },
      };
}

/** The campaign days and months the documents name, with their dates in every year. */
const OCCASIONS = {
  disaster_prevention_day: { name: { zh: "全国防灾减灾日", en: "National Disaster Prevention and Reduction Day" }, month: 5, day: 12, when: { zh: "每年5月12日", en: "12 May every year" } },
  work_safety_month: { name: { zh: "安全生产月", en: "Work Safety Month" }, month: 6, when: { zh: "每年6月", en: "June every year" } },
  fire_publicity_month: { name: { zh: "消防宣传月", en: "Fire Publicity Month" }, month: 11, when: { zh: "每年11月", en: "November every year" } },
  fire_day: { name: { zh: "全国消防日", en: "National Fire Day (119)" }, month: 11, day: 9, when: { zh: "每年11月9日", en: "9 November every year" } },
} as const;

export type OccasionId = keyof typeof OCCASIONS;

/**
 * A campaign occasion with its date. The document's clause names it
 * (`cited`); its date is the national calendar's, which the documents do
 * not state, so it is marked as the system's reading. Without a clause the
 * whole occasion is a marked default.
 */
export function occasion(id: OccasionId, cited?: { sourceRef: string; text: string }): Occasion {
  const o = OCCASIONS[id];
  const date = { month: o.month, ...("day" in o ? { day: o.day } : {}) };
  return {
    id,
    name: { ...o.name },
    ...date,
    ...(cited ?? { sourceRef: null }),
    assumption: {
      zh: `${cited ? "文件只写名称，" : "文件未提及；"}日期为系统的理解：${o.when.zh}`,
      en: `${cited ? "The document gives only the name; " : "Not in the document; "}the date is the system's reading: ${o.when.en}`,
    },
  };
}

/** Training on hire or change of post (入职必训、转岗轮训) is due within 30 days of the event. */
export function defaultEventWindow(): NonNullable<Obligation["eventWindowDays"]> {
  return {
    value: 30,
    sourceRef: null,
    assumption: {
      zh: "文件未规定入职、转岗后完成培训的期限，默认入职或转岗后30日内完成",
      en: "The document sets no deadline; by default the training is due within 30 days of the hire or change of post",
    },
  };
}

/** Lagging units of a ranking where a document does not say which: the last among siblings, or a total below 60. */
export function defaultLagging(): NonNullable<Scheme["lagging"]> {
  return {
    bottom: 1,
    belowScore: 60,
    sourceRef: null,
    assumption: {
      zh: "文件未规定落后的判定标准，默认同级排名末位或总分低于60分为落后",
      en: "The document does not say who lags; by default the last among siblings, or a total below 60",
    },
  };
}

/** A venue's self-check (自查) once a month, where a document asks for none or sets no frequency. */
export function defaultSelfCheck(): NonNullable<PolicyProfile["selfCheck"]> {
  return {
    frequency: { every: 1, unit: "month" },
    sourceRef: null,
    assumption: {
      zh: "文件未规定场所自查及其频次，默认场所负责人每月通过自查链接或二维码自查一次",
      en: "Not in the document: a venue's person in charge sends a self-check once a month, from its link or QR code",
    },
  };
}

/**
 * A duty the document asks for (演练, 形势分析, 培训, 应急预案 …) without any
 * period, not even "regularly": judged once a year so that it is ever judged
 * at all; the county sets its own period in its profile where it has one.
 */
export function yearlyWhereUnstated(): Pick<Obligation, "frequency" | "assumption"> {
  return {
    frequency: { every: 1, unit: "year" },
    assumption: {
      zh: "文件要求开展但未规定频次；系统按每年至少1次判定，县（区）可在政策档案中另定",
      en: "The document asks for it but sets no period; the system judges it at least once a year, which the county may change in its profile",
    },
  };
}

/** The equipment kinds a register offers where a document lists none (marked defaults, core's own list). */
export const EQUIPMENT_KINDS = DEFAULT_RESOURCES.equipmentKinds;

/** Certificate kinds where a document names none. */
export const DEFAULT_CERTIFICATE_KINDS = DEFAULT_QUALIFICATIONS.certificateKinds;

type Qualifications = NonNullable<PolicyProfile["qualifications"]>;
type Resources = NonNullable<PolicyProfile["resources"]>;

/** Equipment flagged 30 days before it expires, under the clause that asks for equipment (no document sets the warning period). */
export function equipmentLead(sourceRef: string, text: string): Resources["equipment"] {
  return { leadDays: 30, sourceRef, text, assumption: { zh: "文件未规定装备到期提醒期限，默认到期前 30 天提示", en: "No warning period in the document: 30 days by default" } };
}

/** Certificates flagged 30 days before they lapse, where a document names neither certificates nor a warning period. */
export function defaultCertificateLead(): Qualifications["certificates"] {
  return { leadDays: 30, sourceRef: null, assumption: { zh: "文件未规定资格证书及到期提醒期限，默认到期前 30 天提示", en: "No certificates or warning period in the document: 30 days by default" } };
}

/** A clause that asks for assessed training (培训考核) without a pass mark: 60 of 100. */
export function assessedTraining(sourceRef: string, text: string): Qualifications["training"] {
  return { passMark: 60, sourceRef, text, assumption: { zh: "文件要求培训考核，未规定合格分数，默认 60 分（百分制）合格", en: "The document requires assessed training but sets no pass mark: 60 of 100 by default" } };
}

type Warnings = NonNullable<PolicyProfile["warnings"]>;

/** Warning levels where a document names none: four colours, the higher the sooner to answer (叫应). */
export function defaultWarningLevels(): Warnings["levels"] {
  const level = (id: string, zh: string, en: string, answerHours: number) => ({
    id,
    name: { zh, en },
    answerHours,
    sourceRef: null,
    assumption: { zh: `文件未规定预警级别与叫应时限，默认${zh}${answerHours}小时内叫应`, en: `The document sets no levels or answer windows: ${en} is answered within ${answerHours} hours by default` },
  });
  return [level("blue", "蓝色预警", "Blue", 24), level("yellow", "黄色预警", "Yellow", 12), level("orange", "橙色预警", "Orange", 6), level("red", "红色预警", "Red", 2)];
}

/** Escalation of an unanswered warning where a document says nothing of it: the parent node's officers and the issuer are told. */
export function defaultWarningEscalation(): Warnings["escalation"] {
  return {
    notify: ["parent_officers", "issuer"],
    sourceRef: null,
    assumption: { zh: "文件未规定到期未叫应的处理，默认标记为已升级并通知上级节点人员和发布人", en: "The document says nothing of unanswered warnings: by default they are marked escalated and the parent node's officers and the issuer are told" },
  };
}
