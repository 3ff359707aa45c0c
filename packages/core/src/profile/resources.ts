import type { PolicyProfile, QualificationsPolicy, ResourcesPolicy } from "./schema.ts";

// What a profile without a `resources` or `qualifications` section gets:
// marked defaults (no clause), so every county can keep a register. The
// presets take their kinds from here too; the web offers them when a profile has none.

export const DEFAULT_RESOURCES: ResourcesPolicy = {
  equipment: {
    leadDays: 30,
    sourceRef: null,
    assumption: { zh: "文件未规定装备到期提醒期限，默认到期前 30 天提示", en: "The document sets no warning period for expiring equipment: 30 days by default" },
  },
  equipmentKinds: [
    { id: "extinguisher", name: { zh: "灭火器", en: "Fire extinguisher" }, sourceRef: null, assumption: { zh: "常用装备类型（默认）", en: "A common equipment kind (default)" } },
    { id: "breathing_apparatus", name: { zh: "正压式空气呼吸器", en: "Breathing apparatus" }, sourceRef: null, assumption: { zh: "常用装备类型（默认）", en: "A common equipment kind (default)" } },
    { id: "protective_gear", name: { zh: "个人防护装备", en: "Protective gear" }, sourceRef: null, assumption: { zh: "常用装备类型（默认）", en: "A common equipment kind (default)" } },
    { id: "rescue_equipment", name: { zh: "应急救援器材", en: "Rescue equipment" }, sourceRef: null, assumption: { zh: "常用装备类型（默认）", en: "A common equipment kind (default)" } },
    { id: "engine", name: { zh: "消防车", en: "Fire engine" }, sourceRef: null, assumption: { zh: "常用装备类型（默认）", en: "A common equipment kind (default)" } },
  ],
};

export const DEFAULT_QUALIFICATIONS: QualificationsPolicy = {
  certificateKinds: [
    { id: "facility_operator", name: { zh: "消防设施操作员", en: "Fire-facility operator" }, sourceRef: null, assumption: { zh: "常见职业资格（默认）", en: "A common qualification (default)" } },
    { id: "building_firefighter", name: { zh: "建(构)筑物消防员", en: "Building firefighter" }, sourceRef: null, assumption: { zh: "常见职业资格（默认）", en: "A common qualification (default)" } },
  ],
  certificates: {
    leadDays: 30,
    sourceRef: null,
    assumption: { zh: "文件未规定证书到期提醒期限，默认到期前 30 天提示", en: "The document sets no warning period for lapsing certificates: 30 days by default" },
  },
  training: {
    passMark: 60,
    sourceRef: null,
    assumption: { zh: "文件未规定培训考核合格分数，默认 60 分（百分制）合格", en: "The document sets no pass mark for training assessments: 60 of 100 by default" },
  },
};

export const resourcesOf = (profile: PolicyProfile): ResourcesPolicy => profile.resources ?? DEFAULT_RESOURCES;
export const qualificationsOf = (profile: PolicyProfile): QualificationsPolicy => profile.qualifications ?? DEFAULT_QUALIFICATIONS;
