import type { Role } from "../access/index.ts";
import type { NoticeDetail } from "../notifications/index.ts";
import type { HazardState as WorkflowState, LevelId } from "../profile/index.ts";

// The hazard as the domain sees it: one plain document, stored whole on the
// hazard item and judged by the pure functions in rules.ts and machine.ts.

/** The six states of the closed loop, plus `withdrawn` (撤销: found invalid) and `duplicate` (merged into another hazard); both are final. */
export const STATES = ["discovered", "registered", "dispatched", "rectifying", "verifying", "closed", "withdrawn", "duplicate"] as const;
export type State = WorkflowState | "withdrawn" | "duplicate";

export const OPEN_STATES: readonly State[] = ["discovered", "registered", "dispatched", "rectifying", "verifying"];
export const isOpen = (state: State) => OPEN_STATES.includes(state);

/** How a hazard came in (来源); `self_check`: a failed item of a venue's own self-check (自查); `home_visit`: a failed item of a visit to a vulnerable household (入户走访). */
/** How a hazard came in (来源); `self_check`: a failed item of a venue's own self-check (自查); `open311`: a city service platform's request (Open311 GeoReport v2, e.g. 12345). */
export const SOURCES = ["inspection", "grid_patrol", "public_tip", "iot_alert", "transfer", "self_check", "home_visit", "open311"] as const;
export type Source = (typeof SOURCES)[number];

/** The code for a hazard no code of the profile describes; it needs a text. */
export const OTHER_CODE = "other";

/** Actions that move a hazard along the loop. */
export const TRANSITIONS = ["register", "dispatch", "start", "submit", "close", "reject", "fix_on_spot", "withdraw", "reopen"] as const;
/** Actions that change what is known of a hazard without moving it (the escalation overlay). */
export const OVERLAYS = ["acknowledge", "escalate", "assess", "list", "delist"] as const;
/** Actions with their own endpoint (they touch more than the hazard acted on): merging a duplicate into its original. */
export const LINKS = ["merge"] as const;
export const ACTIONS = [...TRANSITIONS, ...OVERLAYS, ...LINKS] as const;
export type TransitionAction = (typeof TRANSITIONS)[number];
export type OverlayAction = (typeof OVERLAYS)[number];
export type Action = (typeof ACTIONS)[number];

/** What the system itself records: creation, the sweep's findings and the profile's rules firing. */
export type SystemAction = "create" | "overdue" | "ack_overdue" | "escalated" | "listed" | "delisted" | "corroborate" | "merged";
export type EventAction = Action | SystemAction;

/** Where a rule came from in the profile, carried on the events it causes. */
export interface Basis {
  rule: string;
  sourceRef: string | null;
  text?: string | undefined;
  assumption?: { zh: string; en?: string | undefined } | undefined;
}

export interface Person {
  type: "user" | "public" | "system";
  id?: string | undefined;
  contact?: string | undefined;
}

export interface Handling {
  /** A body id of the profile; absent when the profile names only the level. */
  body?: string | undefined;
  level: LevelId;
}

export interface PendingAck {
  body: string;
  requestedAt: string;
  dueAt: string;
  /** True once the sweep has found the due time passed without an acknowledgement. */
  late: boolean;
  basis: Basis;
}

export interface Report {
  to: string;
  action: "report" | "transfer" | "hand_over" | "joint_enforcement" | "request_listing" | "escalate";
  at: string;
  /** A copy for information (抄报) that nobody must acknowledge. */
  copy: boolean;
}

export interface Decision {
  by: string;
  criteria: string[];
  reason: string;
  at: string;
  actorId: string;
}

export interface Listing {
  /** The listing level's id in the profile. */
  levelId: string;
  level: LevelId;
  listedBy: string;
  via?: string | undefined;
  /** The node at the listing level the hazard lies under. */
  nodeId: string;
  trigger: string;
  /** Bodies supervising jointly with the lister (会同): the level's own, and the industry department of the venue's kind. */
  jointly?: string[] | undefined;
  reason?: string | undefined;
  at: string;
  by: string;
}

export interface Hazard {
  hazardId: string;
  nodeId: string;
  /** Materialised path of the node (`/<root>/<town>/...`). */
  path: string;
  venueId?: string | undefined;
  /** The venue's name when the hazard was raised, for cards and notices that must not look it up. */
  venueName?: string | undefined;
  /** The venue's kinds when the hazard was raised: they choose its industry department (按照行业类别). */
  venueKinds?: string[] | undefined;
  locationText?: string | undefined;
  /** Where it was found, WGS-84 (the phone's GPS or the venue's point). */
  lat?: number | undefined;
  lng?: number | undefined;
  code?: string | undefined;
  codeText?: string | undefined;
  severity?: string | undefined;
  description: string;
  photos: string[];
  source: Source;
  transferredFrom?: string | undefined;
  reporter: Person;
  responsibleParty?: { name: string; contact?: string | undefined } | undefined;
  state: State;
  /** The rectification deadline (an instant: end of a local day). */
  deadline?: string | undefined;
  overdue: boolean;
  /** Whole days overdue at the last check: the sweep looks again one day later. */
  overdueDaysSeen: number;
  handling?: Handling | undefined;
  /** Bodies the hazard has passed through; escalations start from them. */
  trail: string[];
  assigneeId?: string | undefined;
  pendingAcks: PendingAck[];
  acks: { body: string; at: string; by: string }[];
  reports: Report[];
  departments: string[];
  remitOf: string[];
  decisions: Decision[];
  listings: Listing[];
  /** Rules already applied (escalation ids, `listing:<level>:<trigger>`): each fires once. */
  fired: string[];
  /** Instants the same venue and code were raised or reopened (recurrence), oldest first. */
  occurrences: string[];
  createdAt: string;
  /** When the current round of work started: creation, or the last reopening. */
  openedAt: string;
  updatedAt: string;
  closedAt?: string | undefined;
  /** The latest note staff wrote for the public (status_notes of Open311, a tipster's receipt): never an internal note. */
  publicNote?: string | undefined;
  withdrawnAt?: string | undefined;
  /** Set when this hazard was merged into another (state `duplicate`): the original's id. */
  duplicateOf?: string | undefined;
  /** Hazards merged into this one, oldest first. */
  duplicates?: string[] | undefined;
  reopenCount: number;
  profileVersion: number;
  version: number;
  /** Number of events written so far; the next event is seq + 1. */
  seq: number;
}

export interface EventDraft {
  action: EventAction;
  from: State;
  to: State;
  note?: string | undefined;
  photos?: string[] | undefined;
  deadlineBefore?: string | undefined;
  deadlineAfter?: string | undefined;
  details?: Record<string, unknown> | undefined;
  basis?: Basis | undefined;
}

/** Who should hear of a change: a user, or whoever acts for a body (or level) at the node above the hazard. */
export type Recipient = { type: "user"; userId: string } | { type: "handler"; handling: Handling };

export interface NotificationIntent {
  kind: EventAction;
  to: Recipient[];
  title: { zh: string; en: string };
  /** Delivered even in the recipients' quiet hours (a device's fire alarm cannot wait for the morning). */
  urgent?: boolean;
  /** Why (a rejection's reason), for the notice to say. */
  reason?: string | undefined;
  /** The hazard's name, place and deadline for the notice (filled when its recipients are found). */
  detail?: NoticeDetail | undefined;
}

/** The acting party as the rules see it. */
export type RuleActor =
  | { type: "user"; userId: string; role: Role; scopePath: string; /** The profile body the user acts for, when bound to one. */ bodyId?: string | undefined }
  | { type: "system" }
  | { type: "public" };
