import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { county, type Json } from "./venues-fixtures.ts";

// An inspection keeps where the inspector stood (WGS-84, the phone's GPS), as
// evidence of the visit (issue 16, Build 4); both coordinates or neither.

const app = testApp(testDb());

describe("an inspection's position", { timeout: 120_000 }, () => {
  it("is stored with the inspection when given, and refused when only half is given", async () => {
    const c = await county(app);
    const venue = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "沿街商铺甲", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const checklist = await expectStatus<{ items: { category: string; itemId: string }[] }>(c.worker1.client.get(`/v1/venues/${venue.venueId}/checklist`), 200);
    const items = checklist.items.map((i) => ({ category: i.category, itemId: i.itemId, result: "pass" }));

    const half = await c.worker1.client.post(`/v1/venues/${venue.venueId}/inspections`, { items, lat: 31.01 });
    expect(half.status).toBe(400);
    expect(await half.text()).toContain("body.lng");

    const done = await expectStatus<Json>(c.worker1.client.post(`/v1/venues/${venue.venueId}/inspections`, { items, lat: 31.01, lng: 121.21 }), 201);
    expect(done).toMatchObject({ lat: 31.01, lng: 121.21 });
    const read = await expectStatus<Json>(c.worker1.client.get(`/v1/venues/${venue.venueId}/inspections/${done.inspectionId}`), 200);
    expect(read).toMatchObject({ lat: 31.01, lng: 121.21 });
  });
});
