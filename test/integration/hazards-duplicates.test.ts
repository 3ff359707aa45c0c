import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json, type World } from "./hazards-fixtures.ts";

// Duplicates (issue 16, Build 5): the report form's suggestions (same venue and
// code, or the same code within 50 m), adding to the hazard already there, and
// an officer's merge of a duplicate into its original.

const app = testApp(testDb());

/** A base point and points due north of it at a given distance (1° of latitude ≈ 111 195 m on the haversine sphere). */
const BASE = { lat: 31.0, lng: 121.2 };
const north = (metres: number) => ({ lat: BASE.lat + metres / 111_195, lng: BASE.lng });

async function setUp(): Promise<{ w: World; venueId: string; code: string; otherCode: string; original: Json }> {
  const w = await world(app, "songjiang");
  const [code, otherCode] = w.profile.hazards.codes.map((c) => c.id);
  const venue = await w.users.admin!.api.call("POST", "/v1/venues", { name: "沿街商铺甲", nodeId: w.at.grid!.nodeId, kinds: ["street_shop"], ...BASE });
  expect(venue.status, JSON.stringify(venue.body)).toBe(201);
  const created = await w.users["officer@grid"]!.api.create(report(w, w.at.grid!, { code, venueId: venue.body.venueId, ...BASE }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { w, venueId: venue.body.venueId, code: code!, otherCode: otherCode!, original: created.body };
}

const similar = async (w: World, who: string, query: Record<string, string | number>) => {
  const res = await w.users[who]!.api.get(`/v1/hazards/similar?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Json[];
};

describe("duplicate suggestions on report", { timeout: 120_000 }, () => {
  it("a report at the same venue and code, and one 30 m away with the same code, get the suggestion; one 80 m away does not", async () => {
    const { w, venueId, code, otherCode, original } = await setUp();
    const grid = "officer@grid";

    const atVenue = await similar(w, grid, { code, venueId });
    expect(atVenue.map((h) => [h.hazardId, h.sameVenue])).toEqual([[original.hazardId, true]]);

    const near = await similar(w, grid, { code, ...north(30) });
    expect(near.map((h) => h.hazardId)).toEqual([original.hazardId]);
    expect(near[0]!.distance).toBeGreaterThanOrEqual(29);
    expect(near[0]!.distance).toBeLessThanOrEqual(31);

    expect(await similar(w, grid, { code, ...north(80) })).toEqual([]);
    // Another code at the same place is another hazard.
    expect(await similar(w, grid, { code: otherCode, venueId, ...BASE })).toEqual([]);
    // Another town's officer does not see it (scope-filtered).
    expect(await similar(w, "officer@otherTown", { code, venueId, ...BASE })).toEqual([]);
  });

  it("refuses a check with neither venue nor position, or half a position, naming the field", async () => {
    const { w, code } = await setUp();
    const none = await w.users["officer@grid"]!.api.get(`/v1/hazards/similar?code=${code}`);
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain("venueId");
    const half = await w.users["officer@grid"]!.api.get(`/v1/hazards/similar?code=${code}&lat=31`);
    expect(half.status).toBe(400);
    expect(JSON.stringify(half.body)).toContain("lng");
  });
});

describe("adding to the hazard already reported", { timeout: 120_000 }, () => {
  it("corroborating twice with the same Idempotency-Key writes one event; its handler is told", async () => {
    const { w, original } = await setUp();
    const village = w.users["officer@village"]!;
    const photo = `t/${w.tenantId}/hazards/test/second-look.jpg`;
    const first = await village.api.call("POST", `/v1/hazards/${original.hazardId}/corroborations`, { note: "我也看到了", photos: [photo] }, { "idempotency-key": "corr-1" });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await village.api.call("POST", `/v1/hazards/${original.hazardId}/corroborations`, { note: "我也看到了", photos: [photo] }, { "idempotency-key": "corr-1" });
    expect(again.status).toBe(200);

    const { body } = await w.users.admin!.api.timeline(original.hazardId);
    const added = body.events.filter((e: Json) => e.action === "corroborate");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ actorId: village.userId, note: "我也看到了", photos: [photo] });
    expect(body.hazard.photos).toContain(photo);
    // The town office handles a general hazard in songjiang: its officer hears of it.
    const inbox = (await w.users["officer@town"]!.api.get("/v1/inbox")).body.items as Json[];
    expect(inbox.map((n) => n.kind)).toContain("corroborate");
  });

  it("refuses an empty addition, and one by someone outside the hazard's subtree", async () => {
    const { w, original } = await setUp();
    const empty = await w.users["officer@grid"]!.api.call("POST", `/v1/hazards/${original.hazardId}/corroborations`, {});
    expect(empty.status).toBe(400);
    const outside = await w.users["officer@otherTown"]!.api.call("POST", `/v1/hazards/${original.hazardId}/corroborations`, { note: "不是我辖区" });
    expect(outside.status).toBe(403);
  });
});

describe("merging a duplicate into its original", { timeout: 120_000 }, () => {
  it("sets duplicate, links both ways in one change, leaves the open lists; a stale version answers 409 and writes nothing", async () => {
    const { w, code, original } = await setUp();
    const town = w.users["officer@town"]!;
    const dup = (await w.users["officer@village"]!.api.create(report(w, w.at.grid!, { code, ...north(30) }))).body;
    expect(dup.state).toBe("discovered");

    // The grid worker who reported is not the officer who merges.
    expect((await w.users["officer@grid"]!.api.call("POST", `/v1/hazards/${dup.hazardId}/merge`, { intoId: original.hazardId, expectedVersion: dup.version })).status).toBe(403);

    const stale = await town.api.call("POST", `/v1/hazards/${dup.hazardId}/merge`, { intoId: original.hazardId, expectedVersion: dup.version + 1 });
    expect(stale.status).toBe(409);
    expect((await town.api.timeline(dup.hazardId)).body.hazard.state).toBe("discovered");

    expect((await town.api.call("POST", `/v1/hazards/${dup.hazardId}/merge`, { intoId: dup.hazardId, expectedVersion: dup.version })).status).toBe(400);

    const merged = await town.api.call("POST", `/v1/hazards/${dup.hazardId}/merge`, { intoId: original.hazardId, expectedVersion: dup.version, note: "同一处隐患" });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({ state: "duplicate", duplicateOf: original.hazardId });

    const orig = (await town.api.timeline(original.hazardId)).body;
    expect(orig.hazard.duplicates).toEqual([dup.hazardId]);
    expect(orig.hazard.state).toBe("discovered");
    expect(orig.events.at(-1)).toMatchObject({ action: "merged", details: { duplicateId: dup.hazardId } });
    const dupTimeline = (await town.api.timeline(dup.hazardId)).body;
    expect(dupTimeline.events.at(-1)).toMatchObject({ action: "merge", from: "discovered", to: "duplicate", details: { intoId: original.hazardId } });

    // Final: no more actions, no longer suggested, no longer open.
    expect((await town.api.call("POST", `/v1/hazards/${dup.hazardId}/merge`, { intoId: original.hazardId, expectedVersion: merged.body.version })).status).toBe(409);
    expect((await similar(w, "officer@town", { code, ...north(30) })).map((h) => h.hazardId)).toEqual([original.hazardId]);
    const open = (await town.api.get(`/v1/hazards?state=open`)).body.items.map((h: Json) => h.hazardId);
    expect(open).toContain(original.hazardId);
    expect(open).not.toContain(dup.hazardId);
    const dupes = (await town.api.get(`/v1/hazards?state=duplicate`)).body.items.map((h: Json) => h.hazardId);
    expect(dupes).toEqual([dup.hazardId]);
  });
});
