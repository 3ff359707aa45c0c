import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { answerRate, type TargetState } from "./rules.ts";
import type { NodeWarningView, WarningDetailView, WarningTargetView, WarningView } from "./views.ts";

// The warning item and its target rows as the use cases share them.

export interface WarningItem {
  tenantId: string;
  warningId: string;
  title: string;
  text: string;
  level: string;
  levelName: { zh: string; en: string };
  issuerId: string;
  issuerName?: string | undefined;
  issuerNodeId: string;
  issuerPath: string;
  issuedAt: string;
  deadline: string;
  escalateTo: string[];
  targetNodeIds: string[];
  state: "issuing" | "open" | "lapsed";
  targets: number;
  answered: number;
  escalated: number;
  profileVersion: number;
  lapsedAt?: string | undefined;
}

export interface TargetItem {
  tenantId: string;
  warningId: string;
  nodeId: string;
  nodeName: string;
  nodePath: string;
  parentId?: string | undefined;
  title: string;
  text: string;
  level: string;
  deadline: string;
  issuedAt: string;
  state: TargetState;
  ackAt?: string | undefined;
  late?: boolean | undefined;
  answeredBy?: string | undefined;
  answeredByName?: string | undefined;
  measures?: string | undefined;
  photos?: string[] | undefined;
  updatedAt?: string | undefined;
  escalatedAt?: string | undefined;
}

export async function loadWarning(warningId: string, consistent = false): Promise<WarningItem | undefined> {
  const { data } = await tenantDb().service.entities.warning.get({ tenantId: useTenant(), warningId }).go({ consistent });
  return (data ?? undefined) as WarningItem | undefined;
}

/** The tenant's warning, or 404: another tenant's id is simply not there. */
export async function warningOrNotFound(warningId: string, consistent = false): Promise<WarningItem> {
  const w = await loadWarning(warningId, consistent);
  if (!w) throw new AppError("not_found", "warning.not_found");
  return w;
}

/** A warning with all its target rows: one Query of its partition (the item collection). */
export async function warningFile(warningId: string, consistent = false): Promise<{ warning: WarningItem; targets: TargetItem[] } | undefined> {
  const { data } = await tenantDb().service.collections.warningFile({ tenantId: useTenant(), warningId }).go({ pages: "all", consistent });
  const warning = data.warning[0] as WarningItem | undefined;
  if (!warning) return undefined;
  return { warning, targets: data.warningTarget as TargetItem[] };
}

export async function targetOrNotFound(warningId: string, nodeId: string, consistent = false): Promise<TargetItem> {
  const { data } = await tenantDb().service.entities.warningTarget.get({ tenantId: useTenant(), warningId, nodeId }).go({ consistent });
  if (!data) throw new AppError("not_found", "warning.target_not_found");
  return data as TargetItem;
}

export function toWarningView(w: WarningItem): WarningView {
  return {
    warningId: w.warningId,
    title: w.title,
    text: w.text,
    level: w.level,
    levelName: w.levelName,
    issuerId: w.issuerId,
    ...(w.issuerName ? { issuerName: w.issuerName } : {}),
    issuerNodeId: w.issuerNodeId,
    issuedAt: w.issuedAt,
    deadline: w.deadline,
    state: w.state,
    targets: w.targets,
    answered: w.answered,
    escalated: w.escalated,
    answerRate: answerRate(w.answered, w.targets),
  };
}

export function toTargetView(t: TargetItem): WarningTargetView {
  return {
    warningId: t.warningId,
    nodeId: t.nodeId,
    nodeName: t.nodeName,
    state: t.state,
    ...(t.ackAt ? { ackAt: t.ackAt } : {}),
    late: t.late === true,
    ...(t.answeredBy ? { answeredBy: t.answeredBy } : {}),
    ...(t.answeredByName ? { answeredByName: t.answeredByName } : {}),
    ...(t.measures ? { measures: t.measures } : {}),
    photos: t.photos ?? [],
    ...(t.updatedAt ? { updatedAt: t.updatedAt } : {}),
    ...(t.escalatedAt ? { escalatedAt: t.escalatedAt } : {}),
  };
}

export function toNodeWarningView(t: TargetItem): NodeWarningView {
  return { ...toTargetView(t), title: t.title, text: t.text, level: t.level, deadline: t.deadline, issuedAt: t.issuedAt };
}

/** The issuer's view: the warning, its live rate, and every node's state (answered first by time, then the rest by name). */
export function toDetailView(w: WarningItem, targets: readonly TargetItem[]): WarningDetailView {
  const items = [...targets].sort((a, b) => {
    if (Boolean(a.ackAt) !== Boolean(b.ackAt)) return a.ackAt ? -1 : 1;
    if (a.ackAt && b.ackAt && a.ackAt !== b.ackAt) return a.ackAt < b.ackAt ? -1 : 1;
    return a.nodeName.localeCompare(b.nodeName, "zh-CN");
  });
  // The counts come from the rows read in the same Query, so the rate and the list always agree.
  const answered = targets.filter((t) => t.state === "answered").length;
  const escalated = targets.filter((t) => t.escalatedAt !== undefined).length;
  return { ...toWarningView({ ...w, answered, escalated, targets: Math.max(w.targets, targets.length) }), items: items.map(toTargetView) };
}
