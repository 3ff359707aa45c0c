import { z } from "zod";

// The closed vocabularies of organisation records. The employment ids are the
// profile schema's (staffing rules count people by them); the zh/en labels are
// the product's own words, used in forms, import files and findings.

export const EMPLOYMENTS = ["on_payroll", "contracted", "auxiliary", "seconded", "other"] as const;
export const Employment = z.enum(EMPLOYMENTS);
export type Employment = z.infer<typeof Employment>;

export const employmentNames: Record<Employment | "any", { zh: string; en: string }> = {
  on_payroll: { zh: "在编人员", en: "on-payroll staff" },
  contracted: { zh: "政府购买服务人员", en: "contracted staff" },
  auxiliary: { zh: "辅助人员", en: "auxiliary staff" },
  seconded: { zh: "派驻（指定）人员", en: "seconded staff" },
  other: { zh: "其余人员", en: "other staff" },
  any: { zh: "工作人员", en: "staff" },
};

/** Words an import file may use for each employment type, besides its id. */
export const employmentAliases: Record<Employment, readonly string[]> = {
  on_payroll: ["在编", "在编人员", "行政编制", "事业编制"],
  contracted: ["政府购买服务", "政府购买服务人员", "合同制", "购买服务"],
  auxiliary: ["辅助", "辅助人员", "专职辅助", "协管员"],
  seconded: ["派驻", "派驻人员", "指定", "指定人员", "派出所指定", "消防派驻"],
  other: ["其他", "其余", "其余人员"],
};

export const FORCE_KINDS = ["full_time_brigade", "micro_station", "volunteer_team", "integrated_team"] as const;
export const ForceKind = z.enum(FORCE_KINDS);
export type ForceKind = z.infer<typeof ForceKind>;

export const forceNames: Record<ForceKind, { zh: string; en: string }> = {
  full_time_brigade: { zh: "政府专职消防队", en: "full-time fire brigade" },
  micro_station: { zh: "微型消防站", en: "micro fire station" },
  volunteer_team: { zh: "志愿消防队", en: "volunteer fire team" },
  integrated_team: { zh: "整合的消防/应急救援队伍", en: "integrated rescue team" },
};

/** The two engine types the profile schema counts, and the rest a station may hold. */
export const VEHICLE_TYPES = ["water_tanker", "other_firefighting", "multi_purpose", "support"] as const;
export const VehicleType = z.enum(VEHICLE_TYPES);
export type VehicleType = z.infer<typeof VehicleType>;

export const vehicleNames: Record<VehicleType, { zh: string; en: string }> = {
  water_tanker: { zh: "水罐消防车", en: "water tanker" },
  other_firefighting: { zh: "其他灭火消防车", en: "other fire engine" },
  multi_purpose: { zh: "小型多功能消防车", en: "small multi-purpose engine" },
  support: { zh: "保障车辆", en: "support vehicle" },
};

export const DUTY_STATUSES = ["on_duty", "standby", "off_duty", "out_of_service"] as const;
export const DutyStatus = z.enum(DUTY_STATUSES);

export const DEPLOYMENTS = ["centre", "satellite"] as const;
export const Deployment = z.enum(DEPLOYMENTS);

/**
 * Kinds of obligation record: the profile schema's obligation kinds, and the
 * report of a duty's performance (履职报告, naming the profile responsibility).
 */
export const RECORD_KINDS = ["meeting", "analysis", "training", "drill", "emergency_plan", "publicity", "annual_plan", "work_notice", "duty_report", "ledger_report"] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

export const recordKindNames: Record<RecordKind, { zh: string; en: string }> = {
  meeting: { zh: "会议", en: "meeting" },
  analysis: { zh: "分析研判", en: "analysis" },
  training: { zh: "培训", en: "training" },
  drill: { zh: "演练", en: "drill" },
  emergency_plan: { zh: "应急预案", en: "emergency plan" },
  publicity: { zh: "宣传活动", en: "publicity activity" },
  annual_plan: { zh: "年度计划", en: "annual plan" },
  work_notice: { zh: "工作提示", en: "work notice" },
  duty_report: { zh: "履职报告", en: "duty report" },
  ledger_report: { zh: "隐患台账报送", en: "hazard ledger report" },
};

/**
 * The hazard states a ledger report counts per month: those the hazard
 * counters keep by month (reported in the month, closed in the month).
 */
export const LEDGER_STATES = ["discovered", "closed"] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];
