import { isServerError, isThrottlingError, isTransientError } from "@smithy/core/retry";
import { AppError } from "../errors/app-error.ts";

/**
 * DynamoDB still throttled or unavailable after the client's retries
 * (retry.ts) is not a bug: the request may succeed later, so the API answers
 * 503 with Retry-After, never 500. One classifier for every path that can
 * meet it: the SDK's error, ElectroDB's wrapper around it (`cause`), and a
 * cancelled transaction whose reasons say it was throttled.
 */

/** Seconds a client should wait: throttling asks for a little longer. */
const RETRY_AFTER_THROTTLED = 2;
const RETRY_AFTER_UNAVAILABLE = 1;

const UNAVAILABLE_NAMES = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "TransactionInProgressException",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_SOCKET"]);

/** Cancellation reasons (DynamoDB's `CancellationReasons[].Code`) that mean "try again later", not "refused". */
export const THROTTLED_REASONS: ReadonlySet<string> = new Set(["ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded"]);

interface SdkLike {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string }[];
}

type Verdict = "throttled" | "unavailable" | undefined;

function verdictOf(e: SdkLike): Verdict {
  const name = e.name ?? "";
  if (name === "TransactionCanceledException") return e.CancellationReasons?.some((r) => THROTTLED_REASONS.has(r.Code ?? "")) ? "throttled" : undefined;
  if (name === "ConditionalCheckFailedException" || name === "TransactionConflictException") return undefined;
  if (isThrottlingError(e as never)) return "throttled";
  if (UNAVAILABLE_NAMES.has(name) || NETWORK_CODES.has(e.code ?? "") || /socket hang up|ECONNRESET/i.test(e.message ?? "")) return "unavailable";
  if (e.$metadata && (isServerError(e as never) || isTransientError(e as never))) return "unavailable";
  return undefined;
}

/** The 503 an error from DynamoDB (or its wrapper) stands for, or undefined when it is something else. */
export function unavailableError(err: unknown): AppError | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e && typeof e === "object"; depth++) {
    if (e instanceof AppError) return undefined;
    const verdict = verdictOf(e as SdkLike);
    if (verdict) return busy(verdict === "throttled" ? RETRY_AFTER_THROTTLED : RETRY_AFTER_UNAVAILABLE, err);
    e = (e as SdkLike).cause;
  }
  return undefined;
}

/** 503 "busy, retry in N s" for a transaction DynamoDB cancelled because it was throttled. */
export function throttledTransaction(): AppError {
  return busy(RETRY_AFTER_THROTTLED);
}

function busy(seconds: number, cause?: unknown): AppError {
  return new AppError("unavailable", "server.busy", { seconds }, [], { retryAfter: seconds, cause });
}
