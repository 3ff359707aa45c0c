import { createHash, randomBytes } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { AppError } from "../errors/app-error.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { roles, type Role } from "../access/index.ts";
import { loadSigningKey, type SigningKey } from "./signing-key.ts";

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const SESSION_SECONDS = 30 * 24 * 60 * 60;
const ISSUER = "firegov";
const AUDIENCE = "firegov-api";

export interface AccessClaims {
  tenantId: string;
  userId: string;
  role: Role;
  scopeNodeId: string;
  scopePath: string;
  sessionId: string;
  /** The profile body the user acts for, when bound to one (a department's liaison). */
  bodyId?: string | undefined;
  /** The user's display name, so records written on their behalf can name them. */
  name?: string | undefined;
}

export async function issueAccessToken(claims: AccessClaims, now = new Date()): Promise<{ token: string; expiresAt: string }> {
  const key = await loadSigningKey();
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ tid: claims.tenantId, role: claims.role, scope: claims.scopeNodeId, sp: claims.scopePath, sid: claims.sessionId, ...(claims.bodyId ? { bd: claims.bodyId } : {}), ...(claims.name ? { name: claims.name } : {}) })
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: "at+jwt" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
    .sign(key.privateKey);
  return { token, expiresAt: new Date((iat + ACCESS_TOKEN_SECONDS) * 1000).toISOString() };
}

/**
 * Tokens whose signature this container has checked, per signing key: a
 * signature does not change, so each token is verified once here and after
 * that only its expiry is looked at (a signature check costs more than the
 * rest of a cached request's own work).
 */
const verified = new WeakMap<object, Map<string, { claims: AccessClaims; exp: number }>>();
const MAX_VERIFIED = 10_000;

/** The claims of a valid token; 401 for anything expired, tampered, or signed by another key. */
export async function verifyAccessToken(token: string, now = new Date()): Promise<AccessClaims> {
  const key = await loadSigningKey();
  let known = verified.get(key);
  if (!known) verified.set(key, (known = new Map()));
  const hit = known.get(token);
  if (hit) {
    if (now.getTime() / 1000 < hit.exp) return hit.claims;
    known.delete(token);
    throw new AppError("unauthorized", "auth.token_expired");
  }
  const claims = await checkSignature(token, key, now);
  known.set(token, claims);
  if (known.size > MAX_VERIFIED) known.delete(known.keys().next().value!);
  return claims.claims;
}

async function checkSignature(token: string, key: SigningKey, now: Date): Promise<{ claims: AccessClaims; exp: number }> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["EdDSA"],
      typ: "at+jwt",
      currentDate: now,
    });
    const { sub, tid, role, scope, sp, sid, bd, name } = payload as Record<string, unknown>;
    const valid =
      typeof sub === "string" && typeof tid === "string" && TENANT_ID_PATTERN.test(tid) && roles.includes(role as Role) &&
      typeof scope === "string" && typeof sp === "string" && typeof sid === "string";
    if (!valid || typeof payload.exp !== "number") throw new AppError("unauthorized", "auth.token_invalid");
    return { claims: { tenantId: tid, userId: sub, role: role as Role, scopeNodeId: scope, scopePath: sp, sessionId: sid, ...(typeof bd === "string" ? { bodyId: bd } : {}), ...(typeof name === "string" ? { name } : {}) }, exp: payload.exp };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw new AppError("unauthorized", "auth.token_expired");
    throw new AppError("unauthorized", "auth.token_invalid");
  }
}

/**
 * A refresh token names its tenant and session in the clear (the refresh
 * endpoint has no access token to take them from) and carries a random
 * secret; only its hash is stored.
 */
export interface RefreshToken {
  tenantId: string;
  sessionId: string;
  secret: string;
}

export function newRefreshSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

export function formatRefreshToken(t: RefreshToken): string {
  return `${t.tenantId}.${t.sessionId}.${t.secret}`;
}

export function parseRefreshToken(value: string): RefreshToken {
  const [tenantId, sessionId, secret, ...rest] = value.split(".");
  if (!tenantId || !sessionId || !secret || rest.length || !TENANT_ID_PATTERN.test(tenantId)) {
    throw new AppError("unauthorized", "auth.refresh_invalid");
  }
  return { tenantId, sessionId, secret };
}
