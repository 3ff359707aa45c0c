import { AppError } from "@firegov/core";
import { createMiddleware } from "hono/factory";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { AppEnv } from "./env.ts";
import { pickLocale } from "./problem.ts";

/** Request-scoped locale and logger (child loggers: concurrent requests on the local server must not share keys). */
export function requestContext(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("locale", pickLocale(c.req.header("accept-language")));
    const log = logger.createChild({ persistentKeys: { requestId: c.get("requestId") } });
    c.set("log", log);
    const started = performance.now();
    await next();
    log.info("request", { method: c.req.method, path: c.req.path, status: c.res.status, durationMs: Math.round(performance.now() - started) });
  });
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A JSON body that does not parse is the client's mistake on every route, known
 * or not: answer 400 before routing. Hono caches the parsed body for validators.
 */
export const rejectMalformedJson = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (BODY_METHODS.has(c.req.method) && /^application\/([\w.+-]+\+)?json/i.test(type)) {
    const text = await c.req.raw.clone().text();
    if (text.trim() !== "") {
      try {
        JSON.parse(text);
      } catch {
        throw new AppError("validation", "request.malformed_json");
      }
    }
  }
  await next();
});
