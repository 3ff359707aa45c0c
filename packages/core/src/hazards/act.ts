import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { authorize, inSubtree } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { ActionInput, type ActionRequest } from "./inputs.ts";
import { decide, type ActionInput as Resolved, type Outcome } from "./machine.ts";
import { assertOwnPhotos } from "./photos.ts";
import { recordClose, recordOccurrence, recurrenceKey, withOccurrence } from "./recurrence.ts";
import { loadRecurrence, resolveRecipients, withRetry, writeChange, type Recurrence } from "./store.ts";
import { conflictWith, contextFor, hazardOrNotFound, staleAnswer } from "./support.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { storedResult, type CancelReason, type TxEntities, type TxItem } from "../db/transact.ts";
import type { Hazard } from "./types.ts";
import { fillResponse, responseValues } from "../profile/index.ts";
import { toHazardView, type HazardView } from "./views.ts";

/**
 * One action on a hazard: a move along the loop or a change to its
 * escalation overlay. The hazard is read, the action judged by the state
 * machine against the profile in effect now, and the outcome written in one
 * transaction conditioned on the version read: of concurrent actions exactly
 * one commits and the others answer 409 with the current state. A retry with
 * the same Idempotency-Key answers the first result and writes nothing.
 */
export const actOnHazard = useCase(ActionInput, async (input, hazardId: string, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<HazardView> => {
  const actor = useUser();
  const request = { hazardId, action: input };
  assertOwnPhotos("photos" in input ? input.photos : undefined, "body.photos");
  return withRetry(async () => {
    const hazard = await hazardOrNotFound(hazardId);
    authorize(actor, "hazard.act", hazard);
    if (opts.idempotencyKey !== undefined && (await storedResult(opts.idempotencyKey, request))) return toHazardView(hazard, true);
    if (input.expectedVersion !== undefined && input.expectedVersion !== hazard.version) throw conflictWith(hazard);
    const now = opts.now ?? new Date();
    const ctx = await contextFor(actor, now);
    const key = recurrenceKey(hazard.venueId, hazard.code);
    const rec = key && (input.action === "reopen" || input.action === "close") ? await loadRecurrence(key.venueId, key.code) : undefined;
    const resolved = await resolve(input, hazard, rec, now);
    const decided = decide(ctx, hazard, resolved);
    // A picked template's placeholders the page could not fill (the deadline a registration sets) are filled from the hazard after the move.
    const outcome = withPublicNote(decided, input.publicNote === undefined ? undefined : fillResponse(input.publicNote, responseValues(ctx.profile, decided.hazard, ctx.timeZone)));

    const result = { hazardId, version: outcome.hazard.version };
    const stored = await writeChange({
      before: hazard,
      outcome,
      profileVersion: ctx.profileVersion,
      timeZone: ctx.timeZone,
      now,
      deliveries: await resolveRecipients(ctx.profile, outcome.hazard, outcome.intents, ctx.actor),
      audit: { action: `hazard.${input.action}`, details: { from: hazard.state, events: outcome.events.map((e) => e.action) } },
      extra: (tx) => {
        if (input.action === "reopen" && key) return [recordOccurrence(tx, key, rec, hazardId, outcome.hazard.occurrences)];
        if (input.action === "close" && rec?.lastHazardId === hazardId) return [recordClose(tx, rec, now)];
        return [];
      },
      onExtraCanceled: () => new AppError("conflict", "request.conflict_retry"),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request, result },
    }).catch((err: unknown) => staleAnswer(hazardId, err));
    if (stored === undefined || stored === result) return toHazardView(outcome.hazard, true);
    // A replayed request: the hazard as it is now, which the first request's change led to.
    return toHazardView(await hazardOrNotFound(hazardId), true);
  });
});

