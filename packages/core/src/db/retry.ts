import { AdaptiveRetryStrategy, DefaultRateLimiter } from "@smithy/core/retry";

/**
 * How the DynamoDB client retries, sized for the API Lambda (timeout 29 s,
 * infra/node-function.ts; API Gateway gives up at 29 s too).
 *
 * - `adaptive`: the SDK's standard strategy (retries throttling, 5xx, timeouts
 *   and connection resets; a retry quota that stops retry storms when
 *   DynamoDB is down) plus a client-side rate limiter that slows sending
 *   after throttling. Its floor is raised from the SDK's 0.5 to
 *   `MIN_SEND_RATE` requests a second: a request of ten calls would otherwise
 *   wait 20 s for send tokens alone after a burst of throttling (one Lambda
 *   container serves one request at a time: 25/s is a light load).
 * - 6 attempts, not the SDK's 4 for DynamoDB: at a 30% fault rate one call
 *   still fails all attempts with p = 0.3^6 ≈ 0.07%.
 * - Full-jitter exponential backoff, each delay capped: the SDK's throttling
 *   base of 1 s would wait up to 1+2+4+8+16 s for six attempts; here 25 ms
 *   base for transient errors, 100 ms for throttling, no delay above 1 s.
 *
 * Worst case for one call: 5 delays ≤ 0.1+0.2+0.4+0.8+1 = 2.5 s of backoff,
 * plus six attempts each bounded by `REQUEST_TIMEOUT_MS` (only if every
 * attempt hangs: 6 × 3 s) ≈ 20.5 s, still inside the function's timeout.
 * Against DynamoDB Local (a JVM on a busy laptop or CI machine, no Lambda
 * timeout) an attempt may take `LOCAL_REQUEST_TIMEOUT_MS`: a slow answer
 * there is load, not a fault. A call that
 * still fails becomes a 503 with Retry-After (db/unavailable.ts).
 */
export const RETRY = {
  maxAttempts: 6,
  transientBaseMs: 25,
  throttlingBaseMs: 100,
  maxDelayMs: 1_000,
} as const;

/** The adaptive rate limiter never slows one client below this (requests per second). */
export const MIN_SEND_RATE = 25;

/** A stalled connection or response is abandoned (and retried) after this long. */
export const CONNECT_TIMEOUT_MS = 1_000;
export const REQUEST_TIMEOUT_MS = 3_000;
export const LOCAL_REQUEST_TIMEOUT_MS = 15_000;

/** The SDK's own throttling base; it tells the backoff which kind of error is being retried. */
const SDK_THROTTLING_BASE_MS = 1_000;

/** Full jitter: a random delay in [0, min(cap, base · 2^retry)). */
class CappedJitterBackoff {
  private base: number = RETRY.transientBaseMs;
  setDelayBase(sdkBase: number): void {
    this.base = sdkBase >= SDK_THROTTLING_BASE_MS ? RETRY.throttlingBaseMs : RETRY.transientBaseMs;
  }
  computeNextBackoffDelay(retry: number): number {
    return Math.floor(Math.random() * Math.min(RETRY.maxDelayMs, this.base * 2 ** retry));
  }
}

/** One strategy per client: its quota and rate limiter belong to that client. */
export function dynamoRetryStrategy(maxAttempts: number = RETRY.maxAttempts): AdaptiveRetryStrategy {
  return new AdaptiveRetryStrategy(maxAttempts, {
    maxAttempts,
    baseDelay: RETRY.transientBaseMs,
    backoff: new CappedJitterBackoff(),
    rateLimiter: new DefaultRateLimiter({ minFillRate: MIN_SEND_RATE }),
  });
}
