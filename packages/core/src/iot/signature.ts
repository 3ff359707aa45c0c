import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { TENANT_ID_PATTERN } from "../db/keys.ts";

// How a device or its integrator signs what it sends: hex HMAC-SHA256 with
// its key's secret over `${timestamp}\n${rawBody}`, the timestamp in Unix
// seconds, both in headers. The key id names its county (`<tenantId>.<random>`),
// so the intake finds the tenant from the key, never from the body; the key
// itself is then looked up in that county's own data.

export const IOT_HEADERS = { keyId: "x-iot-key-id", timestamp: "x-iot-timestamp", signature: "x-iot-signature" } as const;

/** How far a signed timestamp may be from the server's clock, either way. */
export const IOT_CLOCK_SKEW_SECONDS = 5 * 60;

const KEY_ID = /^([a-z][a-z0-9-]{1,30}[a-z0-9])\.([a-z0-9]{16,40})$/;

/** A fresh key id of the tenant and a fresh secret (base64url, 256 bits). */
export function newKey(tenantId: string): { keyId: string; secret: string } {
  return { keyId: `${tenantId}.${randomBytes(10).toString("hex")}`, secret: randomBytes(32).toString("base64url") };
}

/** The tenant a key id names, or undefined when it is no key id at all. */
export function tenantOfKeyId(keyId: string | undefined): string | undefined {
  const m = keyId ? KEY_ID.exec(keyId) : null;
  return m && TENANT_ID_PATTERN.test(m[1]!) ? m[1] : undefined;
}

/** The signature a sender computes. */
export function sign(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${rawBody}`).digest("hex");
}

/** Whether the signature is the one the secret makes, compared in constant time. */
export function signatureMatches(secret: string, timestamp: string, rawBody: string, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(sign(secret, timestamp, rawBody), "hex");
  return timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), "hex"));
}

/** The timestamp as Unix seconds when it is one and lies within the window around `now`; else undefined. */
export function freshTimestamp(timestamp: string | undefined, now: Date): number | undefined {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return undefined;
  const seconds = Number(timestamp);
  return Math.abs(now.getTime() / 1000 - seconds) <= IOT_CLOCK_SKEW_SECONDS ? seconds : undefined;
}
