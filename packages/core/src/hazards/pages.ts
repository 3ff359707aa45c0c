import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { openedList, subtreePrefix, type Summary } from "./entries.ts";
import type { Hazard } from "./types.ts";

// Every hazard of a subtree created in a period, page by page, for reports
// and ledgers: Queries of the `opened:<month>` lists of the period's (UTC)
// months (each holds the hazards created that month, in path order), rows
// outside the period's instants dropped, and the hazards of a page read
// whole by one BatchGet. No authorisation of its own: the caller has checked
// the subtree. Memory: one page at a time.

const PAGE = 100;

/** Hazard documents by id (BatchGet; what DynamoDB leaves unprocessed is asked again). */
export async function documents(ids: readonly string[]): Promise<Hazard[]> {
  const tenantId = useTenant();
  const found: Hazard[] = [];
  let keys = ids.map((hazardId) => ({ tenantId, hazardId }));
  for (let attempt = 1; keys.length && attempt <= 5; attempt++) {
    const { data, unprocessed } = await tenantDb().service.entities.hazard.get(keys).go({ attributes: ["hazardId", "doc"], concurrency: 4 });
    for (const h of data as { doc: Hazard }[]) found.push(h.doc);
    keys = (unprocessed as { hazardId: string }[]).map((k) => ({ tenantId, hazardId: k.hazardId }));
  }
  if (keys.length) throw new AppError("unavailable", "server.busy", { seconds: 5 });
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * The hazards under `path` (its own and its subtree's) created between the
 * instants `from` and `to` (inclusive), in pages of at most a hundred.
 */
export async function* hazardsCreatedUnder(path: string, from: string, to: string): AsyncGenerator<Hazard[]> {
  const tenantId = useTenant();
  const { hazardEntry } = tenantDb().service.entities;
  for (const month of monthsBetween(from, to)) {
    let cursor: string | null = null;
    do {
      const page: { data: { summary: unknown }[]; cursor: string | null } = await hazardEntry.query
        .byList({ tenantId, list: openedList(`${month}-01`) })
        .begins({ order: subtreePrefix(path) })
        .go({ cursor, limit: PAGE });
      const ids = page.data.map((r) => r.summary as Summary).filter((s) => s.createdAt >= from && s.createdAt <= to).map((s) => s.hazardId);
      if (ids.length) yield await documents(ids);
      cursor = page.cursor;
    } while (cursor);
  }
}

/** The UTC months (`yyyy-mm`) from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let month = from.slice(0, 7); month <= last; month = `${y}-${String(m).padStart(2, "0")}`) {
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}
