import { z } from "@hono/zod-openapi";
import { Organisation } from "@firegov/core";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { idempotencyKey, requireUser } from "../middleware.ts";

// What the route files share: the OpenAPI pieces of a route (errors, bodies,
// parameters, pages) and the readers of what a request carries (idempotency
// key, uploaded file).

// ── Errors ─────────────────────────────────────────────────────────────────

/** The problem+json body every error answers with (RFC 9457). */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });

export const errors = {
  400: problem("Invalid input; `errors` names each field"),
  401: problem("Not signed in, or the token is expired, invalid or revoked"),
  403: problem("Signed in, but not allowed"),
  404: problem("No such item in your tenant"),
  409: problem("Conflict with the current state"),
  429: problem("Too many attempts"),
};

/** What a signed-in read of one item or a page may answer besides success. */
export const readErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] };

/** A write may also meet a conflict. */
export const writeErrors = { ...readErrors, 409: errors[409] };

// ── Requests and responses ─────────────────────────────────────────────────

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** A JSON request body. */
export const body = <T extends z.ZodType>(schema: T, required = true) => ({ content: { "application/json": { schema } }, required });

/** A page of items with the opaque cursor of the next one. */
export const pageSchema = <T extends z.ZodType>(item: T, name: string) => z.object({ items: z.array(item), cursor: z.string().nullable() }).openapi(name);

/** An id in the path. */
export const pathParam = (name: string, max = 64) => z.string().min(1).max(max).openapi({ param: { name, in: "path" } });

const bearer: { bearer: string[] }[] = [{ bearer: [] }];

/** A route for signed-in users only, under one tag of the reference. */
export const signedIn = (tag: string) => ({ security: bearer, middleware: requireUser, tags: [tag] });

export const IdempotencyHeader = z.object({
  "idempotency-key": z.string().optional().openapi({ description: "Retrying with the same key returns the first result without a second write" }),
});

/** The request's Idempotency-Key, as the use cases take it. */
export function idempotency(c: Context<AppEnv>) {
  return { idempotencyKey: idempotencyKey(c.req.header("idempotency-key")) };
}

// ── Uploads and downloads of spreadsheets ──────────────────────────────────

const binary = { schema: z.string().openapi({ format: "binary" }) };

/** An xlsx or CSV file, as a request or a response body. */
export const spreadsheetContent = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": binary,
  "text/csv": binary,
};

/** An import arrives as the request body itself: the xlsx or CSV file's bytes. */
/** A file the API hands out (a ledger, a workbook) as a download, its Chinese name leading the name the browser saves it under. */
export function download(c: Context<AppEnv>, file: { body: Uint8Array; contentType: string; filename: string }, zhName: string) {
  return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(`${zhName}-${file.filename}`)}`,
  }) as never;
}

export const importBody = { required: true, content: spreadsheetContent };

/** The query of an import: its mode, and the node the names in the file are relative to. */
export function importQuery(mode: typeof Organisation.ImportMode, underDescription: string) {
  return z.object({
    mode: mode.default("all_or_nothing").openapi({ description: "all_or_nothing: any bad row and nothing is written; skip_bad_rows: the good rows are" }),
    under: z.string().min(1).max(64).optional().openapi({ description: underDescription }),
  });
}

/** The query of the staff and tree imports. */
export const ImportQuery = importQuery(Organisation.ImportMode, "The node the names in the file are relative to (default: your scope node)");

/**
 * The raw body of a file upload. One announced as too large is refused before
 * it is read; core checks the real size again, as a body may not announce it.
 */
export async function uploadBytes(c: Context<AppEnv>, limits: Organisation.UploadLimits): Promise<Uint8Array> {
  if (Number(c.req.header("content-length") ?? 0) > limits.maxBytes) throw Organisation.tooLarge(limits);
  return new Uint8Array(await c.req.arrayBuffer());
}

/** The rows of an uploaded staff or tree file. */
export async function uploadedRows(c: Context<AppEnv>) {
  return Organisation.rowsFromUpload(await uploadBytes(c, Organisation.IMPORT_LIMITS));
}
