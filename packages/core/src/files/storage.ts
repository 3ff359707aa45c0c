import { z } from "zod";
import { useTenant } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";

// The files bucket: photos go straight from the phone to S3 with a presigned
// PUT whose type and length are signed, and are shown with short-lived GETs.
// Every key lies under `t/<tenantId>/`, so a key names whose it is.

export const PHOTO_TYPES = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" } as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
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

export const PhotoUploadInput = z
  .object({
    contentType: z.enum(Object.keys(PHOTO_TYPES) as [keyof typeof PHOTO_TYPES]).meta({ description: "image/jpeg, image/png or image/webp" }),
    size: z.int().min(1).max(MAX_PHOTO_BYTES).meta({ description: `Bytes; at most ${MAX_PHOTO_BYTES}` }),
  })
  .meta({ id: "PhotoUploadInput" });

export const PhotoUploadSchema = z
  .object({ key: z.string(), photoId: z.string(), uploadUrl: z.string(), method: z.literal("PUT"), headers: z.record(z.string(), z.string()), expiresIn: z.int() })
  .meta({ id: "PhotoUpload" });
export const PhotoUrlSchema = z.object({ key: z.string(), url: z.string(), expiresIn: z.int() }).meta({ id: "PhotoUrl" });

/** A presigned PUT for one photo under a prefix; S3 refuses any other type or length. */
export async function presignPhotoPut(prefix: string, photoId: string, input: z.infer<typeof PhotoUploadInput>) {
  const key = `${prefix}${photoId}`;
  const uploadUrl = await (await signer()).signPut(bucket(), key, input.contentType, input.size, URL_SECONDS);
  return { key, photoId, uploadUrl, method: "PUT" as const, headers: { "content-type": input.contentType, "content-length": String(input.size) }, expiresIn: URL_SECONDS };
}

/** A short-lived GET for a stored key (the caller has checked who may see it). */
export async function presignGet(key: string) {
  const url = await (await signer()).signGet(bucket(), key, URL_SECONDS);
  return { key, url, expiresIn: URL_SECONDS };
}
