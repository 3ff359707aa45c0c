// Photos: a presigned upload straight to storage, short-lived links to view.
import type { PhotoUpload, PhotoUrl } from "@firegov/core/contract";
import { ApiError, json, post } from "./http.ts";
import { hazardPath } from "./hazards.ts";
import { venuePath } from "./venues.ts";

/**
 * Where a photo is uploaded, as data (the endpoint that hands out its slot):
 * a photo queued on the phone keeps it, so its upload can resume after a
 * reload.
 */
export interface PhotoTarget {
  slotPath: string;
}

export const hazardPhotoTarget = (): PhotoTarget => ({ slotPath: "/v1/hazards/photos" });
export const venuePhotoTarget = (venueId: string): PhotoTarget => ({ slotPath: `${venuePath(venueId)}/photos` });
export const assessmentAttachmentTarget = (): PhotoTarget => ({ slotPath: "/v1/assessment/attachments" });
export const warningPhotoTarget = (warningId: string, nodeId: string): PhotoTarget => ({
  slotPath: `/v1/warnings/${encodeURIComponent(warningId)}/targets/${encodeURIComponent(nodeId)}/photos`,
});

async function put(slot: { uploadUrl: string; method: string; headers: Record<string, string> }, blob: Blob): Promise<void> {
  // The browser sets Content-Length itself, from the blob: it matches the signed size.
  const res = await fetch(slot.uploadUrl, { method: slot.method, headers: { "content-type": slot.headers["content-type"]! }, body: blob });
  if (!res.ok) throw new ApiError(res.status, "file.upload_failed", `${res.status} ${res.statusText}`);
}

/**
 * Asks for a slot (two when there is a thumbnail), puts the thumbnail, then
 * the photo, and answers the photo's key (to send in `photos`). The key is
 * answered only when both are stored, so a page never names a missing thumbnail.
 */
export async function uploadPhoto(target: PhotoTarget, original: Blob, thumb?: Blob): Promise<string> {
  const slot = await json<PhotoUpload>(
    target.slotPath,
    post({ contentType: original.type, size: original.size, ...(thumb ? { thumb: { contentType: thumb.type, size: thumb.size } } : {}) }),
  );
  if (thumb && slot.thumb) await put(slot.thumb, thumb);
  await put(slot, original);
  return slot.key;
}

/** One photo for a hazard report or action. */
export function uploadHazardPhoto(file: File): Promise<string> {
  return uploadPhoto(hazardPhotoTarget(), file);
}

/** One photo taken at a venue (an inspection item's evidence). */
export function uploadVenuePhoto(venueId: string, file: File): Promise<string> {
  return uploadPhoto(venuePhotoTarget(venueId), file);
}

/** A photo or scan the assessor attaches to a score. */
export function uploadAssessmentAttachment(file: File): Promise<string> {
  return uploadPhoto(assessmentAttachmentTarget(), file);
}

/** A link to one of a hazard's photos; `thumb` answers the small copy when the photo has one, else the original. */
export function hazardPhotoUrl(hazardId: string, key: string, variant: "original" | "thumb" = "original"): Promise<PhotoUrl> {
  return json(`${hazardPath(hazardId)}/photo?key=${encodeURIComponent(key)}${variant === "thumb" ? "&variant=thumb" : ""}`);
}

/** A photo of the measures a node took on a warning (its answer, 叫应). */
export function uploadWarningPhoto(warningId: string, nodeId: string, file: File): Promise<string> {
  return uploadPhoto(warningPhotoTarget(warningId, nodeId), file);
}
