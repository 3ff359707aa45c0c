import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Hazards, Maps } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn } from "./helpers.ts";

// Place and duplicates: venues near where a field worker stands, open hazards
// like the one being reported, adding to one already there, and an officer's
// merge of a duplicate. Mounted before the hazard and venue routes, so
// `/v1/hazards/similar` and `/v1/venues/nearby` are not read as ids.

const HazardParams = z.object({ hazardId: pathParam("hazardId") });
const conflict = { ...errors[409], description: "The hazard is not open, or someone changed it first; `errors` carries `current.state` and `current.version`" };
const writeErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict };

const routes = {
  nearby: createRoute({
    method: "get", path: "/v1/venues/nearby", summary: "附近场所 / Venues near a point", ...signedIn("venues"),
    description: "Active venues of your subtree within `radius` metres of a WGS-84 point (the phone's GPS), nearest first, with their great-circle distance in metres. GCJ-02 / BD-09 points (高德、腾讯、百度 maps) must be converted to WGS-84 first.",
    request: { query: Maps.NearbyVenuesInput },
    responses: { 200: json(Maps.NearbyVenuesSchema, "Venues, nearest first"), ...readErrors },
  }),
  similar: createRoute({
    method: "get", path: "/v1/hazards/similar", summary: "相似隐患 / Open hazards like the one being reported", ...signedIn("hazards"),
    description: `Open hazards of your subtree with the same code at the same venue, or within ${Maps.SIMILAR_RADIUS_M} m of the position (or of the venue's point): the report form offers to add to one of them instead.`,
    request: { query: Hazards.SimilarInput },
    responses: { 200: json(Maps.SimilarHazardsSchema, "Same venue first, then nearest"), ...readErrors },
  }),
  corroborate: createRoute({
    method: "post", path: "/v1/hazards/{hazardId}/corroborations", summary: "补充照片或说明 / Add a photo or note to an open hazard", ...signedIn("hazards"),
    description: "Instead of reporting it again: an event on the hazard's timeline, its photos joined to the hazard's, and its handler told. Send an Idempotency-Key: a retry adds nothing.",
    request: { headers: IdempotencyHeader, params: HazardParams, body: body(Hazards.CorroborateInput) },
    responses: { 200: json(Hazards.HazardViewSchema, "The hazard with the addition"), ...writeErrors },
  }),
  merge: createRoute({
    method: "post", path: "/v1/hazards/{hazardId}/merge", summary: "合并重复隐患 / Merge a duplicate into its original", ...signedIn("hazards"),
    description: "This hazard goes to `duplicate` (final) with `duplicateOf`; the original gets it in `duplicates` and an event. One transaction; a stale `expectedVersion` answers 409.",
    request: { headers: IdempotencyHeader, params: HazardParams, body: body(Hazards.MergeInput) },
    responses: { 200: json(Hazards.HazardViewSchema, "The duplicate, merged"), ...writeErrors },
  }),
};

export function placeRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.nearby, async (c) => c.json(await Maps.nearbyVenues(c.req.valid("query")), 200))
    .openapi(routes.similar, async (c) => c.json(await Maps.similarHazards(c.req.valid("query")), 200))
    .openapi(routes.corroborate, async (c) => c.json(await Hazards.corroborateHazard(c.req.valid("json"), c.req.valid("param").hazardId, idempotency(c)), 200))
    .openapi(routes.merge, async (c) => c.json(await Hazards.mergeHazard(c.req.valid("json"), c.req.valid("param").hazardId, idempotency(c)), 200));
}
