import { useUser } from "../context/actor.ts";
import { can } from "../access/index.ts";
import { AppError } from "../errors/app-error.ts";
import { rollup } from "../compliance/index.ts";
import { getWindowCounters, localMonth } from "../hazards/index.ts";
import { coverageNow } from "../inspections/index.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { DashboardInput, hazardFigures, monthsEnding, TREND_MONTHS, type Dashboard } from "./view.ts";

/**
 * A node's dashboard: its hazard counters of the standing counts and the
 * trend's twelve months (three Queries of the node's counter partition, a few
 * items per metric and month, never one per hazard), its coverage counters of the current periods (one BatchGet, one
 * item per category) and the compliance summaries of its towns (one Query),
 * read in parallel. The profile and the time zone come from the container's
 * memory when warm. A section the caller's role may not read is null.
 */
export const getDashboard = useCase(
  DashboardInput,
  async (input, options: { now?: Date } = {}): Promise<Dashboard> => {
    const actor = useUser();
    const path = input.path ?? actor.scopePath;
    const nodeId = path.split("/").at(-1)!;
    // `now` places the current month and the trend's window (tests and jobs give it; requests read the clock).
    const now = options.now ?? new Date();
    const [{ profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
    const month = localMonth(now, timeZone);
    const months = monthsEnding(month, TREND_MONTHS);
    const [counters, coverage, towns] = await Promise.all([
      // Authorises the read of the subtree (hazard.read within the caller's scope).
      getWindowCounters({ path, from: months[0], to: month }),
      can(actor, "inspection.read", { path }) ? coverageNow(nodeId, profile, now, timeZone) : Promise.resolve(null),
      can(actor, "compliance.read", { path }) ? townsUnder(nodeId).catch(notFoundAsEmpty) : Promise.resolve(null),
    ]);
    let compliance: Dashboard["compliance"] = null;
    if (towns) {
      compliance = { towns: towns.items.length, met: 0, unmet: 0, due_soon: 0, overdue: 0, evaluatedAt: null };
      for (const t of towns.items) {
        compliance.met += t.counts.met;
        compliance.unmet += t.counts.unmet;
        compliance.due_soon += t.counts.due_soon;
        compliance.overdue += t.counts.overdue;
        if (compliance.evaluatedAt === null || t.evaluatedAt < compliance.evaluatedAt) compliance.evaluatedAt = t.evaluatedAt;
      }
    }
    return { nodeId, path, asOf: now.toISOString(), month, hazards: hazardFigures(counters, months), coverage, compliance };
  },
  "query",
);

/** The compliance summaries of every town at or under the node: pages of 200 (a county has tens of towns, so one page). */
async function townsUnder(nodeId: string) {
  const items: Awaited<ReturnType<typeof rollup>>["items"] = [];
  let cursor: string | undefined;
  do {
    const page = await rollup({ nodeId, limit: 200, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return { items };
}

/** A path naming no node reads as an empty subtree, as the hazard counters do; other errors stand. */
function notFoundAsEmpty(err: unknown): { items: never[] } {
  if (err instanceof AppError && err.status === 404) return { items: [] };
  throw err;
}
