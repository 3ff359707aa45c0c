import type { OrgData, NodeFacts, PersonFacts, BrigadeFacts, CoverFacts, RecordFacts, AttendanceFacts } from "../organisation/index.ts";

// The facts are the organisation's own shape; the engine judges them.
export type { OrgData, NodeFacts, PersonFacts, BrigadeFacts, CoverFacts, RecordFacts, AttendanceFacts };

// What the compliance engine reads and answers. The facts are plain data
// (no entities, no database), so the engine is a pure function of
// (profile version in effect, a node's organisation, now).

export type Status = "met" | "unmet" | "due_soon" | "not_applicable" | "overdue";
export const STATUSES: readonly Status[] = ["met", "unmet", "due_soon", "overdue", "not_applicable"];

/** How much a finding should worry its reader; the profile has no severities of its own for these rules. */
export type Severity = "high" | "medium" | "low" | "info";

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Finding {
  /** `<area>.<profile rule id>[.<check>]`, stable across evaluations. */
  ruleId: string;
  nodeId: string;
  /** The thing judged when it is not the node itself (a brigade). */
  subjectId?: string;
  status: Status;
  evidence: Bilingual;
  severity: Severity;
  /** The clause, e.g. `demo 三(二)`; null for a rule the document does not state (its assumption is in text). */
  sourceRef: string | null;
  /** The clause's zh text (or, without a clause, the assumption taken). */
  text: string;
  /** Set on read: the clause is a borrowed document's (借用), see profile/fork.ts. */
  borrowed?: boolean;
}

export interface Clock {
  now: Date;
  /** IANA zone of the tenant; periods and deadlines are its calendar days. */
  timeZone: string;
}
