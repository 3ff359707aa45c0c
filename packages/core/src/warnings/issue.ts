import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { storedResult, writeTransaction } from "../db/transact.ts";
import { AppError, fieldError, invalid, type FieldError } from "../errors/index.ts";
import { activeNodesUnder, nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { deliveryItems, type Delivery } from "../notifications/index.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { chunked, costOf, officersOf, usersByNode, writtenTargets } from "./deliver.ts";
import { IssueWarningInput, MAX_TARGETS } from "./inputs.ts";
import { deadlineOf, warningRules } from "./rules.ts";
import { toWarningView, warningOrNotFound, type TargetItem, type WarningItem } from "./store.ts";
import type { WarningView } from "./views.ts";

// Issuing a warning (预警): the warning first (with the nodes it goes to,
// resolved once), then its target rows with each node's messages in
// transactions of at most CHUNK_ITEMS items. A retry with the same
// Idempotency-Key, or the hourly job, writes the rows still missing.

/** A local time as the messages show it: `12-07 15:30`. */
export function localTime(at: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

async function resolveTargets(input: IssueWarningInput, named: NodeItem[] | undefined, scope: { nodeId: string; path: string }, levels: readonly string[], unitsOf: (level: string) => readonly string[]): Promise<NodeItem[]> {
  const actor = useUser();
  const t = input.targets;
  if (named) {
    // A node outside the issuer's subtree is refused (403).
    for (const n of named) authorize(actor, "warning.issue", n);
    return named;
  }
  const level = t.level!;
  const errors: FieldError[] = [];
  if (!levels.includes(level)) errors.push(fieldError("body.targets.level", "warning.level_unknown", `“${level}”不是本县的辖区层级，可选：${levels.join("、")}`, `“${level}” is not a level of the county; one of: ${levels.join(", ")}`));
  else if (t.unit !== undefined && !unitsOf(level).includes(t.unit)) errors.push(fieldError("body.targets.unit", "warning.unit_unknown", `“${t.unit}”不是该层级的单位类型`, `“${t.unit}” is not a unit kind of that level`));
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
  let area: { nodeId: string; path: string } = scope;
  if (t.areaNodeId !== undefined && t.areaNodeId !== scope.nodeId) {
    area = await nodeOrNotFound(t.areaNodeId);
    authorize(actor, "warning.issue", area);
  }
  return (await activeNodesUnder(area.path)).filter((n) => n.level === level && (t.unit === undefined || n.unit === t.unit));
}

/**
 * A new warning to a set of nodes. County and town officers issue (the
 * profile's `warnings.issuers` names the levels), to nodes of their own
 * subtree; each node's officers get a message to answer by the deadline.
 */
export const issueWarning = useCase(IssueWarningInput, async (input, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<WarningView> => {
  const actor = useUser();
  // Nodes named in the body are looked up first: another tenant's id answers 404 whoever asks.
  const named = input.targets.nodeIds?.length ? await Promise.all([...new Set(input.targets.nodeIds)].map((id) => nodeOrNotFound(id))) : undefined;
  if (input.targets.areaNodeId !== undefined) await nodeOrNotFound(input.targets.areaNodeId);
  authorize(actor, "warning.issue");
  const now = opts.now ?? new Date();
  const request = { issueWarning: input };
  if (opts.idempotencyKey !== undefined) {
    const stored = await storedResult<WarningView>(opts.idempotencyKey, request);
    if (stored) return finishIssuing(await warningOrNotFound(stored.warningId, true), now);
  }
  const [{ profile, version }, scopeNode] = await Promise.all([profileAt(now), nodeOrNotFound(actor.scopeNodeId, { allowRetired: true })]);
  const rules = warningRules(profile);
  if (!rules.issuers.levels.includes(scopeNode.level as never)) {
    throw new AppError("forbidden", "warning.issuer_level", { levels: rules.issuers.levels.join("、") });
  }
  const level = rules.levels.find((l) => l.id === input.level);
  if (!level) throw invalid("body.level", "warning.level_unknown", `“${input.level}”不是预警级别，可选：${rules.levels.map((l) => `${l.id}（${l.name.zh}）`).join("、")}`, `“${input.level}” is not a warning level; one of: ${rules.levels.map((l) => l.id).join(", ")}`);
  const nodes = await resolveTargets(input, named, { nodeId: actor.scopeNodeId, path: actor.scopePath }, profile.levels.map((l) => l.id), (id) => profile.levels.find((l) => l.id === id)?.units ?? []);
  if (!nodes.length) throw invalid("body.targets", "warning.no_targets", "所选范围内没有可发送预警的节点", "No node matches the targets chosen");
  if (nodes.length > MAX_TARGETS) throw invalid("body.targets", "warning.too_many_targets", `一次预警最多发往 ${MAX_TARGETS} 个节点（所选 ${nodes.length} 个）`, `At most ${MAX_TARGETS} nodes per warning (${nodes.length} chosen)`);

  const warningId = timeOrderedId(now);
  const item: WarningItem = {
    tenantId: actor.tenantId,
    warningId,
    title: input.title,
    text: input.text,
    level: level.id,
    levelName: level.name,
    issuerId: actor.userId,
    ...(actor.name ? { issuerName: actor.name } : {}),
    issuerNodeId: actor.scopeNodeId,
    issuerPath: actor.scopePath,
    issuedAt: now.toISOString(),
    deadline: deadlineOf(now, level, input.answerWithinHours).toISOString(),
    escalateTo: [...rules.escalation.notify],
    targetNodeIds: nodes.map((n) => n.nodeId),
    state: "issuing",
    targets: nodes.length,
    answered: 0,
    escalated: 0,
    profileVersion: version,
  };
  const view = toWarningView({ ...item, state: "open" });
  const stored = await writeTransaction<WarningView>(
    (tx) =>
      [
        tx.warning.create(item).commit(),
        auditItem(tx, { action: "warning.issue", targetType: "warning", targetId: warningId, details: plain({ level: level.id, targets: nodes.length, deadline: item.deadline, answerWithinHours: input.answerWithinHours }) }, now),
      ] as never,
    {
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request, result: view },
    },
  );
  // A concurrent first attempt with the same key won: answer its warning.
  if (stored && stored.warningId !== warningId) return finishIssuing(await warningOrNotFound(stored.warningId, true), now);
  return finishIssuing(item, now, nodes);
});

/**
 * Writes the target rows a warning still lacks, each with its node's
 * messages, then opens it. Safe to run again: rows are created only where
 * none exists, so nobody is messaged twice.
 */
export async function finishIssuing(w: WarningItem, now: Date, known?: readonly NodeItem[]): Promise<WarningView> {
  if (w.state !== "issuing") return toWarningView(w);
  const done = new Set((await writtenTargets(w.warningId)).map((t) => t.nodeId));
  const missingIds = w.targetNodeIds.filter((id) => !done.has(id));
  const byId = new Map((known ?? []).map((n) => [n.nodeId, n]));
  const nodes = await Promise.all(missingIds.map(async (id) => byId.get(id) ?? (await nodeOrNotFound(id, { allowRetired: true }))));
  const [users, timeZone] = await Promise.all([usersByNode(w.issuerPath), tenantTimeZone()]);
  const due = localTime(w.deadline, timeZone);
  const units = nodes.map((n) => {
    const users_ = officersOf(users, n.nodeId);
    const delivery: Delivery | undefined = users_.length
      ? {
          intent: { kind: "warning.issued", title: { zh: `【${w.levelName.zh}】${w.title}：请于 ${due} 前叫应`, en: `[${w.levelName.en}] ${w.title}: answer by ${due}` } },
          users: users_,
        }
      : undefined;
    const row: TargetItem = {
      tenantId: w.tenantId,
      warningId: w.warningId,
      nodeId: n.nodeId,
      nodeName: n.name,
      nodePath: n.path,
      ...(n.parentId ? { parentId: n.parentId } : {}),
      title: w.title,
      text: w.text,
      level: w.level,
      deadline: w.deadline,
      issuedAt: w.issuedAt,
      state: "pending",
    };
    return { row, delivery };
  });
  for (const chunk of chunked(units, (u) => 1 + costOf(u.delivery))) {
    await writeTransaction(
      (tx) =>
        [
          ...chunk.map((u) => tx.warningTarget.create(u.row).commit()),
          ...deliveryItems(tx, { subjectType: "warning", subjectId: w.warningId }, chunk.flatMap((u) => (u.delivery ? [u.delivery] : [])), now),
        ] as never,
      // A row already there: another attempt is writing the same warning; the retry finishes what is left.
      { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
    );
  }
  await writeTransaction((tx) => [tx.warning.patch({ tenantId: w.tenantId, warningId: w.warningId }).set({ state: "open" }).where((a, op) => op.eq(a.state, "issuing")).commit()] as never, {
    onCanceled: () => new AppError("conflict", "request.conflict_retry"),
  }).catch((err: unknown) => {
    // Opened by a concurrent attempt meanwhile: nothing left to do.
    if (!(err instanceof AppError && err.kind === "conflict")) throw err;
  });
  return toWarningView({ ...w, state: "open" });
}
