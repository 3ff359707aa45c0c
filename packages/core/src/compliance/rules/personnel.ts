import type { PolicyProfile } from "../../profile/index.ts";
import { finding, list } from "../finding.ts";
import { addMonths } from "../periods.ts";
import type { Bilingual, BrigadeFacts, Finding, OrgData, PersonFacts } from "../types.ts";

// What full-time firefighters are owed (profile.brigades.personnel), judged
// per full-time brigade from its roster, at the brigade's home node:
// - pay_floor: the brigade's members' average annual pay (人均工资) is not
//   below the previous year's local average wage, the benchmark figure the
//   county enters at its node (organisation/benchmarks.ts; the node's own or
//   its nearest ancestor's). Without the figure, or without any member's pay,
//   it cannot be judged (not applicable, saying what is missing).
// - long_service: a member who left (the brigade's former members) after at
//   least minServiceYears of continuous service (hire to leaving), other than
//   on retirement, has the benefit (subsidy, job recommendation) recorded.
//   Someone missing a date cannot be counted and is named.

type PersonnelRule = PolicyProfile["brigades"]["personnel"][number];

const yuan = (n: number) => Math.round(n).toLocaleString("en-US");

const forces = (data: OrgData) => data.brigades.filter((b) => b.force === "full_time_brigade");

function payFloor(data: OrgData, rule: Extract<PersonnelRule, { kind: "pay_floor" }>, b: BrigadeFacts, today: string): Finding {
  const year = Number(today.slice(0, 4)) - 1;
  const ruleId = `brigades.personnel.${rule.id}`;
  const subject = { subjectId: b.brigadeId };
  const members = (b.memberIds ?? []).map((id) => data.people.find((p) => p.personId === id)).filter((p): p is PersonFacts => p !== undefined);
  const paid = members.filter((p) => p.annualPay !== undefined);
  const benchmark = data.wageBenchmark?.year === year ? data.wageBenchmark : undefined;
  if (!benchmark) {
    return finding(data.node, ruleId, rule, "not_applicable", {
      zh: `${b.name}：基准（${rule.benchmark.zh}，${year} 年）尚未录入，无法判断`,
      en: `${b.name}: the ${year} figure (${rule.benchmark.en}) is not entered yet`,
    }, subject);
  }
  if (!paid.length) {
    return finding(data.node, ruleId, rule, "not_applicable", {
      zh: `${b.name}：队员 ${members.length} 人均未录入年工资，无法判断（基准 ${yuan(benchmark.amount)} 元）`,
      en: `${b.name}: none of its ${members.length} members has annual pay recorded (benchmark ${yuan(benchmark.amount)} yuan)`,
    }, subject);
  }
  const average = paid.reduce((sum, p) => sum + p.annualPay!, 0) / paid.length;
  const below = paid.filter((p) => p.annualPay! < benchmark.amount);
  const unpaid = members.length - paid.length;
  const detail: Bilingual = {
    zh: `${below.length ? `；低于基准 ${below.length} 人` : ""}${unpaid ? `；另有 ${unpaid} 人未录入工资` : ""}`,
    en: `${below.length ? `; ${below.length} below it` : ""}${unpaid ? `; ${unpaid} more without pay recorded` : ""}`,
  };
  return finding(data.node, ruleId, rule, average >= benchmark.amount ? "met" : "unmet", {
    zh: `${b.name}：队员人均年工资 ${yuan(average)} 元（${paid.length} 人），基准（${rule.benchmark.zh}，${year} 年）${yuan(benchmark.amount)} 元${detail.zh}`,
    en: `${b.name}: members' average annual pay ${yuan(average)} yuan (${paid.length}), ${year} benchmark ${yuan(benchmark.amount)} yuan${detail.en}`,
  }, subject);
}

function longService(data: OrgData, rule: Extract<PersonnelRule, { kind: "long_service" }>, b: BrigadeFacts): Finding {
  const ruleId = `brigades.personnel.${rule.id}`;
  const former = (b.formerMemberIds ?? []).map((id) => (data.leavers ?? []).find((p) => p.personId === id)).filter((p): p is PersonFacts => p !== undefined && p.leftFor !== "retirement");
  const undated = former.filter((p) => !p.hiredOn || !p.leftOn);
  const eligible = former.filter((p) => p.hiredOn && p.leftOn && addMonths(p.hiredOn, 12 * rule.minServiceYears) <= p.leftOn);
  const owed = eligible.filter((p) => !p.longServiceBenefitOn);
  const years = rule.minServiceYears;
  const unknown: Bilingual = undated.length
    ? { zh: `；缺入职或离队日期、无法计算年限：${list(undated.map((p) => p.name)).zh}`, en: `; service unknown (hire or leaving date missing): ${list(undated.map((p) => p.name)).en}` }
    : { zh: "", en: "" };
  const head = { zh: `${b.name}：连续工作满 ${years} 年退出（非退休）的队员 ${eligible.length} 人`, en: `${b.name}: ${eligible.length} left after ${years}+ years' continuous service (not retiring)` };
  if (!owed.length) {
    return finding(data.node, ruleId, rule, "met", { zh: `${head.zh}${eligible.length ? "，均已落实" : ""}${unknown.zh}`, en: `${head.en}${eligible.length ? ", all granted the benefit" : ""}${unknown.en}` }, { subjectId: b.brigadeId });
  }
  return finding(data.node, ruleId, rule, "unmet", {
    zh: `${head.zh}，未落实（${rule.benefit.zh}）：${list(owed.map((p) => p.name)).zh}${unknown.zh}`,
    en: `${head.en}; benefit not recorded (${rule.benefit.en}): ${list(owed.map((p) => p.name)).en}${unknown.en}`,
  }, { subjectId: b.brigadeId });
}

export function personnel(profile: PolicyProfile, data: OrgData, today: string): Finding[] {
  return profile.brigades.personnel.flatMap((rule) => forces(data).map((b) => (rule.kind === "pay_floor" ? payFloor(data, rule, b, today) : longService(data, rule, b))));
}
