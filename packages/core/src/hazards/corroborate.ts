import { useUser } from "../context/actor.ts";
import { authorize } from "../access/index.ts";
import { storedResult } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { useCase } from "../use-case.ts";
import { CorroborateInput } from "./inputs.ts";
import { corroborate } from "./machine.ts";
import { assertOwnPhotos } from "./photos.ts";
import { resolveRecipients, withRetry, writeChange } from "./store.ts";
import { contextFor, hazardOrNotFound, staleAnswer } from "./support.ts";
import { toHazardView, type HazardView } from "./views.ts";

/**
 * A field worker who finds a hazard already reported adds their photo or
 * note to it (an event on its timeline, its handler told) instead of a second
 * report. Anyone who may report where the hazard lies may add to it. A retry
 * with the same Idempotency-Key answers the first result and writes nothing.
 */
export const corroborateHazard = useCase(CorroborateInput, async (input, hazardId: string, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<HazardView> => {
  const actor = useUser();
  assertOwnPhotos(input.photos, "body.photos");
  const request = { hazardId, corroborate: input };
  return withRetry(async () => {
    const hazard = await hazardOrNotFound(hazardId);
    authorize(actor, "hazard.report", hazard);
    if (opts.idempotencyKey !== undefined && (await storedResult(opts.idempotencyKey, request))) return toHazardView(hazard, true);
    const now = opts.now ?? new Date();
    const ctx = await contextFor(actor, now);
    const outcome = corroborate(ctx, hazard, input);
    const result = { hazardId, version: outcome.hazard.version };
    const stored = await writeChange({
      before: hazard,
      outcome,
      profileVersion: ctx.profileVersion,
      timeZone: ctx.timeZone,
      now,
      deliveries: await resolveRecipients(ctx.profile, outcome.hazard, outcome.intents, ctx.actor),
      audit: { action: "hazard.corroborate", details: { photos: input.photos.length } },
      onExtraCanceled: () => new AppError("conflict", "request.conflict_retry"),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request, result },
    }).catch((err: unknown) => staleAnswer(hazardId, err));
    if (stored === undefined || stored === result) return toHazardView(outcome.hazard, true);
    return toHazardView(await hazardOrNotFound(hazardId), true);
  });
});
