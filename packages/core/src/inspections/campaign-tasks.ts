import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import type { ChecklistEntry } from "./checklist.ts";

// Campaign tasks (专项整治) are inspection tasks of their own kind: one per
// target venue, keyed (venue, campaign id, campaign period), so they share
// the task lists, the task page and the visit with the regular schedule
// while never colliding with it (a campaign id is no profile category id).
// The campaigns domain makes and closes them through the functions here, and
// tells a visit what it needs of a campaign through the hook below: it
// imports inspections, never the reverse.

/** The `responsibleRole` of a campaign task: whoever of the responsible node may inspect (there is no profile role for it). */
export const CAMPAIGN_ROLE = "campaign";

/** One campaign task to create: the venue, and the node whose staff do it (the venue's own branch, or another in a cross-area campaign). */
export interface CampaignTaskDraft {
  campaignId: string;
  period: string;
  title: { zh: string; en: string };
  venueId: string;
  venueName: string;
  venuePath: string;
  /** The responsible node. */
  nodeId: string;
  /** Where the task is listed: the venue's path, or the responsible node's when it lies elsewhere (its staff see it among theirs). */
  path: string;
  dueAt: string;
}

/** The create of one open campaign task, for a transaction (fails when the task exists). */
export function campaignTaskItem(tx: TxEntities, t: CampaignTaskDraft, at: string): TxItem {
  const tenantId = useTenant();
  return tx.inspectionTask
    .create(
      plain({
        tenantId,
        subjectId: t.venueId,
        category: t.campaignId,
        period: t.period,
        kind: "campaign" as const,
        venueId: t.venueId,
        venueName: t.venueName,
        venuePath: t.venuePath,
        nodeId: t.nodeId,
        path: t.path,
        responsibleRole: CAMPAIGN_ROLE,
        dueAt: t.dueAt,
        state: "open" as const,
        inspections: 0,
        createdAt: at,
        title: t.title,
      }),
    )
    .commit() as TxItem;
}

/** The removal of a campaign task still open, for a transaction (a task done meanwhile stays: the condition fails). */
export function dropOpenCampaignTask(tx: TxEntities, t: { venueId: string; campaignId: string; period: string }): TxItem {
  return tx.inspectionTask
    .delete({ tenantId: useTenant(), subjectId: t.venueId, category: t.campaignId, period: t.period })
    .where((a, op) => op.eq(a.state, "open"))
    .commit() as TxItem;
}

export interface CampaignTaskRow {
  venueId: string;
  venueName?: string | undefined;
  venuePath?: string | undefined;
  nodeId: string;
  path: string;
  state: "open" | "done";
  doneAt?: string | undefined;
  inspectionId?: string | undefined;
}

/** Every task of a campaign: its (category, period) partition of the byPeriod index, page after page. */
export async function campaignTasks(campaignId: string, period: string): Promise<CampaignTaskRow[]> {
  const tenantId = useTenant();
  const rows = await allPages((cursor) =>
    tenantDb()
      .service.entities.inspectionTask.query.byPeriod({ tenantId, category: campaignId, period })
      .go({ cursor, limit: 1000, attributes: ["subjectId", "venueName", "venuePath", "nodeId", "path", "state", "doneAt", "inspectionId"] }),
  );
  return rows.map((r) => plain({ venueId: r.subjectId, venueName: r.venueName, venuePath: r.venuePath, nodeId: r.nodeId, path: r.path, state: r.state, doneAt: r.doneAt, inspectionId: r.inspectionId }));
}

// ── The hook a visit calls ───────────────────────────────────────────────

/** What a campaign tells a visit to (or an opening of) one of its tasks. */
export interface CampaignVisit {
  title: { zh: string; en: string };
  /** The items the visit answers: the campaign's own checklist, each entry's category the campaign's id. */
  checklist: ChecklistEntry[];
  /** How many items `items` adds to the visit's transaction. */
  itemCount: number;
  /** The campaign's items in the visit's transaction: its progress, conditioned on the campaign still running. */
  items(tx: TxEntities, visit: { venuePath: string; settles: boolean; hazardIds: string[]; now: Date }): TxItem[];
}

/** `visit`: the task is being performed now (refused unless the campaign runs); else only opened to be read. */
export type CampaignLookup = (campaignId: string, use: { visit: boolean; now: Date }) => Promise<CampaignVisit>;

let lookup: CampaignLookup | undefined;

/** Registered by the campaigns domain when it loads. */
export function campaignVisits(fn: CampaignLookup): void {
  lookup = fn;
}

export function campaignOf(campaignId: string, use: { visit: boolean; now: Date }): Promise<CampaignVisit> {
  if (!lookup) throw new Error("campaign task met before the campaigns domain was loaded");
  return lookup(campaignId, use);
}
