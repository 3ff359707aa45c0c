import type { Frequency } from "../profile/index.ts";

// Calendar arithmetic on plain dates (YYYY-MM-DD) in the tenant's time zone.
// Pure: callers pass `now`.

const DAY_MS = 86_400_000;

/** The calendar date of an instant in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** First day of a month counted from year 0 (month index = year × 12 + month − 1). */
function monthStart(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${pad((index % 12) + 1)}-01`;
}

const MONTHS_PER_UNIT = { year: 12, half_year: 6, quarter: 3, month: 1 } as const;

/**
 * The period a frequency is judged over on `today`: the current calendar unit
 * together with the `every − 1` units before it (每年 = this calendar year,
 * 每半年 = this half year, …). `end` is exclusive.
 */
export function periodOf(frequency: Frequency, today: string): { start: string; end: string } {
  const { every, unit } = frequency;
  if (unit === "day") return { start: addDays(today, -(every - 1)), end: addDays(today, 1) };
  if (unit === "week") {
    const weekday = (new Date(toUtc(today)).getUTCDay() + 6) % 7; // Monday = 0
    const monday = addDays(today, -weekday);
    return { start: addDays(monday, -7 * (every - 1)), end: addDays(monday, 7) };
  }
  const size = MONTHS_PER_UNIT[unit];
  const [year, month] = today.split("-").map(Number) as [number, number];
  const current = Math.floor((year * 12 + month - 1) / size) * size;
  return { start: monthStart(current - size * (every - 1)), end: monthStart(current + size) };
}
