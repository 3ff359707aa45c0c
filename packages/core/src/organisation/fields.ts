import { z } from "zod";
import { bilingual } from "../errors/zod-issues.ts";

// Field schemas of organisation records, shared by forms and imports.

export const PersonName = z.string().trim().min(1, bilingual("请填写姓名", "Name is required")).max(40, bilingual("姓名不超过 40 个字", "At most 40 characters"));

/** A mainland mobile number, or a landline with its area code. */
export const ContactPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, bilingual("请输入 11 位手机号码或带区号的固定电话", "Enter an 11-digit mobile number or a landline with its area code"));

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** GB 11643: 17 digits and a check character. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(validIdNumber, bilingual("身份证号码格式或校验位不正确", "Not a valid resident ID number (format or check digit)"));

/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z.iso.date(bilingual("日期格式须为 YYYY-MM-DD", "Dates are YYYY-MM-DD"));

export const Id = z.string().min(1).max(64);

/** Gross pay per year in yuan. */
export const AnnualPay = z
  .number(bilingual("年工资须为数字（元）", "Annual pay is a number of yuan"))
  .int(bilingual("年工资须为整数（元）", "Annual pay is whole yuan"))
  .min(0, bilingual("年工资不能为负数", "Annual pay cannot be negative"))
  .max(10_000_000, bilingual("年工资超出合理范围", "Annual pay out of range"));

/** How someone left: on retirement, or otherwise (resigned, self-employed …). */
export const LeftFor = z.enum(["retirement", "other"]);

/** Profile ids (roles, positions, bodies …): checked against the profile in force by the use case. */
export const ProfileId = z.string().regex(/^[a-z][a-z0-9_]*$/, bilingual("须为政策档案中的 id", "Must be an id from the policy profile")).max(60);

export const ShortText = z.string().trim().max(200);
export const LongText = z.string().trim().max(4000);

/** Shows enough to recognise, hides the rest: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length > 7 ? `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}` : "****";
}

/** 320102********1234 */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 6)}${"*".repeat(Math.max(0, id.length - 10))}${id.slice(-4)}`;
}
