import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { withCursor } from "../db/cursor.ts";

// What the one map (一张图) reads of venues: a compact projection of the
// active venues with coordinates under a path, and the coordinates of named
// venues (for hazards and tasks, which are placed at their venue).

export interface VenuePoint {
  venueId: string;
  name: string;
  kinds: string[];
  categories: string[];
  riskGrade?: string;
  lat: number;
  lng: number;
}

const POINT_ATTRIBUTES = ["venueId", "name", "kinds", "categories", "riskGrade", "lat", "lng"] as const;

/**
 * Active venues of a subtree that have coordinates, in path order, about
 * `limit` at a time: the Query's filter keeps active venues with lat and lng
 * (and the kind, category or risk grade asked for), its projection only what a point
 * needs, and the page reads on (DynamoDB pages of at most 1 MB) until it holds
 * `limit` or the subtree ends. The cursor is DynamoDB's own key.
 */
export async function venuePointsUnder(path: string, filter: { kind?: string | undefined; category?: string | undefined; risk?: string | undefined }, cursor: string | undefined, limit: number): Promise<{ items: VenuePoint[]; cursor: string | null }> {
  const tenantId = useTenant();
  const items: VenuePoint[] = [];
  let next: string | null = cursor ?? null;
  const read = (from: string | null) =>
    tenantDb()
      .service.entities.venue.query.bySubtree({ tenantId })
      .begins({ path: `${path}/` })
      .where((a, op) =>
        [op.eq(a.status, "active"), op.exists(a.lat), op.exists(a.lng), filter.kind !== undefined ? op.contains(a.kinds, filter.kind) : "", filter.category !== undefined ? op.contains(a.categories, filter.category) : "", filter.risk !== undefined ? op.eq(a.riskGrade, filter.risk) : ""]
          .filter(Boolean)
          .join(" AND "),
      )
      .go({ cursor: from, limit: Math.max(limit - items.length, 200), attributes: [...POINT_ATTRIBUTES] });
  let first = true;
  do {
    const page: { data: Partial<VenuePoint>[]; cursor: string | null } = first ? await withCursor(cursor, read) : await read(next);
    first = false;
    for (const v of page.data) if (typeof v.lat === "number" && typeof v.lng === "number") items.push({ venueId: v.venueId!, name: v.name!, kinds: v.kinds ?? [], categories: v.categories ?? [], ...(v.riskGrade ? { riskGrade: v.riskGrade } : {}), lat: v.lat, lng: v.lng });
    next = page.cursor;
  } while (next && items.length < limit);
  return { items, cursor: next };
}

/** Name and coordinates of the given venues that have them (BatchGet, 100 keys a request, up to 8 at once). */
export async function venueCoordinates(venueIds: Iterable<string>): Promise<Map<string, { name: string; lat: number; lng: number }>> {
  const tenantId = useTenant();
  const ids = [...new Set(venueIds)];
  const found = new Map<string, { name: string; lat: number; lng: number }>();
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100));
  // A few BatchGets side by side: a page of 5000 hazards is 50 of them.
  for (let i = 0; i < chunks.length; i += 8) {
    const answers = await Promise.all(chunks.slice(i, i + 8).map((chunk) => tenantDb().service.entities.venue.get(chunk.map((venueId) => ({ tenantId, venueId }))).go({ attributes: ["venueId", "name", "lat", "lng"] })));
    for (const { data } of answers) for (const v of data as { venueId: string; name: string; lat?: number; lng?: number }[]) if (typeof v.lat === "number" && typeof v.lng === "number") found.set(v.venueId, { name: v.name, lat: v.lat, lng: v.lng });
  }
  return found;
}

export interface PlacedVenue {
  venueId: string;
  name: string;
  address?: string;
  nodeId: string;
  lat: number;
  lng: number;
}

/**
 * Active venues of a subtree whose coordinates fall in a box (the Query's
 * filter), reading on until the subtree ends or `max` are found: what a
 * "nearby" search sorts by distance.
 */
export async function venuesInBox(path: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, max: number): Promise<PlacedVenue[]> {
  const tenantId = useTenant();
  const found: PlacedVenue[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Partial<PlacedVenue>[]; cursor: string | null } = await tenantDb()
      .service.entities.venue.query.bySubtree({ tenantId })
      .begins({ path: `${path}/` })
      .where((a, op) => `${op.eq(a.status, "active")} AND ${op.between(a.lat, box.minLat, box.maxLat)} AND ${op.between(a.lng, box.minLng, box.maxLng)}`)
      .go({ cursor, limit: 500, attributes: ["venueId", "name", "address", "nodeId", "lat", "lng"] });
    for (const v of page.data) if (typeof v.lat === "number" && typeof v.lng === "number") found.push({ venueId: v.venueId!, name: v.name!, nodeId: v.nodeId!, lat: v.lat, lng: v.lng, ...(v.address ? { address: v.address } : {}) });
    cursor = page.cursor;
  } while (cursor && found.length < max);
  return found;
}
