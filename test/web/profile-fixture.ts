import { baselineVocabulary } from "@firegov/core/browser";
import type { PolicyProfile, ProfileDraft, ProfileVersion } from "@firegov/core/contract";

// A small profile of a made-up county, shaped as the API sends it: a few
// cited rules, and marked defaults (sourceRef null) with their assumptions.

export const profile: PolicyProfile = {
  schemaVersion: 2,
  vocabulary: baselineVocabulary(),
  id: "xinhe",
  name: { zh: "新河县", en: "Xinhe County" },
  document: { title: "新河县关于加强基层消防工作的意见", number: "新政办发〔2024〕3号", issuer: "新河县人民政府办公室", date: "2024-03-01" },
  levels: [
    { id: "county", name: { zh: "县", en: "County" }, units: ["县"], sourceRef: "xinhe 一", text: "县政府统一领导全县消防工作" },
    { id: "town", name: { zh: "乡镇", en: "Township" }, units: ["乡镇"], sourceRef: "xinhe 二(一)", text: "各乡镇设立消防工作站" },
  ],
  bodies: [
    { id: "county_brigade", name: { zh: "县消防救援大队", en: "County brigade" }, level: "county", kind: "fire_rescue", sourceRef: "xinhe 一", text: "县消防救援大队负责业务指导" },
    { id: "town_office", name: { zh: "乡镇消防工作站", en: "Township fire station" }, level: "town", kind: "fire_office", sourceRef: "xinhe 二(一)", text: "各乡镇设立消防工作站" },
  ],
  roles: [{ id: "office_staff", name: { zh: "工作站人员", en: "Station staff" }, body: "town_office", sourceRef: "xinhe 二(二)", text: "工作站配备3至5名工作人员" }],
  composition: [],
  staffing: {
    tiers: [],
    rules: [
      {
        id: "station_on_payroll",
        body: "town_office",
        employment: "on_payroll",
        requirement: { measure: "count", min: 2 },
        sourceRef: "xinhe 二(二)",
        text: "其中在编人员不少于2名",
      },
    ],
  },
  brigades: { grades: [], requirements: [], personnel: [] },
  stationStandards: [],
  venues: {
    riskGrades: [],
    keyUnitLevels: [],
    enterpriseGrades: [],
    kinds: [],
    supervision: { rules: [], fallback: { supervisor: "town_office", sourceRef: "xinhe 二(三)", text: "其余场所由乡镇消防工作站监管" } },
    policies: [],
  },
  inspectionCategories: [
    {
      id: "town_patrol",
      name: { zh: "乡镇日常巡查", en: "Township patrol" },
      responsibleRole: "office_staff",
      method: "patrol",
      patrolFrequency: { every: 1, unit: "month" },
      includes: [],
      checklist: [],
      sourceRef: "xinhe 三(一)",
      text: "工作站每月开展一次巡查",
    },
  ],
  hazards: {
    workflow: { states: ["discovered", "registered", "dispatched", "rectifying", "verifying", "closed"], sourceRef: "xinhe 三(二)", text: "隐患实行闭环管理" },
    reopenWindowDays: { value: 30, sourceRef: null, assumption: { zh: "文件未规定重新打开期限，默认30日", en: "Not in the document; 30 days by default" } },
    codes: [],
    severities: [
      {
        id: "general",
        name: { zh: "一般隐患", en: "General hazard" },
        handledBy: { level: "town", body: "town_office" },
        rectificationDays: { value: 15, sourceRef: null, assumption: { zh: "文件未规定整改期限，默认一般隐患15日", en: "No deadline in the document; 15 days by default" } },
        sourceRef: "xinhe 三(二)",
        text: "一般隐患由乡镇督促限期整改",
      },
      {
        id: "major",
        name: { zh: "重大火灾隐患", en: "Major hazard" },
        handledBy: { level: "county", body: "county_brigade" },
        rectificationDays: { value: 60, sourceRef: null, assumption: { zh: "文件未规定整改期限，默认重大隐患60日", en: "No deadline in the document; 60 days by default" } },
        sourceRef: "xinhe 三(三)",
        text: "重大火灾隐患报县消防救援大队督办",
      },
    ],
    escalations: [],
    listedSupervision: [],
  },
  obligations: [],
  milestones: [],
  assessment: { schemes: [], incentives: [] },
  responsibilities: [],
  platforms: [],
};

export const version1: ProfileVersion = {
  version: 1,
  effectiveFrom: "2026-11-20T02:00:00.000Z",
  publishedAt: "2026-11-20T02:00:00.000Z",
  publishedBy: "7d3e0c4a-0b1f-4a57-9a51-1f7e3c2b9d10",
  basedOn: "preset:xinhe",
  profile,
};

export function draftOf(over: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    rev: 3,
    basedOnVersion: 1,
    pending: true,
    updatedAt: "2026-11-21T02:00:00.000Z",
    updatedBy: "7d3e0c4a-0b1f-4a57-9a51-1f7e3c2b9d10",
    profile: structuredClone(profile) as unknown as Record<string, unknown>,
    issues: [],
    ...over,
  };
}

export const presets = [
  { id: "xinhe", name: { zh: "新河县", en: "Xinhe County" }, document: { title: "新河县关于加强基层消防工作的意见", number: null, issuer: null, date: "2024" } },
  { id: "dongpo", name: { zh: "东坡区", en: "Dongpo District" }, document: { title: "东坡区基层消防治理实施意见", number: null, issuer: null, date: "2023" } },
];
