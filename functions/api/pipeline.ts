import { OpenAPIHono } from "@hono/zod-openapi";
import { requestId } from "hono/request-id";
// All of core, whichever group runs: domains plug into one another when they load (a venue's retirement drops
// its inspection tasks, a publish relevels the tree, every entity joins the one service), so none may be missing.
import { AppError, fieldErrorsFromZod } from "@firegov/core";
import type { AppDeps, AppEnv } from "./env.ts";
import { rejectMalformedJson, requestContext } from "./middleware.ts";
import { onError } from "./problem.ts";

/** Where a field came from, as a client reads it: `body.admin.password`, `query.limit`. */
const fieldRoot: Record<string, string> = { json: "body", form: "body", query: "query", param: "path", header: "header", cookie: "cookie" };

/** Zod failures from any route's request schema become one 400 naming each field. */
function validationHook(result: { success: boolean; error?: unknown; target?: string }) {
  if (!result.success) {
    const root = fieldRoot[result.target ?? "json"] ?? "body";
    throw new AppError("validation", "request.invalid", {}, fieldErrorsFromZod(result.error as never, root));
  }
}

/**
 * What every request runs through, around whichever routes `mount` adds:
 * request id, locale and log, the malformed-JSON check, then the routes,
 * then 404 and problem+json errors. One group (app.ts) or all (full-app.ts).
 */
export function withPipeline(deps: AppDeps, mount: (app: OpenAPIHono<AppEnv>) => void): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(requestId({ headerName: "x-request-id" }));
  app.use(requestContext(deps.logger, deps.clientIp));
  app.use(rejectMalformedJson);
  mount(app);
  app.notFound((c) => {
    throw new AppError("not_found", "request.not_found", { path: c.req.path });
  });
  app.onError(onError);
  return app;
}
