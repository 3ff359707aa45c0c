import { z } from "zod";
import { bilingual, fieldError, type FieldError } from "../errors/index.ts";
import type { PolicyProfile } from "../profile/index.ts";

// The vocabularies of organisation records. Employment, force, vehicle and
// record kinds are the county's words (the profile's vocabulary); duty
// statuses and deployments are the product's own, closed.

/**
 * A word of the profile's vocabulary (employmentKinds, forceKinds,
 * engineTypes, recordKinds): its shape here; whether the county has it,
 * `unknownWord` against the profile in effect. Labels are the profile's.
 */
const Word = z.string().regex(/^[a-z][a-z0-9_]*$/, bilingual("须为小写字母开头的 snake_case 编码", "expected a snake_case id"));

export const Employment = Word;
export type Employment = string;
export const ForceKind = Word;
export type ForceKind = string;
export const VehicleType = Word;
export type VehicleType = string;
export const RecordKind = Word;
export type RecordKind = string;

/** Words an import file may use for the kernel employment kinds, besides the profile's id and zh label. */
export const employmentAliases: Record<string, readonly string[]> = {
  on_payroll: ["在编", "在编人员", "行政编制", "事业编制"],
  contracted: ["政府购买服务", "政府购买服务人员", "合同制", "购买服务"],
  auxiliary: ["辅助", "辅助人员", "专职辅助", "协管员"],
  seconded: ["派驻", "派驻人员", "指定", "指定人员", "派出所指定", "消防派驻"],
  other: ["其他", "其余", "其余人员"],
};

/** The field error when a county's vocabulary has no such word, listing the words it has. */
export function unknownWord(profile: PolicyProfile, key: "employmentKinds" | "forceKinds" | "engineTypes" | "recordKinds", value: string | undefined, path: string): FieldError[] {
  if (value === undefined) return [];
  const words = profile.vocabulary[key];
  if (words.some((w) => w.id === value)) return [];
  const known = words.map((w) => `${w.id}（${w.name.zh}）`).join("、") || "—";
  return [fieldError(path, "org.word_unknown", `“${value}”不在政策档案的词表中，可选：${known}`, `“${value}” is not in the profile's vocabulary (${key}); one of ${words.map((w) => w.id).join(", ") || "none"}`)];
}

export const DUTY_STATUSES = ["on_duty", "standby", "off_duty", "out_of_service"] as const;
export const DutyStatus = z.enum(DUTY_STATUSES);

export const DEPLOYMENTS = ["centre", "satellite"] as const;
export const Deployment = z.enum(DEPLOYMENTS);

/**
 * The hazard states a ledger report counts per month: those the hazard
 * counters keep by month (reported in the month, closed in the month).
 */
export const LEDGER_STATES = ["discovered", "closed"] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];
