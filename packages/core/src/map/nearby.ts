import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";
import { venuesInBox } from "../venues/index.ts";
import { boxAround, nearestFirst } from "./geo.ts";

// "Nearby" (附近场所): the venues of the caller's subtree around where they
// stand, nearest first, so a field worker finds a venue by walking past it.
// Coordinates are WGS-84 on both sides (the phone's GPS, the venue registry).

/** Venues read at most per request before sorting: a box of a few km in a dense town holds far fewer. */
const MAX_CANDIDATES = 2000;

const Lat = z.coerce.number(bilingual("纬度须为数字", "Latitude is a number")).min(-90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).max(90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90"));
const Lng = z.coerce.number(bilingual("经度须为数字", "Longitude is a number")).min(-180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).max(180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180"));

export const NearbyVenuesInput = z
  .object({
    lat: Lat.meta({ description: "WGS-84 latitude where the caller stands" }),
    lng: Lng.meta({ description: "WGS-84 longitude where the caller stands" }),
    radius: z.coerce.number().int().min(10, bilingual("半径至少 10 米", "A radius of at least 10 m")).max(20_000, bilingual("半径最多 20 公里", "A radius of at most 20 km")).default(2000).meta({ description: "Metres (default 2000)" }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .meta({ id: "NearbyVenuesInput" });

export const NearbyVenueSchema = z
  .object({
    venueId: z.string(),
    name: z.string(),
    address: z.string().optional(),
    nodeId: z.string(),
    lat: z.number(),
    lng: z.number(),
    distance: z.int().meta({ description: "Great-circle distance from the given point, metres" }),
  })
  .meta({ id: "NearbyVenue" });
export const NearbyVenuesSchema = z.object({ items: z.array(NearbyVenueSchema) }).meta({ id: "NearbyVenues" });
export type NearbyVenue = z.infer<typeof NearbyVenueSchema>;

/** Active venues of the caller's subtree within `radius` metres, nearest first. */
export const nearbyVenues = useCase(NearbyVenuesInput, async (input): Promise<z.infer<typeof NearbyVenuesSchema>> => {
  const actor = useUser();
  authorize(actor, "venue.read", { path: actor.scopePath });
  const origin = { lat: input.lat, lng: input.lng };
  const candidates = await venuesInBox(actor.scopePath, boxAround(origin, input.radius), MAX_CANDIDATES);
  return { items: nearestFirst(candidates, origin, input.radius, input.limit, (v) => v.venueId) };
});
