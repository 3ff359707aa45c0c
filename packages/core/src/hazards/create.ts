import { useUser } from "../context/actor.ts";
import type { Idempotency } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { DAY_MS } from "./clock.ts";
import { CreateHazardInput } from "./inputs.ts";
import { decide, type Context } from "./machine.ts";
import { raiseHazard } from "./raise.ts";
import { recordOccurrence, recurrenceKey, withOccurrence } from "./recurrence.ts";
import { timeOrderedId } from "../db/ids.ts";
import { atPlace, nodeMoving, nodeOrNotFound } from "../jurisdiction/index.ts";
import { loadVenueItem } from "../venues/index.ts";
import { loadHazard, loadRecurrence, resolveRecipients, withRetry, writeChange, type Recurrence } from "./store.ts";
import { contextFor, staleAnswer } from "./support.ts";
import type { Hazard } from "./types.ts";
import { assertOwnPhotos } from "./photos.ts";
import { toHazardView, type HazardView } from "./views.ts";

export type Created = HazardView & { reopened: boolean };
type Result = { hazardId: string; reopened: boolean };

/**
 * Report a hazard found in one's own subtree. It starts in the workflow's
 * first state with its deadline and handler from the profile by severity.
 * The same code found again at the same venue within the profile's reopen
 * window reopens the hazard closed there instead (`reopened: true`). One
 * transaction: the hazard, its first events, its list rows, the counters of
 * its node and every node above, the venue's recurrence, notifications and
 * the audit entry. A retry with the same Idempotency-Key answers the first
 * result and writes nothing.
 */
export const createHazard = useCase(CreateHazardInput, async (input, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<Created> => {
  const actor = useUser();
  // The node first: another tenant's id answers 404 whoever asks.
  const node = await nodeOrNotFound(input.nodeId);
  authorize(actor, "hazard.report", node);
  assertOwnPhotos(input.photos, "body.photos");
  const idempotency = (result: Result) => (opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request: { create: input }, result });

  return withRetry(async () => {
    const now = opts.now ?? new Date();
    const ctx = await contextFor(actor, now);
    const key = recurrenceKey(input.venueId, input.code);
    const rec = key ? await loadRecurrence(key.venueId, key.code) : undefined;

    const reopenable = rec?.lastClosedAt !== undefined && now.getTime() - Date.parse(rec.lastClosedAt) <= ctx.profile.hazards.reopenWindowDays.value * DAY_MS;
    const last = reopenable ? await loadHazard(rec!.lastHazardId) : undefined;
    if (key && rec && last?.state === "closed") return foundAgain(ctx, last, rec, key, input, idempotency);

    const hazardId = timeOrderedId(now);
    const place = atPlace(node);
    // The venue's kinds choose its industry department (按照行业类别); a venue id the registry does not hold routes as no venue.
    const venue = input.venueId ? await loadVenueItem(input.venueId) : undefined;
    const { outcome, deliveries } = await raiseHazard(ctx, {
      hazardId,
      place: { nodeId: node.nodeId, path: node.path },
      venueId: input.venueId,
      venueName: venue?.status === "active" ? venue.name : undefined,
      venueKinds: venue?.status === "active" ? venue.kinds : undefined,
      locationText: input.locationText,
      lat: input.lat,
      lng: input.lng,
      code: input.code,
      codeText: input.codeText,
      severity: input.severity,
      description: input.description,
      photos: input.photos,
      source: input.source,
      transferredFrom: input.transferredFrom,
      reporter: { type: "user", id: actor.userId },
      responsibleParty: input.responsibleParty,
    }, { recurrence: rec ?? null });
    const result: Result = { hazardId, reopened: false };
    const stored = await writeChange({
      before: undefined,
      outcome,
      profileVersion: ctx.profileVersion,
      timeZone: ctx.timeZone,
      now,
      deliveries,
      audit: { action: "hazard.create", details: { nodeId: node.nodeId, severity: input.severity, code: input.code, source: input.source } },
      // Not while the node or one above it is on the move (jurisdiction/place.ts).
      extra: (tx) => place.items(tx, key ? [recordOccurrence(tx, key, rec, hazardId, outcome.hazard.occurrences)] : []),
      onExtraCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : new AppError("conflict", "request.conflict_retry")),
      idempotency: idempotency(result),
    });
    return answer(stored, result, outcome.hazard);
  });
});

/** The same code at the same venue, found again soon after its hazard closed: that hazard reopens. */
async function foundAgain(
  ctx: Context,
  last: Hazard,
  rec: Recurrence,
  key: { venueId: string; code: string },
  input: { description: string; photos: string[]; source: string },
  idempotency: (result: Result) => Idempotency<Result> | undefined,
): Promise<Created> {
  const occurrences = withOccurrence(rec, ctx.now);
  // Finding it again reopens it whoever finds it: the rule is the profile's, not the finder's choice.
  const outcome = decide({ ...ctx, actor: { type: "system" } }, last, { action: "reopen", reason: input.description, occurrences });
  const [first, ...rest] = outcome.events;
  const events = [{ ...first!, photos: input.photos.length ? input.photos : undefined, details: { ...first!.details, foundAgain: true, source: input.source } }, ...rest];
  const result: Result = { hazardId: last.hazardId, reopened: true };
  const stored = await writeChange({
    before: last,
    outcome: { ...outcome, events },
    profileVersion: ctx.profileVersion,
    timeZone: ctx.timeZone,
    now: ctx.now,
    deliveries: await resolveRecipients(ctx.profile, outcome.hazard, outcome.intents, ctx.actor),
    audit: { action: "hazard.reopen", details: { foundAgain: true } },
    extra: (tx) => [recordOccurrence(tx, key, rec, last.hazardId, occurrences)],
    onExtraCanceled: () => new AppError("conflict", "request.conflict_retry"),
    idempotency: idempotency(result),
  }).catch((err: unknown) => staleAnswer(last.hazardId, err));
  return answer(stored, result, outcome.hazard);
}

/**
 * The hazard just written; or, when the transaction replayed an earlier
 * request's answer (a stored copy, not the object passed in), the hazard as
 * that request left it.
 */
async function answer(stored: Result | undefined, fresh: Result, written: Hazard): Promise<Created> {
  if (stored === undefined || stored === fresh) return { ...toHazardView(written, true), reopened: fresh.reopened };
  const first = await loadHazard(stored.hazardId);
  if (!first) throw new AppError("not_found", "hazard.not_found");
  return { ...toHazardView(first, true), reopened: stored.reopened };
}
