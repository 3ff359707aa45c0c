import type { PolicyProfile } from "@firegov/core/contract";
import type { Locale } from "../../i18n/index.tsx";

type Frequency = NonNullable<PolicyProfile["assessment"]["schemes"][number]["frequency"]>;

const UNITS: Record<Frequency["unit"], { zh: string; en: string }> = {
  day: { zh: "日", en: "day" },
  week: { zh: "周", en: "week" },
  month: { zh: "月", en: "month" },
  quarter: { zh: "季度", en: "quarter" },
  half_year: { zh: "半年", en: "half year" },
  year: { zh: "年", en: "year" },
};

/** 每年 / per year; a scheme without a frequency is judged per calendar year (the API's default). */
export function frequencyLabel(frequency: Frequency | null, locale: Locale): string {
  const f = frequency ?? { every: 1, unit: "year" as const };
  const u = UNITS[f.unit];
  if (locale === "en") return f.every === 1 ? `per ${u.en}` : `every ${f.every} ${u.en}s`;
  return f.every === 1 ? `每${u.zh}` : `每${f.every}${u.zh}`;
}
