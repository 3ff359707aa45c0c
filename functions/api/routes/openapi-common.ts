import { z } from "@hono/zod-openapi";

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

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

export const bearer: { bearer: string[] }[] = [{ bearer: [] }];

export const IdempotencyHeader = z.object({
  "idempotency-key": z.string().optional().openapi({ description: "Retrying with the same key returns the first result without a second write" }),
});
