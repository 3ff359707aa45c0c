// Photos: a presigned upload straight to storage, short-lived links to view.
import type { PhotoUpload, PhotoUrl } from "@firegov/core/contract";
import { ApiError, json, post } from "./http.ts";
import { hazardPath } from "./hazards.ts";
import { venuePath } from "./venues.ts";

/** Asks for a slot, puts the file there and answers its key (to send in `photos`). */
async function upload(slotPath: string, file: File): Promise<string> {
  const slot = await json<PhotoUpload>(slotPath, post({ contentType: file.type, size: file.size }));
  // The browser sets Content-Length itself, from the file: it matches the signed size.
  const res = await fetch(slot.uploadUrl, { method: slot.method, headers: { "content-type": slot.headers["content-type"]! }, body: file });
  if (!res.ok) throw new ApiError(res.status, "file.upload_failed", `${res.status} ${res.statusText}`);
  return slot.key;
}

/** One photo for a hazard report or action. */
export function uploadHazardPhoto(file: File): Promise<string> {
  return upload("/v1/hazards/photos", file);
}

/** One photo taken at a venue (an inspection item's evidence). */
export function uploadVenuePhoto(venueId: string, file: File): Promise<string> {
  return upload(`${venuePath(venueId)}/photos`, file);
}

/** A photo or scan the assessor attaches to a score. */
export function uploadAssessmentAttachment(file: File): Promise<string> {
  return upload("/v1/assessment/attachments", file);
}

export function hazardPhotoUrl(hazardId: string, key: string): Promise<PhotoUrl> {
  return json(`${hazardPath(hazardId)}/photo?key=${encodeURIComponent(key)}`);
}

/** A photo of the measures a node took on a warning (its answer, 叫应). */
export function uploadWarningPhoto(warningId: string, nodeId: string, file: File): Promise<string> {
  return upload(`/v1/warnings/${encodeURIComponent(warningId)}/targets/${encodeURIComponent(nodeId)}/photos`, file);
}
