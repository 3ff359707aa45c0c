// Quiet hours: a user's local night, in the TENANT's time zone, when messages
// to their phone wait until the morning. Pure: takes the instant it reasons about.

/**
 * Kinds delivered even in quiet hours: what cannot wait for the morning.
 * A hazard placed under listed supervision (重大火灾隐患挂牌督办: `list`,
 * `listed`) or escalated to a higher level (`escalated`); fire alarms and early
 * warnings (any kind starting `alarm` or `warning`, as issue 18's IoT intake and
 * issue 19's 预警叫应 name theirs). A sender may also mark one message urgent.
 */
export const URGENT_KINDS: readonly string[] = ["list", "listed", "escalated"];
const URGENT_PREFIXES = ["alarm", "warning", "fire_", "iot_"];

export function isUrgent(kind: string, flagged?: boolean): boolean {
  return !!flagged || URGENT_KINDS.includes(kind) || URGENT_PREFIXES.some((p) => kind.startsWith(p));
}

export interface QuietHours {
  /** `HH:MM`, local. */
  start: string;
  end: string;
}

/** A sensible default a user may switch on: 22:00–07:00. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: "22:00", end: "07:00" };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const formats = new Map<string, Intl.DateTimeFormat>();
function localMinutes(at: Date, timeZone: string): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" });
    formats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/**
 * When a message due at `now` may go out: `now` itself outside the quiet
 * hours, else the end of them (the window may wrap midnight: 22:00–07:00).
 * (Zones with daylight saving may land an hour off on the night of a change; the counties' zone has none.)
 */
export function releaseAt(now: Date, quiet: QuietHours | undefined, timeZone: string): Date {
  if (!quiet) return now;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  if (s === e) return now;
  const m = localMinutes(now, timeZone);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return now;
  const wait = (e - m + 1440) % 1440;
  const minuteStart = now.getTime() - (now.getTime() % 60_000);
  return new Date(minuteStart + wait * 60_000);
}
