// Place and duplicates: venues near where one stands, open hazards like the one being reported,
// adding to one already there, and merging a duplicate into its original.
import type { CorroborateHazardInput, Hazard, MergeHazardInput, NearbyVenue, SimilarHazard } from "@firegov/core/contract";
import { idempotent, json, post, queryString } from "./http.ts";
import { hazardPath } from "./hazards.ts";

/** Active venues of my subtree within `radius` metres of a WGS-84 point, nearest first. */
export function nearbyVenues(at: { lat: number; lng: number }, opts: { radius?: number; limit?: number } = {}): Promise<{ items: NearbyVenue[] }> {
  return json(`/v1/venues/nearby${queryString({ lat: at.lat, lng: at.lng, ...opts })}`);
}

/** Open hazards with the same code at the venue, or within 50 m of the point (or of the venue's). */
export function similarHazards(query: { code: string; venueId?: string | undefined; lat?: number | undefined; lng?: number | undefined }): Promise<{ items: SimilarHazard[]; radius: number }> {
  return json(`/v1/hazards/similar${queryString(query)}`);
}

/** Adds my photo or note to an open hazard instead of a second report; a retry with the same key adds nothing. */
export function corroborateHazard(hazardId: string, input: CorroborateHazardInput, idempotencyKey: string): Promise<Hazard> {
  return json(`${hazardPath(hazardId)}/corroborations`, post(input, idempotent(idempotencyKey)));
}

/** 409 when the hazard changed since `expectedVersion` was read. */
export function mergeHazard(hazardId: string, input: MergeHazardInput, idempotencyKey: string): Promise<Hazard> {
  return json(`${hazardPath(hazardId)}/merge`, post(input, idempotent(idempotencyKey)));
}
