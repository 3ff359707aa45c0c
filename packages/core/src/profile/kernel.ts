// The few ids the product's code relies on, and their baseline labels.
//
// A county names its own levels, body kinds, record kinds … in its profile's
// `levels` and `vocabulary`; code never switches on a county's word. Where
// behaviour needs to know what an entry is (a department must acknowledge,
// a brigade's members act for it, a level's officers hold a platform role),
// the entry says which kernel id it `means`, or is itself a kernel id.
// docs/profile-vocabulary.md lists these ids and what hangs on each.

import { roleNames } from "../context/roles.ts";

type Bilingual = { zh: string; en: string };

/** Kernel levels, outermost first: a profile's levels map onto them (in order) where behaviour needs it. */
export const KERNEL_LEVELS = ["city", "county", "town", "village", "grid"] as const;
export type KernelLevel = (typeof KERNEL_LEVELS)[number];

/** The seven platform roles (access/); a profile labels them in `vocabulary.platformRoles`. */
export const PLATFORM_ROLE_IDS = ["tenant_admin", "town_officer", "village_manager", "grid_worker", "brigade_member", "department_liaison", "viewer"] as const;

/** The platform role that acts for the governing bodies at a kernel level (design.md, Identity). */
export const KERNEL_OFFICER: Record<KernelLevel, (typeof PLATFORM_ROLE_IDS)[number]> = {
  city: "tenant_admin",
  county: "tenant_admin",
  town: "town_officer",
  village: "village_manager",
  grid: "grid_worker",
};

