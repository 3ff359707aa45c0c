import { useUser } from "../context/actor.ts";
import { authorize, can } from "../access/index.ts";
import { storedResult, writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { useCase } from "../use-case.ts";
import { counterDeltas } from "./entries.ts";
import { MergeInput } from "./inputs.ts";
import { absorb, decide } from "./machine.ts";
import { changeItems, counterItems, loadHazard, resolveRecipients, STALE, withRetry } from "./store.ts";
import { conflictWith, contextFor, hazardOrNotFound, staleAnswer } from "./support.ts";
import { toHazardView, type HazardView } from "./views.ts";

/**
 * An officer merges a duplicate report into its original: the duplicate goes
 * to `duplicate` (final, out of the open lists and counters) pointing at the
 * original, the original records it in `duplicates` with an event. Both
 * hazards, their events, rows and counters are ONE transaction, each hazard
 * conditioned on the version read: a stale `expectedVersion` or a race
 * answers 409 and writes nothing.
 */
export const mergeHazard = useCase(MergeInput, async (input, hazardId: string, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<HazardView> => {
  const actor = useUser();
  const request = { hazardId, merge: input };
  return withRetry(async () => {
    const duplicate = await hazardOrNotFound(hazardId);
    authorize(actor, "hazard.act", duplicate);
    if (opts.idempotencyKey !== undefined && (await storedResult(opts.idempotencyKey, request))) return toHazardView(duplicate, true);
    if (input.expectedVersion !== duplicate.version) throw conflictWith(duplicate);
    const original = await loadHazard(input.intoId);
    // Another tenant's or another subtree's hazard is not there to merge into.
    if (!original || !can(actor, "hazard.read", original)) throw invalid("body.intoId", "hazard.merge_into_unknown", "找不到要并入的原隐患", "No such hazard to merge into");
    const now = opts.now ?? new Date();
    const ctx = await contextFor(actor, now);
    const merged = decide(ctx, duplicate, { action: "merge", into: original, note: input.note });
    const absorbed = absorb(ctx, original, duplicate);
    const deliveries = await resolveRecipients(ctx.profile, absorbed.hazard, absorbed.intents, ctx.actor);
    const result = { hazardId, version: merged.hazard.version };
    const audit = { action: "hazard.merge", details: { intoId: original.hazardId } };
    const stored = await writeTransaction(
      (tx) => {
        const dup = changeItems(tx, { before: duplicate, outcome: merged, profileVersion: ctx.profileVersion, now, deliveries: [], audit });
        const orig = changeItems(tx, { before: original, outcome: absorbed, profileVersion: ctx.profileVersion, now, deliveries, audit: { action: "hazard.merged", details: { duplicateId: hazardId } } });
        const counters = [...counterDeltas(duplicate, merged.hazard, ctx.timeZone), ...counterDeltas(original, absorbed.hazard, ctx.timeZone)];
        return [dup.hazardItem, orig.hazardItem, ...dup.items, ...orig.items, ...counterItems(tx, counters)];
      },
      {
        idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request, result },
        // The duplicate changed since read: 409 with its state; anything else (the original, a counter) lost a race: read again.
        onCanceled: (reasons) => new AppError("conflict", reasons.some((r) => r.index === 0) ? STALE : "request.conflict_retry"),
      },
    ).catch((err: unknown) => staleAnswer(hazardId, err));
    if (stored === undefined || stored === result) return toHazardView(merged.hazard, true);
    return toHazardView(await hazardOrNotFound(hazardId), true);
  });
});
