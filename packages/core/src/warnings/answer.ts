import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { plain } from "../db/plain.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError, invalid } from "../errors/index.ts";
import { randomUUID } from "node:crypto";
import { PHOTO_TYPES, PhotoUploadInput, presignPhotoPut, tenantFilePrefix } from "../files/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";
import { AnswerWarningInput } from "./inputs.ts";
import { isLate } from "./rules.ts";
import { targetOrNotFound, toNodeWarningView, type TargetItem } from "./store.ts";
import type { NodeWarningView } from "./views.ts";

// A node's answer to a warning (叫应): the first answer acknowledges it (its
// time kept for good, marked late after the deadline, counted once on the
// warning); a later one only updates the measures and photos.

/** Where the photos of one node's answer to one warning are uploaded. */
const photoPrefix = (warningId: string, nodeId: string) => `${tenantFilePrefix()}warnings/${warningId}/${nodeId}/`;

function checkPhotos(photos: readonly string[] | undefined, warningId: string, nodeId: string) {
  const prefix = photoPrefix(warningId, nodeId);
  photos?.forEach((key, i) => {
    if (!key.startsWith(prefix)) throw invalid(`body.photos[${i}]`, "warning.photo_foreign", "照片须为本节点叫应此预警时上传的照片", "A photo must be one uploaded for this node's answer to this warning");
  });
}

/** A presigned upload for a photo of a node's answer (measures taken), for those who may answer for the node. */
export const presignAnswerPhoto = useCase(PhotoUploadInput, async (input, warningId: string, nodeId: string) => {
  const actor = useUser();
  await targetOrNotFound(warningId, nodeId);
  authorize(actor, "warning.answer", await nodeOrNotFound(nodeId, { allowRetired: true }));
  return presignPhotoPut(photoPrefix(warningId, nodeId), `${randomUUID()}.${PHOTO_TYPES[input.contentType]}`, input);
});

/**
 * Answers a warning for a node. Any role that acts (not a viewer) may answer
 * for a node of its own subtree; answering again is safe (the acknowledgement
 * stays as first given).
 */
export const answerWarning = useCase(AnswerWarningInput, async (input, warningId: string, nodeId: string, opts: { now?: Date } = {}): Promise<NodeWarningView> => {
  const actor = useUser();
  const target = await targetOrNotFound(warningId, nodeId, true);
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  authorize(actor, "warning.answer", node);
  checkPhotos(input.photos, warningId, nodeId);
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const key = { tenantId: actor.tenantId, warningId, nodeId };
  const by = plain({ answeredBy: actor.userId, answeredByName: actor.name });
  if (target.state !== "answered") {
    const late = isLate(target.deadline, now);
    const after: TargetItem = plain({ ...target, ...by, state: "answered" as const, ackAt: at, late, measures: input.measures || target.measures, photos: input.photos ?? target.photos, updatedAt: at });
    await writeTransaction(
      (tx) =>
        [
          tx.warningTarget
            .patch(key)
            .set(plain({ state: "answered" as const, ackAt: at, late, ...by, measures: after.measures, photos: after.photos, updatedAt: at }))
            .where((a, op) => op.eq(a.state, target.state))
            .commit(),
          tx.warning.patch({ tenantId: actor.tenantId, warningId }).add({ answered: 1 }).commit(),
          auditItem(tx, { action: "warning.answer", targetType: "warning", targetId: warningId, details: plain({ nodeId, late, measures: input.measures ? true : undefined }) }, now),
        ] as never,
      // Answered by someone else in the meantime: the retry updates that answer.
      { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
    );
    return toNodeWarningView(after);
  }
  const changes = plain({ measures: input.measures || undefined, photos: input.photos, updatedAt: at });
  await writeTransaction(
    (tx) =>
      [
        tx.warningTarget.patch(key).set(changes).where((a, op) => op.eq(a.state, "answered")).commit(),
        auditItem(tx, { action: "warning.answer_update", targetType: "warning", targetId: warningId, details: plain({ nodeId, measures: input.measures ? true : undefined, photos: input.photos?.length }) }, now),
      ] as never,
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return toNodeWarningView({ ...target, ...changes });
});
