import { addDays, localDate, startOfLocalDay } from "../hazards/index.ts";
import type { Frequency } from "../profile/index.ts";

// Calendar periods of a profile Frequency in the tenant's time zone. Pure:
// every function takes the instant it reasons about.

export interface Period {
  /** Stable key: `2026-11`, `2026-Q4`, `2026-H2`, `2026`, `2026-11-23`, `W2026-11-23` (week from Monday). */
  key: string;
  /** First and last local dates of the period (inclusive). */
  start: string;
  end: string;
  /** The instant the period ends (start of the next one): what is due in it is due by then. */
  dueAt: string;
}

const MONTHS: Partial<Record<Frequency["unit"], number>> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const pad = (n: number) => String(n).padStart(2, "0");
const EPOCH_MONDAY = "1970-01-05";
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function monthKey(unit: Frequency["unit"], every: number, year: number, startMonth: number): string {
  if (every === 1 && unit === "month") return `${year}-${pad(startMonth)}`;
  if (every === 1 && unit === "quarter") return `${year}-Q${(startMonth + 2) / 3}`;
  if (every === 1 && unit === "half_year") return `${year}-H${(startMonth + 5) / 6}`;
  if (unit === "year") return every === 1 ? `${year}` : `${year}-Y${every}`;
  return `${year}-M${pad(startMonth)}x${MONTHS[unit]! * every}`;
}

/** The period of `frequency` that `at` falls in, in `timeZone`. Periods of months restart each January. */
export function periodOf(frequency: Frequency, at: Date, timeZone: string): Period {
  const today = localDate(at, timeZone);
  const { unit, every } = frequency;
  const months = MONTHS[unit];
  let start: string;
  let next: string;
  let key: string;
  if (months !== undefined && unit !== "year") {
    const span = Math.min(12, months * every);
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    const startMonth = Math.floor((month - 1) / span) * span + 1;
    const endMonth = Math.min(12, startMonth + span - 1);
    start = `${year}-${pad(startMonth)}-01`;
    next = endMonth === 12 ? `${year + 1}-01-01` : `${year}-${pad(endMonth + 1)}-01`;
    key = monthKey(unit, every, year, startMonth);
  } else if (unit === "year") {
    const year = Number(today.slice(0, 4));
    const first = Math.floor(year / every) * every;
    start = `${first}-01-01`;
    next = `${first + every}-01-01`;
    key = monthKey(unit, every, first, 1);
  } else {
    const length = unit === "week" ? 7 * every : every;
    const origin = unit === "week" ? EPOCH_MONDAY : "1970-01-01";
    const index = Math.floor(daysBetween(origin, today) / length);
    start = addDays(origin, index * length);
    next = addDays(start, length);
    key = unit === "week" ? `W${start}${every > 1 ? `x${every}` : ""}` : every === 1 ? start : `${start}x${every}`;
  }
  return { key, start, end: addDays(next, -1), dueAt: startOfLocalDay(next, timeZone).toISOString() };
}

/**
 * The task period of the n-th (1-based) visit a period asks for (每月两次):
 * the period's own key for the first, `<key>~<n>` after it, so each visit has
 * a task key of its own while the coverage of the period counts them together.
 */
export const slotPeriod = (key: string, n: number): string => (n === 1 ? key : `${key}~${n}`);

/** The period a task's period key belongs to (its slot suffix dropped): what coverage counts by. */
export const basePeriod = (period: string): string => period.split("~")[0]!;
