import type { Finding, Status } from "../compliance/index.ts";
import { addDays } from "../compliance/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { qualificationsOf, resourcesOf } from "../profile/index.ts";

// The findings of a node's funding, equipment and certificates: a pure
// function of (profile, the node's items, today), in the compliance
// domain's Finding shape (rule id, status, evidence, clause and its text).

interface Cited {
  sourceRef: string | null;
  text?: string | undefined;
  assumption?: { zh: string; en?: string | undefined } | undefined;
}

export interface EquipmentFacts {
  equipmentId: string;
  kind: string;
  name?: string | undefined;
  count: number;
  nextCheckDue?: string | undefined;
  expiresOn?: string | undefined;
  status: "active" | "retired";
}

export interface CertificateFacts {
  certificateId: string;
  personName: string;
  kind: string;
  number: string;
  expiresOn?: string | undefined;
}

export interface ResourceFacts {
  nodeId: string;
  level: string;
  equipment: readonly EquipmentFacts[];
  certificates: readonly CertificateFacts[];
  /** The years the node has a budget line for. */
  budgetYears: readonly number[];
}

const severityOf: Record<Status, Finding["severity"]> = { overdue: "high", unmet: "medium", due_soon: "low", met: "info", not_applicable: "info" };

function finding(nodeId: string, ruleId: string, rule: Cited, status: Status, evidence: { zh: string; en: string }, subjectId?: string): Finding {
  return { ruleId, nodeId, ...(subjectId ? { subjectId } : {}), status, evidence, severity: severityOf[status], sourceRef: rule.sourceRef, text: rule.text ?? rule.assumption?.zh ?? "" };
}

/**
 * A dated limit judged at `today` with `leadDays` of warning: past it
 * (today after the date) unmet, within the lead (today on or after
 * date − leadDays) due soon, else met.
 */
export function dateStatus(date: string, today: string, leadDays: number): Status {
  if (today > date) return "unmet";
  if (today >= addDays(date, -leadDays)) return "due_soon";
  return "met";
}

const WORDS: Record<Status, { zh: string; en: string }> = {
  unmet: { zh: "已过期", en: "expired" },
  due_soon: { zh: "即将到期", en: "expiring soon" },
  met: { zh: "在有效期内", en: "in date" },
  overdue: { zh: "已过期", en: "expired" },
  not_applicable: { zh: "不适用", en: "not applicable" },
};

/** Every finding of the node's funding, equipment and certificates at `today`. */
export function resourceFindings(profile: PolicyProfile, facts: ResourceFacts, today: string): Finding[] {
  const res = resourcesOf(profile);
  const qual = qualificationsOf(profile);
  const kindName = (id: string) => res.equipmentKinds.find((k) => k.id === id)?.name ?? { zh: id, en: id };
  const certName = (id: string) => qual.certificateKinds.find((k) => k.id === id)?.name ?? { zh: id, en: id };
  const out: Finding[] = [];
  const lead = res.equipment.leadDays;
  const active = facts.equipment.filter((e) => e.status === "active");
  for (const e of active) {
    const label = { zh: e.name ?? kindName(e.kind).zh, en: e.name ?? kindName(e.kind).en };
    if (e.expiresOn) {
      const status = dateStatus(e.expiresOn, today, lead);
      out.push(finding(facts.nodeId, "equipment.expiry", res.equipment, status, { zh: `${label.zh}（${e.count}）有效期至 ${e.expiresOn}，${WORDS[status].zh}（提前 ${lead} 天提示）`, en: `${label.en} (${e.count}) valid until ${e.expiresOn}: ${WORDS[status].en} (warned ${lead} days ahead)` }, e.equipmentId));
    }
    if (e.nextCheckDue) {
      const status = dateStatus(e.nextCheckDue, today, lead);
      const word = status === "unmet" ? { zh: "检查已逾期", en: "check overdue" } : status === "due_soon" ? { zh: "即将到检", en: "check due soon" } : { zh: "未到检查期", en: "check not yet due" };
      out.push(finding(facts.nodeId, "equipment.check", res.equipment, status, { zh: `${label.zh} 下次检查 ${e.nextCheckDue}，${word.zh}`, en: `${label.en} next check ${e.nextCheckDue}: ${word.en}` }, e.equipmentId));
    }
  }
  for (const m of res.minimums ?? []) {
    if (m.level !== facts.level) continue;
    const usable = active.filter((e) => e.kind === m.kind && !(e.expiresOn && today > e.expiresOn)).reduce((n, e) => n + e.count, 0);
    const name = kindName(m.kind);
    out.push(finding(facts.nodeId, `equipment.minimum.${m.id}`, m, usable >= m.min ? "met" : "unmet", { zh: `${name.zh} 在有效期内 ${usable}，要求 ≥${m.min}`, en: `${name.en} in date: ${usable}, required ≥${m.min}` }));
  }
  if (res.funding && res.funding.levels.includes(facts.level as never)) {
    const year = Number(today.slice(0, 4));
    const has = facts.budgetYears.includes(year);
    out.push(finding(facts.nodeId, "funding.budget", res.funding, has ? "met" : "unmet", has ? { zh: `已录入 ${year} 年度消防工作经费预算`, en: `A ${year} fire-work budget is entered` } : { zh: `未录入 ${year} 年度消防工作经费预算`, en: `No ${year} fire-work budget entered` }));
  }
  const certLead = qual.certificates.leadDays;
  for (const c of facts.certificates) {
    if (!c.expiresOn) continue;
    const status = dateStatus(c.expiresOn, today, certLead);
    const name = certName(c.kind);
    out.push(finding(facts.nodeId, "qualification.expiry", qual.certificates, status, { zh: `${c.personName} 的${name.zh}证书（${c.number}）有效期至 ${c.expiresOn}，${WORDS[status].zh}（提前 ${certLead} 天提示）`, en: `${c.personName}'s ${name.en} certificate (${c.number}) valid until ${c.expiresOn}: ${WORDS[status].en} (warned ${certLead} days ahead)` }, c.certificateId));
  }
  return out;
}
