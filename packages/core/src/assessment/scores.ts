import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual, invalid } from "../errors/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { mayAssess } from "./assessor.ts";
import { DateOnly, judgement, periodOfScheme, schemeOr404 } from "./read.ts";
import { assessedLevelsOf, indicatorsOf } from "./scorecard.ts";
import { snapshotItem } from "./snapshot.ts";
import { assertOwnAttachments } from "./attachments.ts";

// The assessor's scores: one per indicator, assessed node and period, with a
// note saying why. A manual indicator has no other score; an indicator the
// engine computes may be overridden the same way (the card shows both). Each
// change is one transaction with its audit entry, which keeps the score it
// replaced.

const Key = {
  period: DateOnly.meta({ description: "Any day of the period: the score is kept for the scheme's period that holds it" }),
  nodeId: z.string().min(1).max(64),
  indicatorId: z.string().min(1).max(60),
};

export const MAX_ATTACHMENTS = 10;

export const SetScoreInput = z
  .object({
    ...Key,
    score: z.number().min(0, bilingual("评分须在 0 到 100 之间", "A score is between 0 and 100")).max(100, bilingual("评分须在 0 到 100 之间", "A score is between 0 and 100")),
    note: z.string().trim().min(1, bilingual("请写明评分依据", "Say what the score is based on")).max(1000),
    attachments: z
      .array(z.string().min(1).max(300))
      .max(MAX_ATTACHMENTS, bilingual(`附件最多 ${MAX_ATTACHMENTS} 个`, `At most ${MAX_ATTACHMENTS} attachments`))
      .optional()
      .meta({ description: "Keys from POST /v1/assessment/attachments: the evidence the assessor scored on (photos or scans)" }),
  })
  .meta({ id: "SetScoreInput" });

export const ClearScoreInput = z.object(Key).meta({ id: "ClearScoreInput" });

/** The scheme, indicator, node and period a score is for, checked; and may the caller score it. */
async function place(schemeId: string, input: { period: string; nodeId: string; indicatorId: string }) {
  const actor = useUser();
  const j = await judgement(input.period, "body.period");
  const { profile } = await profileAt(j.now);
  const scheme = schemeOr404(profile, schemeId);
  const node = await nodeOrNotFound(input.nodeId);
  if (!mayAssess(actor, profile, scheme, node.path)) throw new AppError("forbidden", "auth.forbidden", { action: "assessment.score" });
  if (!indicatorsOf(scheme).some((i) => i.id === input.indicatorId)) {
    throw invalid("body.indicatorId", "assessment.indicator_unknown", `“${input.indicatorId}”不是该考核方案的指标`, `“${input.indicatorId}” is not an indicator of this scheme`);
  }
  if (!assessedLevelsOf(profile, scheme).includes(node.level)) {
    throw invalid("body.nodeId", "assessment.node_not_assessed", `“${node.name}”不是该方案考核的对象`, `“${node.name}” is not assessed by this scheme`);
  }
  const period = periodOfScheme(scheme, j.date).start;
  const key = { tenantId: actor.tenantId, schemeId, period, nodeId: node.nodeId, indicatorId: input.indicatorId };
  const [{ data: previous }, closed] = await Promise.all([tenantDb().service.entities.assessmentScore.get(key).go({ consistent: true }), snapshotItem(schemeId, period, true)]);
  if (closed) throw new AppError("conflict", "assessment.period_closed", { period });
  return { actor, key, previous };
}

export type ScoreView = { schemeId: string; period: string; nodeId: string; indicatorId: string; score: number; note: string; attachments?: string[]; enteredBy: string; enteredByName?: string; enteredAt: string };

/**
 * The period is still open when the score is written (a close between the
 * check and the write cancels the write), and the period's score revision
 * moves on, so a close computing meanwhile sees its snapshot is stale.
 */
const stillOpen = (tx: TxEntities, key: { tenantId: string; schemeId: string; period: string }): TxItem[] => [
  tx.assessmentSnapshot.check({ tenantId: key.tenantId, schemeId: key.schemeId, period: key.period }).where((a, op) => op.notExists(a.closedAt)).commit() as TxItem,
  tx.assessmentScoreRevision.update({ tenantId: key.tenantId, schemeId: key.schemeId, period: key.period }).add({ revision: 1 }).commit() as TxItem,
];

/** Enter (or replace) the assessor's score of one indicator for one node and period. */
export const setScore = useCase(SetScoreInput, async (input, schemeId: string): Promise<ScoreView> => {
  const { actor, key, previous } = await place(schemeId, input);
  assertOwnAttachments(input.attachments, "body.attachments");
  const now = new Date();
  const item = { ...key, score: input.score, note: input.note, ...(input.attachments?.length ? { attachments: input.attachments } : {}), enteredBy: actor.userId, ...(actor.name ? { enteredByName: actor.name } : {}), enteredAt: now.toISOString() };
  await writeTransaction(
    (tx) => [
      ...stillOpen(tx, key),
      tx.assessmentScore.put(item).commit(),
      auditItem({ audit: tx.audit }, { action: "assessment.score", targetType: "node", targetId: key.nodeId, details: { schemeId, period: key.period, indicatorId: key.indicatorId, score: input.score, ...(previous ? { previous: previous.score } : {}) } }, now),
    ],
    { onCanceled: (reasons) => (reasons.some((r) => r.index === 0 && r.code === "ConditionalCheckFailed") ? new AppError("conflict", "assessment.period_closed", { period: key.period }) : new AppError("conflict", "request.conflict_retry")) },
  );
  const { tenantId: _t, ...view } = item;
  return view;
});

/** Withdraw an entered score: a manual indicator goes back to unscored, an overridden one to its computed score. */
export const clearScore = useCase(ClearScoreInput, async (input, schemeId: string): Promise<void> => {
  const { key, previous } = await place(schemeId, input);
  if (!previous) throw new AppError("not_found", "assessment.score_not_found");
  await writeTransaction(
    (tx) => [
      ...stillOpen(tx, key),
      tx.assessmentScore.delete(key).where((a, op) => op.eq(a.enteredAt, previous.enteredAt)).commit(),
      auditItem({ audit: tx.audit }, { action: "assessment.score_clear", targetType: "node", targetId: key.nodeId, details: { schemeId, period: key.period, indicatorId: key.indicatorId, previous: previous.score } }),
    ],
    { onCanceled: (reasons) => (reasons.some((r) => r.index === 0 && r.code === "ConditionalCheckFailed") ? new AppError("conflict", "assessment.period_closed", { period: key.period }) : new AppError("conflict", "request.conflict_retry")) },
  );
});
