import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { profileAt } from "../profile/index.ts";
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
  const sheet = sheetOf(await computeScorecards(schemeId, input.period, actor.scopePath, "body.period"));
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
  await writeTransaction(
    ({ assessmentSnapshot, audit }) => [
      assessmentSnapshot.create(item).commit(),
      auditItem(
        { audit },
        { action: "assessment.close", targetType: "node", targetId: actor.scopeNodeId, details: { schemeId, period: sheet.period.start, nodes: sheet.cards.length, profileVersion: sheet.profileVersion } },
        now,
      ),
    ],
    // Closed meanwhile by someone else: the period is closed all the same.
    { onCanceled: () => new AppError("conflict", "assessment.period_closed", { period: sheet.period.start }) },
  );
  return scorecardsView(actor, profile, { ...unpackSheet(item.cards), closed: { closedAt: item.closedAt, closedBy: item.closedBy, ...(item.closedByName ? { closedByName: item.closedByName } : {}) } });
});
