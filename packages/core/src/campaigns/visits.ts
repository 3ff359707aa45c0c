import { useTenant } from "../context/actor.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { localDate } from "../hazards/index.ts";
import type { CampaignLookup } from "../inspections/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { groupOf } from "./rules.ts";
import { campaignOrNotFound } from "./store.ts";

// What a visit to a campaign task needs of the campaign (registered with
// inspections when this domain loads): its checklist, and its items in the
// visit's transaction — the visit counted on the campaign (refused once it
// is closed) and the progress row of the venue's branch.

export const campaignLookup: CampaignLookup = async (campaignId, use) => {
  const c = await campaignOrNotFound(campaignId, use.visit);
  if (use.visit) {
    if (c.state === "closed") throw new AppError("conflict", "campaign.closed", { name: c.name.zh });
    const today = localDate(use.now, await tenantTimeZone());
    if (today < c.startDate) throw new AppError("conflict", "campaign.not_started", { startDate: c.startDate });
  }
  return {
    title: { zh: c.name.zh, en: c.name.en ?? c.name.zh },
    checklist: c.checklist,
    itemCount: 2,
    items: (tx: TxEntities, visit): TxItem[] => {
      const tenantId = useTenant();
      const row = tx.campaignProgress.update({ tenantId, campaignId, nodeId: groupOf(c.areaPath, visit.venuePath).nodeId }).add({ done: visit.settles ? 1 : 0, hazards: visit.hazardIds.length });
      return [
        tx.campaign
          .patch({ tenantId, campaignId })
          .add({ visits: 1 })
          .where((a, op) => op.ne(a.state, "closed"))
          .commit(),
        (visit.hazardIds.length ? row.append({ hazardIds: visit.hazardIds }) : row).commit(),
      ] as TxItem[];
    },
  };
};
