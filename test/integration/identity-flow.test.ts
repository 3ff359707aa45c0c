import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { adminOf, as, logIn, USER_PASSWORD } from "../support/tenants.ts";

describe("a county signs up, its admin creates a grid worker, who signs in", () => {
  it("works end to end through the API", async () => {
    const { client, tableName } = testDb();
    const app = testApp({ client, tableName });
    const { tenant, client: admin } = await adminOf(app);

    const me = await (await admin.get("/v1/me")).json();
    expect(me.user).toMatchObject({ username: "admin", role: "tenant_admin", scopeNodeId: tenant.rootNodeId });
    expect(me.tenant).toMatchObject({ tenantId: tenant.tenantId, presetId: "songjiang", timeZone: "Asia/Shanghai" });
    expect(JSON.stringify(me)).not.toContain("passwordHash");

    const created = await admin.post("/v1/users", { username: "wang.grid", displayName: "王网格", role: "grid_worker", scopeNodeId: tenant.rootNodeId, password: USER_PASSWORD });
    expect(created.status).toBe(201);
    const worker = await created.json();
    expect(worker).toMatchObject({ username: "wang.grid", role: "grid_worker", mustChangePassword: true });

    const signedIn = await logIn(app, tenant.tenantId, "wang.grid", USER_PASSWORD);
    expect(signedIn.res.status).toBe(200);
    expect(signedIn.body.mustChangePassword).toBe(true);
    const workerClient = as(app, signedIn.body.accessToken);
    expect((await (await workerClient.get("/v1/me")).json()).user.userId).toBe(worker.userId);
    // A grid worker may not manage users.
    expect((await workerClient.get("/v1/users")).status).toBe(403);
    const changed = await workerClient.post("/v1/me/password", { currentPassword: USER_PASSWORD, newPassword: "New-field-2027" });
    expect(changed.status).toBe(204);
    expect((await logIn(app, tenant.tenantId, "wang.grid", "New-field-2027")).body.mustChangePassword).toBe(false);
  });
});

describe("creating a user with an Idempotency-Key", () => {
  it("returns the first result on a retry, and refuses the key for a different request", async () => {
    const app = testApp(testDb());
    const { tenant, client: admin } = await adminOf(app);
    const body = { username: "li.retry", displayName: "李", role: "viewer", scopeNodeId: tenant.rootNodeId, password: USER_PASSWORD };
    const first = await admin.post("/v1/users", body, { "idempotency-key": "create-li-1" });
    const retry = await admin.post("/v1/users", body, { "idempotency-key": "create-li-1" });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect((await retry.json()).userId).toBe((await first.json()).userId);
    const users = await (await admin.get("/v1/users?limit=100")).json();
    expect(users.items.filter((u: { username: string }) => u.username === "li.retry")).toHaveLength(1);
    const misuse = await admin.post("/v1/users", { ...body, username: "li.other" }, { "idempotency-key": "create-li-1" });
    expect(misuse.status).toBe(409);
    expect((await misuse.json()).code).toBe("request.idempotency_mismatch");
  });
});
