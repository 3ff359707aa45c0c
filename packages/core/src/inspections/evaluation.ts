import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { writeTransaction } from "../db/transact.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { authorize } from "../access/index.ts";
import { atPlace, nodeMoving } from "../jurisdiction/index.ts";
import { localDate, OTHER_CODE, raiseHazard, raisedHazardItems, type Context, type RaisedHazard } from "../hazards/index.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { evaluationItems, evaluationPolicyFor, SafetyEvaluationInput, SafetyEvaluationSchema, venueOrNotFound, VenueViewSchema, type SafetyEvaluation } from "../venues/index.ts";
import { MAX_TRANSACTION_ITEMS } from "./perform.ts";

// 安全评估，达不到安全条件的不得经营使用 (a profile's safety_evaluation policy):
// recording an evaluation of a venue the policy matches. A failed one sets the
// venue's operating status and raises a hazard of the policy's code at the
// venue, in ONE transaction; a passed one clears the status (a hazard raised
// earlier follows its own closed loop).

export const EvaluationResultSchema = z
  .object({
    venue: VenueViewSchema,
    evaluation: SafetyEvaluationSchema,
    hazardId: z.string().optional().meta({ description: "The hazard raised for a failed evaluation" }),
  })
  .meta({ id: "SafetyEvaluationResult" });
export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;

export const recordSafetyEvaluation = useCase(SafetyEvaluationInput, async (input, venueId: string, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<EvaluationResult> => {
  const actor = useUser();
  // Another tenant's venue is simply not there: 404 before anything else.
  const venue = await venueOrNotFound(venueId, { consistent: true });
  authorize(actor, "venue.manage", venue);
  const now = opts.now ?? new Date();
  const [{ version, profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
  if (input.date > localDate(now, timeZone)) throw invalid("body.date", "venue.evaluation_date_future", "评估日期不能晚于今天", "The evaluation date cannot be after today");
  const policy = evaluationPolicyFor(profile, venue);
  if (!policy) throw new AppError("conflict", "venue.evaluation_not_required");

  const failed = input.result === "failed";
  const ctx: Context = { profile, profileVersion: version, timeZone, now, actor: { type: "user", userId: actor.userId, role: actor.role, scopePath: actor.scopePath, ...(actor.bodyId ? { bodyId: actor.bodyId } : {}) } };
  const code = policy.hazardCode ?? OTHER_CODE;
  const raised: RaisedHazard[] = failed
    ? [
        await raiseHazard(
          ctx,
          {
            hazardId: timeOrderedId(now.getTime()),
            place: { nodeId: venue.nodeId, path: venue.path },
            venueId,
            venueName: venue.name,
            venueKinds: venue.kinds,
            locationText: venue.address ?? venue.name,
            code,
            codeText: code === OTHER_CODE ? "安全评估未达到安全条件" : undefined,
            severity: policy.severity,
            description: `安全评估未达到安全条件，不得经营使用（${input.evaluator}，${input.date}）${input.note ? `：${input.note}` : ""}`,
            photos: [],
            source: "inspection",
            reporter: { type: "user", id: actor.userId },
          },
          { details: { safetyEvaluation: policy.id, sourceRef: policy.sourceRef } },
        ),
      ]
    : [];
  const hazardId = raised[0]?.outcome.hazard.hazardId;
  const evaluation: SafetyEvaluation = plain({
    result: input.result,
    date: input.date,
    evaluator: input.evaluator,
    note: input.note,
    policy: policy.id,
    sourceRef: policy.sourceRef,
    recordedAt: now.toISOString(),
    recordedBy: actor.userId,
    hazardId,
  });
  const place = atPlace({ nodeId: venue.nodeId, path: venue.path });
  // The venue's two items, the audit entry, the idempotency record and the place checks; one hazard fits in the rest.
  const room = MAX_TRANSACTION_ITEMS - (3 + (opts.idempotencyKey === undefined ? 0 : 1) + venue.path.split("/").filter(Boolean).length);

  const after = { ...venue, version: venue.version + 1, updatedAt: now.toISOString(), safetyEvaluation: evaluation, operatingStatus: failed ? policy.onFailure : undefined };
  const { tenantId: _t, searchText: _s, retiredAt: _r, ...shown } = after as typeof after & { searchText?: string };
  const result: EvaluationResult = plain({ venue: shown as EvaluationResult["venue"], evaluation, hazardId });
  const stored = await writeTransaction<EvaluationResult>(
    (tx) =>
      place.items(tx, [
        ...evaluationItems(tx, { before: venue, evaluation, policy, profileVersion: version, now }),
        ...raisedHazardItems(tx, raised, { profileVersion: version, timeZone, now, room }),
        auditItem(tx, { action: "venue.evaluate", targetType: "venue", targetId: venueId, details: plain({ result: input.result, policy: policy.id, hazardId }) }, now),
      ] as never) as never,
    {
      onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : reasons.some((r) => r.index === 0) ? new AppError("conflict", "venue.changed") : new AppError("conflict", "request.conflict_retry")),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request: { safetyEvaluation: input, venueId }, result },
    },
  );
  return stored ?? result;
});
