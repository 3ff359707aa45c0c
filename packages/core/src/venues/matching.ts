import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { PolicyProfile, VenueMatch } from "../profile/index.ts";
import { classify, matchesVenue } from "./classify.ts";

export interface MatchedVenue {
  venueId: string;
  name: string;
  nodeId: string;
  path: string;
}

/**
 * The tenant's active venues a profile match holds for (their kinds' flags and
 * risk grade included, as classification reads them), a Query page at a time
 * through the whole tree: for a pool drawn from now and then, not per request.
 */
export async function activeVenuesMatching(profile: PolicyProfile, match: VenueMatch): Promise<MatchedVenue[]> {
  const tenantId = useTenant();
  const out: MatchedVenue[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { venueId: string; name: string; nodeId: string; path: string; kinds: string[]; flags?: string[]; riskGrade?: string; keyUnitLevel?: string; enterpriseGrade?: string; measures?: unknown; status: string }[]; cursor: string | null } = await tenantDb()
      .service.entities.venue.query.bySubtree({ tenantId })
      .begins({ path: "/" })
      .go({ cursor, attributes: ["venueId", "name", "nodeId", "path", "kinds", "flags", "riskGrade", "keyUnitLevel", "enterpriseGrade", "measures", "status"] });
    for (const v of page.data) {
      if (v.status !== "active") continue;
      const facts = { kinds: v.kinds, flags: v.flags ?? [], riskGrade: v.riskGrade, keyUnitLevel: v.keyUnitLevel, enterpriseGrade: v.enterpriseGrade, measures: v.measures as Record<string, number> | undefined };
      // Matched on the classified facts: kinds' flags and risk grade, and what classify policies gave it.
      if (matchesVenue(match, classify(profile, facts).facts)) out.push({ venueId: v.venueId, name: v.name, nodeId: v.nodeId, path: v.path });
    }
    cursor = page.cursor;
  } while (cursor);
  return out;
}
