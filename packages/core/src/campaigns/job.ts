import { useTenant, withActor } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { localDate } from "../hazards/index.ts";
import type { Job } from "../jobs/index.ts";
import { profileAt } from "../profile/index.ts";
import { closeCampaignItem } from "./close.ts";
import { campaignOrNotFound, type CampaignItem } from "./store.ts";
import { ensureTasks } from "./tasks.ts";

// The daily upkeep of one tenant's campaigns: one whose end date has passed
// is closed with its summary (reason end_date), and one whose start stopped
// short of making all its tasks (still `starting`) gets the rest.

export const JOB = "campaign-upkeep";

export async function campaignUpkeep(tenantId: string, timeZone: string, now: Date): Promise<{ closed: number; resumed: number }> {
  return withActor({ type: "system", tenantId, job: JOB }, async () => {
    const stats = { closed: 0, resumed: 0 };
    const open = (await allPages((cursor) =>
      tenantDb()
        .service.entities.campaign.query.list({ tenantId: useTenant() })
        .where((a, op) => op.ne(a.state, "closed"))
        .go({ cursor, limit: 200 }),
    )) as CampaignItem[];
    const today = localDate(now, timeZone);
    for (const c of open) {
      let current = c;
      if (c.state === "starting") {
        await ensureTasks(c, (await profileAt(now)).profile, now);
        current = await campaignOrNotFound(c.campaignId, true);
        stats.resumed += 1;
      }
      if (current.endDate < today) {
        await closeCampaignItem(current, "end_date", now);
        stats.closed += 1;
      }
    }
    return stats;
  });
}

/** Daily, one tenant per queue message: campaigns past their end date closed, interrupted starts finished. */
export const campaignUpkeepJob: Job = {
  name: JOB,
  cadence: "daily",
  forTenant: (t, now) => campaignUpkeep(t.tenantId, t.timeZone, now),
};
