import { baselineVocabulary } from "@firegov/core/browser";
import type { Finding, JurisdictionNode, OrganisationView, Person, PolicyProfile, ProfileVersion } from "@firegov/core/contract";
import { admin } from "./fake-api.tsx";

// A made-up county whose profile names its levels and bodies in its own
// words (乡镇（片区）, 村（居）, 乡镇消防工作站), so a page that shows them
// can only have read them from the profile.

const cite = (ref: string, text: string) => ({ sourceRef: `pingchuan ${ref}`, text });

export const profile: PolicyProfile = {
  schemaVersion: 2,
  vocabulary: baselineVocabulary(),
  id: "pingchuan",
  name: { zh: "平川县", en: "Pingchuan County" },
  document: { title: "平川县关于加强基层消防工作的意见", number: null, issuer: null, date: "2024" },
  levels: [
    { id: "county", name: { zh: "县", en: "County" }, units: ["县"], ...cite("一", "县政府统一领导") },
    { id: "town", name: { zh: "乡镇（片区）", en: "Township (zone)" }, units: ["乡镇", "片区"], ...cite("二", "各乡镇、片区设立消防工作站") },
    { id: "village", name: { zh: "村（居）", en: "Village (residents)" }, units: ["村", "居"], ...cite("三", "村居明确消防安全管理人") },
  ],
  bodies: [
    { id: "county_brigade", name: { zh: "县消防救援大队", en: "County brigade" }, level: "county", kind: "fire_rescue", ...cite("一", "县消防救援大队负责业务指导") },
    { id: "town_committee", name: { zh: "乡镇消安委", en: "Township committee" }, level: "town", kind: "committee", ...cite("二(一)", "乡镇设立消防安全委员会") },
    { id: "town_office", name: { zh: "乡镇消防工作站", en: "Township fire station" }, level: "town", kind: "fire_office", ...cite("二(二)", "乡镇设立消防工作站") },
  ],
  roles: [{ id: "office_staff", name: { zh: "工作站人员", en: "Station staff" }, body: "town_office", ...cite("二(二)", "工作站配备工作人员") }],
  composition: [
    { id: "committee_director", body: "town_committee", title: { zh: "主任", en: "Director" }, filledBy: "office_staff", count: { min: 1, max: 1 }, required: true, ...cite("二(一)", "主任由乡镇长担任") },
    { id: "station_head", body: "town_office", title: { zh: "站长", en: "Head" }, filledBy: "office_staff", count: { min: 1, max: 1 }, required: true, ...cite("二(二)", "站长由分管领导兼任") },
  ],
  staffing: {
    tiers: [],
    rules: [{ id: "station_on_payroll", body: "town_office", employment: "on_payroll", requirement: { measure: "count", min: 2 }, ...cite("二(二)", "其中在编人员不少于2名") }],
  },
  brigades: {
    grades: [{ id: "grade_1", name: { zh: "一级乡镇队", en: "Grade 1" }, minStaff: 15, minEngines: [{ type: "water_tanker", min: 1 }], ...cite("四", "一级队不少于15人") }],
    requirements: [],
    personnel: [],
  },
  stationStandards: [
    {
      id: "six_haves",
      body: "town_office",
      name: { zh: "“六有”标准", en: "Six haves" },
      items: [
        { id: "premises", name: { zh: "有场所", en: "Premises" } },
        { id: "sign", name: { zh: "有牌子", en: "Sign" } },
      ],
      deadline: "2024-12-31",
      ...cite("二(三)", "工作站达到“六有”标准"),
    },
  ],
  venues: {
    riskGrades: [],
    keyUnitLevels: [],
    enterpriseGrades: [],
    kinds: [],
    supervision: { rules: [], fallback: { supervisor: "town_office", ...cite("五", "其余场所由工作站监管") } },
    policies: [],
  },
  inspectionCategories: [],
  hazards: {
    workflow: { states: ["discovered", "registered", "closed"], ...cite("六", "隐患闭环管理") },
    reopenWindowDays: { value: 30, sourceRef: null, assumption: { zh: "默认30日", en: "30 days" } },
    codes: [],
    severities: [{ id: "general", name: { zh: "一般隐患", en: "General" }, handledBy: { level: "town", body: "town_office" }, rectificationDays: { value: 15, sourceRef: null, assumption: { zh: "默认15日" } }, ...cite("六", "限期整改") }],
    escalations: [],
    listedSupervision: [],
  },
  obligations: [{ id: "station_meeting", kind: "meeting", name: { zh: "工作站例会", en: "Station meeting" }, frequency: { every: 1, unit: "month" }, levels: ["town"], covers: [], ...cite("七", "工作站每月召开例会") }],
  milestones: [],
  assessment: { schemes: [], incentives: [] },
  responsibilities: [],
  platforms: [],
};

