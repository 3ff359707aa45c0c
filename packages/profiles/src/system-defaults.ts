import { HAZARD_STATES, type PolicyProfile } from "@firegov/core/profile/index";

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
