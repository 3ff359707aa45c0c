import type { Employment, ForceKind, RecordKind, VehicleType } from "../organisation/vocabulary.ts";

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
}

export interface NodeFacts {
  nodeId: string;
  level: string;
  name: string;
  unit?: string;
  tier?: string;
}

export interface PersonFacts {
  personId: string;
  name: string;
  employment: Employment;
  secondedFrom?: string;
  bodyId?: string;
  roles: readonly string[];
  positions: readonly string[];
}

export interface BrigadeFacts {
  brigadeId: string;
  name: string;
  force: ForceKind;
  grade?: string;
  deployment?: "centre" | "satellite";
  memberCount: number;
  vehicles: readonly { type: VehicleType; count: number }[];
}

export interface CoverFacts {
  brigadeId: string;
  name: string;
  force: ForceKind;
  grade?: string;
}

export interface RecordFacts {
  recordId: string;
  kind: RecordKind;
  obligationId?: string;
  /** YYYY-MM-DD */
  date: string;
  /** Work notices issued at a meeting. */
  workNotices: number;
}

export interface AttendanceFacts {
  personId: string;
  recordId: string;
  kind: RecordKind;
  obligationId?: string;
  date: string;
}

/** One node's organisation: active people, bodies, checklists, forces, records and milestones. */
export interface OrgData {
  node: NodeFacts;
  people: readonly PersonFacts[];
  bodies: readonly { bodyId: string; establishedOn?: string }[];
  standardItems: readonly { standardId: string; itemId: string; metOn?: string }[];
  /** Brigades based at the node. */
  brigades: readonly BrigadeFacts[];
  /** Brigades based elsewhere that cover the node. */
  coverage: readonly CoverFacts[];
  records: readonly RecordFacts[];
  attendance: readonly AttendanceFacts[];
  milestones: readonly { milestoneId: string; metOn: string }[];
}

export interface Clock {
  now: Date;
  /** IANA zone of the tenant; periods and deadlines are its calendar days. */
  timeZone: string;
}
