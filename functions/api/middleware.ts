import { AppError, Identity, withActor, withRequest } from "@firegov/core";
import { createMiddleware } from "hono/factory";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { AppDeps, AppEnv } from "./env.ts";
import { pickLocale } from "./problem.ts";

/** Request-scoped locale, logger and request meta (child loggers: concurrent requests must not share keys). */
export function requestContext(logger: Logger, clientIp: AppDeps["clientIp"]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("locale", pickLocale(c.req.header("accept-language")));
    const requestId = c.get("requestId");
    // Keys passed per line, not a child logger per request: concurrent requests still never share them.
    const log = {
      info: (message: string, extra: Record<string, unknown>) => logger.info(message, { requestId, ...extra }),
      warn: (message: string, extra: Record<string, unknown>) => logger.warn(message, { requestId, ...extra }),
      error: (message: string, err: unknown) => logger.error(message, { requestId, error: err as Error }),
    };
    c.set("log", log);
    const started = performance.now();
    await withRequest({ requestId: c.get("requestId"), sourceIp: clientIp?.(c) ?? "unknown" }, next);
    const actor = c.get("actor");
    log.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      ...(actor ? { tenantId: actor.tenantId, userId: actor.userId } : {}),
    });
  });
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A JSON body that does not parse is the client's mistake on every route, known
 * or not: answer 400 before routing.
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

/**
 * The one place a tenant enters a request: the verified access token. The
 * actor it yields is in context for everything the route calls.
 */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "auth.required");
  const actor = await Identity.authenticate(match[1]!);
  c.set("actor", actor);
  await withActor(actor, next);
});

/** Idempotency-Key as sent, if any (bounded, printable). */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  if (header.length > 200 || !/^[\x21-\x7e]+$/.test(header)) {
    throw new AppError("validation", "request.invalid", {}, [
      { path: "header.idempotency-key", code: "validation.invalid_format", message: { zh: "幂等键须为 1–200 个可见 ASCII 字符", en: "Idempotency-Key must be 1–200 printable ASCII characters" } },
    ]);
  }
  return header;
}
