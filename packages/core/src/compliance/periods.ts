import type { Frequency } from "../profile/index.ts";

// Calendar arithmetic on plain dates (YYYY-MM-DD) in the tenant's time zone.
// Pure: callers pass `now`.

const DAY_MS = 86_400_000;

// Making a DateTimeFormat costs far more than formatting with one (ICU loads the
// zone's rules): one per time zone, kept for the process. Formatting is stateless.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
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

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The same day `months` months later (earlier when negative), kept within the month: 03-31 − 1 month = 02-28. */
export function addMonths(date: string, months: number): string {
  const first = monthStart(monthIndex(date) + months);
  const lastDay = Number(addDays(monthStart(monthIndex(date) + months + 1), -1).slice(8, 10));
  return `${first.slice(0, 8)}${pad(Math.min(Number(date.slice(8, 10)), lastDay))}`;
}

const MONTHS_PER_UNIT = { year: 12, half_year: 6, quarter: 3, month: 1 } as const;

/** A Monday, from which calendar weeks are counted. */
const EPOCH_MONDAY = "1970-01-05";
const EPOCH_DAY = "1970-01-01";

/** `end` is exclusive. */
export interface Period {
  start: string;
  end: string;
}

/** How an obligation's periods run (profile: obligation.periods). */
export type PeriodMode = "calendar" | "rolling";

/**
 * The period a frequency is judged over on `today`.
 *
 * Calendar (the default): the fixed period of the calendar that holds
 * `today`. A period of `every` units is aligned to the calendar: 每2月 is
 * Jan–Feb, Mar–Apr, …; quarters, half years and years are the calendar's;
 * 每2年 are the even–odd pairs of years; weeks start on Monday and a run of
 * `every` weeks (or days) is counted from a fixed Monday (1970-01-05, or
 * 1970-01-01 for days), so every tenant cuts them alike.
 *
 * Rolling: the `every` units that end today (a 2-monthly rolling period on
 * 06-15 runs from 04-16 to 06-15).
 */
export function periodOf(frequency: Frequency, today: string, mode: PeriodMode = "calendar"): Period {
  const { every, unit } = frequency;
  if (mode === "rolling") {
    const end = addDays(today, 1);
    if (unit === "day") return { start: addDays(end, -every), end };
    if (unit === "week") return { start: addDays(end, -7 * every), end };
    return { start: addMonths(end, -MONTHS_PER_UNIT[unit] * every), end };
  }
  if (unit === "day") {
    const first = Math.floor(daysBetween(EPOCH_DAY, today) / every) * every;
    return { start: addDays(EPOCH_DAY, first), end: addDays(EPOCH_DAY, first + every) };
  }
  if (unit === "week") {
    const first = Math.floor(daysBetween(EPOCH_MONDAY, today) / 7 / every) * every;
    return { start: addDays(EPOCH_MONDAY, 7 * first), end: addDays(EPOCH_MONDAY, 7 * (first + every)) };
  }
  const size = MONTHS_PER_UNIT[unit] * every;
  const first = Math.floor(monthIndex(today) / size) * size;
  return { start: monthStart(first), end: monthStart(first + size) };
}

/** The calendar period just before `period` (the one holding its eve). */
export function previousPeriod(frequency: Frequency, period: Period): Period {
  return periodOf(frequency, addDays(period.start, -1), "calendar");
}

/** When a rolling period starting on `date` ends (exclusive): one run of the frequency later. */
export function rollingEnd(frequency: Frequency, date: string): string {
  const { every, unit } = frequency;
  if (unit === "day") return addDays(date, every);
  if (unit === "week") return addDays(date, 7 * every);
  return addMonths(date, MONTHS_PER_UNIT[unit] * every);
}
