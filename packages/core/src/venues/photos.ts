import { randomUUID } from "node:crypto";
import { z } from "zod";
import { useUser } from "../context/actor.ts";
import { PHOTO_TYPES, PhotoUploadInput, presignGet, presignPhotoPut, tenantFilePrefix } from "../files/index.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { venueOrNotFound } from "./store.ts";

// Photos of a venue (inspection evidence), through the files bucket
// (files/storage.ts): the key lies under the tenant's prefix and the venue's,
// so a key names whose it is and who may see it. A photo with a thumbnail is
// `<id>.o.jpg`, its thumbnail `<id>.t.jpg` (files/storage.ts). A presigned GET is handed
// only to users who may see the venue.

/** Every photo of a venue lies under this prefix. */
export const photoPrefix = (venueId: string) => `${tenantFilePrefix()}venues/${venueId}/`;

export const PhotoParams = z.object({ venueId: z.string().min(1).max(64), photoId: z.string().regex(/^[0-9a-f-]{36}(\.[ot])?\.(jpg|png|webp)$/) });

/** A presigned PUT for one photo of a venue the caller may inspect; type and length are signed, so S3 refuses any other. */
export const presignPhotoUpload = useCase(PhotoUploadInput, async (input, venueId: string) => {
  const actor = useUser();
  const venue = await venueOrNotFound(venueId);
  authorize(actor, "inspection.perform", venue);
  return presignPhotoPut(photoPrefix(venueId), `${randomUUID()}.${PHOTO_TYPES[input.contentType]}`, input);
});

/** A presigned GET for a photo of a venue the caller may see. */
export const presignPhotoGet = useCase(
  PhotoParams,
  async (input) => {
    const actor = useUser();
    const venue = await venueOrNotFound(input.venueId, { allowRetired: true });
    authorize(actor, "venue.read", venue);
    return presignGet(`${photoPrefix(input.venueId)}${input.photoId}`);
  },
  "path",
);
