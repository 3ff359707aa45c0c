import type { z } from "zod";
import { AppError } from "./errors/app-error.ts";
import { fieldErrorsFromZod } from "./errors/zod-issues.ts";

/**
 * A use case parses its own input with its own schema, and keeps the schema
 * on itself so that the HTTP route reuses it for validation and OpenAPI.
 * `root` names where the input came from in field errors (`body.slug`).
 */
export function useCase<S extends z.ZodType, Extra extends unknown[], R>(
  schema: S,
  fn: (input: z.output<S>, ...extra: Extra) => Promise<R>,
  root = "body",
) {
  const run = async (input: z.input<S> | unknown, ...extra: Extra): Promise<R> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw new AppError("validation", "request.invalid", {}, fieldErrorsFromZod(parsed.error, root));
    return fn(parsed.data, ...extra);
  };
  return Object.assign(run, { schema });
}
