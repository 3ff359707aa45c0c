import { describe, expect, it } from "vitest";
import { Identity, withRequest } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { ADMIN_PASSWORD, logIn, signUp } from "../support/tenants.ts";

const app = testApp(testDb());
const { accountFailures, accountLockMinutes, sourceFailures } = Identity.LOGIN_LIMITS;

describe("sign-in throttling", () => {
  it("locks an account after repeated failures, refuses even the right password while locked, then recovers", async () => {
    const { tenantId } = await signUp(app);
    for (let i = 1; i < accountFailures; i++) {
      expect((await logIn(app, tenantId, "admin", "wrong-password-1", `198.51.100.${i}`)).res.status).toBe(401);
    }
    const locking = await logIn(app, tenantId, "admin", "wrong-password-1", "198.51.100.99");
    expect(locking.res.status).toBe(429);
    expect(locking.body.code).toBe("auth.locked");
    expect(locking.body.detail).toContain(`${accountLockMinutes} 分钟`);

    const whileLocked = await logIn(app, tenantId, "admin", ADMIN_PASSWORD);
    expect(whileLocked.res.status).toBe(429);

    // Once the lock has run out (the use case takes `now`), the right password works and clears the count.
    const later = new Date(Date.now() + (accountLockMinutes + 1) * 60_000);
    const signedIn = await withRequest({ requestId: "test", sourceIp: "203.0.113.7" }, () =>
      Identity.login({ tenant: tenantId, username: "admin", password: ADMIN_PASSWORD }, later),
    );
    expect(signedIn.user.lockedUntil).toBeUndefined();
    expect((await logIn(app, tenantId, "admin", ADMIN_PASSWORD)).res.status).toBe(200);
  });

  it("throttles one source address after many failures across usernames, without locking others out", async () => {
    const { tenantId } = await signUp(app);
    for (let i = 0; i < sourceFailures; i++) {
      expect((await logIn(app, tenantId, `nobody${i}`, "whatever-123", "203.0.113.50")).res.status).toBe(401);
    }
    const blocked = await logIn(app, tenantId, "admin", ADMIN_PASSWORD, "203.0.113.50");
    expect(blocked.res.status).toBe(429);
    expect(blocked.body.code).toBe("auth.throttled");
    expect((await logIn(app, tenantId, "admin", ADMIN_PASSWORD, "203.0.113.51")).res.status).toBe(200);
  });

  it("answers an unknown county, an unknown user and a wrong password alike", async () => {
    const { tenantId } = await signUp(app);
    const bodies = await Promise.all([
      logIn(app, "no-such-county", "admin", ADMIN_PASSWORD),
      logIn(app, tenantId, "nobody", ADMIN_PASSWORD),
      logIn(app, tenantId, "admin", "Wrong-pass-123"),
      logIn(app, "Bad Slug!", "admin", ADMIN_PASSWORD),
    ]);
    for (const { res, body } of bodies) {
      expect(res.status).toBe(401);
      expect(body.code).toBe("auth.bad_credentials");
    }
  });
});
