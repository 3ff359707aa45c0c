import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "@firegov/functions/api/app";
import { getPreset } from "@firegov/profiles";
import { testDb } from "../support/db.ts";
import { ADMIN_PASSWORD, as, logIn, newSlug, USER_PASSWORD } from "../support/tenants.ts";

const db = testDb();
afterEach(() => vi.restoreAllMocks());

describe("secrets stay out of logs and the audit trail", () => {
  it("logs no password, access token or refresh token through a whole session's life", async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(capture as typeof process.stdout.write);
    vi.spyOn(process.stderr, "write").mockImplementation(capture as typeof process.stderr.write);
    const app = createApp({ db, logger: new Logger({ serviceName: "secrets-test", logLevel: "DEBUG" }), presets: getPreset, clientIp: () => "192.0.2.9" });

    const slug = newSlug();
    await app.request("/v1/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ slug, name: "日志县", presetId: "yancheng", admin: { username: "admin", displayName: "管理员", phone: "13800000001", password: ADMIN_PASSWORD } }) });
    const { body: signedIn } = await logIn(app, slug, "admin", ADMIN_PASSWORD);
    await logIn(app, slug, "admin", "Wrong-pass-12345");
    const admin = as(app, signedIn.accessToken);
    const me = await (await admin.get("/v1/me")).json();
    await admin.post("/v1/users", { username: "worker", displayName: "工人", role: "grid_worker", scopeNodeId: me.tenant.rootNodeId, password: USER_PASSWORD });
    const refreshed = await (await app.request("/v1/auth/refresh", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken: signedIn.refreshToken }) })).json();
    expect((await as(app, refreshed.accessToken).post("/v1/me/password", { currentPassword: ADMIN_PASSWORD, newPassword: "Changed-pass-2027" })).status).toBe(204);
    // Replaying the spent refresh token within the grace window (a second tab, a lost answer) rotates again: those tokens stay out of the logs too.
    const replayed = await (await app.request("/v1/auth/refresh", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken: signedIn.refreshToken }) })).json();
    await app.request("/v1/me", { headers: { authorization: `Bearer ${signedIn.accessToken}x` } });
    vi.restoreAllMocks();

    const logged = lines.join("");
    expect(logged).toContain('"message":"request"'); // the capture did see the request logs
    for (const secret of [ADMIN_PASSWORD, USER_PASSWORD, "Wrong-pass-12345", "Changed-pass-2027", signedIn.accessToken, signedIn.refreshToken, refreshed.accessToken, refreshed.refreshToken, ...[replayed.accessToken, replayed.refreshToken].filter((t): t is string => typeof t === "string")]) {
      expect(logged).not.toContain(secret);
    }
    for (const part of [signedIn.refreshToken.split(".")[2]!, refreshed.refreshToken.split(".")[2]!, signedIn.accessToken.split(".")[2]!]) {
      expect(logged).not.toContain(part);
    }

    const audit = await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: `T#${slug}#AUDIT` } } }));
    const entries = JSON.stringify(audit.Items);
    // The signup, the sign-ins, the new user and the password change: at least four entries.
    expect(audit.Items!.length).toBeGreaterThanOrEqual(4);
    for (const secret of [ADMIN_PASSWORD, USER_PASSWORD, "Changed-pass-2027", signedIn.refreshToken.split(".")[2]!, "scrypt$"]) {
      expect(entries).not.toContain(secret);
    }
  });
});
