import { can, inSubtree } from "../access/index.ts";
import type { Actor } from "../context/actor.ts";
import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import type { ChecklistEntry } from "../inspections/index.ts";
import { campaignStatus, type CampaignTarget, type Group, type ProgressRow, type Summary } from "./rules.ts";
import type { CampaignView } from "./views.ts";

// The campaign item and its progress rows as the use cases share them.

export interface CampaignItem {
  tenantId: string;
  campaignId: string;
  name: { zh: string; en?: string | undefined };
  startDate: string;
  endDate: string;
  period: string;
  dueAt: string;
  areaNodeId: string;
  areaPath: string;
  areaName: string;
  target: CampaignTarget;
  checklist: ChecklistEntry[];
  groups: Group[];
  crossArea?: "rotate" | "pairs" | undefined;
  templateId?: string | undefined;
  state: "starting" | "active" | "closed";
  tasks: number;
  visits: number;
  profileVersion: number;
  createdBy: string;
  createdAt: string;
  closedAt?: string | undefined;
  closedBy?: string | undefined;
  closeReason?: "end_date" | "admin" | undefined;
  summary?: Summary | undefined;
}

export async function loadCampaign(campaignId: string, consistent = false): Promise<CampaignItem | undefined> {
  const { data } = await tenantDb().service.entities.campaign.get({ tenantId: useTenant(), campaignId }).go({ consistent });
  return (data ?? undefined) as CampaignItem | undefined;
}

/** The tenant's campaign, or 404: another tenant's id is simply not there. */
export async function campaignOrNotFound(campaignId: string, consistent = false): Promise<CampaignItem> {
  const c = await loadCampaign(campaignId, consistent);
  if (!c) throw new AppError("not_found", "campaign.not_found");
  return c;
}

/**
 * Who follows a campaign: those whose subtree holds its area (the county
 * sees a town's), and those within its area (a town's staff see the
 * county's campaign they take part in).
 */
export function seesCampaign(actor: Actor, c: { areaPath: string }): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user" || !can(actor, "campaign.read")) return false;
  return inSubtree(actor.scopePath, c.areaPath) || inSubtree(c.areaPath, actor.scopePath);
}

export function assertSees(actor: Actor, c: { areaPath: string }): void {
  if (actor.type === "public") throw new AppError("unauthorized", "auth.required");
  if (!seesCampaign(actor, c)) throw new AppError("forbidden", "auth.forbidden", { action: "campaign.read" });
}

/** The view of a campaign on `today`; someone inside its area sees only their own part of the venues not visited. */
export function toCampaignView(c: CampaignItem, today: string, actor?: Actor): CampaignView {
  const scope = actor?.type === "user" && !inSubtree(actor.scopePath, c.areaPath) ? actor.scopePath : undefined;
  const summary = c.summary && scope ? { ...c.summary, venuesNotVisited: c.summary.venuesNotVisited.filter((v) => inSubtree(scope, v.path)) } : c.summary;
  return JSON.parse(
    JSON.stringify({
      campaignId: c.campaignId,
      name: c.name,
      startDate: c.startDate,
      endDate: c.endDate,
      area: { nodeId: c.areaNodeId, path: c.areaPath, name: c.areaName },
      target: c.target,
      checklist: c.checklist,
      crossArea: c.crossArea,
      groups: c.groups,
      templateId: c.templateId,
      state: c.state,
      status: campaignStatus(c, today),
      tasks: c.tasks,
      createdBy: c.createdBy,
      createdAt: c.createdAt,
      closedAt: c.closedAt,
      closedBy: c.closedBy,
      closeReason: c.closeReason,
      summary,
    }),
  ) as CampaignView;
}

/** A campaign's progress rows, one per branch of its area: one Query. */
export async function progressRows(campaignId: string): Promise<ProgressRow[]> {
  const tenantId = useTenant();
  const rows = await allPages((cursor) => tenantDb().service.entities.campaignProgress.query.byCampaign({ tenantId, campaignId }).go({ cursor, limit: 500, consistent: true }));
  return rows.map((r) => ({ nodeId: r.nodeId, total: r.total ?? 0, done: r.done ?? 0, hazards: r.hazards ?? 0, hazardIds: r.hazardIds ?? [] }));
}
