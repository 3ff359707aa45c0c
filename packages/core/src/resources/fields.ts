import { z } from "zod";
import { bilingual } from "../errors/zod-issues.ts";

export const DateOnly = z.iso.date(bilingual("日期格式须为 YYYY-MM-DD", "Dates are YYYY-MM-DD"));
export const ShortText = z.string().trim().max(200);
export const Id = z.string().min(1).max(64);
export const ProfileId = z.string().regex(/^[a-z][a-z0-9_]*$/, bilingual("须为政策档案中的 id", "Must be an id from the policy profile")).max(60);

/** Yuan, at most two decimals. */
export const Yuan = z
  .number(bilingual("金额须为数字（元）", "An amount is a number of yuan"))
  .gt(0, bilingual("金额须大于 0", "The amount is more than 0"))
  .max(1_000_000_000, bilingual("金额超出合理范围", "Amount out of range"))
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, bilingual("金额最多两位小数", "At most two decimals (fen)"));

/** Sums yuan in fen, so 0.1 + 0.2 is 0.3. */
export const sumYuan = (amounts: readonly number[]) => amounts.reduce((fen, a) => fen + Math.round(a * 100), 0) / 100;

export const Bilingual = z.object({ zh: z.string(), en: z.string() });
