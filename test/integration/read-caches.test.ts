import { beforeAll, describe, expect, it } from "vitest";
import { Identity, tenantDb, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { requestCounter } from "../support/request-counter.ts";
import { expectStatus } from "../support/org.ts";
import { adminOf } from "../support/tenants.ts";
import { county, type Json } from "./venues-fixtures.ts";

const app = testApp(testDb());
const SECOND = 1000;

describe("a session revoked elsewhere", () => {
  it("stops working within SESSION_CHECK_SECONDS in a container that saw it live, and at once in the container that revoked it", async () => {
    const admin = await adminOf(app);
    const claims = await Identity.verifyAccessToken(admin.token);
    const t0 = new Date();
    await Identity.authenticate(admin.token, t0); // read live, remembered

    // Another container revokes it: the item changes, this container's memory does not.
    await withActor({ type: "system", tenantId: claims.tenantId, job: "test" }, () =>
      tenantDb().service.entities.session.patch({ tenantId: claims.tenantId, sessionId: claims.sessionId }).set({ revokedAt: t0.toISOString(), revokedReason: "logout" }).go(),
    );
    const within = new Date(t0.getTime() + (Identity.SESSION_CHECK_SECONDS - 1) * SECOND);
    await expect(Identity.authenticate(admin.token, within)).resolves.toMatchObject({ sessionId: claims.sessionId });
    const past = new Date(t0.getTime() + Identity.SESSION_CHECK_SECONDS * SECOND);
    await expect(Identity.authenticate(admin.token, past)).rejects.toMatchObject({ code: "auth.session_revoked" });

    // Revoked here: refused on the very next request.
    const other = await adminOf(app);
    await expectStatus(other.client.get("/v1/me"), 200);
    await expectStatus(other.client.post("/v1/auth/logout"), 204);
    await expectStatus(other.client.get("/v1/me"), 401);
  });
});

describe("reads on a warm container", () => {
  let c: Awaited<ReturnType<typeof county>>;
  let hazard: Json;
  let counter: ReturnType<typeof requestCounter>;
  beforeAll(async () => {
    c = await county(app);
    await expectStatus(c.admin.client.post("/v1/venues", { name: "沿街商铺", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    hazard = await expectStatus<Json>(
      c.worker1.client.post("/v1/hazards", { nodeId: c.grid1.nodeId, code: "three_in_one", severity: "general", description: "二楼住人", source: "grid_patrol", photos: [] }),
      201,
    );
    counter = requestCounter(c.tenantId);
  }, 60_000);

  it.each([
    ["a hazard with its timeline and allowed actions", () => `/v1/hazards/${hazard.hazardId}`],
    ["the subtree's nodes", () => "/v1/nodes"],
    ["the venues of my scope", () => "/v1/venues"],
    ["the inspection tasks of my scope", () => "/v1/inspection-tasks"],
    ["the profile in effect", () => "/v1/profile"],
    ["the draft (before any save: the head and the version in effect)", () => "/v1/profile/draft"],
    ["who I am (the user; the tenant is known)", () => "/v1/me"],
  ])("%s: one DynamoDB request", async (_, path) => {
    await expectStatus(c.admin.client.get(path()), 200); // warm: session, profile and time zone read once
    expect(await counter.during(() => expectStatus(c.admin.client.get(path()), 200))).toBeLessThanOrEqual(1);
  });
});
