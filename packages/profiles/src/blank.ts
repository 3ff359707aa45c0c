import { baselineVocabulary, PROFILE_SCHEMA_VERSION, type PolicyProfile } from "@firegov/core/profile/index";
import { BLANK_PRESET_ID } from "./blank-id.ts";
import { BASELINE_CODES, baselineCodes } from "./baseline/index.ts";
import { defaultPublicResponses, defaultRectificationDays, defaultReopenWindow, defaultWorkflow } from "./system-defaults.ts";

// The blank starting point, offered beside the presets: for a county whose
// document is not one of the five. It holds the product's baseline (the
// national hazard codes, the system's defaults where any document is
// silent) and no county rules: no composition, staffing, brigades, venue
// classes, inspection categories, obligations, milestones or assessment.
// Everything in it is a marked default (sourceRef null + assumption) or a
// national norm's clause, so it validates under any profile id.
//
// The schema asks for at least one body and one role (a severity is handled
// by someone, unassigned venues fall back to a supervisor), and a venue is
// registered under at least one kind: rather than relax that for every
// profile, the blank keeps one generic county government, one county
// administrator role and one general venue kind, all marked defaults the
// county replaces.

export { BLANK_PRESET_ID };

const marked = (zh: string, en: string) => ({ sourceRef: null, assumption: { zh, en } });

const levelName = (zh: string, en: string) =>
  marked(`尚未录入本县（区）文件：层级名称“${zh}”为系统默认，可按文件改名`, `No document entered yet: the level name “${en}” is the system's default, to be renamed after the document`);

/**
 * The blank profile under a county's own id and name. `year` dates the
 * placeholder document (the year the county starts), so the result is a
 * pure function of its inputs.
 */
export function blankProfile(into: { id: string; name: PolicyProfile["name"]; year: number }): PolicyProfile {
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    id: into.id,
    name: { ...into.name },
    // The product's baseline words, with their labels: the county renames or adds its own.
    vocabulary: baselineVocabulary(),
    document: { title: "本县（区）消防安全治理文件（尚未录入）", number: null, issuer: null, date: String(into.year) },
    levels: [
      { id: "county", name: { zh: "县（区）", en: "County" }, units: ["县", "区"], ...levelName("县（区）", "County") },
      { id: "town", name: { zh: "乡镇（街道）", en: "Town" }, units: ["镇", "乡", "街道"], ...levelName("乡镇（街道）", "Town") },
      { id: "village", name: { zh: "村（社区）", en: "Village" }, units: ["村", "社区"], ...levelName("村（社区）", "Village") },
    ],
    bodies: [
      {
        id: "county_government",
        name: { zh: "县（区）人民政府", en: "County government" },
        level: "county",
        kind: "government",
        ...marked("尚未录入本县（区）文件：默认由县（区）人民政府负总责，待按文件补充机构", "No document entered yet: the county government is responsible by default until the document's bodies are entered"),
      },
    ],
    roles: [
      {
        id: "county_admin",
        name: { zh: "县级管理员", en: "County administrator" },
        body: "county_government",
        actsAs: ["tenant_admin"],
        ...marked("尚未录入本县（区）文件：默认设县级管理员角色，待按文件补充岗位", "No document entered yet: a county administrator role by default until the document's roles are entered"),
      },
    ],
    composition: [],
    staffing: { tiers: [], rules: [] },
    brigades: { grades: [], requirements: [], personnel: [] },
    stationStandards: [],
    venues: {
      riskGrades: [],
      keyUnitLevels: [],
      enterpriseGrades: [],
      // One generic kind, so that venues can be registered before the document's classes are entered.
      kinds: [
        {
          id: "general_venue",
          name: { zh: "一般场所", en: "General venue" },
          flags: [],
          ...marked("尚未录入本县（区）文件：默认只有“一般场所”一类，待按文件设定场所类别", "No document entered yet: one kind, “general venue”, by default until the document's venue classes are entered"),
        },
      ],
      supervision: {
        rules: [],
        fallback: {
          supervisor: "county_government",
          ...marked("尚未录入本县（区）文件：场所默认由县（区）人民政府监管，待按文件设定监管规则", "No document entered yet: venues fall to the county government until the document's supervision rules are entered"),
        },
      },
      policies: [],
    },
    inspectionCategories: [],
    hazards: {
      workflow: defaultWorkflow(),
      reopenWindowDays: defaultReopenWindow(),
      codes: baselineCodes(BASELINE_CODES.map((code) => code.id)),
      severities: [
        {
          id: "general",
          name: { zh: "一般隐患", en: "General hazard" },
          handledBy: { level: "village" },
          rectificationDays: defaultRectificationDays("general"),
          ...marked("尚未录入本县（区）文件：一般隐患默认由村（社区）处置", "No document entered yet: general hazards are handled at the village by default"),
        },
        {
          id: "major",
          name: { zh: "重大火灾隐患", en: "Major hazard" },
          handledBy: { level: "county", body: "county_government" },
          rectificationDays: defaultRectificationDays("major"),
          ...marked("尚未录入本县（区）文件：重大火灾隐患默认由县（区）人民政府处置", "No document entered yet: major hazards are handled by the county government by default"),
        },
      ],
      escalations: [],
      listedSupervision: [],
      publicResponses: defaultPublicResponses(),
    },
    obligations: [],
    milestones: [],
    assessment: { schemes: [], incentives: [] },
    responsibilities: [],
    platforms: [],
  };
}

/**
 * The blank starting point as the preset lookups give it (id `blank`): signup
 * gives it the county's own id and name, since it cites nothing to borrow.
 */
export function blankPreset(now: Date = new Date()): PolicyProfile {
  return blankProfile({ id: BLANK_PRESET_ID, name: { zh: "空白政策档案", en: "Blank profile" }, year: now.getUTCFullYear() });
}
