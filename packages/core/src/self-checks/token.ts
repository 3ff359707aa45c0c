import { jwtVerify, SignJWT } from "jose";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { AppError } from "../errors/app-error.ts";
import { loadSigningKey } from "../identity/index.ts";

// The token of a venue's self-check link: a JWT signed with the platform's
// key (the one access tokens use), but of its own type and audience, so
// neither kind of token passes for the other. It names the tenant, the venue
// and the link id; the tenant of a public self-check comes from here and
// nowhere else. It has no expiry (it is printed on a QR code at the venue):
// rotating the link, which changes the stored link id, is how it ends.
// Without an issue time, the same link always signs to the same token (Ed25519
// is deterministic), so the token is not stored: it is signed again to show it.

const ISSUER = "firegov";
const AUDIENCE = "firegov-self-check";
const TYPE = "self-check+jwt";
/** Longer than any token this signs; anything longer is not looked at. */
export const MAX_TOKEN_LENGTH = 1000;

export interface LinkClaims {
  tenantId: string;
  venueId: string;
  linkId: string;
}

export async function signLinkToken(claims: LinkClaims): Promise<string> {
  const key = await loadSigningKey();
  return new SignJWT({ tid: claims.tenantId, vid: claims.venueId, lid: claims.linkId })
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: TYPE })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .sign(key.privateKey);
}

const invalid = () => new AppError("unauthorized", "self_check.link_invalid");

/** The claims of a link token this platform signed; 401 for anything else (tampered, another kind of token, malformed). */
export async function verifyLinkToken(token: string | undefined): Promise<LinkClaims> {
  if (!token || token.length > MAX_TOKEN_LENGTH) throw invalid();
  const key = await loadSigningKey();
  try {
    const { payload } = await jwtVerify(token, key.publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: ["EdDSA"], typ: TYPE });
    const { tid, vid, lid } = payload as Record<string, unknown>;
    if (typeof tid !== "string" || !TENANT_ID_PATTERN.test(tid) || typeof vid !== "string" || !/^[\w-]{1,64}$/.test(vid) || typeof lid !== "string" || !lid) throw invalid();
    return { tenantId: tid, venueId: vid, linkId: lid };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid();
  }
}
