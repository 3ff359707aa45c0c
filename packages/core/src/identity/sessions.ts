import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { type Actor, useRequestMeta, useTenant, useUser, withActor } from "../context/actor.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";
import { DUMMY_HASH, verifyPassword } from "./password.ts";
import { forgetSessions, rememberLive, seenLive } from "./session-cache.ts";
import {
  formatRefreshToken,
  hashSecret,
  issueAccessToken,
  newRefreshSecret,
  parseRefreshToken,
  SESSION_SECONDS,
  verifyAccessToken,
} from "./tokens.ts";
import { toUserView, UserViewSchema, type UserView } from "./user-view.ts";

/** Lockout and throttling: per account, then per source address within the tenant. */
export const LOGIN_LIMITS = {
  accountFailures: 5,
  accountLockMinutes: 15,
  sourceFailures: 20,
  sourceWindowMinutes: 15,
};
const SPENT_HASHES_KEPT = 50;
/**
 * A refresh token spent this recently may be presented once more without
 * revoking the session: a second tab racing the first, or a response lost on
 * a weak network (the phone never saw its new token). It rotates again.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 30;

export interface SignedIn {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: UserView;
  mustChangePassword: boolean;
}

export const LoginInput = z
  .object({
    tenant: z.string().trim().toLowerCase().min(1, bilingual("请填写单位代码", "Enter the county code")).max(64),
    username: z.string().trim().toLowerCase().min(1, bilingual("请填写用户名", "Enter your username")).max(64),
    password: z.string().min(1, bilingual("请填写密码", "Enter your password")).max(128),
  })
  .meta({ id: "LoginInput" });

const minutesLeft = (until: string, now: Date) => Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));

/**
 * Sign in by county code + username + password. Unknown county, unknown user
 * and wrong password all answer alike, in the same time.
 */
export const login = useCase(LoginInput, async (input, now: Date = new Date()): Promise<SignedIn> => {
  const source = { ip: useRequestMeta().sourceIp ?? "unknown" };
  if (!TENANT_ID_PATTERN.test(input.tenant)) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw new AppError("unauthorized", "auth.bad_credentials");
  }
  return withActor({ type: "public", tenantId: input.tenant }, async () => {
    const { service } = tenantDb();
    const tenantId = input.tenant;
    const windowStart = Math.floor(now.getTime() / (LOGIN_LIMITS.sourceWindowMinutes * 60_000));
    const sourceKey = `ip:${source.ip}:${windowStart}`;
    const windowEnd = new Date((windowStart + 1) * LOGIN_LIMITS.sourceWindowMinutes * 60_000);

    const throttle = await service.entities.throttle.get({ tenantId, key: sourceKey }).go();
    if ((throttle.data?.failures ?? 0) >= LOGIN_LIMITS.sourceFailures) {
      throw new AppError("too_many", "auth.throttled", { minutes: minutesLeft(windowEnd.toISOString(), now) });
    }
    const recordSourceFailure = () =>
      service.entities.throttle
        .update({ tenantId, key: sourceKey })
        .add({ failures: 1 })
        .set({ expiresAt: Math.floor(windowEnd.getTime() / 1000) + 60 })
        .go();

    const claim = await service.entities.login.get({ tenantId, username: input.username }).go();
    const user = claim.data ? (await service.entities.user.get({ tenantId, userId: claim.data.userId }).go()).data : null;
    if (!user) {
      await verifyPassword(input.password, DUMMY_HASH);
      await recordSourceFailure();
      throw new AppError("unauthorized", "auth.bad_credentials");
    }
    if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
      throw new AppError("too_many", "auth.locked", { minutes: minutesLeft(user.lockedUntil, now) });
    }
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      const failures = user.failedLogins + 1;
      const lock = failures >= LOGIN_LIMITS.accountFailures;
      const lockedUntil = new Date(now.getTime() + LOGIN_LIMITS.accountLockMinutes * 60_000).toISOString();
      await service.entities.user
        .patch({ tenantId, userId: user.userId })
        .set(lock ? { failedLogins: 0, lockedUntil } : { failedLogins: failures })
        .go();
      await recordSourceFailure();
      if (lock) throw new AppError("too_many", "auth.locked", { minutes: LOGIN_LIMITS.accountLockMinutes });
      throw new AppError("unauthorized", "auth.bad_credentials");
    }
    if (user.status !== "active") throw new AppError("forbidden", "auth.disabled");

    const sessionId = randomUUID();
    const secret = newRefreshSecret();
    const actor: Actor = { type: "user", tenantId, userId: user.userId, role: user.role, scopeNodeId: user.scopeNodeId, scopePath: user.scopePath, sessionId };
    await withActor(actor, () =>
      writeTransaction(({ session, user: users, audit }) => [
          session
            .create({ tenantId, sessionId, userId: user.userId, currentHash: hashSecret(secret), expiresAt: Math.floor(now.getTime() / 1000) + SESSION_SECONDS })
            .commit(),
          users.patch({ tenantId, userId: user.userId }).set({ failedLogins: 0 }).remove(["lockedUntil"]).commit(),
          auditItem({ audit }, { action: "auth.login", targetType: "session", targetId: sessionId, details: { sourceIp: source.ip } }, now),
        ],
        { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
      ),
    );
    const access = await issueAccessToken({ tenantId, userId: user.userId, role: user.role, scopeNodeId: user.scopeNodeId, scopePath: user.scopePath, sessionId, ...(user.bodyId ? { bodyId: user.bodyId } : {}), name: user.displayName }, now);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: formatRefreshToken({ tenantId, sessionId, secret }),
      user: toUserView({ ...user, lockedUntil: undefined }, true),
      mustChangePassword: user.mustChangePassword,
    };
  });
});

