import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { county, type Json } from "./venues-fixtures.ts";

// "Nearby" (issue 16, Build 4): the venues of the caller's subtree around a
// WGS-84 point, nearest first, with their distance in metres.

const app = testApp(testDb());
const BASE = { lat: 31.0, lng: 121.2 };
/** Due north of BASE by `m` metres (1° of latitude ≈ 111 195 m). */
const north = (m: number) => ({ lat: BASE.lat + m / 111_195, lng: BASE.lng });

describe("GET /v1/venues/nearby", { timeout: 120_000 }, () => {
  it("answers the venues within the radius, nearest first with distances, only the caller's own county's", async () => {
    const c = await county(app);
    const add = (name: string, at?: { lat: number; lng: number }) => expectStatus<Json>(c.admin.client.post("/v1/venues", { name, nodeId: c.grid1.nodeId, kinds: ["street_shop"], ...(at ?? {}) }), 201);
    const far = await add("沿街商铺远", north(900));
    const near = await add("沿街商铺近", north(40));
    const mid = await add("沿街商铺中", north(300));
    await add("沿街商铺无坐标");
    const res = await expectStatus<Json>(c.admin.client.get(`/v1/venues/nearby?lat=${BASE.lat}&lng=${BASE.lng}&radius=500`), 200);
    expect(res.items.map((v: Json) => v.venueId)).toEqual([near.venueId, mid.venueId]);
    expect(res.items[0]).toMatchObject({ name: "沿街商铺近", nodeId: c.grid1.nodeId });
    expect(Math.abs(res.items[0].distance - 40)).toBeLessThanOrEqual(1);
    expect(Math.abs(res.items[1].distance - 300)).toBeLessThanOrEqual(1);
    const wide = await expectStatus<Json>(c.admin.client.get(`/v1/venues/nearby?lat=${BASE.lat}&lng=${BASE.lng}&radius=2000&limit=2`), 200);
    expect(wide.items.map((v: Json) => v.venueId)).toEqual([near.venueId, mid.venueId]);
    expect(far.venueId).toBeDefined();

    // Another county standing at the same spot sees none of them.
    const other = await county(app);
    expect((await expectStatus<Json>(other.admin.client.get(`/v1/venues/nearby?lat=${BASE.lat}&lng=${BASE.lng}&radius=2000`), 200)).items).toEqual([]);
  });

  it("refuses a point out of range or a missing coordinate with a 400 naming the field", async () => {
    const c = await county(app);
    const bad = await c.admin.client.get(`/v1/venues/nearby?lat=95&lng=121`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("lat");
    const missing = await c.admin.client.get(`/v1/venues/nearby?lat=31`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("lng");
  });
});
