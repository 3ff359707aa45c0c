import { z } from "zod";
import { pageOf } from "../db/cursor.ts";
import type { Summary } from "./entries.ts";
import { SOURCES, STATES, type Hazard } from "./types.ts";

// What the hazard use cases answer with.

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const Handling = z.object({ body: z.string().optional(), level: z.string() });
const Basis = z
  .object({ rule: z.string(), sourceRef: z.string().nullable(), text: z.string().optional(), assumption: z.object({ zh: z.string(), en: z.string().optional() }).optional() })
  .meta({ id: "RuleBasis", description: "The profile rule behind an automatic step, with its clause (sourceRef) or its marked default (assumption)" });

export const HazardViewSchema = z
  .object({
    hazardId: z.string(),
    nodeId: z.string(),
    path: z.string(),
    venueId: z.string().optional(),
    venueName: z.string().optional().meta({ description: "The venue's name when the hazard was raised" }),
    venueKinds: z.array(z.string()).optional().meta({ description: "The venue's kinds when the hazard was raised: they choose its industry department" }),
    locationText: z.string().optional(),
    lat: z.number().optional().meta({ description: "WGS-84 latitude where it was found" }),
    lng: z.number().optional().meta({ description: "WGS-84 longitude where it was found" }),
    code: z.string().optional(),
    codeText: z.string().optional(),
    severity: z.string().optional(),
    description: z.string(),
    photos: z.array(z.string()),
    source: z.enum(SOURCES),
    transferredFrom: z.string().optional(),
    reporter: z.object({ type: z.string(), id: z.string().optional(), contact: z.string().optional() }),
    responsibleParty: z.object({ name: z.string(), contact: z.string().optional() }).optional(),
    state: z.enum(STATES),
    deadline: z.string().optional().meta({ description: "End of the local day the rectification is due" }),
    overdue: z.boolean(),
    handling: Handling.optional().meta({ description: "The body (and level) handling it, from the profile's routing and escalations" }),
    assigneeId: z.string().optional(),
    pendingAcks: z.array(z.object({ body: z.string(), requestedAt: z.string(), dueAt: z.string(), late: z.boolean(), basis: Basis })),
    acks: z.array(z.object({ body: z.string(), at: z.string(), by: z.string() })),
    reports: z.array(z.object({ to: z.string(), action: z.string(), at: z.string(), copy: z.boolean() })),
    departments: z.array(z.string()),
    remitOf: z.array(z.string()),
    decisions: z.array(z.object({ by: z.string(), criteria: z.array(z.string()), reason: z.string(), at: z.string(), actorId: z.string() })),
    listings: z.array(z.object({ levelId: z.string(), level: z.string(), listedBy: z.string(), via: z.string().optional(), nodeId: z.string(), trigger: z.string(), jointly: z.array(z.string()).optional().meta({ description: "Bodies supervising jointly (会同), incl. the industry department of the venue's kind" }), reason: z.string().optional(), at: z.string(), by: z.string() })),
    occurrences: z.array(z.string()),
    createdAt: z.string(),
    openedAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().optional(),
    publicNote: z.string().optional().meta({ description: "The latest note staff wrote for the public" }),
    withdrawnAt: z.string().optional(),
    duplicateOf: z.string().optional().meta({ description: "State duplicate: the hazard it was merged into" }),
    duplicates: z.array(z.string()).optional().meta({ description: "Hazards merged into this one" }),
    reopenCount: z.int(),
    profileVersion: z.int(),
    version: z.int().meta({ description: "Send it back as expectedVersion to act only on what you saw" }),
  })
  .meta({ id: "Hazard" });

export type HazardView = z.infer<typeof HazardViewSchema>;

/** The hazard as a client sees it; a reporter's contact only for those who act on hazards. */
export function toHazardView(h: Hazard, withContact: boolean): HazardView {
  const { fired: _fired, overdueDaysSeen: _days, seq: _seq, trail: _trail, reporter, ...rest } = h;
  return { ...rest, reporter: withContact ? reporter : { type: reporter.type, ...(reporter.id ? { id: reporter.id } : {}) } } as HazardView;
}