export const profileVersion: ProfileVersion = {
  version: 1,
  effectiveFrom: "2026-11-20T02:00:00.000Z",
  publishedAt: "2026-11-20T02:00:00.000Z",
  publishedBy: admin.userId,
  basedOn: "preset:pingchuan",
  profile,
};

const root = admin.scopeNodeId;
export const county: JurisdictionNode = { nodeId: root, path: `/${root}`, level: "county", name: "平川县", unit: "县", status: "active", activeChildren: 2 };
export const dongHe: JurisdictionNode = { nodeId: "n-donghe", parentId: root, path: `/${root}/n-donghe`, level: "town", name: "东河乡", unit: "乡镇", status: "active", activeChildren: 1 };
export const xiPian: JurisdictionNode = { nodeId: "n-xipian", parentId: root, path: `/${root}/n-xipian`, level: "town", name: "西片区", unit: "片区", status: "active", activeChildren: 0 };
export const liuCun: JurisdictionNode = { nodeId: "n-liucun", parentId: "n-donghe", path: `/${root}/n-donghe/n-liucun`, level: "village", name: "柳村", unit: "村", status: "active", activeChildren: 0 };
export const tree = [county, dongHe, liuCun, xiPian];

export const staffer: Person = {
  personId: "p-li",
  nodeId: dongHe.nodeId,
  path: dongHe.path,
  name: "李站长",
  employment: "on_payroll",
  bodyId: "town_office",
  roles: [],
  positions: ["station_head"],
  phone: "139****5678",
  personalData: "masked",
  status: "active",
  updatedAt: "2026-11-21T02:00:00.000Z",
};

export const organisation: OrganisationView = {
  node: dongHe,
  bodies: [
    { bodyId: "town_committee", name: profile.bodies[1]!.name, kind: "committee", setUp: false, members: [], staff: 0, standards: [] },
    {
      bodyId: "town_office",
      name: profile.bodies[2]!.name,
      kind: "fire_office",
      setUp: true,
      establishedOn: "2024-03-01",
      members: [{ personId: "p-li", name: "李站长", positionId: "station_head", title: { zh: "站长", en: "Head" } }],
      staff: 1,
      standards: [
        {
          standardId: "six_haves",
          name: { zh: "“六有”标准", en: "Six haves" },
          deadline: "2024-12-31",
          sourceRef: "pingchuan 二(三)",
          items: [
            { itemId: "premises", name: { zh: "有场所", en: "Premises" }, metOn: "2024-05-01", evidence: "乡政府二楼 203 室" },
            { itemId: "sign", name: { zh: "有牌子", en: "Sign" } },
          ],
        },
      ],
    },
  ],
  people: [staffer],
  brigades: [],
  coveredBy: [],
  milestones: [],
};

export const findings: Finding[] = [
  { ruleId: "composition.station_head", nodeId: dongHe.nodeId, status: "met", evidence: { zh: "乡镇消防工作站站长 1 人（李站长），要求 1 人", en: "Head: 1 (李站长), required 1" }, severity: "info", sourceRef: "pingchuan 二(二)", text: "站长由分管领导兼任" },
  { ruleId: "standard.six_haves", nodeId: dongHe.nodeId, status: "overdue", evidence: { zh: "“六有”已达标 1/2 项，期限 2024-12-31 已过", en: "1 of 2 items met; due 2024-12-31" }, severity: "high", sourceRef: "pingchuan 二(三)", text: "工作站达到“六有”标准" },
  { ruleId: "staffing.station_on_payroll", nodeId: dongHe.nodeId, status: "unmet", evidence: { zh: "在编人员 1 人，要求 ≥2 人", en: "on-payroll staff 1, required ≥2" }, severity: "medium", sourceRef: "pingchuan 二(二)", text: "其中在编人员不少于2名" },
  { ruleId: "obligation.station_meeting", nodeId: dongHe.nodeId, status: "not_applicable", evidence: { zh: "本月尚未开始", en: "month not started" }, severity: "info", sourceRef: null, text: "默认按自然月计" },
];
