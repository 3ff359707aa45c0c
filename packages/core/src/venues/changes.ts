import type { VenueItem } from "./store.ts";

// What other domains keep for a venue follows its writes: inspections makes
// the venue's tasks of the current periods as soon as the venue is created,
// imported, reclassified, moved or given a patrol plan, instead of at the
// next daily run. Venues call the followers without importing them (the
// domain that keeps the things registers here, as with retirement).

/** A venue as it was just written, with what changed about it. */
export interface VenueWritten {
  venue: Pick<VenueItem, "venueId" | "name" | "nodeId" | "path" | "categories" | "status" | "patrolPlan" | "patrolPlanPolicy">;
  /** Created by this write: nothing can be kept for it yet. */
  fresh: boolean;
  /** Its patrol plan was set or replaced by this write. */
  planChanged?: boolean;
}

/** Brings what a domain keeps for these venues in line with them; the venues' writes are done. */
export type VenueFollower = (written: readonly VenueWritten[], now: Date) => Promise<void>;

const followers: VenueFollower[] = [];

export function followVenueWrites(follower: VenueFollower): void {
  followers.push(follower);
}

/** Called right after a venue write (for an import: after each chunk), in the same request. */
export async function venuesWritten(written: readonly VenueWritten[], now: Date): Promise<void> {
  if (!written.length) return;
  for (const follow of followers) await follow(written, now);
}
