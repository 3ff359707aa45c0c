import { z } from "zod";
import { pageOf } from "../db/cursor.ts";

// The incident as the API answers it, its accountability review and the forces suggested.

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const IncidentForceSchema = z.object({
  brigadeId: z.string(),
  nodeId: z.string(),
  name: z.string(),
  force: z.string().meta({ description: "full_time_brigade, micro_station, volunteer_team or integrated_team" }),
  dispatchedAt: z.string().optional(),
  arrivedAt: z.string().optional(),
  responseMinutes: z.number().optional().meta({ description: "Minutes from dispatch to arrival, when both are known" }),
});

export const IncidentViewSchema = z
  .object({
    incidentId: z.string(),
    nodeId: z.string(),
    path: z.string(),
    occurredAt: z.string(),
    venueId: z.string().optional(),
    venueName: z.string().optional(),
    lat: z.number().optional(),
    lng: z.number().optional(),
    address: z.string().optional(),
    cause: z.string(),
    causeName: Bilingual.meta({ description: "The cause category's name in the profile (the id itself when the profile no longer lists it)" }),
    description: z.string().optional(),
    directLoss: z.number().meta({ description: "Direct loss in yuan" }),
    deaths: z.int(),
    injuries: z.int(),
    forces: z.array(IncidentForceSchema),
    earlyFireSave: z.object({ brigadeId: z.string(), nodeId: z.string(), name: z.string() }).optional().meta({ description: "A micro station put the fire out while it was small (for rewards of micro stations)" }),
    status: z.enum(["reported", "closed"]),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().optional(),
    version: z.int(),
  })
  .meta({ id: "Incident" });
export type IncidentView = z.infer<typeof IncidentViewSchema>;

export const IncidentPageSchema = pageOf(IncidentViewSchema).meta({ id: "IncidentPage" });

export const NearestForceSchema = z.object({
  brigadeId: z.string(),
  nodeId: z.string(),
  name: z.string(),
  force: z.string(),
  dutyStatus: z.string(),
  lat: z.number(),
  lng: z.number(),
  distanceKm: z.number().meta({ description: "Straight-line (great-circle) distance from the incident's location, not a road distance" }),
});
export type NearestForce = z.infer<typeof NearestForceSchema>;

export const NearestForcesSchema = z
  .object({
    from: z.object({ lat: z.number(), lng: z.number() }).nullable().meta({ description: "The incident's location; null when it has none (no suggestion then)" }),
    items: z.array(NearestForceSchema).meta({ description: "Nearest first" }),
    withoutPosition: z.int().meta({ description: "Active brigades of the area with no position recorded (not ranked)" }),
    basis: Bilingual,
    sourceRef: z.string().nullable(),
    text: z.string().optional(),
  })
  .meta({ id: "NearestForces" });
export type NearestForces = z.infer<typeof NearestForcesSchema>;

const Citation = z.object({ id: z.string(), name: Bilingual, sourceRef: z.string().nullable(), text: z.string().optional(), assumption: z.object({ zh: z.string(), en: z.string().optional() }).optional() });

export const ReviewHazardSchema = z.object({
  hazardId: z.string(),
  state: z.string(),
  severity: z.string().optional(),
  code: z.string().optional(),
  description: z.string(),
  createdAt: z.string(),
  deadline: z.string().optional(),
  overdue: z.boolean().meta({ description: "Went past its deadline (open or closed)" }),
  overdueNow: z.boolean().meta({ description: "Open and past its deadline at the time of the incident's review" }),
  closedLate: z.boolean().meta({ description: "Closed after its deadline" }),
  openAtIncident: z.boolean().meta({ description: "Reported before the fire and not closed by then" }),
});

export const ReviewInspectionSchema = z.object({
  inspectionId: z.string(),
  finishedAt: z.string(),
  categories: z.array(z.string()),
  inspectorId: z.string(),
  passed: z.int(),
  failed: z.int(),
  hazardIds: z.array(z.string()),
});

export const AccountabilityReviewSchema = z
  .object({
    incidentId: z.string(),
    venueId: z.string().nullable().meta({ description: "null: the incident is not at a registered venue, so there is no venue history" }),
    since: z.string().meta({ description: "The start of the review window (the incident's time minus the window)" }),
    windowMonths: z.int(),
    windowRule: Citation.omit({ id: true, name: true }),
    inspections: z.array(ReviewInspectionSchema),
    hazards: z.array(ReviewHazardSchema),
    totals: z.object({ inspections: z.int(), hazards: z.int(), overdue: z.int(), overdueNow: z.int(), closedLate: z.int(), openAtIncident: z.int() }),
    accountability: z.array(Citation).meta({ description: "The profile's clauses that hold officials to account when a fire follows failed duties" }),
  })
  .meta({ id: "IncidentReview" });
export type AccountabilityReview = z.infer<typeof AccountabilityReviewSchema>;

export const IncidentDetailSchema = z
  .object({ incident: IncidentViewSchema, review: AccountabilityReviewSchema, nearestForces: NearestForcesSchema })
  .meta({ id: "IncidentDetail" });
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;
