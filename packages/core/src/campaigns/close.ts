import { z } from "zod";
import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { actorRef, useActor, useTenant } from "../context/actor.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { hazardStates, localDate } from "../hazards/index.ts";
import { campaignTasks } from "../inspections/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { summarise, type Summary } from "./rules.ts";
import { campaignOrNotFound, progressRows, toCampaignView, type CampaignItem } from "./store.ts";
import { dropOpenTasks } from "./tasks.ts";
import type { CampaignView } from "./views.ts";

// Closing a campaign, by an admin or by the daily job at its end date: the
// closing summary is computed and stored with the close in one transaction,
// conditioned on the count of visits read (a visit meanwhile, which adds to
// it in its own transaction, makes the close read again), and the tasks left
// open leave the staff's lists. Closing a closed campaign answers it again.

/** Closes `c`, the summary made of what it is at this moment. */
export async function closeCampaignItem(first: CampaignItem, reason: Summary["reason"], now: Date): Promise<CampaignItem> {
  const tenantId = useTenant();
  let c = first;
  for (let attempt = 1; c.state !== "closed"; attempt++) {
    const [tasks, rows] = await Promise.all([campaignTasks(c.campaignId, c.period), progressRows(c.campaignId)]);
    const states = await hazardStates(rows.flatMap((r) => r.hazardIds ?? []));
    const closedAt = now.toISOString();
    const summary = summarise({ areaPath: c.areaPath, groups: c.groups, rows, tasks, hazardStates: states, closedAt, reason });
    const closed: CampaignItem = { ...c, state: "closed", closedAt, closedBy: actorRef(useActor()), closeReason: reason, summary };
    const read = c;
    try {
      await writeTransaction(
        (tx) =>
          [
            tx.campaign
              .patch({ tenantId, campaignId: c.campaignId })
              .set({ state: "closed", closedAt, closedBy: closed.closedBy!, closeReason: reason, summary: JSON.parse(JSON.stringify(summary)) })
              .where((a, op) => `${op.eq(a.state, read.state)} AND ${op.eq(a.visits, read.visits)}`)
              .commit(),
            auditItem(tx, { action: "campaign.close", targetType: "campaign", targetId: c.campaignId, details: { reason, tasks: summary.tasks, done: summary.done, hazardsRaised: summary.hazardsRaised, hazardsClosed: summary.hazardsClosed } }, now),
          ] as never,
        { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
      );
      c = closed;
    } catch (err) {
      // A visit (or another close) came first: read the campaign again and sum what it is now.
      if (!(err instanceof AppError && err.code === "request.conflict_retry") || attempt >= 5) throw err;
      c = await campaignOrNotFound(c.campaignId, true);
    }
  }
  await dropOpenTasks(c);
  return c;
}

/** An admin closes a campaign before (or at) its end; the daily job closes it after its end date. A retry finds it closed and answers it as it was closed. */
export const closeCampaign = useCase(z.object({}), async (_input, campaignId: string, opts: { now?: Date } = {}): Promise<CampaignView> => {
  const actor = useActor();
  const c = await campaignOrNotFound(campaignId, true);
  authorize(actor, "campaign.manage", { path: c.areaPath });
  const now = opts.now ?? new Date();
  const closed = await closeCampaignItem(c, "admin", now);
  return toCampaignView(closed, localDate(now, await tenantTimeZone()), actor);
});
