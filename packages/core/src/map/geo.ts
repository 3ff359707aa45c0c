import { z } from "zod";
import { bilingual } from "../errors/zod-issues.ts";

// GeoJSON for the one map (RFC 7946: WGS-84 longitude, latitude): the
// boundaries an admin uploads, checked here, and the points the map exports.

/** At most this many bytes of GeoJSON per node (the item stays far below DynamoDB's 400 KB). */
export const MAX_BOUNDARY_BYTES = 300_000;
/** At most this many positions per boundary: enough for a town drawn to a few metres, small enough to draw at once on a phone. */
export const MAX_BOUNDARY_POSITIONS = 20_000;

const Lng = z.number().min(-180, bilingual("经度应在 -180 到 180 之间（GeoJSON 的坐标顺序是经度在前、纬度在后）", "Longitude must lie between -180 and 180 (GeoJSON puts longitude first, then latitude)")).max(180, bilingual("经度应在 -180 到 180 之间（GeoJSON 的坐标顺序是经度在前、纬度在后）", "Longitude must lie between -180 and 180 (GeoJSON puts longitude first, then latitude)"));
const Lat = z.number().min(-90, bilingual("纬度应在 -90 到 90 之间（经纬度是否写反了？）", "Latitude must lie between -90 and 90 (are longitude and latitude swapped?)")).max(90, bilingual("纬度应在 -90 到 90 之间（经纬度是否写反了？）", "Latitude must lie between -90 and 90 (are longitude and latitude swapped?)"));
const Position = z.tuple([Lng, Lat], z.number());

const Ring = z
  .array(Position)
  .min(4, bilingual("每个环至少要有 4 个坐标点（首尾相同）", "A ring needs at least 4 positions (the first repeated at the end)"))
  .refine((ring) => ring.length < 4 || (ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]), bilingual("环没有闭合：最后一个点须与第一个点相同", "The ring is not closed: its last position must equal its first"));

const PolygonCoords = z.array(Ring).min(1, bilingual("多边形至少要有一个外环", "A polygon needs an outer ring"));
export const Polygon = z.object({ type: z.literal("Polygon"), coordinates: PolygonCoords });
export const MultiPolygon = z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(PolygonCoords).min(1, bilingual("多多边形至少要有一个多边形", "A MultiPolygon needs at least one polygon")) });
const Geometry = z.discriminatedUnion("type", [Polygon, MultiPolygon], { error: bilingual("边界须是 Polygon 或 MultiPolygon（面），不能是点或线", "A boundary must be a Polygon or MultiPolygon, not points or lines") });
const Feature = z.object({ type: z.literal("Feature"), geometry: Geometry, properties: z.unknown().optional() });
const FeatureCollection = z.object({ type: z.literal("FeatureCollection"), features: z.array(Feature).min(1, bilingual("要素集合是空的", "The FeatureCollection has no features")).max(500) });

/** What an admin may upload as a node's boundary: a Polygon or MultiPolygon, bare, in a Feature, or the features of a FeatureCollection. */
export const BoundaryInput = z
  .discriminatedUnion("type", [Polygon, MultiPolygon, Feature, FeatureCollection], {
    error: bilingual("不是可用的 GeoJSON：type 应为 Polygon、MultiPolygon、Feature 或 FeatureCollection", "Not usable GeoJSON: type must be Polygon, MultiPolygon, Feature or FeatureCollection"),
  })
  .meta({ id: "BoundaryInput", description: "GeoJSON (RFC 7946, WGS-84 [longitude, latitude])" });
export type BoundaryGeoJson = z.infer<typeof BoundaryInput>;

export type BoundaryGeometry = z.infer<typeof Polygon> | z.infer<typeof MultiPolygon>;

/** One geometry for the whole upload (a FeatureCollection's polygons become one MultiPolygon), 2-D, with its bbox and size. */
export function normaliseBoundary(input: BoundaryGeoJson): { geometry: BoundaryGeometry; bbox: [number, number, number, number]; positions: number } {
  const geometries: BoundaryGeometry[] = input.type === "FeatureCollection" ? input.features.map((f) => f.geometry) : input.type === "Feature" ? [input.geometry] : [input];
  const polygons = geometries.flatMap((g) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates)).map((p) => p.map((ring) => ring.map(([lng, lat]) => [lng, lat] as [number, number])));
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  let positions = 0;
  for (const p of polygons)
    for (const ring of p)
      for (const [lng, lat] of ring) {
        positions++;
        west = Math.min(west, lng);
        east = Math.max(east, lng);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  const geometry: BoundaryGeometry = polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
  return { geometry, bbox: [west, south, east, north], positions };
}

// ── Points out ────────────────────────────────────────────────────────────

export interface PointFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: Record<string, string | number | boolean | string[] | null>;
}

/** A GeoJSON point (RFC 7946: [longitude, latitude], WGS-84, at most 7 decimals: about a centimetre). */
export function pointFeature(id: string, lat: number, lng: number, properties: PointFeature["properties"]): PointFeature {
  const round = (n: number) => Math.round(n * 1e7) / 1e7;
  return { type: "Feature", id, geometry: { type: "Point", coordinates: [round(lng), round(lat)] }, properties };
}

// ── Points in boundaries ──────────────────────────────────────────────────

/** Whether a point lies inside a ring (even-odd ray casting over [lng, lat] positions; a point on an edge may fall either way). */
function inRing(ring: readonly (readonly number[])[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a WGS-84 point lies inside a Polygon or MultiPolygon: inside an outer ring and none of its holes. */
export function containsPoint(geometry: { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] }, lng: number, lat: number): boolean {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([outer, ...holes]) => outer !== undefined && inRing(outer, lng, lat) && !holes.some((h) => inRing(h, lng, lat)));
}

/** The mean Earth radius (IUGG), metres: what the haversine distance assumes. */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres between two WGS-84 points (haversine on a
 * sphere: within 0.5 % of the ellipsoid, metres at the scale of a street).
 * Both points must be WGS-84: a GCJ-02 point (高德/腾讯) is off by hundreds of metres.
 */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude/longitude box around a point that holds every point within `radius` metres (for a cheap first filter). */
export function boxAround(p: { lat: number; lng: number }, radius: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (radius / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(Math.cos(rad(p.lat)), 1e-6);
  const dLng = Math.min(180, dLat / cos);
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}

/** The points within `radius` metres of `origin`, nearest first (ties by id, so the order is stable), each with its distance rounded to the metre. */
export function nearestFirst<T extends { lat: number; lng: number }>(points: readonly T[], origin: { lat: number; lng: number }, radius: number, limit: number, id: (p: T) => string): (T & { distance: number })[] {
  return points
    .map((p) => ({ ...p, distance: Math.round(distanceMetres(origin, p)) }))
    .filter((p) => p.distance <= radius)
    .sort((x, y) => x.distance - y.distance || id(x).localeCompare(id(y)))
    .slice(0, limit);
}
