import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";
import { openSummariesUnder, SimilarInput } from "../hazards/index.ts";
import { useCase } from "../use-case.ts";
import { loadVenueItem } from "../venues/index.ts";
import { distanceMetres } from "./geo.ts";

// Duplicate suggestions (重复上报提示): before a report goes in, the open
// hazards of the same code at the same venue or within SIMILAR_RADIUS_M of
// where the reporter stands, so they can add to the one already there.

/** How close another open hazard of the same code must be to count as probably the same one (FixMyStreet's councils ask for 50 m). */
export const SIMILAR_RADIUS_M = 50;
/** Open hazards read per check (one Query page): the caller's subtree's open list, filtered here by code and place. */
const MAX_OPEN = 1000;

export const SimilarHazardSchema = z
  .object({
    hazardId: z.string(),
    state: z.string(),
    code: z.string().optional(),
    codeText: z.string().optional(),
    severity: z.string().optional(),
    description: z.string(),
    venueId: z.string().optional(),
    venueName: z.string().optional(),
    locationText: z.string().optional(),
    createdAt: z.string(),
    version: z.int(),
    sameVenue: z.boolean(),
    distance: z.int().optional().meta({ description: "Metres from the given position (or the venue's), when both are known" }),
  })
  .meta({ id: "SimilarHazard" });
export const SimilarHazardsSchema = z.object({ items: z.array(SimilarHazardSchema), radius: z.int() }).meta({ id: "SimilarHazards" });
export type SimilarHazard = z.infer<typeof SimilarHazardSchema>;

export const similarHazards = useCase(SimilarInput, async (input): Promise<z.infer<typeof SimilarHazardsSchema>> => {
  const actor = useUser();
  authorize(actor, "hazard.read", { path: actor.scopePath });
  const venue = input.venueId ? await loadVenueItem(input.venueId) : undefined;
  // Another county's venue id is simply not there.
  if (input.venueId && !venue) throw new AppError("not_found", "venue.not_found");
  // Where the reporter stands; else the venue's own point.
  const here = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : typeof venue?.lat === "number" && typeof venue.lng === "number" ? { lat: venue.lat, lng: venue.lng } : undefined;
  const items: SimilarHazard[] = [];
  for (const s of await openSummariesUnder(actor.scopePath, MAX_OPEN)) {
    if (s.code !== input.code) continue;
    const sameVenue = input.venueId !== undefined && s.venueId === input.venueId;
    const distance = here && s.lat !== undefined && s.lng !== undefined ? Math.round(distanceMetres(here, { lat: s.lat, lng: s.lng })) : undefined;
    if (!sameVenue && !(distance !== undefined && distance <= SIMILAR_RADIUS_M)) continue;
    items.push({
      hazardId: s.hazardId,
      state: s.state,
      description: s.description,
      createdAt: s.createdAt,
      version: s.version,
      sameVenue,
      ...(s.code ? { code: s.code } : {}),
      ...(s.codeText ? { codeText: s.codeText } : {}),
      ...(s.severity ? { severity: s.severity } : {}),
      ...(s.venueId ? { venueId: s.venueId } : {}),
      ...(s.venueName ? { venueName: s.venueName } : {}),
      ...(s.locationText ? { locationText: s.locationText } : {}),
      ...(distance !== undefined ? { distance } : {}),
    });
  }
  items.sort((a, b) => Number(b.sameVenue) - Number(a.sameVenue) || (a.distance ?? Infinity) - (b.distance ?? Infinity) || a.hazardId.localeCompare(b.hazardId));
  return { items, radius: SIMILAR_RADIUS_M };
});
