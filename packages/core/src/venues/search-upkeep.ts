import { useTenant, withActor } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { Job } from "../jobs/index.ts";

// Venues written before `searchText` existed have none, so the list's text
// search cannot find them. Touching a watched field makes ElectroDB compute
// it; a venue that has it is left alone, so the upkeep ends by itself.

const JOB = "venue-search-upkeep";

/** Gives the tenant's venues without search text their search text; how many it filled. */
export async function fillSearchText(): Promise<number> {
  const tenantId = useTenant();
  const { venue } = tenantDb().service.entities;
  const missing = await allPages((cursor) =>
    venue.query
      .bySubtree({ tenantId })
      .where((a, op) => op.notExists(a.searchText))
      .go({ cursor, limit: 500, attributes: ["venueId", "name", "address", "externalId", "contactName", "version"] }),
  );
  let filled = 0;
  for (const v of missing) {
    // The watched fields as they are (the search text is made of all of them), conditioned on the
    // version read: a venue edited meanwhile got its search text from that edit.
    await venue
      .patch({ tenantId, venueId: v.venueId })
      .set(plain({ name: v.name, address: v.address, externalId: v.externalId, contactName: v.contactName }))
      .where((a, op) => op.eq(a.version, v.version))
      .go()
      .then(() => (filled += 1))
      .catch((err: unknown) => {
        if ((err as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw err;
      });
  }
  return filled;
}

export const venueSearchUpkeepJob: Job = {
  name: JOB,
  cadence: "daily",
  forTenant: (t) => withActor({ type: "system", tenantId: t.tenantId, job: JOB }, async () => ({ filled: await fillSearchText() })),
};
