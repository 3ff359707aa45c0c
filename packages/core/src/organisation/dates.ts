// UTC+14 is the furthest any zone runs ahead: no date after this is "today" anywhere.
const FURTHEST_AHEAD_MS = 14 * 60 * 60 * 1000;

/**
 * The latest date that is today somewhere, for "not in the future" checks on
 * dates people type. Comparing with the UTC date refused today's date before
 * 08:00 in China; this never refuses a local today.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + FURTHEST_AHEAD_MS).toISOString().slice(0, 10);
}
