import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { withCursor } from "../db/cursor.ts";
import { subtreePrefix, type Summary } from "./entries.ts";

// What the one map (一张图) reads of hazards: the open ones of a subtree (or
// only the overdue ones, from their own list), as the list rows already hold
// them, so a page is one Query of the list's partition.

export interface HazardPointRow {
  hazardId: string;
  state: Summary["state"];
  severity?: string;
  code?: string;
  codeText?: string;
  overdue: boolean;
  venueId?: string;
  deadline?: string;
  nodeId: string;
}

/** Open hazards under a path (the caller has checked they may read it), `limit` list rows a page; severity is filtered on the rows. */
export async function openHazardsUnder(path: string, filter: { severity?: string | undefined; overdue?: boolean | undefined }, cursor: string | undefined, limit: number): Promise<{ items: HazardPointRow[]; cursor: string | null }> {
  const tenantId = useTenant();
  const { hazardEntry } = tenantDb().service.entities;
  const list = filter.overdue ? "overdue" : "open";
  const page = await withCursor(cursor, (from) => hazardEntry.query.byList({ tenantId, list }).begins({ order: subtreePrefix(path) }).go({ cursor: from, limit, attributes: ["summary"] }));
  const items: HazardPointRow[] = [];
  for (const { summary } of page.data as { summary: Summary }[]) {
    if (filter.severity !== undefined && summary.severity !== filter.severity) continue;
    if (filter.overdue === false && summary.overdue) continue;
    items.push({
      hazardId: summary.hazardId,
      state: summary.state,
      overdue: summary.overdue,
      nodeId: summary.nodeId,
      ...(summary.severity ? { severity: summary.severity } : {}),
      ...(summary.code ? { code: summary.code } : {}),
      ...(summary.codeText ? { codeText: summary.codeText } : {}),
      ...(summary.venueId ? { venueId: summary.venueId } : {}),
      ...(summary.deadline ? { deadline: summary.deadline } : {}),
    });
  }
  return { items, cursor: page.cursor };
}

/** One page (up to `limit` rows, at most 1 MB) of the open hazards under a path, as their list rows hold them (with lat/lng): what the duplicate check reads. */
export async function openSummariesUnder(path: string, limit: number): Promise<Summary[]> {
  const tenantId = useTenant();
  const page = await tenantDb().service.entities.hazardEntry.query.byList({ tenantId, list: "open" }).begins({ order: subtreePrefix(path) }).go({ limit, attributes: ["summary"] });
  return (page.data as { summary: Summary }[]).map((r) => r.summary);
}
