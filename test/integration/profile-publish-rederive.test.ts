import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { county, type Json } from "./venues-fixtures.ts";

describe("publishing a profile re-derives existing venues", () => {
  it("counts the venues the draft would reclassify, then on publish moves them to the new categories and their tasks follow, without editing them", async () => {
    const app = testApp(testDb());
    const c = await county(app);
    const shop = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "人民路便利店", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const rental = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "自建出租房", nodeId: c.grid1.nodeId, kinds: ["self_built_rental"] }), 201);
    expect(shop.categories).toEqual(["street"]);
    const tasksOf = async (venueId: string) =>
      ((await expectStatus<Json>(c.admin.client.get("/v1/inspection-tasks?limit=200"), 200)).items as Json[]).filter((t) => t.venueId === venueId && t.state === "open").map((t) => t.category).sort();
    expect(await tasksOf(shop.venueId)).toEqual(["street"]);

    // The draft moves 沿街商铺 into the residential category.
    const draft = await expectStatus<{ rev: number; profile: Json }>(c.admin.client.get("/v1/profile/draft"), 200);
    draft.profile.venues.kinds.find((k: Json) => k.id === "street_shop").category = "residential";
    const saved = await app.request("/v1/profile/draft", {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${c.admin.token}` },
      body: JSON.stringify({ profile: draft.profile, rev: draft.rev }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);

    // The confirmation's figure: one of the two active venues would change; nothing is written yet.
    expect(await expectStatus(c.admin.client.get("/v1/profile/draft/venue-impact"), 200)).toEqual({ checked: 2, changed: 1 });
    expect((await expectStatus<Json>(c.admin.client.get(`/v1/venues/${shop.venueId}`), 200)).categories).toEqual(["street"]);
    expect((await c.worker1.client.get("/v1/profile/draft/venue-impact")).status).toBe(403);

    await expectStatus<Json>(c.admin.client.post("/v1/profile/publish", { note: "沿街商铺并入居住类" }), 201);

    const after = await expectStatus<Json>(c.admin.client.get(`/v1/venues/${shop.venueId}`), 200);
    expect(after).toMatchObject({ categories: ["residential"], profileVersion: 2, version: 2 });
    expect((await expectStatus<Json>(c.admin.client.get(`/v1/venues/${rental.venueId}`), 200)).version).toBe(1);
    const history = await expectStatus<Json>(c.admin.client.get(`/v1/venues/${shop.venueId}/history`), 200);
    expect(history.items.at(-1)).toMatchObject({ action: "reclassify", before: { categories: ["street"] }, after: { categories: ["residential"] } });
    expect(await tasksOf(shop.venueId)).toEqual(["residential"]);
    // Nothing left to re-derive: the impact of the (now published) draft is none.
    expect(await expectStatus(c.admin.client.get("/v1/profile/draft/venue-impact"), 200)).toEqual({ checked: 2, changed: 0 });
  });
});
