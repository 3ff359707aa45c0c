import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";

// Every inspection of a subtree finished in a period, page by page, for
// ledgers: Queries of the subtree index (path order), rows outside the period
// dropped. No authorisation of its own: the caller has checked the subtree.

export interface InspectionRow {
  inspectionId: string;
  venueId: string;
  nodeId: string;
  path: string;
  categories: string[];
  inspectorId: string;
  finishedAt: string;
  items: { category: string; itemId: string; result: "pass" | "fail" | "not_applicable"; hazardId?: string }[];
  hazardIds: string[];
  passed: number;
  failed: number;
}

/** The inspections under `path` (its own venues' and its subtree's) finished between the instants `from` and `to` (inclusive). */
export async function* inspectionsFinishedUnder(path: string, from: string, to: string): AsyncGenerator<InspectionRow[]> {
  const tenantId = useTenant();
  const { inspection } = tenantDb().service.entities;
  let cursor: string | null = null;
  do {
    const page: { data: InspectionRow[]; cursor: string | null } = (await inspection.query.bySubtree({ tenantId }).begins({ path }).go({ cursor, limit: 100 })) as never;
    const rows = page.data.filter((i) => (i.path === path || i.path.startsWith(`${path}/`)) && i.finishedAt >= from && i.finishedAt <= to);
    if (rows.length) yield rows;
    cursor = page.cursor;
  } while (cursor);
}

/** A venue's inspections finished since an instant, oldest first (its own partition; rows before it dropped by a filter). For an incident's accountability review. */
export async function venueInspectionsSince(venueId: string, since: string): Promise<InspectionRow[]> {
  const { inspection } = tenantDb().service.entities;
  const { data } = await inspection.query
    .byVenue({ tenantId: useTenant(), venueId })
    .where((a, op) => op.gte(a.finishedAt, since))
    .go({ pages: "all" });
  return (data as unknown as InspectionRow[]).sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
}