export const RefreshInput = z.object({ refreshToken: z.string().min(1).max(512) }).meta({ id: "RefreshInput" });

/**
 * Rotate a refresh token. The presented token must be the session's current
 * one, or the one it replaced within {@link REFRESH_REUSE_GRACE_SECONDS}; any
 * other spent one means it was copied, so the whole session is revoked.
 * The new access token carries the user's current role and scope.
 */
export const refresh = useCase(RefreshInput, async (input, now: Date = new Date()): Promise<SignedIn> => {
  const token = parseRefreshToken(input.refreshToken);
  const { tenantId, sessionId } = token;
  // Two tabs presenting the same token at once: the loser of the write reads the session again and takes the grace path.
  return withActor({ type: "public", tenantId }, async () => (await rotateOnce(token, now)) ?? (await rotateOnce(token, now)) ?? raceLost());
});

const raceLost = (): never => {
  throw new AppError("unauthorized", "auth.refresh_invalid");
};

/** One rotation attempt: the new session, or undefined when another rotation changed the session meanwhile. */
async function rotateOnce(token: { tenantId: string; sessionId: string; secret: string }, now: Date): Promise<SignedIn | undefined> {
  const { tenantId, sessionId } = token;
  const { service } = tenantDb();
  const session = (await service.entities.session.get({ tenantId, sessionId }).go()).data;
  if (!session || session.revokedAt || session.expiresAt * 1000 <= now.getTime()) throw new AppError("unauthorized", "auth.refresh_invalid");
  const presented = hashSecret(token.secret);
  if (presented !== session.currentHash && !withinReuseGrace(session, presented, now)) {
    if (session.spentHashes.includes(presented)) await revokeSessions([session], "reuse", now);
    throw new AppError("unauthorized", "auth.refresh_invalid");
  }
  // Within the grace window the current token is spent as well: only the one answered now stays valid.
  const spent = presented === session.currentHash ? [presented] : [session.currentHash];
  const user = (await service.entities.user.get({ tenantId, userId: session.userId }).go()).data;
  if (!user || user.status !== "active") throw new AppError("unauthorized", "auth.refresh_invalid");

  const secret = newRefreshSecret();
  try {
    await service.entities.session
      .patch({ tenantId, sessionId })
      .set({ currentHash: hashSecret(secret), spentHashes: [...session.spentHashes, ...spent].slice(-SPENT_HASHES_KEPT), refreshedAt: now.toISOString() })
      .where((a, op) => `${op.eq(a.currentHash, session.currentHash)} AND ${op.notExists(a.revokedAt)}`)
      .go();
  } catch {
    // Another refresh of this session won the race.
    return undefined;
  }
  const access = await issueAccessToken({ tenantId, userId: user.userId, role: user.role, scopeNodeId: user.scopeNodeId, scopePath: user.scopePath, sessionId, ...(user.bodyId ? { bodyId: user.bodyId } : {}), name: user.displayName }, now);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: formatRefreshToken({ tenantId, sessionId, secret }),
    user: toUserView(user, true),
    mustChangePassword: user.mustChangePassword,
  };
}

