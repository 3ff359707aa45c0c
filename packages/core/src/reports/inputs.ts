import { z } from "zod";
import { bilingual } from "../errors/index.ts";

// What the report endpoints accept: a period of local dates (at most a year)
// and a node path within the caller's scope.

const isDate = (d: unknown) => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual("日期格式为 YYYY-MM-DD", "A date as YYYY-MM-DD"))
  .refine(isDate, bilingual("没有这一天", "No such date"));

/** The day a year after a date (29 Feb → 1 Mar). */
export const yearAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

export const PeriodInput = z
  .object({
    path: z
      .string()
      .regex(/^(\/[A-Za-z0-9_-]{1,64}){1,8}$/, bilingual("节点路径格式为 /<根>/<下级>…", "A node path: /<root>/<child>…"))
      .optional()
      .meta({ description: "The path of a node of your subtree; default your own scope" }),
    from: LocalDate.meta({ description: "First local date of the period (inclusive)" }),
    to: LocalDate.meta({ description: "Last local date of the period (inclusive); at most a year after `from`" }),
  })
  .superRefine((v, ctx) => {
    if (!isDate(v.from) || !isDate(v.to)) return;
    if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: bilingual("结束日期不能早于开始日期", "The end date is before the start date") });
    else if (v.to >= yearAfter(v.from)) ctx.addIssue({ code: "custom", path: ["to"], message: bilingual("统计期间不能超过一年", "The period may not be longer than a year") });
  });

export const ResponseTimesInput = PeriodInput.safeExtend({ format: z.enum(["json", "xlsx"]).default("json") });
export type PeriodRequest = z.output<typeof PeriodInput>;
