import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { computeScorecards, DateOnly, judgement, periodOfScheme, schemeOr404, scorecardsView } from "./read.ts";
import { isAdminOfTree, packSheet, sheetOf, snapshotItem, unpackSheet } from "./snapshot.ts";
import type { ScorecardsView } from "./views.ts";

// Closing a period (归档): the whole tree's cards of a scheme's period are
// computed once more and kept as the period's snapshot, in one transaction
// with its audit entry. The snapshot is created, never replaced: a second
// close is refused (409), scores can no longer be entered for the period,
// and reading the period answers the snapshot whatever data comes later.

export const ClosePeriodInput = z
  .object({ period: DateOnly.meta({ description: "Any day of the period to close" }) })
  .meta({ id: "ClosePeriodInput" });

export const closePeriod = useCase(ClosePeriodInput, async (input, schemeId: string): Promise<ScorecardsView> => {
  const actor = useUser();
  const j = await judgement(input.period, "body.period");
  const { profile } = await profileAt(j.now);
  const scheme = schemeOr404(profile, schemeId);
  if (!isAdminOfTree(actor, profile, scheme)) throw new AppError("forbidden", "auth.forbidden", { action: "assessment.close" });
  const start = periodOfScheme(scheme, j.date).start;
  if (await snapshotItem(schemeId, start, true)) throw new AppError("conflict", "assessment.period_closed", { period: start });
  // A score entered while the cards are computed moves the period's revision
  // and cancels the write: the close computes again with it.
  for (let attempt = 1; ; attempt++) {
    const revision = await scoreRevision(schemeId, start);
    try {
      return await writeSnapshot(actor, profile, schemeId, input.period, revision);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "request.conflict_retry") || attempt === CLOSE_ATTEMPTS) throw error;
    }
  }
});

const CLOSE_ATTEMPTS = 3;

/** How many score changes the period has seen (0 before the first). */
async function scoreRevision(schemeId: string, period: string): Promise<number> {
  const { data } = await tenantDb().service.entities.assessmentScoreRevision.get({ tenantId: useTenant(), schemeId, period }).go({ consistent: true });
  return data?.revision ?? 0;
}

/** Computes the cards and writes the snapshot, provided the scores are still at `revision`. */
async function writeSnapshot(actor: ReturnType<typeof useUser>, profile: PolicyProfile, schemeId: string, period: string, revision: number): Promise<ScorecardsView> {
  const sheet = sheetOf(await computeScorecards(schemeId, period, actor.scopePath, "body.period"));
  const now = new Date();
  const item = {
    tenantId: actor.tenantId,
    schemeId,
    period: sheet.period.start,
    periodEnd: sheet.period.end,
    profileVersion: sheet.profileVersion,
    evaluatedAt: sheet.evaluatedAt,
    cards: packSheet(sheet),
    closedAt: now.toISOString(),
    closedBy: actor.userId,
    ...(actor.name ? { closedByName: actor.name } : {}),
  };
  const key = { tenantId: actor.tenantId, schemeId, period: sheet.period.start };
  await writeTransaction(
    ({ assessmentScoreRevision, assessmentSnapshot, audit }) => [
      assessmentScoreRevision.check(key).where((a, op) => (revision === 0 ? op.notExists(a.revision) : op.eq(a.revision, revision))).commit(),
      assessmentSnapshot.create(item).commit(),
      auditItem(
        { audit },
        { action: "assessment.close", targetType: "node", targetId: actor.scopeNodeId, details: { schemeId, period: sheet.period.start, nodes: sheet.cards.length, profileVersion: sheet.profileVersion } },
        now,
      ),
    ],
    // A score came in meanwhile (retry), or the period was closed meanwhile by someone else (closed all the same).
    {
      onCanceled: (reasons) =>
        reasons.some((r) => r.index === 0 && r.code === "ConditionalCheckFailed") ? new AppError("conflict", "request.conflict_retry") : new AppError("conflict", "assessment.period_closed", { period: sheet.period.start }),
    },
  );
  return scorecardsView(actor, profile, { ...unpackSheet(item.cards), closed: { closedAt: item.closedAt, closedBy: item.closedBy, ...(item.closedByName ? { closedByName: item.closedByName } : {}) } });
}
