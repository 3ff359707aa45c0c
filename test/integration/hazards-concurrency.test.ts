import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json, type World } from "./hazards-fixtures.ts";

const app = testApp(testDb());

describe("concurrency and retries", () => {
  let w: World;
  beforeAll(async () => {
    w = await world(app, "songjiang");
  });

  async function dispatched(): Promise<string> {
    const town = w.users["officer@town"]!.api;
    const id = (await town.create(report(w, w.at.village!))).body.hazardId;
    await town.act(id, { action: "register" });
    await town.act(id, { action: "dispatch" });
    return id;
  }

  it("lets exactly one of eight concurrent transitions win; the others answer 409 with the current state", async () => {
    const id = await dispatched();
    const town = w.users["officer@town"]!.api;
    const results = await Promise.all(Array.from({ length: 8 }, () => town.act(id, { action: "start" })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const lost of results.filter((r) => r.status === 409)) {
      expect(["hazard.version_conflict", "hazard.transition_not_allowed"]).toContain(lost.body.code);
      expect(lost.body.errors).toContainEqual({ path: "current.state", code: "hazard.current_state", message: "rectifying" });
    }
    const { body } = await town.timeline(id);
    expect(body.events.filter((e: Json) => e.action === "start")).toHaveLength(1);
    expect(body.hazard.version).toBe(4);
  });

  it("lets one of several different concurrent actions win, never two", async () => {
    const id = await dispatched();
    const town = w.users["officer@town"]!.api;
    const results = await Promise.all([
      town.act(id, { action: "start" }),
      town.act(id, { action: "withdraw", reason: "重复上报" }),
      town.act(id, { action: "start" }),
      town.act(id, { action: "withdraw", reason: "重复上报" }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const { body } = await town.timeline(id);
    expect(body.events).toHaveLength(4);
  });

  it("creates one hazard for a retried report with the same Idempotency-Key, and answers the same", async () => {
    const town = w.users["officer@town"]!.api;
    const key = { "idempotency-key": `create-${Date.now()}` };
    const venue = { venueId: `v-${Date.now()}` };
    const concurrent = await Promise.all([0, 1, 2].map(() => town.create(report(w, w.at.village!, venue), key)));
    const again = await town.create(report(w, w.at.village!, venue), key);
    const all = [...concurrent, again];
    for (const res of all) expect([200, 201]).toContain(res.status);
    const ids = new Set(all.map((r) => r.body.hazardId));
    expect(ids.size).toBe(1);
    const byVenue = await town.get(`/v1/hazards/by-venue?venueId=${venue.venueId}`);
    expect(byVenue.body.items).toHaveLength(1);
    const { body } = await town.timeline([...ids][0]!);
    expect(body.events.map((e: Json) => e.action)).toEqual(["create"]);
  });

  it("refuses an Idempotency-Key reused for a different report", async () => {
    const town = w.users["officer@town"]!.api;
    const key = { "idempotency-key": `reuse-${Date.now()}` };
    expect((await town.create(report(w, w.at.village!), key)).status).toBe(201);
    const res = await town.create(report(w, w.at.village!, { description: "另一处隐患" }), key);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("request.idempotency_mismatch");
  });

  it("applies a retried transition once", async () => {
    const id = await dispatched();
    const town = w.users["officer@town"]!.api;
    const key = { "idempotency-key": `start-${id}` };
    const first = await town.act(id, { action: "start", note: "到场" }, key);
    const retry = await town.act(id, { action: "start", note: "到场" }, key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ state: "rectifying", version: first.body.version });
    const { body } = await town.timeline(id);
    expect(body.events.filter((e: Json) => e.action === "start")).toHaveLength(1);
  });
});
