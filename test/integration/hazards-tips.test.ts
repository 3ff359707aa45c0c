import { beforeAll, describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { world, type Json, type World } from "./hazards-fixtures.ts";

const app = testApp(testDb());

function tip(slug: string, body: Json, ip = "198.51.100.7") {
  return app.request(`/v1/public/${slug}/tips`, { method: "POST", headers: { "content-type": "application/json", "x-test-client-ip": ip }, body: JSON.stringify(body) });
}

const valid = { locationText: "幸福小区3号楼楼道", description: "楼道里堆满纸箱，还有电动车在充电", contact: "13900000000" };

describe("public tips", () => {
  let w: World;
  beforeAll(async () => {
    w = await world(app, "songjiang");
  });

  it("takes in a resident's tip without signing in, as a discovered hazard from a public tip at the county's root", async () => {
    const photoKey = `t/${w.tenantId}/hazards/tips/abc.jpg`;
    const res = await tip(w.tenantId, { ...valid, photoKey }, "198.51.100.1");
    expect(res.status).toBe(201);
    const receipt = await res.json();
    expect(receipt).toMatchObject({ state: "discovered", message: { zh: expect.any(String), en: expect.any(String) } });
    const { body } = await w.users.admin!.api.timeline(receipt.hazardId);
    expect(body.hazard).toMatchObject({ source: "public_tip", nodeId: w.root.nodeId, reporter: { type: "public", contact: "13900000000" }, photos: [photoKey] });
    expect(body.hazard.severity).toBeUndefined();
    // Only those who act on hazards see the resident's contact.
    expect((await w.users.viewer!.api.timeline(receipt.hazardId)).body.hazard.reporter).toEqual({ type: "public" });
    const bySource = await w.users.admin!.api.get("/v1/hazards/by-source?source=public_tip");
    expect(bySource.body.items.map((h: Json) => h.hazardId)).toContain(receipt.hazardId);
    const inbox = await w.users.admin!.api.get("/v1/inbox");
    expect(inbox.body.items.some((n: Json) => n.subjectId === receipt.hazardId && n.kind === "create")).toBe(true);
  });

  it("lets the county register a tip at a node with a severity, after which the town handles it", async () => {
    const { hazardId } = await (await tip(w.tenantId, valid, "198.51.100.2")).json();
    const town = w.users["officer@town"]!;
    expect((await town.api.timeline(hazardId)).status).toBe(403);
    const registered = await w.users.admin!.api.act(hazardId, { action: "register", nodeId: w.at.village!.nodeId, severity: "general", code: "combustible_storage" });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body).toMatchObject({ state: "registered", nodeId: w.at.village!.nodeId, handling: { body: "town_office" } });
    expect((await town.api.act(hazardId, { action: "dispatch" })).status).toBe(200);
  });

  it("lets an officer reject a tip as invalid", async () => {
    const { hazardId } = await (await tip(w.tenantId, valid, "198.51.100.3")).json();
    const res = await w.users.admin!.api.act(hazardId, { action: "withdraw", reason: "现场核查无此情况" });
    expect(res.body.state).toBe("withdrawn");
  });

  it("asks for a severity and code when registering a tip", async () => {
    const { hazardId } = await (await tip(w.tenantId, valid, "198.51.100.4")).json();
    const res = await w.users.admin!.api.act(hazardId, { action: "register", nodeId: w.at.village!.nodeId });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path)).toEqual(["body.severity"]);
  });

  it("names every invalid field", async () => {
    const res = await tip(w.tenantId, { description: "短", photoKey: "../x", contact: "" }, "198.51.100.5");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: Json) => e.path).sort()).toEqual(["body.contact", "body.description", "body.locationText", "body.photoKey"]);
  });

  it("answers 404 for a county that does not exist", async () => {
    expect((await tip("no-such-county", valid)).status).toBe(404);
    expect((await tip("Not_A_Slug!", valid)).status).toBe(404);
  });

  it(`limits one address to ${Hazards.TIP_LIMITS.perSource} tips per window, and not the next address`, async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < Hazards.TIP_LIMITS.perSource; i++) expect((await tip(w.tenantId, valid, ip)).status).toBe(201);
    const limited = await tip(w.tenantId, valid, ip);
    expect(limited.status).toBe(429);
    expect((await limited.json()).code).toBe("hazard.tip_rate_limited");
    expect((await tip(w.tenantId, valid, "203.0.113.10")).status).toBe(201);
  });

  it("holds the limit under concurrent tips from one address", async () => {
    const ip = "203.0.113.77";
    const statuses = (await Promise.all(Array.from({ length: 9 }, () => tip(w.tenantId, valid, ip)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(Hazards.TIP_LIMITS.perSource);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9 - Hazards.TIP_LIMITS.perSource);
    expect(statuses.every((s) => s === 201 || s === 429 || s === 409)).toBe(true);
  });
});
