import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

// The S3 client and presigner, behind storage.ts's dynamic import: the api
// Lambda's bundle loads them with the first photo URL, not at cold start.

let client: S3Client | undefined;
function s3(): S3Client {
  client ??= new S3Client({
    region: process.env.AWS_REGION ?? "cn-north-1",
    // Locally an S3-compatible store (path-style); it takes the local stack's default keys unless others are set.
    ...(process.env.S3_ENDPOINT ? { endpoint: process.env.S3_ENDPOINT, forcePathStyle: true } : {}),
    ...(process.env.S3_ENDPOINT && !process.env.AWS_ACCESS_KEY_ID ? { credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } } : {}),
  });
  return client;
}

/** A presigned PUT whose content type and length are signed: S3 refuses any other. */
export function signPut(bucket: string, key: string, contentType: string, size: number, expiresIn: number): Promise<string> {
  const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size });
  return getSignedUrl(s3(), command, { expiresIn, signableHeaders: new Set(["content-type", "content-length"]) });
}

/** A presigned GET. */
export function signGet(bucket: string, key: string, expiresIn: number): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn });
}
