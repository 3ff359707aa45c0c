import { randomUUID } from "node:crypto";
import { z } from "zod";
import { useUser } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { PHOTO_TYPES, PhotoUploadInput, PhotoVariant, presignGet, presignPhotoPut, tenantFilePrefix } from "../files/index.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { hazardOrNotFound } from "./support.ts";

// Hazard photos (found, rectified, verified) go under the tenant's hazards
// prefix, one folder per uploader. A photo becomes the hazard's when a report
// or an action names its key; only keys of the tenant's own hazard uploads are
// accepted, and a link to one is given only to those who may see the hazard.

const hazardsPrefix = () => `${tenantFilePrefix()}hazards/`;

/** A presigned upload for a photo the caller will attach to a report or an action. */
export const presignHazardPhotoUpload = useCase(PhotoUploadInput, async (input) => {
  const actor = useUser();
  authorize(actor, "hazard.report");
  return presignPhotoPut(`${hazardsPrefix()}${actor.userId}/`, `${randomUUID()}.${PHOTO_TYPES[input.contentType]}`, input);
});

/** Refuses a photo key that is not one of this tenant's hazard uploads (400 naming the field). */
export function assertOwnPhotos(keys: readonly string[] | undefined, field: string): void {
  const prefix = hazardsPrefix();
  keys?.forEach((key, i) => {
    if (!key.startsWith(prefix)) throw invalid(`${field}[${i}]`, "hazard.photo_foreign", "照片须为本单位上传的隐患照片", "A photo must be one uploaded for this county's hazards");
  });
}

export const HazardPhotoQuery = z.object({ key: z.string().min(1).max(300), variant: PhotoVariant });

/** A short-lived link to one of the hazard's photos (or its thumbnail), for those who may see the hazard. */
export async function hazardPhotoUrl(hazardId: string, key: string, variant: "original" | "thumb" = "original") {
  const actor = useUser();
  const hazard = await hazardOrNotFound(hazardId);
  authorize(actor, "hazard.read", hazard);
  if (!hazard.photos.includes(key)) throw new AppError("not_found", "hazard.photo_not_found");
  return presignGet(key, variant);
}
