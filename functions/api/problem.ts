import { AppError, badCursor, formatMessage, unavailableError, type FieldError, type MessageCode } from "@firegov/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv, Locale } from "./env.ts";

/** RFC 9457 body; `code` and `errors` are our extensions, stable for clients. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: { path: string; code: string; message: string }[];
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith("en") ? "en" : "zh";
}

function problemOf(c: Context<AppEnv>, status: number, code: MessageCode, params: Record<string, string | number>, fields: FieldError[]): Problem {
  const locale = c.get("locale") ?? "zh";
  const detail = formatMessage(code, locale, params);
  return {
    type: `urn:firegov:problem:${code}`,
    title: detail,
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    code,
    requestId: c.get("requestId") ?? "",
    ...(fields.length ? { errors: fields.map((f) => ({ path: f.path, code: f.code, message: f.message[locale] })) } : {}),
  };
}

export function problemResponse(c: Context<AppEnv>, status: number, code: MessageCode, params: Record<string, string | number> = {}, fields: FieldError[] = []): Response {
  return c.body(JSON.stringify(problemOf(c, status, code, params, fields)), status as ContentfulStatusCode, {
    "content-type": "application/problem+json; charset=utf-8",
  });
}

/**
 * A page cursor the client sent that is not one we issued: garbage, or a key
 * from elsewhere (DynamoDB refuses a start key outside the query's partition).
 */
function isBadCursor(err: Error): boolean {
  const cause = (err as { cause?: Error }).cause;
  const texts = [err.message, cause?.message ?? ""].join(" ");
  return /Unable to parse cursor|Invalid cursor provided/.test(texts) || /starting key|ExclusiveStartKey/i.test(texts);
}

/**
 * The one place errors become HTTP: domain errors by kind (with Retry-After
 * when they say when to retry), DynamoDB still throttled or unreachable after
 * the client's retries as 503 + Retry-After, Hono's own 4xx kept, the rest
 * 500 and logged.
 */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    if (err.retryAfter !== undefined) c.header("retry-after", String(err.retryAfter));
    return problemResponse(c, err.status, err.code, err.params, err.fields);
  }
  if (isBadCursor(err)) return onError(badCursor(), c);
  const unavailable = unavailableError(err);
  if (unavailable) {
    c.get("log")?.warn("database unavailable after retries", { error: err.name, cause: (err as { cause?: Error }).cause?.name });
    return onError(unavailable, c);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const malformed = /json/i.test(err.message);
    return problemResponse(c, err.status, malformed ? "request.malformed_json" : "request.invalid");
  }
  c.get("log")?.error("unhandled error", err);
  return problemResponse(c, 500, "server.internal", { requestId: c.get("requestId") ?? "" });
}
