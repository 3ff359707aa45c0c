import type { PolicyProfile } from "../profile/index.ts";
import { localDate, periodOf } from "./periods.ts";
import { brigadeGrades, forceRequirements, quotaTotal } from "./rules/forces.ts";
import { milestones, stationStandards } from "./rules/deadlines.ts";
import { obligations, obligationSince } from "./rules/obligations.ts";
import { personnel } from "./rules/personnel.ts";
import { duties, reportFrequency } from "./rules/duties.ts";
import { composition, staffing } from "./rules/organisation.ts";
import { STATUSES, type Clock, type Finding, type OrgData, type Status } from "./types.ts";

/**
 * The earliest date whose records a judgement at `today` needs: the start of
 * the earliest period an obligation is judged on (a calendar period's
 * predecessor included), and never less than the whole previous year (what
 * rules without a frequency report).
 */
export function recordsSince(profile: PolicyProfile, today: string): string {
  const starts = profile.obligations.flatMap((ob) => obligationSince(ob, today) ?? []);
  starts.push(...profile.responsibilities.map((duty) => periodOf(reportFrequency(duty), today).start));
  const lastYear = `${String(Number(today.slice(0, 4)) - 1).padStart(4, "0")}-01-01`;
  return [lastYear, ...starts].sort()[0]!;
}

/**
 * Every organisation rule of the profile that applies to the node, judged on
 * the node's data at `clock.now` in the tenant's calendar. Pure: the same
 * profile, data and clock always give the same findings, in rule order.
 */
export function evaluateNode(profile: PolicyProfile, data: OrgData, clock: Clock): Finding[] {
  const today = localDate(clock.now, clock.timeZone);
  const since = recordsSince(profile, today);
  return [
    ...composition(profile, data),
    ...staffing(profile, data),
    ...forceRequirements(profile, data),
    ...brigadeGrades(profile, data),
    ...quotaTotal(profile, data),
    ...personnel(profile, data, today),
    ...stationStandards(profile, data, today),
    ...milestones(profile, data, today),
    ...obligations(profile, data, today, since),
    ...duties(profile, data, today),
  ];
}

export type StatusCounts = Record<Status, number>;

export function countByStatus(findings: readonly { status: Status }[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const f of findings) counts[f.status]++;
  return counts;
}
