import type { Employment, ForceKind, RecordKind, VehicleType } from "./vocabulary.ts";

// A node's organisation as plain facts (no entities, no database): what the
// compliance engine judges, so that it stays a pure function of (profile
// version in effect, a node's organisation, now).

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
  /** A duty report: the responsibility it reports on. */
  responsibilityId?: string;
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
