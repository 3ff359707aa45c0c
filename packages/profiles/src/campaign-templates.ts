import type { CampaignTemplate } from "@firegov/core/campaigns/index";

// Templates of the common campaigns (专项整治), prefilling the new-campaign
// form: holidays and major events, high-risk areas, and cross-area (推磨式)
// checks. System defaults, marked: the documents call for such campaigns but
// set neither their items nor their length. No county's ids appear here —
// a template names venue flags and hazard codes, and is resolved against the
// tenant's profile (an item adopts the profile's checklist item of its code,
// else becomes the campaign's own item).

const holidays = {
  zh: "系统默认模板：文件要求在重大节日、重要活动期间适时开展集中专项治理，未规定检查内容和期限；检查项与期限为系统建议，可在表单中修改",
  en: "System default: the documents call for campaigns around holidays and major events but set neither items nor length; these are suggestions to edit in the form",
};

export const campaignTemplates: readonly CampaignTemplate[] = [
  {
    id: "spring_festival",
    occasion: "holiday",
    name: { zh: "春节期间消防安全专项整治", en: "Spring Festival fire-safety campaign" },
    days: 30,
    flags: [],
    items: [
      { name: { zh: "非法燃放、储存烟花爆竹", en: "Illegal fireworks" }, hazardCode: "fireworks" },
      { name: { zh: "疏散通道、安全出口堵塞占用", en: "Escape routes or exits blocked" }, hazardCode: "escape_route_blocked" },
      { name: { zh: "电动自行车违规停放充电", en: "E-bikes parked or charged illegally" }, hazardCode: "ebike_charging" },
      { name: { zh: "消防设施设备不完好有效", en: "Fire equipment faulty" }, hazardCode: "equipment_faulty" },
      { name: { zh: "违规用火用电", en: "Unsafe use of fire or electricity" }, hazardCode: "unsafe_fire_electricity" },
      { name: { zh: "违规存放使用液化石油气", en: "LPG misuse" }, hazardCode: "lpg_misuse" },
    ],
    sourceRef: null,
    assumption: holidays,
  },
  {
    id: "national_day",
    occasion: "holiday",
    name: { zh: "国庆期间消防安全专项整治", en: "National Day fire-safety campaign" },
    days: 14,
    flags: [],
    items: [
      { name: { zh: "疏散通道、安全出口堵塞占用", en: "Escape routes or exits blocked" }, hazardCode: "escape_route_blocked" },
      { name: { zh: "消防设施设备不完好有效", en: "Fire equipment faulty" }, hazardCode: "equipment_faulty" },
      { name: { zh: "违规用火用电", en: "Unsafe use of fire or electricity" }, hazardCode: "unsafe_fire_electricity" },
      { name: { zh: "电动自行车违规停放充电", en: "E-bikes parked or charged illegally" }, hazardCode: "ebike_charging" },
      { name: { zh: "堆放可燃易燃杂物", en: "Combustibles piled up" }, hazardCode: "combustible_storage" },
    ],
    sourceRef: null,
    assumption: holidays,
  },
  {
    id: "major_event",
    occasion: "major_event",
    name: { zh: "重大活动消防安全保障专项整治", en: "Major event fire-safety campaign" },
    days: 15,
    flags: ["key_supervision"],
    items: [
      { name: { zh: "疏散通道、安全出口堵塞占用", en: "Escape routes or exits blocked" }, hazardCode: "escape_route_blocked" },
      { name: { zh: "消防设施设备不完好有效", en: "Fire equipment faulty" }, hazardCode: "equipment_faulty" },
      { name: { zh: "停用消防设施设备", en: "Fire equipment switched off" }, hazardCode: "equipment_disabled" },
      { name: { zh: "违章动火作业", en: "Illegal hot work" }, hazardCode: "illegal_hot_work" },
      { name: { zh: "存放易燃易爆危险物品", en: "Flammable or explosive goods" }, hazardCode: "hazardous_materials" },
    ],
    sourceRef: null,
    assumption: holidays,
  },
  {
    id: "high_risk_area",
    occasion: "high_risk",
    name: { zh: "高风险区域火灾隐患集中治理", en: "High-risk area campaign" },
    days: 30,
    flags: ["priority_governance"],
    items: [
      { name: { zh: "“三合一”场所违规住人", en: "Three-in-one premises" }, hazardCode: "three_in_one" },
      { name: { zh: "违规住人", en: "Illegal lodging" }, hazardCode: "illegal_lodging" },
      { name: { zh: "电动自行车违规停放充电", en: "E-bikes parked or charged illegally" }, hazardCode: "ebike_charging" },
      { name: { zh: "疏散通道、安全出口堵塞占用", en: "Escape routes or exits blocked" }, hazardCode: "escape_route_blocked" },
      { name: { zh: "堆放可燃易燃杂物", en: "Combustibles piled up" }, hazardCode: "combustible_storage" },
    ],
    sourceRef: null,
    assumption: {
      zh: "系统默认模板：文件要求对潜在风险大的区域、火灾多发频发的行业和领域加大检查力度、开展集中治理，未规定检查内容和期限；默认选取带“重点治理”标记的场所类型",
      en: "System default: the documents call for heavier checks of high-risk areas and trades without items or length; venue kinds flagged for priority governance are chosen by default",
    },
  },
  {
    id: "cross_area_rotation",
    occasion: "cross_area",
    name: { zh: "“推磨式”交叉检查", en: "Cross-area (rotation) checks" },
    days: 20,
    flags: [],
    items: [
      { name: { zh: "疏散通道、安全出口堵塞占用", en: "Escape routes or exits blocked" }, hazardCode: "escape_route_blocked" },
      { name: { zh: "消防设施设备不完好有效", en: "Fire equipment faulty" }, hazardCode: "equipment_faulty" },
      { name: { zh: "违规用火用电", en: "Unsafe use of fire or electricity" }, hazardCode: "unsafe_fire_electricity" },
      { name: { zh: "存放易燃易爆危险物品", en: "Flammable or explosive goods" }, hazardCode: "hazardous_materials" },
      { name: { zh: "未落实消防安全管理制度", en: "Management rules missing" }, hazardCode: "management_rules_missing" },
    ],
    crossArea: "rotate",
    sourceRef: null,
    assumption: {
      zh: "系统默认模板：文件允许由县级安委会（消委会）调配力量，以“推磨式”检查等形式集中攻坚，未规定轮换方式；默认各下级辖区按顺序轮换，由前一辖区的力量检查后一辖区的场所",
      en: "System default: the documents let the county committee run cross-area (推磨式) checks without saying how branches rotate; by default each branch's venues are inspected by the branch before it, in order",
    },
  },
];
