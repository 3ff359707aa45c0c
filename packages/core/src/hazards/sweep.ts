import { withActor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Job } from "../jobs/index.ts";
import { forEveryTenant } from "../tenancy/index.ts";
import { iso } from "./clock.ts";
import { sweep, type Context } from "./machine.ts";
import { profileAt } from "../profile/index.ts";
import { loadHazard, resolveRecipients, STALE, writeChange } from "./store.ts";

export interface SweepStats {
  tenants: number;
  looked: number;
  changed: number;
  events: number;
  notified: number;
  raced: number;
}

const JOB = "hazard-sweep";

/**
 * One tenant's sweep at `now`: the hazards whose wake time has come (one
 * Query of the `wake` list, a page at a time, never a Scan), each judged by
 * the same rules as every transition and written like any change, as the
 * system, with its events, counters and notifications. A hazard changed by
 * someone meanwhile is left for the next sweep.
 */
export async function sweepTenant(tenantId: string, timeZone: string, now: Date): Promise<Omit<SweepStats, "tenants">> {
  return withActor({ type: "system", tenantId, job: JOB }, async () => {
    const stats = { looked: 0, changed: 0, events: 0, notified: 0, raced: 0 };
    const { version, profile } = await profileAt(now);
    const ctx: Context = { profile, profileVersion: version, timeZone, now, actor: { type: "system" } };
    const wake = tenantDb().service.entities.hazardEntry;
    let cursor: string | null = null;
    do {
      const page: { data: { hazardId: string }[]; cursor: string | null } = await wake.query.byList({ tenantId, list: "wake" }).lte({ order: `${iso(now)}#~` }).go({ cursor, limit: 100 });
      for (const row of page.data) {
        stats.looked += 1;
        const hazard = await loadHazard(row.hazardId);
        const outcome = hazard && sweep(ctx, hazard);
        if (!hazard || !outcome) continue;
        const deliveries = await resolveRecipients(profile, outcome.hazard, outcome.intents, ctx.actor);
        try {
          await writeChange({ before: hazard, outcome, profileVersion: version, timeZone, now, deliveries, audit: { action: "hazard.sweep", details: { events: outcome.events.map((e) => e.action) } } });
          stats.changed += 1;
          stats.events += outcome.events.length;
          stats.notified += deliveries.reduce((n, d) => n + d.users.length, 0);
        } catch (err) {
          if (!(err instanceof AppError && (err.code === STALE || err.code === "request.conflict_retry"))) throw err;
          stats.raced += 1;
        }
      }
      cursor = page.cursor;
    } while (cursor);
    return stats;
  });
}

/** Every registered tenant's sweep, one after another. */
export function sweepAll(now: Date): Promise<SweepStats> {
  return forEveryTenant({ looked: 0, changed: 0, events: 0, notified: 0, raced: 0 }, (t) => sweepTenant(t.tenantId, t.timeZone, now));
}

/** The hourly job, one tenant per queue message: overdue marking, escalation triggers and their notifications. */
export const hazardSweepJob: Job = {
  name: JOB,
  cadence: "hourly",
  forTenant: (t, now) => sweepTenant(t.tenantId, t.timeZone, now),
};
