import { z } from "zod";
import { useTenant } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";

// The files bucket: photos go straight from the phone to S3 with a presigned
// PUT whose type and length are signed, and are shown with short-lived GETs.
// Every key lies under `t/<tenantId>/`, so a key names whose it is.

export const PHOTO_TYPES = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" } as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** A thumbnail (≤ 320 px JPEG, for lists and pages) is small: a larger one is not a thumbnail. */
export const MAX_THUMB_BYTES = 256 * 1024;
export const URL_SECONDS = 300;

/** Where the tenant in context keeps its files: every key it presigns starts here. */
export const tenantFilePrefix = () => `t/${useTenant()}/`;

/** The S3 client and presigner, loaded with the first URL (see s3.ts). */
const signer = () => import("./s3.ts");

function bucket(): string {
  // The local stack's bucket when only its endpoint is set.
  const name = process.env.FILES_BUCKET ?? (process.env.S3_ENDPOINT ? "firegov-files" : undefined);
  if (!name) throw new AppError("unavailable", "file.storage_unavailable");
  return name;
}

// A photo processed on the phone comes with a thumbnail. Its original is
// keyed `<id>.o.jpg` and its thumbnail `<id>.t.jpg`, so the key alone says
// whether a thumbnail exists (photos stored before have plain `<id>.<ext>`
// keys and are shown by their original) and no lookup in S3 is needed.
const WITH_THUMB = /\.o\.jpg$/;

/** The thumbnail's key of a photo stored with one, else undefined. */
export function thumbKeyOf(key: string): string | undefined {
  return WITH_THUMB.test(key) ? key.replace(WITH_THUMB, ".t.jpg") : undefined;
}

export const PhotoUploadInput = z
  .object({
    contentType: z.enum(Object.keys(PHOTO_TYPES) as [keyof typeof PHOTO_TYPES]).meta({ description: "image/jpeg, image/png or image/webp" }),
    size: z.int().min(1).max(MAX_PHOTO_BYTES).meta({ description: `Bytes; at most ${MAX_PHOTO_BYTES}` }),
    thumb: z
      .object({
        contentType: z.literal("image/jpeg").meta({ description: "A thumbnail is a JPEG" }),
        size: z.int().min(1).max(MAX_THUMB_BYTES).meta({ description: `Bytes; at most ${MAX_THUMB_BYTES}` }),
      })
      .optional()
      .meta({ description: "Ask for a second slot for the photo's thumbnail (≤ 320 px); the original must then be a JPEG" }),
  })
  .refine((input) => !input.thumb || input.contentType === "image/jpeg", { path: ["contentType"], message: "有缩略图的照片须为 JPEG / A photo with a thumbnail must be a JPEG" })
  .meta({ id: "PhotoUploadInput" });
type PhotoUploadInputT = z.infer<typeof PhotoUploadInput>;

const SlotSchema = z.object({ key: z.string(), uploadUrl: z.string(), method: z.literal("PUT"), headers: z.record(z.string(), z.string()) });
export const PhotoUploadSchema = z
  .object({
    key: z.string(),
    photoId: z.string(),
    uploadUrl: z.string(),
    method: z.literal("PUT"),
    headers: z.record(z.string(), z.string()),
    expiresIn: z.int(),
    thumb: SlotSchema.optional().meta({ description: "Where to PUT the thumbnail, when one was asked for" }),
  })
  .meta({ id: "PhotoUpload" });
export const PhotoUrlSchema = z
  .object({ key: z.string(), url: z.string(), expiresIn: z.int(), variant: z.enum(["original", "thumb"]).optional() })
  .meta({ id: "PhotoUrl" });
export const PhotoVariant = z.enum(["original", "thumb"]).default("original").meta({ description: "thumb: the small copy when the photo has one (else the original)" });

async function signedPut(key: string, contentType: string, size: number) {
  const uploadUrl = await (await signer()).signPut(bucket(), key, contentType, size, URL_SECONDS);
  return { key, uploadUrl, method: "PUT" as const, headers: { "content-type": contentType, "content-length": String(size) } };
}

/** A presigned PUT for one photo under a prefix (and one for its thumbnail when asked); S3 refuses any other type or length. */
export async function presignPhotoPut(prefix: string, name: string, input: PhotoUploadInputT) {
  // With a thumbnail the original (a JPEG, `<id>.jpg`) takes the marked name `<id>.o.jpg`.
  const photoId = input.thumb ? name.replace(/\.jpg$/, ".o.jpg") : name;
  const original = await signedPut(`${prefix}${photoId}`, input.contentType, input.size);
  const thumbKey = input.thumb ? thumbKeyOf(original.key) : undefined;
  const thumb = input.thumb && thumbKey ? await signedPut(thumbKey, input.thumb.contentType, input.thumb.size) : undefined;
  return { ...original, photoId, expiresIn: URL_SECONDS, ...(thumb ? { thumb } : {}) };
}

/** A short-lived GET for a stored key (the caller has checked who may see it); `thumb` falls back to the original when the photo has none. */
export async function presignGet(key: string, variant: "original" | "thumb" = "original") {
  const thumb = variant === "thumb" ? thumbKeyOf(key) : undefined;
  const target = thumb ?? key;
  const url = await (await signer()).signGet(bucket(), target, URL_SECONDS);
  return { key: target, url, expiresIn: URL_SECONDS, variant: thumb ? ("thumb" as const) : ("original" as const) };
}
