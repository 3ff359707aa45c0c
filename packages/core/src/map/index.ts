// The one map (一张图): points of a subtree (venues, open hazards, today's
// tasks), their GeoJSON export, and the nodes' boundaries the admin uploads.
// The basemap is the tenant's configuration (tenancy/basemap.ts).
// The domain's entities join the table's one service when the domain loads.
import "./boundary.entity.ts";
export { mapPoints, exportMapPoints, MapPointsInput, MapExportInput, MapPointSchema, MapPointPageSchema, LAYERS, MAX_EXPORT_FEATURES, type MapPoint, type MapPointPage, type PointCollection } from "./points.ts";
export { setBoundary, deleteBoundary, getBoundaries, BoundaryRemovalSchema, BoundariesInput, BoundaryReceiptSchema, BoundaryCollectionSchema } from "./boundaries.ts";
export { BoundaryInput, MAX_BOUNDARY_BYTES, MAX_BOUNDARY_POSITIONS, normaliseBoundary, pointFeature, type BoundaryGeoJson, type PointFeature } from "./geo.ts";
export { containsPoint } from "./geo.ts";
export { deepestNodeAt } from "./locate.ts";

// A resident's tip lands at the deepest node whose boundary holds its position; hazards asks through this hook (it does not import map).
import { locateTipsWith } from "../hazards/index.ts";
import { deepestNodeAt as locate } from "./locate.ts";
locateTipsWith(locate);
export { distanceMetres, boxAround, nearestFirst } from "./geo.ts";
export { nearbyVenues, NearbyVenuesInput, NearbyVenueSchema, NearbyVenuesSchema, type NearbyVenue } from "./nearby.ts";
export { similarHazards, SimilarHazardSchema, SimilarHazardsSchema, SIMILAR_RADIUS_M, type SimilarHazard } from "./similar.ts";
