// Calendar arithmetic for hazards in the tenant's time zone. Pure: every
// function takes the instant it reasons about; none reads the clock.

export const DAY_MS = 86_400_000;

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const w = wallClock(at.getTime(), timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The calendar month (YYYY-MM) of an instant in a time zone: the period closed hazards are counted in. */
export function localMonth(at: Date, timeZone: string): string {
  return localDate(at, timeZone).slice(0, 7);
}

/** The date `days` after a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of a local date in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const wallAsUtc = Date.parse(`${date}T00:00:00Z`);
  // Two passes settle the offset across a DST change; zones without DST settle at once.
  let guess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  guess = wallAsUtc - offsetAt(guess, timeZone);
  return new Date(guess);
}

/**
 * The last millisecond of the local day `days` days after `now`'s local date:
 * a deadline of "N days" ends at the end of a calendar day, as the documents'
 * 限期 is read on the ground.
 */
export function endOfDayAfter(now: Date, days: number, timeZone: string): Date {
  const next = addDays(localDate(now, timeZone), days + 1);
  return new Date(startOfLocalDay(next, timeZone).getTime() - 1);
}

/** The end of a given local date (a deadline an officer names by its date). */
export function endOfLocalDate(date: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}

/** ISO instants in one fixed-width form, so that key order is time order. */
export const iso = (at: Date | number | string) => new Date(at).toISOString();