/** The token presented is the one the last rotation spent, and that rotation was moments ago. */
function withinReuseGrace(session: { spentHashes: string[]; refreshedAt?: string }, presented: string, now: Date): boolean {
  if (session.spentHashes.at(-1) !== presented || !session.refreshedAt) return false;
  // Racing requests: the winner's clock may read a moment later than the loser's.
  return Math.abs(now.getTime() - Date.parse(session.refreshedAt)) <= REFRESH_REUSE_GRACE_SECONDS * 1000;
}

type RevokeReason = "logout" | "reuse" | "disabled" | "password_reset" | "password_changed";

/** Revoke sessions in one transaction with its audit entry (DynamoDB allows 100 items). */
export async function revokeSessions(sessions: { sessionId: string }[], reason: RevokeReason, now = new Date()): Promise<void> {
  if (sessions.length === 0) return;
  forgetSessions(useTenant(), sessions.map((s) => s.sessionId));
  await writeTransaction(({ session, audit }) => [
      ...sessions.slice(0, 99).map((s) => session.patch({ tenantId: useTenant(), sessionId: s.sessionId }).set({ revokedAt: now.toISOString(), revokedReason: reason }).commit()),
      auditItem({ audit }, { action: `session.revoke.${reason}`, targetType: "session", targetId: sessions.map((s) => s.sessionId).join(","), details: { count: sessions.length } }, now),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
}

/** Every live session of a user, for revocation on disable or password reset. */
export async function liveSessionsOf(userId: string) {
  const tenantId = useTenant();
  const { data } = await tenantDb().service.entities.session.query.byUser({ tenantId, userId }).where((a, op) => op.notExists(a.revokedAt)).go({ pages: "all" });
  return data;
}

/** Ends the caller's own session. */
export async function logout(now = new Date()): Promise<void> {
  const actor = useUser();
  await revokeSessions([{ sessionId: actor.sessionId }], "logout", now);
}

/**
 * The actor behind an access token: a valid signature, then a live session.
 * The session is read (one GetItem) at most once per SESSION_CHECK_SECONDS
 * per container, so logout, reuse detection and disabling take effect within
 * that bound everywhere (at once in the container that revoked), not when the
 * token expires; the hot path reads nothing.
 */
export async function authenticate(accessToken: string, now = new Date()): Promise<Extract<Actor, { type: "user" }>> {
  const claims = await verifyAccessToken(accessToken, now);
  if (seenLive(claims.tenantId, claims.sessionId, now)) return { type: "user", ...claims };
  // The tenant of the verified token, before the request has an actor.
  const { data: session } = await withActor({ type: "public", tenantId: claims.tenantId }, () => tenantDb().service.entities.session.get({ tenantId: claims.tenantId, sessionId: claims.sessionId }).go());
  if (!session || session.revokedAt || session.userId !== claims.userId) throw new AppError("unauthorized", "auth.session_revoked");
  rememberLive(claims.tenantId, claims.sessionId, now);
  return { type: "user", ...claims };
}

export const SignedInSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: z.string(),
    refreshToken: z.string(),
    user: UserViewSchema,
    mustChangePassword: z.boolean(),
  })
  .meta({ id: "SignedIn" });