export const HazardEventSchema = z
  .object({
    seq: z.int(),
    at: z.string(),
    action: z.string(),
    from: z.string(),
    to: z.string(),
    actorType: z.string(),
    actorId: z.string(),
    actorName: z.string().optional(),
    version: z.int(),
    profileVersion: z.int(),
    note: z.string().optional(),
    photos: z.array(z.string()).optional(),
    deadlineBefore: z.string().optional(),
    deadlineAfter: z.string().optional(),
    basis: Basis.optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "HazardEvent" });

export type HazardEvent = z.infer<typeof HazardEventSchema>;

export const TimelineSchema = z
  .object({
    hazard: HazardViewSchema.optional().meta({ description: "On the first page" }),
    allowedActions: z.array(z.string()).optional().meta({ description: "On the first page: the actions the caller may take now (inputs still checked on submit)" }),
    events: z.array(HazardEventSchema),
    cursor: z.string().nullable(),
  })
  .meta({ id: "HazardTimeline" });

export const SummarySchema = z
  .object({
    hazardId: z.string(),
    nodeId: z.string(),
    path: z.string(),
    state: z.enum(STATES),
    severity: z.string().optional(),
    code: z.string().optional(),
    codeText: z.string().optional(),
    description: z.string(),
    venueId: z.string().optional(),
    venueName: z.string().optional(),
    locationText: z.string().optional(),
    lat: z.number().optional(),
    lng: z.number().optional(),
    source: z.enum(SOURCES),
    deadline: z.string().optional(),
    overdue: z.boolean(),
    handling: Handling.optional(),
    assigneeId: z.string().optional(),
    listedAt: z.array(z.string()),
    awaitingAck: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  })
  .meta({ id: "HazardSummary" });

export const SummaryPageSchema = pageOf(SummarySchema).meta({ id: "HazardPage" });
export type SummaryPage = { items: Summary[]; cursor: string | null };

export const CreatedSchema = HazardViewSchema.extend({ reopened: z.boolean().meta({ description: "True when the report reopened a hazard closed within the profile's reopen window" }) }).meta({ id: "HazardCreated" });

export const DaysBucketSchema = z
  .object({ above: z.number(), atMost: z.number().nullable() })
  .meta({ id: "DaysBucket", description: "A quantile of time to close, read from the histogram: in (above, atMost] days; atMost null above a year" });

export const CountersSchema = z
  .object({
    nodeId: z.string(),
    open: z.object({ total: z.int(), byState: z.record(z.string(), z.int()), bySeverity: z.record(z.string(), z.int()), byStateAndSeverity: z.record(z.string(), z.record(z.string(), z.int())) }),
    overdue: z.object({ total: z.int(), bySeverity: z.record(z.string(), z.int()) }),
    listed: z.object({ total: z.int(), bySeverity: z.record(z.string(), z.int()) }).meta({ description: "Open hazards under listed supervision (挂牌督办), by severity" }),
    opened: z.object({ total: z.int(), byMonth: z.record(z.string(), z.int()) }).meta({ description: "Hazards reported per local month (counted from the dashboard's deploy for older hazards)" }),
    closed: z.object({ total: z.int(), byMonth: z.record(z.string(), z.int()) }),
    timeToClose: z.object({
      histogram: z.record(z.string(), z.int()).meta({ description: "Closes by time to close: bucket = upper bound in days (inclusive), `inf` above a year" }),
      medianDays: DaysBucketSchema.nullable(),
      p90Days: DaysBucketSchema.nullable(),
    }),
  })
  .meta({ id: "HazardCounters", description: "A node's subtree: open and overdue now; closed and time to close over the months asked" });

export const TipReceiptSchema = z.object({ hazardId: z.string(), state: z.enum(STATES), message: Bilingual, receiptCode: z.string().meta({ description: "Shown once: with it the tipster follows the tip (GET /v1/public/{tenantSlug}/tips/{receiptCode})" }) }).meta({ id: "PublicTipReceipt" });
