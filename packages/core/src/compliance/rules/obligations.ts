import type { PolicyProfile } from "../../profile/index.ts";
import { depthOf, finding, frequencyText, list } from "../finding.ts";
import { addDays, daysBetween, periodOf } from "../periods.ts";
import type { Finding, OrgData } from "../types.ts";
import { DUE_SOON_DAYS } from "./deadlines.ts";

// Recurring obligations (profile.obligations): meetings, drills, publicity …
// counted per node over the current period of their frequency; trainings
// that cover roles counted per person (每人每年至少1次). Not yet done: due
// soon in the last DUE_SOON_DAYS of the period, unmet before that. A rule
// without a frequency (定期, 常态化) cannot be judged: not applicable, with
// what was recorded.

type Obligation = PolicyProfile["obligations"][number];

/** A record fulfils the obligation it names; one naming none counts for every obligation of its kind. */
const fulfils = (ob: Obligation) => (r: { kind: string; obligationId?: string | undefined }) => (r.obligationId !== undefined ? r.obligationId === ob.id : r.kind === ob.kind);

const endingSoon = (end: string, today: string) => daysBetween(today, addDays(end, -1)) <= DUE_SOON_DAYS;

function perPerson(profile: PolicyProfile, data: OrgData, ob: Obligation, today: string, since: string): Finding | undefined {
  const lowest = Math.min(...ob.levels.map((level) => depthOf(profile, level)).filter((d) => d >= 0));
  if (depthOf(profile, data.node.level) < lowest) return undefined;
  const covered = data.people.filter((p) => p.roles.some((role) => ob.covers.includes(role)));
  if (!covered.length) return undefined;
  const ruleId = `obligation.${ob.id}`;
  if (ob.frequency === null) {
    const trained = covered.filter((p) => data.attendance.some((a) => a.personId === p.personId && fulfils(ob)(a) && a.date >= since && a.date <= today));
    return finding(data.node, ruleId, ob, "not_applicable", {
      zh: `文件未规定频次；应参训 ${covered.length} 人，${since} 起参训 ${trained.length} 人`,
      en: `no frequency set; ${covered.length} people covered, ${trained.length} trained since ${since}`,
    });
  }
  const period = periodOf(ob.frequency, today);
  const attended = (personId: string) => data.attendance.some((a) => a.personId === personId && fulfils(ob)(a) && a.date >= period.start && a.date <= today);
  const missing = covered.filter((p) => !attended(p.personId));
  const every = frequencyText(ob.frequency);
  if (!missing.length) {
    return finding(data.node, ruleId, ob, "met", {
      zh: `${ob.name.zh}：应参训 ${covered.length} 人，${period.start} 起均已参训（要求${every.zh}至少 1 次）`,
      en: `${ob.name.en}: all ${covered.length} covered people trained since ${period.start} (required at least once ${every.en})`,
    });
  }
  const who = list(missing.map((p) => p.name));
  return finding(data.node, ruleId, ob, endingSoon(period.end, today) ? "due_soon" : "unmet", {
    zh: `${ob.name.zh}：应参训 ${covered.length} 人，${period.start} 起已参训 ${covered.length - missing.length} 人；未参训：${who.zh}（要求${every.zh}至少 1 次）`,
    en: `${ob.name.en}: ${covered.length - missing.length} of ${covered.length} covered people trained since ${period.start}; not yet: ${who.en} (required at least once ${every.en})`,
  });
}

function perNode(data: OrgData, ob: Obligation, today: string, since: string): Finding | undefined {
  if (!ob.levels.includes(data.node.level as never)) return undefined;
  const ruleId = `obligation.${ob.id}`;
  const countFrom = (start: string) => {
    const inRange = (r: { date: string }) => r.date >= start && r.date <= today;
    const own = data.records.filter((r) => inRange(r) && fulfils(ob)(r)).length;
    // Work notices are also issued at meetings (工作提示).
    const fromMeetings = ob.kind === "work_notice" ? data.records.filter((r) => inRange(r) && r.kind === "meeting").reduce((sum, r) => sum + r.workNotices, 0) : 0;
    return own + fromMeetings;
  };
  if (ob.frequency === null) {
    return finding(data.node, ruleId, ob, "not_applicable", {
      zh: `文件未规定频次；${since} 起记录 ${countFrom(since)} 次`,
      en: `no frequency set; ${countFrom(since)} recorded since ${since}`,
    });
  }
  const period = periodOf(ob.frequency, today);
  const done = countFrom(period.start);
  const every = frequencyText(ob.frequency);
  const status = done >= 1 ? "met" : endingSoon(period.end, today) ? "due_soon" : "unmet";
  return finding(data.node, ruleId, ob, status, {
    zh: `${ob.name.zh}：${period.start} 起 ${done} 次，要求${every.zh}至少 1 次`,
    en: `${ob.name.en}: ${done} since ${period.start}, required at least once ${every.en}`,
  });
}

export function obligations(profile: PolicyProfile, data: OrgData, today: string, since: string): Finding[] {
  return profile.obligations
    .map((ob) => (ob.kind === "training" && ob.covers.length ? perPerson(profile, data, ob, today, since) : perNode(data, ob, today, since)))
    .filter((f): f is Finding => f !== undefined);
}
