import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { ADMIN_PASSWORD, newSlug } from "../support/tenants.ts";

const db = testDb();
const app = testApp(db);
const body = (slug: string, overrides: Record<string, unknown> = {}) => ({
  slug,
  name: "测试县",
  presetId: "zezhou",
  admin: { username: "admin", displayName: "管理员", email: "admin@example.cn", password: ADMIN_PASSWORD },
  ...overrides,
});
const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.request("/v1/signup", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(payload) });

async function itemsOf(tenantId: string) {
  const out = await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: `T#${tenantId}` } }, ConsistentRead: true }));
  return out.Items ?? [];
}

describe("signup", () => {
  it("lets exactly one of two concurrent signups with the same slug win", async () => {
    const slug = newSlug("race");
    const results = await Promise.all([post(body(slug, { name: "甲县" })), post(body(slug, { name: "乙县" }))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect((await loser.json()).code).toBe("tenant.slug_taken");
    const tenants = (await itemsOf(slug)).filter((i) => i.sk?.S === "TENANT");
    expect(tenants).toHaveLength(1);
  });

  it("writes nothing for a taken slug: the first county's admin and records stay as they were", async () => {
    const slug = newSlug();
    expect((await post(body(slug))).status).toBe(201);
    const before = JSON.stringify(await itemsOf(slug));
    const again = await post(body(slug, { admin: { username: "other", displayName: "他人", phone: "13700000000", password: "Second-try-2026" } }));
    expect(again.status).toBe(409);
    expect(JSON.stringify(await itemsOf(slug))).toBe(before);
  });

  it("returns the first result for a retried request with the same Idempotency-Key", async () => {
    const slug = newSlug();
    const first = await post(body(slug), { "idempotency-key": `signup-${slug}` });
    expect(first.status).toBe(201);
    const retried = await post(body(slug), { "idempotency-key": `signup-${slug}` });
    expect(retried.status).toBe(201);
    // Only one admin exists.
    expect((await itemsOf(slug)).filter((i) => i.sk?.S?.startsWith("USER#"))).toHaveLength(1);
  });

  it("names every bad field, in Chinese by default and English on request, and writes nothing", async () => {
    const slug = "Bad_Slug";
    const res = await post({ slug, name: "", presetId: "nowhere", admin: { username: "a", displayName: "", password: "short" } });
    expect(res.status).toBe(400);
    const problem = await res.json();
    const paths = problem.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.slug", "body.name", "body.admin.username", "body.admin.displayName", "body.admin.password"]));
    expect(problem.errors.find((e: { path: string }) => e.path === "body.slug").message).toContain("单位代码");
    const en = await (await app.request("/v1/signup", { method: "POST", headers: { "content-type": "application/json", "accept-language": "en" }, body: JSON.stringify({ slug, name: "x" }) })).json();
    expect(en.errors.find((e: { path: string }) => e.path === "body.slug").message).toContain("County code");
  });

  it("refuses an unknown preset by naming the field", async () => {
    const res = await post(body(newSlug(), { presetId: "atlantis" }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].path).toBe("body.presetId");
  });
});
