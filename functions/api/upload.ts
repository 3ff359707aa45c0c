import { Organisation } from "@firegov/core";
import type { Context } from "hono";
import type { AppEnv } from "./env.ts";

/**
 * The raw body of a file upload. One announced as too large is refused before
 * it is read; core checks the real size again, as a body may not announce it.
 */
export async function uploadBytes(c: Context<AppEnv>, limits: Organisation.UploadLimits): Promise<Uint8Array> {
  if (Number(c.req.header("content-length") ?? 0) > limits.maxBytes) throw Organisation.tooLarge(limits);
  return new Uint8Array(await c.req.arrayBuffer());
}
