import { randomInt } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useRequestMeta, useUser, withActor } from "../context/actor.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";
import { Password, passwordPolicy } from "./fields.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";
import { liveSessionsOf, LOGIN_LIMITS, revokeSessions } from "./sessions.ts";

// Recovery codes: how an admin with neither phone nor email (the first admin
// of a county, say) gets back in after losing the password. Signup issues a
// set once; each code is shown once, kept only as a scrypt hash, and resets
// the password once. Without a code left, the platform operator resets it.

export const RECOVERY_CODE_COUNT = 8;

// No 0/O, 1/I/L: the codes are copied by hand.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUP = 5;

/** `3-ABCDE-FGHJK`: the number names the slot, so a check costs one hash, not eight; 10 random characters (≈ 49 bits) are the secret. */
function newCode(slot: number): string {
  const group = () => Array.from({ length: GROUP }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${slot + 1}-${group()}-${group()}`;
}

/** A fresh set: the codes to show once, and the hashes to keep (slot i holds code i+1). */
export async function issueRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, (_, slot) => newCode(slot));
  return { codes, hashes: await Promise.all(codes.map((code) => hashPassword(code))) };
}

/** Typed by hand: case, spaces and the dashes' shape are forgiven. */
function parseCode(code: string): { slot: number; code: string } | undefined {
  const compact = code.toUpperCase().replace(/[\s-]/g, "");
  const match = /^(\d{1,2})([2-9A-Z]{10})$/.exec(compact);
  if (!match) return undefined;
  const slot = Number(match[1]) - 1;
  return { slot, code: `${slot + 1}-${match[2]!.slice(0, GROUP)}-${match[2]!.slice(GROUP)}` };
}

export const RecoverInput = z
  .object({
    tenant: z.string().trim().toLowerCase().min(1, bilingual("请填写单位代码", "Enter the county code")).max(64),
    username: z.string().trim().toLowerCase().min(1, bilingual("请填写用户名", "Enter your username")).max(64),
    code: z.string().trim().min(1, bilingual("请填写恢复码", "Enter a recovery code")).max(32),
    newPassword: Password,
  })
  .superRefine(passwordPolicy("newPassword", (v: { newPassword: string; username: string }) => ({ password: v.newPassword, username: v.username })))
  .meta({ id: "RecoverInput" });

const minutesLeft = (until: number, now: Date) => Math.max(1, Math.ceil((until - now.getTime()) / 60_000));

/**
 * Resets a password with one unused recovery code, then spends the code and
 * ends the user's sessions. Throttled like sign-in (the same per-address
 * window and per-account lockout, a wrong code counting as a failed sign-in);
 * unknown county, unknown user, wrong or spent code all answer alike.
 */
export const recoverPassword = useCase(RecoverInput, async (input, now: Date = new Date()): Promise<void> => {
  const refused = () => new AppError("unauthorized", "auth.recovery_invalid");
  const parsed = parseCode(input.code);
  if (!TENANT_ID_PATTERN.test(input.tenant)) {
    await verifyPassword(input.code, DUMMY_HASH);
    throw refused();
  }
  const sourceIp = useRequestMeta().sourceIp ?? "unknown";
  await withActor({ type: "public", tenantId: input.tenant }, async () => {
    const { service } = tenantDb();
    const tenantId = input.tenant;
    const windowStart = Math.floor(now.getTime() / (LOGIN_LIMITS.sourceWindowMinutes * 60_000));
    const windowEnd = (windowStart + 1) * LOGIN_LIMITS.sourceWindowMinutes * 60_000;
    const sourceKey = `ip:${sourceIp}:${windowStart}`;
    const throttle = await service.entities.throttle.get({ tenantId, key: sourceKey }).go();
    if ((throttle.data?.failures ?? 0) >= LOGIN_LIMITS.sourceFailures) throw new AppError("too_many", "auth.throttled", { minutes: minutesLeft(windowEnd, now) });
    const recordSourceFailure = () =>
      service.entities.throttle.update({ tenantId, key: sourceKey }).add({ failures: 1 }).set({ expiresAt: Math.floor(windowEnd / 1000) + 60 }).go();

    const claim = await service.entities.login.get({ tenantId, username: input.username }).go();
    const user = claim.data ? (await service.entities.user.get({ tenantId, userId: claim.data.userId }).go()).data : null;
    const stored = parsed && user?.recoveryCodes?.[parsed.slot];
    if (!user || !parsed || !stored) {
      await verifyPassword(input.code, DUMMY_HASH);
      await recordSourceFailure();
      throw refused();
    }
    if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
      throw new AppError("too_many", "auth.locked", { minutes: minutesLeft(Date.parse(user.lockedUntil), now) });
    }
    if (!(await verifyPassword(parsed.code, stored))) {
      const failures = user.failedLogins + 1;
      const lock = failures >= LOGIN_LIMITS.accountFailures;
      const lockedUntil = new Date(now.getTime() + LOGIN_LIMITS.accountLockMinutes * 60_000).toISOString();
      await service.entities.user.patch({ tenantId, userId: user.userId }).set(lock ? { failedLogins: 0, lockedUntil } : { failedLogins: failures }).go();
      await recordSourceFailure();
      if (lock) throw new AppError("too_many", "auth.locked", { minutes: LOGIN_LIMITS.accountLockMinutes });
      throw refused();
    }
    if (user.status !== "active") throw new AppError("forbidden", "auth.disabled");

    const passwordHash = await hashPassword(input.newPassword);
    const left = user.recoveryCodes!.map((hash, slot) => (slot === parsed.slot ? "" : hash));
    // The code is spent with the password in one write, guarded by the last change: two uses of one code, only one wins.
    await writeTransaction(({ user: users, audit }) => [
        users
          .patch({ tenantId, userId: user.userId })
          .set({ passwordHash, recoveryCodes: left, mustChangePassword: false, passwordChangedAt: now.toISOString(), failedLogins: 0 })
          .remove(["lockedUntil"])
          .where((a, op) => op.eq(a.passwordChangedAt, user.passwordChangedAt))
          .commit(),
        auditItem(
          { audit },
          { action: "auth.recover", targetType: "user", targetId: user.userId, details: { codeNumber: parsed.slot + 1, codesLeft: left.filter(Boolean).length, sourceIp } },
          now,
        ),
      ],
      { onCanceled: refused },
    );
    await revokeSessions(await liveSessionsOf(user.userId), "password_reset", now);
  });
});

export const RenewRecoveryCodesInput = z
  .object({ currentPassword: z.string().min(1, bilingual("请填写当前密码", "Enter your current password")).max(128) })
  .meta({ id: "RenewRecoveryCodesInput" });

/**
 * A signed-in user replaces their recovery codes with a fresh set (the old
 * ones stop working): after using some, or when the signup's answer with the
 * first set was lost. Asks for the current password, like a password change.
 */
export const renewRecoveryCodes = useCase(RenewRecoveryCodesInput, async (input): Promise<{ recoveryCodes: string[] }> => {
  const actor = useUser();
  const { service } = tenantDb();
  const user = (await service.entities.user.get({ tenantId: actor.tenantId, userId: actor.userId }).go()).data;
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("validation", "auth.wrong_password", {}, [{ path: "body.currentPassword", code: "auth.wrong_password", message: { zh: "当前密码不正确", en: "The current password is incorrect" } }]);
  }
  const { codes, hashes } = await issueRecoveryCodes();
  await writeTransaction(({ user: users, audit }) => [
      users.patch({ tenantId: actor.tenantId, userId: actor.userId }).set({ recoveryCodes: hashes }).commit(),
      auditItem({ audit }, { action: "user.recovery_codes", targetType: "user", targetId: actor.userId, details: { count: codes.length } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { recoveryCodes: codes };
});

/**
 * The platform operator's way back in for a user with no recovery code left
 * (run from the operator's shell, scripts/reset-password.ts, never through
 * the API): a temporary password the user must change at the next sign-in,
 * the user's sessions ended, audited under the operator's name.
 */
export async function operatorResetPassword(input: { tenant: string; username: string; newPassword: string; operator: string }): Promise<{ userId: string }> {
  return withActor({ type: "system", tenantId: input.tenant, job: `operator:${input.operator}` }, async () => {
    const { service } = tenantDb();
    const claim = await service.entities.login.get({ tenantId: input.tenant, username: input.username }).go();
    if (!claim.data) throw new AppError("not_found", "user.not_found");
    const userId = claim.data.userId;
    const passwordHash = await hashPassword(input.newPassword);
    await writeTransaction(({ user, audit }) => [
        user.patch({ tenantId: input.tenant, userId }).set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date().toISOString(), failedLogins: 0 }).remove(["lockedUntil"]).commit(),
        auditItem({ audit }, { action: "user.operator_reset_password", targetType: "user", targetId: userId, details: { operator: input.operator } }),
      ],
      { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
    );
    await revokeSessions(await liveSessionsOf(userId), "password_reset");
    return { userId };
  });
}
