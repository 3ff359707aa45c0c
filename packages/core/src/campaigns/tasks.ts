import { useTenant } from "../context/actor.ts";
import { writeTransaction, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { campaignTaskItem, campaignTasks, dropOpenCampaignTask, MAX_TRANSACTION_ITEMS, type CampaignTaskDraft } from "../inspections/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { activeVenuesUnder, type VenueFactsAt } from "../venues/index.ts";
import { groupOf, matchesTarget } from "./rules.ts";
import type { CampaignItem } from "./store.ts";

// A campaign's tasks, one per target venue, made at once when it is set up.
// There may be more than one transaction holds, so they go in chunks, each
// with the progress rows' totals it adds; task keys are deterministic and
// what exists is read first, so a retried or resumed start (the same
// Idempotency-Key, or the daily job finding a campaign still `starting`)
// makes only what is missing, and counts each task once. The campaign turns
// `active` when every task is there.

/** The target venues in the campaign's area, in path order. */
export async function targetVenues(profile: PolicyProfile, c: Pick<CampaignItem, "areaPath" | "target">): Promise<VenueFactsAt[]> {
  const venues = await activeVenuesUnder(c.areaPath);
  return venues.filter((v) => matchesTarget(profile, c.target, v)).sort((a, b) => a.path.localeCompare(b.path));
}

/** The task of one venue: listed at the venue, or at the inspecting branch when the campaign sends another branch's staff. */
export function draftOf(c: CampaignItem, v: Pick<VenueFactsAt, "venueId" | "name" | "path">): CampaignTaskDraft {
  const group = groupOf(c.areaPath, v.path);
  const inspectors = c.groups.find((g) => g.nodeId === group.nodeId)?.inspectors;
  return {
    campaignId: c.campaignId,
    period: c.period,
    title: { zh: c.name.zh, en: c.name.en ?? c.name.zh },
    venueId: v.venueId,
    venueName: v.name,
    venuePath: v.path,
    nodeId: inspectors?.nodeId ?? group.nodeId,
    path: inspectors?.path ?? v.path,
    dueAt: c.dueAt,
  };
}

class TasksExist extends AppError {
  constructor() {
    super("conflict", "request.conflict_retry");
  }
}

/** Chunks of tasks that fit one transaction with the progress rows they add to. */
function chunks(c: CampaignItem, drafts: CampaignTaskDraft[]): CampaignTaskDraft[][] {
  const out: CampaignTaskDraft[][] = [];
  let current: CampaignTaskDraft[] = [];
  let rows = new Set<string>();
  for (const d of drafts) {
    const row = groupOf(c.areaPath, d.venuePath).nodeId;
    if (current.length + rows.size + (rows.has(row) ? 0 : 1) > MAX_TRANSACTION_ITEMS && current.length) {
      out.push(current);
      current = [];
      rows = new Set();
    }
    current.push(d);
    rows.add(row);
  }
  if (current.length) out.push(current);
  return out;
}

async function writeChunk(c: CampaignItem, drafts: CampaignTaskDraft[], at: string): Promise<void> {
  const tenantId = useTenant();
  const totals = new Map<string, number>();
  for (const d of drafts) {
    const row = groupOf(c.areaPath, d.venuePath).nodeId;
    totals.set(row, (totals.get(row) ?? 0) + 1);
  }
  await writeTransaction(
    (tx) =>
      [
        ...drafts.map((d) => campaignTaskItem(tx, d, at)),
        ...[...totals].map(([nodeId, n]) => tx.campaignProgress.update({ tenantId, campaignId: c.campaignId, nodeId }).add({ total: n }).commit()),
      ] as never,
    { onCanceled: () => new TasksExist() },
  );
}

/**
 * Every target venue's task, made where missing, then the campaign active
 * with its task count. `venues`: the targets already read (a fresh start);
 * absent, they are read again (a resumed one).
 */
export async function ensureTasks(c: CampaignItem, profile: PolicyProfile, now: Date, venues?: VenueFactsAt[]): Promise<number> {
  const tenantId = useTenant();
  const targets = venues ?? (await targetVenues(profile, c));
  for (let attempt = 1; ; attempt++) {
    const existing = new Set((await campaignTasks(c.campaignId, c.period)).map((t) => t.venueId));
    const missing = targets.filter((v) => !existing.has(v.venueId)).map((v) => draftOf(c, v));
    try {
      for (const chunk of chunks(c, missing)) await writeChunk(c, chunk, now.toISOString());
    } catch (err) {
      // A racing start made some of them (or a chunk met another transaction): read what exists again.
      if (!(err instanceof AppError && err.code === "request.conflict_retry") || attempt >= 5) throw err;
      continue;
    }
    const count = existing.size + missing.length;
    if (c.state === "starting") {
      await writeTransaction(
        (tx) => [tx.campaign.patch({ tenantId, campaignId: c.campaignId }).set({ state: "active", tasks: count }).where((a, op) => op.eq(a.state, "starting")).commit()] as never,
        // Closed or activated meanwhile: nothing left to do here.
        { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
      ).catch((err: unknown) => {
        if (!(err instanceof AppError && err.code === "request.conflict_retry")) throw err;
      });
    }
    return count;
  }
}

/** The tasks a closed campaign leaves open go from the staff's lists (the summary names their venues); read again after a collision. */
export async function dropOpenTasks(c: CampaignItem): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const open = (await campaignTasks(c.campaignId, c.period)).filter((t) => t.state === "open");
    try {
      for (let i = 0; i < open.length; i += MAX_TRANSACTION_ITEMS) {
        const chunk = open.slice(i, i + MAX_TRANSACTION_ITEMS);
        await writeTransaction((tx) => chunk.map((t) => dropOpenCampaignTask(tx, { venueId: t.venueId, campaignId: c.campaignId, period: c.period })) as TxItem[] as never, {
          onCanceled: () => new AppError("conflict", "request.conflict_retry"),
        });
      }
      return open.length;
    } catch (err) {
      if (!(err instanceof AppError && err.code === "request.conflict_retry") || attempt >= 3) throw err;
    }
  }
}
