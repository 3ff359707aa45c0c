import { expect } from "vitest";
import { Compliance, type Profiles } from "@firegov/core";

type OrgData = Compliance.OrgData;
type PersonFacts = Compliance.PersonFacts;
type Finding = Compliance.Finding;

/** A node's data with nothing recorded yet. */
export function org(level: string, extra: Partial<OrgData["node"]> = {}): OrgData {
  return {
    node: { nodeId: `${level}-1`, level, name: "甲镇", ...extra },
    people: [],
    bodies: [],
    standardItems: [],
    brigades: [],
    coverage: [],
    records: [],
    attendance: [],
    milestones: [],
  };
}

let seq = 0;

/** `count` people alike, named 人员1, 人员2 … */
export function people(count: number, facts: Partial<PersonFacts>): PersonFacts[] {
  return Array.from({ length: count }, () => {
    seq += 1;
    return { personId: `p${seq}`, name: `人员${seq}`, employment: "on_payroll", roles: [], positions: [], ...facts };
  });
}

export const with_ = (data: OrgData, more: Partial<Omit<OrgData, "node">>): OrgData => ({
  ...data,
  ...Object.fromEntries(Object.entries(more).map(([k, v]) => [k, [...((data as never)[k] as unknown[]), ...(v as unknown[])]])),
});

/** A record of a kind on a date (the obligation it names, and other facts, in `more`). */
export const record = (kind: Compliance.RecordFacts["kind"], date: string, more: Partial<Compliance.RecordFacts> = {}): Compliance.RecordFacts => ({
  recordId: `${kind}-${date}-${more.obligationId ?? ""}`,
  kind,
  date,
  workNotices: 0,
  ...more,
});

export const FIVE_INTO = ["企业", "农村", "社区", "学校", "家庭"];

/** One record per target, all on one date. */
export const reaching = (kind: Compliance.RecordFacts["kind"], date: string, targets: readonly string[], more: Partial<Compliance.RecordFacts> = {}) =>
  targets.map((target) => ({ ...record(kind, date, { target, ...more }), recordId: `${kind}-${date}-${target}` }));

/** Noon in Shanghai on a date. */
export const at = (date: string) => ({ now: new Date(`${date}T04:00:00Z`), timeZone: "Asia/Shanghai" });

export function evaluate(profile: Profiles.PolicyProfile, data: OrgData, date = "2025-06-15"): Finding[] {
  return Compliance.evaluateNode(profile, data, at(date));
}

/** The one finding of a rule (and subject); fails when there is none or several. */
export function one(findings: Finding[], ruleId: string, subjectId?: string): Finding {
  const hits = findings.filter((f) => f.ruleId === ruleId && (subjectId === undefined || f.subjectId === subjectId));
  expect(hits, `findings for ${ruleId}: ${findings.map((f) => f.ruleId).join(", ")}`).toHaveLength(1);
  return hits[0]!;
}

/** rule → status, for comparing a whole evaluation at once. */
export const statuses = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.subjectId ? `${f.ruleId}@${f.subjectId}` : f.ruleId, f.status]));

/** Asserts status and clause of a rule's finding and returns it. */
export function expectFinding(findings: Finding[], ruleId: string, status: Compliance.Status, sourceRef: string, subjectId?: string): Finding {
  const f = one(findings, ruleId, subjectId);
  expect({ status: f.status, sourceRef: f.sourceRef }, f.evidence.zh).toEqual({ status, sourceRef });
  expect(f.text.length).toBeGreaterThan(0);
  return f;
}

/** The data with nobody holding a position any more (they keep their other positions). */
export const withoutPosition = (data: OrgData, positionId: string): OrgData => ({
  ...data,
  people: data.people.map((p) => ({ ...p, positions: p.positions.filter((x) => x !== positionId) })),
});

/**
 * Breaking one rule changes exactly its finding: every other finding of the
 * node keeps its status, and the broken one has the status and clause given.
 */
export function expectOnlyChange(profile: Profiles.PolicyProfile, good: OrgData, bad: OrgData, ruleId: string, status: Compliance.Status, sourceRef: string, date?: string) {
  const before = statuses(evaluate(profile, good, date));
  const after = evaluate(profile, bad, date);
  const changed = Object.keys({ ...before, ...statuses(after) }).filter((k) => before[k] !== statuses(after)[k]);
  expect(changed).toEqual([ruleId]);
  return expectFinding(after, ruleId, status, sourceRef);
}

/** Duty reports (履职报告) of these profile responsibilities, on one date. */
export const dutyReports = (ids: readonly string[], date: string): OrgData["records"] =>
  ids.map((responsibilityId) => ({ recordId: `duty-${responsibilityId}-${date}`, kind: "duty_report" as const, responsibilityId, date, workNotices: 0 }));
