import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { PHOTO_TYPES, PhotoUploadInput, presignGet, presignPhotoPut, tenantFilePrefix } from "../files/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";

// The assessor's attachments (photos or scans of the evidence a manual score
// rests on) go under the tenant's assessment prefix, one folder per uploader,
// like hazard photos. A score names the keys; only the tenant's own assessment
// uploads are accepted, and a link is given to those who may read the scheme.

const assessmentPrefix = () => `${tenantFilePrefix()}assessment/`;

/** A presigned upload for a file the caller will attach to a score. */
export const presignAttachmentUpload = useCase(PhotoUploadInput, async (input) => {
  const actor = useUser();
  authorize(actor, "assessment.score");
  return presignPhotoPut(`${assessmentPrefix()}${actor.userId}/`, `${randomUUID()}.${PHOTO_TYPES[input.contentType]}`, input);
});

/** Refuses a key that is not one of this tenant's assessment uploads (400 naming the field). */
export function assertOwnAttachments(keys: readonly string[] | undefined, field: string): void {
  const prefix = assessmentPrefix();
  keys?.forEach((key, i) => {
    if (!key.startsWith(prefix) || key.includes("..")) throw invalid(`${field}[${i}]`, "assessment.attachment_foreign", "附件须为本单位上传的考核材料", "An attachment must be one uploaded for this county's assessment");
  });
}

export const AttachmentQuery = z.object({
  schemeId: z.string().min(1).max(60),
  period: z.iso.date(),
  nodeId: z.string().min(1).max(64),
  indicatorId: z.string().min(1).max(60),
  key: z.string().min(1).max(300),
});

/** A short-lived link to a file attached to a score, for those who may read the scored node's assessment. */
export const attachmentUrl = useCase(
  AttachmentQuery,
  async (input) => {
    const actor = useUser();
    const { data: score } = await tenantDb().service.entities.assessmentScore.get({ tenantId: useTenant(), schemeId: input.schemeId, period: input.period, nodeId: input.nodeId, indicatorId: input.indicatorId }).go();
    if (!score || !(score.attachments ?? []).includes(input.key)) throw new AppError("not_found", "assessment.attachment_not_found");
    const node = await nodeOrNotFound(input.nodeId, { allowRetired: true });
    authorize(actor, "assessment.read", { path: node.path });
    return presignGet(input.key);
  },
  "query",
);
