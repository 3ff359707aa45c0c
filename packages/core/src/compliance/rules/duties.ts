import type { Frequency, PolicyProfile } from "../../profile/index.ts";
import { finding, frequencyText, names } from "../finding.ts";
import { addDays, daysBetween, periodOf } from "../periods.ts";
import type { Finding, OrgData } from "../types.ts";
import { dueSoonDays, meaningOf } from "../../profile/index.ts";

// Duties (profile.responsibilities, 履职事项): each is its holder body's, and
// the holder reports its performance (a duty report naming the duty) once per
// period of the duty's report frequency. Every node at the holder's level
// gets a finding per duty: met when reported this period; due soon in the
// period's last DUE_SOON_DAYS; unmet before that, so a duty never reported
// shows. A duty whose holder the profile does not know applies nowhere.

type Responsibility = PolicyProfile["responsibilities"][number];

/** Where the profile sets no period for a duty's report: once a calendar year. */
export const DEFAULT_DUTY_REPORT: Frequency = { every: 1, unit: "year" };

const onceOr = (times: number) => (times === 1 ? "once" : times === 2 ? "twice" : `${times} times`);

export const reportFrequency = (duty: Responsibility): Frequency => duty.report?.frequency ?? DEFAULT_DUTY_REPORT;

export function duties(profile: PolicyProfile, data: OrgData, today: string): Finding[] {
  const n = names(profile);
  return profile.responsibilities
    .filter((duty) => profile.bodies.find((b) => b.id === duty.holder)?.level === data.node.level)
    .map((duty) => {
      const frequency = reportFrequency(duty);
      const period = periodOf(frequency, today);
      const reports = data.records.filter((r) => meaningOf(profile, "recordKinds", r.kind) === "duty_report" && r.responsibilityId === duty.id && r.date >= period.start && r.date <= today);
      const every = frequencyText(frequency);
      const holder = n.body(duty.holder);
      const last = reports.map((r) => r.date).sort().at(-1);
      const ruleId = `duty.${duty.id}`;
      // N times per period (每季度报告两次): met with N reports in the period.
      const times = frequency.times ?? 1;
      if (last !== undefined && reports.length >= times) {
        return finding(data.node, ruleId, duty, "met", {
          zh: `${holder.zh}履职事项“${duty.name.zh}”：${period.start} 起已报告履职 ${reports.length} 次（最近 ${last}），要求${every.zh}至少 ${times} 次`,
          en: `${holder.en} duty “${duty.name.en}”: reported ${reports.length} time(s) since ${period.start} (last ${last}), required at least ${onceOr(times)} ${every.en}`,
        });
      }
      const soon = daysBetween(today, addDays(period.end, -1)) <= dueSoonDays(profile).value;
      return finding(data.node, ruleId, duty, soon ? "due_soon" : "unmet", {
        zh: `${holder.zh}履职事项“${duty.name.zh}”：${period.start} 起${reports.length ? `已报告履职 ${reports.length} 次` : "未报告履职"}，要求${every.zh}至少 ${times} 次`,
        en: `${holder.en} duty “${duty.name.en}”: ${reports.length ? `reported ${reports.length} time(s)` : "not reported"} since ${period.start}, required at least ${onceOr(times)} ${every.en}`,
      });
    });
}
