import { z } from "zod";
import { authorize } from "../access/index.ts";
import { bilingual } from "../errors/index.ts";
import { useUser } from "../context/actor.ts";
import { venueHazardsSince } from "../hazards/index.ts";
import { venueInspectionsSince } from "../inspections/index.ts";
import { brigadePositionsUnder } from "../organisation/index.ts";
import { incidentsPolicy, profileAt, type IncidentsPolicy } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { incidentOrNotFound, rootPathOf, toIncidentView, type IncidentItem } from "./incidents.ts";
import { IncidentParams } from "./inputs.ts";
import { DEFAULT_SUGGESTIONS, nearest, reviewHazard, windowStart } from "./rules.ts";
import type { AccountabilityReview, IncidentDetail, NearestForces } from "./views.ts";

// What an accountability review asks first (the documents hold officials to
// account when a fire follows failed duties: 履职不力造成火灾事故的 … 追究责任):
// what the venue's inspections found in the window before the fire and which
// hazards were overdue, still are, or were closed late; and the forces nearest
// the fire (火警派警), by straight-line distance.

const citation = (r: { sourceRef: string | null; text?: string | undefined; assumption?: { zh: string; en?: string | undefined } | undefined }) => ({
  sourceRef: r.sourceRef,
  ...(r.text ? { text: r.text } : {}),
  ...(r.assumption ? { assumption: r.assumption } : {}),
});

/** The venue's inspections and hazards in the window before the incident, judged at `now`. */
export async function reviewOf(incident: IncidentItem, policy: IncidentsPolicy, now: Date): Promise<AccountabilityReview> {
  const windowMonths = policy.reviewWindowMonths.value;
  const since = windowStart(incident.occurredAt, windowMonths);
  const [inspections, hazards] = incident.venueId ? await Promise.all([venueInspectionsSince(incident.venueId, since), venueHazardsSince(incident.venueId, since)]) : [[], []];
  // What was known before the fire: nothing found or inspected after it counts in its review.
  const fire = Date.parse(incident.occurredAt);
  const judged = hazards.filter((h) => Date.parse(h.createdAt) <= fire).map((h) => reviewHazard(h, incident.occurredAt, now.toISOString()));
  return {
    incidentId: incident.incidentId,
    venueId: incident.venueId ?? null,
    since,
    windowMonths,
    windowRule: citation(policy.reviewWindowMonths),
    inspections: inspections.filter((i) => Date.parse(i.finishedAt) <= fire).map((i) => ({ inspectionId: i.inspectionId, finishedAt: i.finishedAt, categories: i.categories, inspectorId: i.inspectorId, passed: i.passed, failed: i.failed, hazardIds: i.hazardIds })),
    hazards: judged,
    totals: {
      inspections: inspections.length,
      hazards: judged.length,
      overdue: judged.filter((h) => h.overdue).length,
      overdueNow: judged.filter((h) => h.overdueNow).length,
      closedLate: judged.filter((h) => h.closedLate).length,
      openAtIncident: judged.filter((h) => h.openAtIncident).length,
    },
    accountability: policy.accountability.map((a) => ({ id: a.id, name: a.name, ...citation(a) })),
  };
}

/** The active brigades of the county nearest the incident's location (straight line). */
export async function nearestForcesOf(incident: Pick<IncidentItem, "path" | "lat" | "lng">, policy: IncidentsPolicy): Promise<NearestForces> {
  const rule = policy.dispatch;
  const basis = { zh: "按直线距离（球面大圆距离）由近及远排列，非道路行驶距离", en: "Nearest first by straight-line (great-circle) distance, not road distance" };
  const head = { basis, sourceRef: rule?.sourceRef ?? null, ...(rule?.text ? { text: rule.text } : {}) };
  if (incident.lat === undefined || incident.lng === undefined) return { from: null, items: [], withoutPosition: 0, ...head };
  const from = { lat: incident.lat, lng: incident.lng };
  const { items, withoutPosition } = nearest(from, await brigadePositionsUnder(rootPathOf(incident.path)), rule?.suggest ?? DEFAULT_SUGGESTIONS);
  return { from, items: items.map((b) => ({ brigadeId: b.brigadeId, nodeId: b.nodeId, name: b.name, force: b.force, dutyStatus: b.dutyStatus, lat: b.lat, lng: b.lng, distanceKm: b.distanceKm })), withoutPosition, ...head };
}

/** One incident with its accountability review and the forces nearest it: the incident page in one read. */
export const getIncident = useCase(
  IncidentParams,
  async (input, opts: { now?: Date } = {}): Promise<IncidentDetail> => {
    const actor = useUser();
    const incident = await incidentOrNotFound(input.incidentId);
    authorize(actor, "incident.read", incident);
    const now = opts.now ?? new Date();
    const { profile } = await profileAt(now);
    const policy = incidentsPolicy(profile);
    const [review, nearestForces] = await Promise.all([reviewOf(incident, policy, now), nearestForcesOf(incident, policy)]);
    return { incident: toIncidentView(incident, policy), review, nearestForces };
  },
  "path",
);

export const NearestForcesInput = z.object({
  lat: z.coerce.number().min(-90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).max(90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")),
  lng: z.coerce.number().min(-180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).max(180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")),
});

/** 火警派警 at the alarm, before any record: the county's forces nearest a point. */
export const suggestForces = useCase(
  NearestForcesInput,
  async (input): Promise<NearestForces> => {
    const actor = useUser();
    authorize(actor, "incident.read");
    const { profile } = await profileAt();
    return nearestForcesOf({ path: actor.scopePath, lat: input.lat, lng: input.lng }, incidentsPolicy(profile));
  },
  "query",
);