/** Each vocabulary's kernel ids with their baseline labels: the blank profile's words and the wave-1 migration's. */
export const BASELINE_VOCABULARY = {
  bodyKinds: {
    government: { zh: "政府", en: "Government" },
    committee: { zh: "消防安全委员会", en: "Fire-safety committee" },
    fire_office: { zh: "消防工作机构", en: "Fire office" },
    fire_rescue: { zh: "消防救援机构", en: "Fire-rescue service" },
    police: { zh: "公安派出所", en: "Police" },
    emergency_management: { zh: "应急管理部门", en: "Emergency management" },
    industry_department: { zh: "行业主管部门", en: "Industry department" },
    enforcement: { zh: "综合行政执法", en: "Enforcement" },
    command_centre: { zh: "指挥中心", en: "Command centre" },
    brigade: { zh: "消防队", en: "Brigade" },
    micro_station: { zh: "微型消防站", en: "Micro fire station" },
    volunteer_team: { zh: "志愿消防队", en: "Volunteer team" },
    forestry_team: { zh: "森林消防队伍", en: "Forestry team" },
    village_committee: { zh: "村（居）委", en: "Village committee" },
    work_group: { zh: "工作小组", en: "Work group" },
    grid: { zh: "网格", en: "Grid" },
  },
  employmentKinds: {
    any: { zh: "工作人员", en: "staff" },
    on_payroll: { zh: "在编人员", en: "on-payroll staff" },
    contracted: { zh: "政府购买服务人员", en: "contracted staff" },
    auxiliary: { zh: "辅助人员", en: "auxiliary staff" },
    seconded: { zh: "派驻（指定）人员", en: "seconded staff" },
    other: { zh: "其余人员", en: "other staff" },
  },

  venueFlags: {
    key_supervision: { zh: "行业重点监管", en: "Key industry supervision" },
    priority_governance: { zh: "重点治理", en: "Priority governance" },
    safety_evaluation: { zh: "须安全评估", en: "Safety evaluation required" },
    police_daily_check: { zh: "公安派出所日常检查", en: "Police daily-check list" },
    small_venue: { zh: "小场所", en: "Small venue" },
  },
  venueFeatures: {
    three_in_one: { zh: "三合一", en: "Three-in-one premises" },
    nine_small: { zh: "九小场所", en: "Nine small venues" },
    crowded: { zh: "人员密集", en: "Crowded venue" },
    group_rental: { zh: "群租房", en: "Group rental" },
    homestay: { zh: "民宿", en: "Homestay" },
    high_rise: { zh: "高层", en: "High-rise" },
    construction_site: { zh: "建筑工地", en: "Construction site" },
    underground: { zh: "地下空间", en: "Underground space" },
    flammable: { zh: "易燃易爆", en: "Flammable or explosive goods" },
    heritage: { zh: "文物古建筑", en: "Heritage building" },
  },
  recordKinds: {
    meeting: { zh: "会议", en: "Meeting" },
    analysis: { zh: "分析研判", en: "Analysis" },
    training: { zh: "培训", en: "Training" },
    drill: { zh: "演练", en: "Drill" },
    emergency_plan: { zh: "应急预案", en: "Emergency plan" },
    publicity: { zh: "宣传活动", en: "Publicity" },
    annual_plan: { zh: "年度计划", en: "Annual plan" },
    work_notice: { zh: "工作提示", en: "Work notice" },
    duty_report: { zh: "履职报告", en: "Duty report" },
    ledger_report: { zh: "隐患台账报送", en: "Hazard ledger report" },
  },
  hazardSources: {
    inspection: { zh: "检查发现", en: "Inspection" },
    grid_patrol: { zh: "网格巡查", en: "Grid patrol" },
    public_tip: { zh: "群众举报", en: "Public tip" },
    iot_alert: { zh: "物联感知", en: "IoT alert" },
    transfer: { zh: "部门移送", en: "Transfer" },
    self_check: { zh: "场所自查", en: "Self-check" },
    home_visit: { zh: "入户走访", en: "Home visit" },
    open311: { zh: "城市服务平台", en: "City service platform" },
  },
  engineTypes: {
    water_tanker: { zh: "水罐消防车", en: "water tanker" },
    other_firefighting: { zh: "其他灭火消防车", en: "other fire engine" },
    multi_purpose: { zh: "小型多功能消防车", en: "small multi-purpose engine" },
    support: { zh: "保障车辆", en: "support vehicle" },
  },

  forceKinds: {
    full_time_brigade: { zh: "政府专职消防队", en: "full-time fire brigade" },
    micro_station: { zh: "微型消防站", en: "micro fire station" },
    volunteer_team: { zh: "志愿消防队", en: "volunteer fire team" },
    integrated_team: { zh: "整合的消防/应急救援队伍", en: "integrated rescue team" },
  },

  platformFunctions: {
    grid_management: { zh: "网格化管理", en: "Grid management" },
    data_analysis: { zh: "数据分析", en: "Data analysis" },
    alarm_dispatch: { zh: "火警派警", en: "Alarm dispatch" },
    hazard_dispatch: { zh: "隐患派单", en: "Hazard dispatch" },
    grassroots_feedback: { zh: "基层反馈", en: "Grassroots feedback" },
    meeting_consultation: { zh: "会议协商", en: "Meeting consultation" },
    hazard_closed_loop: { zh: "隐患闭环", en: "Hazard closed loop" },
    iot_sensing: { zh: "物联网感知", en: "IoT sensing" },
    venue_code: { zh: "场所码", en: "Venue code" },
    smart_detection: { zh: "智能识别", en: "Smart detection" },
    one_map: { zh: "一张图", en: "One map" },
  },
  // The platform roles' baseline names are the access kernel's own (context/roles.ts).
  platformRoles: roleNames,
} as const satisfies Record<string, Record<string, Bilingual>>;

export type VocabularyKey = keyof typeof BASELINE_VOCABULARY;
export const VOCABULARY_KEYS = /* @__PURE__ */ Object.keys(BASELINE_VOCABULARY) as VocabularyKey[];

/** The kernel ids of a vocabulary: what an entry's `means` may name. */
export const kernelIds = (key: VocabularyKey): readonly string[] => Object.keys(BASELINE_VOCABULARY[key]);

/** A vocabulary's baseline entries as profile data (what the blank profile and the migration write). */
export const baselineEntries = (key: VocabularyKey) => Object.entries(BASELINE_VOCABULARY[key]).map(([id, name]) => ({ id, name: { ...(name as Bilingual) } }));

/** Every vocabulary's baseline entries. */
export const baselineVocabulary = () => Object.fromEntries(VOCABULARY_KEYS.map((key) => [key, baselineEntries(key)])) as Record<VocabularyKey, { id: string; name: Bilingual }[]>;
