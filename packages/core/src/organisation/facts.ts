import type { Employment, ForceKind, LedgerState, RecordKind, VehicleType } from "./vocabulary.ts";

// A node's organisation as plain facts (no entities, no database): what the
// compliance engine judges, so that it stays a pure function of (profile
// version in effect, a node's organisation, now).

export interface NodeFacts {
  nodeId: string;
  level: string;
  name: string;
  unit?: string;
  tier?: string;
  /** The day the node was recorded (tenant's calendar): periods that ended before it are not held against it. */
  createdOn?: string;
}

export interface PersonFacts {
  personId: string;
  name: string;
  employment: Employment;
  secondedFrom?: string;
  bodyId?: string;
  roles: readonly string[];
  positions: readonly string[];
  /** The day they were hired (入职): periods that ended before it are not held against them. */
  hiredOn?: string;
  /** The day of their latest change of post (转岗). */
  jobChangedOn?: string;
  /** Gross pay per year in yuan. */
  annualPay?: number;
  /** For people who left: when, whether on retirement, and when the long-service benefit was granted. */
  leftOn?: string;
  leftFor?: "retirement" | "other";
  longServiceBenefitOn?: string;
}

export interface BrigadeFacts {
  brigadeId: string;
  name: string;
  force: ForceKind;
  grade?: string;
  deployment?: "centre" | "satellite";
  memberCount: number;
  /** Registered as a public-institution legal person (事业单位法人). */
  publicInstitution?: boolean;
  /** The venue it is built at (a key unit's own micro station). */
  venueId?: string;
  /** Its members (people of its home node), and those who left while members. */
  memberIds?: readonly string[];
  formerMemberIds?: readonly string[];
  vehicles: readonly { type: VehicleType; count: number }[];
  /** The teams recorded on the station (by the profile's team ids). */
  teams?: readonly { id: string; name: string; memberCount?: number }[];
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
  /** The audience reached (a 五进 target …). */
  target?: string;
  /** The campaign day or month it was made for (an occasion's id or name). */
  campaign?: string;
  /** A hazard ledger report: the month it reports (YYYY-MM) and its counts by state. */
  ledger?: { month: string; counts: Partial<Record<LedgerState, number>> };
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
  /** People of the node who have left (kept for what is owed them on leaving). */
  leavers?: readonly PersonFacts[];
  bodies: readonly { bodyId: string; establishedOn?: string }[];
  standardItems: readonly { standardId: string; itemId: string; metOn?: string; value?: number }[];
  /** Positions publicly posted at the node (挂牌公示) and when. */
  postings?: readonly { positionId: string; postedOn: string }[];
  /** Brigades based at the node. */
  brigades: readonly BrigadeFacts[];
  /** Brigades based elsewhere that cover the node. */
  coverage: readonly CoverFacts[];
  records: readonly RecordFacts[];
  attendance: readonly AttendanceFacts[];
  milestones: readonly { milestoneId: string; metOn: string }[];
  /** The node's key units (venues with a key-unit level), when a rule is judged per key unit. */
  keyUnits?: readonly { venueId: string; name: string; keyUnitLevel: string }[];
  /** The active brigades of the node's whole subtree, when a rule totals them (brigade quotas at the county). */
  subtreeBrigades?: readonly BrigadeFacts[];
  /** The previous year's average wage the node measures pay against (its own or its nearest ancestor's figure), when needed. */
  wageBenchmark?: { nodeId: string; year: number; amount: number };
  /** The hazard counters of the node's subtree (metric, value), when a ledger report is checked against them. */
  hazardCounters?: readonly { metric: string; value: number }[];
}
