import { z } from "zod";
import { useTenant, useUser } from "../context/actor.ts";
import { withCursor } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { localDate } from "../hazards/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { ListCampaignsInput } from "./inputs.ts";
import { assertSees, campaignOrNotFound, progressRows, seesCampaign, toCampaignView, type CampaignItem } from "./store.ts";
import type { CampaignProgressView, CampaignView } from "./views.ts";

// Reading campaigns: the list, and one campaign with its progress by branch
// (its progress rows: maintained by the visits, never summed from tasks).

/** A campaign with its progress by branch of its area, while it runs and after. */
export const getCampaign = useCase(
  z.object({}),
  async (_input, campaignId: string, opts: { now?: Date } = {}): Promise<CampaignProgressView> => {
    const now = opts.now ?? new Date();
    const actor = useUser();
    const [c, rows, timeZone] = await Promise.all([campaignOrNotFound(campaignId), progressRows(campaignId), tenantTimeZone()]);
    assertSees(actor, c);
    const byNode = c.groups.map((g) => {
      const r = rows.find((x) => x.nodeId === g.nodeId);
      return JSON.parse(JSON.stringify({ nodeId: g.nodeId, name: g.name, inspectors: g.inspectors ? { nodeId: g.inspectors.nodeId, name: g.inspectors.name } : undefined, tasks: r?.total ?? 0, done: r?.done ?? 0, hazards: r?.hazards ?? 0 }));
    });
    // Branches that got target venues after the campaign was set up (a resumed start) count too.
    for (const r of rows) if (!c.groups.some((g) => g.nodeId === r.nodeId)) byNode.push({ nodeId: r.nodeId, name: r.nodeId, tasks: r.total, done: r.done, hazards: r.hazards });
    const totals = byNode.reduce((t, r) => ({ tasks: t.tasks + r.tasks, done: t.done + r.done, hazards: t.hazards + r.hazards }), { tasks: 0, done: 0, hazards: 0 });
    return { campaign: toCampaignView(c, localDate(now, timeZone), actor), totals, byNode };
  },
  "query",
);

/** The campaigns the caller follows (their subtree's, and those over their place), newest first, a page at a time. */
export const listCampaigns = useCase(
  ListCampaignsInput,
  async (input, opts: { now?: Date } = {}): Promise<{ items: CampaignView[]; cursor: string | null }> => {
    const now = opts.now ?? new Date();
    const actor = useUser();
    const tenantId = useTenant();
    const [page, timeZone] = await Promise.all([
      withCursor(input.cursor, (cursor) => {
        const list = tenantDb().service.entities.campaign.query.list({ tenantId });
        const state = input.state;
        const filtered = state === undefined ? list : list.where((a, op) => (state === "closed" ? op.eq(a.state, "closed") : op.ne(a.state, "closed")));
        return filtered.go({ cursor, limit: input.limit, order: "desc" });
      }),
      tenantTimeZone(),
    ]);
    const today = localDate(now, timeZone);
    const items = (page.data as CampaignItem[]).filter((c) => seesCampaign(actor, c)).map((c) => toCampaignView(c, today, actor));
    return { items, cursor: page.cursor };
  },
  "query",
);

/** A campaign that ran in a date range, with its progress per branch of its area. */
export interface CampaignProgressOf {
  campaignId: string;
  name: { zh: string; en?: string | undefined };
  areaPath: string;
  startDate: string;
  endDate: string;
  rows: { nodeId: string; total: number; done: number }[];
}

/**
 * The tenant's campaigns that overlap [from, to] (dates, inclusive), each with its progress rows, for other
 * domains that judge them (the assessment): one Query of the campaign list and one per campaign; no access check.
 */
export async function campaignsBetween(from: string, to: string): Promise<CampaignProgressOf[]> {
  const tenantId = useTenant();
  const { data } = await tenantDb().service.entities.campaign.query.list({ tenantId }).go({ pages: "all" });
  const ran = data.filter((c) => c.state !== "starting" && c.startDate <= to && c.endDate >= from);
  return Promise.all(
    ran.map(async (c) => ({
      campaignId: c.campaignId,
      name: c.name,
      areaPath: c.areaPath,
      startDate: c.startDate,
      endDate: c.endDate,
      rows: (await progressRows(c.campaignId)).map(({ nodeId, total, done }) => ({ nodeId, total, done })),
    })),
  );
}
