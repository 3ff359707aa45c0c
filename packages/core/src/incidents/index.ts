// Fire incidents (火灾事故): where and when, the cause, losses and casualties,
// the forces dispatched and their arrival, early fires put out by micro
// stations; the venue's past-year record an accountability review asks for;
// the nearest forces (火警派警); counts for the assessment.
// The domain's entities join the table's one service when the domain loads.
import "./incident.entity.ts";
export { createIncident, updateIncident, listIncidents, exportIncidents, incidentsBetween, earlyFireSaveOf, toIncidentView, type IncidentItem } from "./incidents.ts";
export { getIncident, reviewOf, nearestForcesOf, suggestForces, NearestForcesInput } from "./review.ts";
export { CreateIncidentInput, UpdateIncidentInput, ListIncidentsInput, ExportIncidentsInput, IncidentParams, ForceInput } from "./inputs.ts";
export { IncidentViewSchema, IncidentPageSchema, IncidentDetailSchema, NearestForcesSchema, AccountabilityReviewSchema, type IncidentView, type IncidentDetail, type NearestForces, type AccountabilityReview } from "./views.ts";
export { haversineKm, nearest, windowStart, reviewHazard, causeOf, DEFAULT_SUGGESTIONS } from "./rules.ts";

import { moveWithSubtree } from "../jurisdiction/index.ts";
import { incidentsMovedWith } from "./relocate.ts";
moveWithSubtree("incidents", incidentsMovedWith);