/** A note for the public kept on the hazard (the latest wins) and on the action's own event. */
function withPublicNote(outcome: Outcome, publicNote: string | undefined): Outcome {
  if (publicNote === undefined) return outcome;
  return {
    ...outcome,
    hazard: { ...outcome.hazard, publicNote },
    events: outcome.events.map((e, i) => (i === 0 ? { ...e, details: { ...e.details, publicNote } } : e)),
  };
}

/** The request with its ids read: the node a hazard moves to, the assignee, the venue's occurrences. */
async function resolve(input: ActionRequest, hazard: Hazard, rec: Recurrence | undefined, now: Date): Promise<Resolved> {
  const actor = useUser();
  switch (input.action) {
    case "register": {
      const { expectedVersion: _v, nodeId, ...rest } = input;
      if (nodeId === undefined || nodeId === hazard.nodeId) return rest;
      const node = await nodeOrNotFound(nodeId).catch(() => {
        throw invalid("body.nodeId", "hazard.node_unknown", "找不到该辖区节点", "No such node");
      });
      if (!inSubtree(actor.scopePath, node.path)) throw invalid("body.nodeId", "hazard.node_out_of_scope", "只能把隐患放到您辖区内的节点", "Place the hazard at a node of your own subtree");
      return { ...rest, place: { nodeId: node.nodeId, path: node.path } };
    }
    case "dispatch": {
      const { expectedVersion: _v, assigneeId, ...rest } = input;
      if (assigneeId === undefined || assigneeId === actor.userId) return rest;
      const { data: user } = await tenantDb().service.entities.user.get({ tenantId: actor.tenantId, userId: assigneeId }).go();
      if (!user || user.status !== "active" || user.role === "viewer") {
        throw invalid("body.assigneeId", "hazard.assignee_unknown", "承办人须为本单位在用、可办理隐患的用户", "The assignee must be an active user of your county who can act on hazards");
      }
      return { ...rest, assignee: { userId: user.userId, scopePath: user.scopePath } };
    }
    case "reopen": {
      const { expectedVersion: _v, ...rest } = input;
      return recurrenceKey(hazard.venueId, hazard.code) ? { ...rest, occurrences: withOccurrence(rec, now) } : rest;
    }
    default: {
      const { expectedVersion: _v, ...rest } = input;
      return rest as Resolved;
    }
  }
}

/**
 * An action on a hazard that carries another domain's items in the same
 * transaction (an IoT alarm closed as a false alarm withdraws its hazard and
 * counts on the device at once): read, authorised and judged exactly as
 * `actOnHazard`, with `extra` items written beside the hazard's own. A
 * cancellation of one of them is what `onExtraCanceled` says.
 */
export async function actOnHazardWith(
  hazardId: string,
  input: ActionRequest,
  opts: { now?: Date; audit?: Record<string, unknown>; extra: (tx: TxEntities, after: Hazard) => TxItem[]; onExtraCanceled?: (reasons: CancelReason[]) => AppError },
): Promise<HazardView> {
  const actor = useUser();
  return withRetry(async () => {
    const hazard = await hazardOrNotFound(hazardId);
    authorize(actor, "hazard.act", hazard);
    const now = opts.now ?? new Date();
    const ctx = await contextFor(actor, now);
    const resolved = await resolve(input, hazard, undefined, now);
    const outcome = decide(ctx, hazard, resolved);
    await writeChange({
      before: hazard,
      outcome,
      profileVersion: ctx.profileVersion,
      timeZone: ctx.timeZone,
      now,
      deliveries: await resolveRecipients(ctx.profile, outcome.hazard, outcome.intents, ctx.actor),
      audit: { action: `hazard.${input.action}`, details: { from: hazard.state, events: outcome.events.map((e) => e.action), ...opts.audit } },
      extra: (tx) => opts.extra(tx, outcome.hazard),
      onExtraCanceled: opts.onExtraCanceled ?? (() => new AppError("conflict", "request.conflict_retry")),
    }).catch((err: unknown) => staleAnswer(hazardId, err));
    return toHazardView(outcome.hazard, true);
  });
}
