import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

// Removing a node's boundary from the one map (一张图, songjiang 八(三)): the admin's own subtree only,
// never another tenant's, audited, and a retried removal is harmless.

const app = testApp(testDb());
type County = Awaited<ReturnType<typeof county>>;

const send = (method: "PUT" | "DELETE", token: string, path: string, payload?: unknown) =>
  app.request(path, { method, headers: { "content-type": "application/json", "accept-language": "zh-CN", authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) });
const square = (lng: number, lat: number, d = 0.05) => ({ type: "Polygon", coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]] });

describe("songjiang 八(三): an admin removes a node's boundary from the one map", () => {
  let c: County;
  let other: County;
  beforeAll(async () => {
    [c, other] = [await county(app), await county(app)];
  }, 120_000);

  it("removes the boundary (then the map draws the node without it), audits it, and a second removal answers removed: false", async () => {
    const url = `/v1/nodes/${c.town.nodeId}/boundary`;
    const set = await expectStatus<Json>(send("PUT", c.admin.token, url, square(121.2, 31.0)), 200);
    await expectStatus(send("PUT", c.admin.token, `/v1/nodes/${c.village.nodeId}/boundary`, square(121.21, 31.01, 0.01)), 200);
    const before = await expectStatus<Json>(c.admin.client.get(`/v1/map/boundaries?nodeId=${c.town.nodeId}`), 200);
    expect(before.features.map((f: Json) => [f.id, f.properties.uploadedAt])).toEqual([[c.town.nodeId, set.uploadedAt], [c.village.nodeId, expect.any(String)]]);

    expect(await expectStatus<Json>(send("DELETE", c.admin.token, url), 200)).toEqual({ nodeId: c.town.nodeId, removed: true });
    const after = await expectStatus<Json>(c.admin.client.get(`/v1/map/boundaries?nodeId=${c.town.nodeId}`), 200);
    expect(after.features.map((f: Json) => f.id)).toEqual([c.village.nodeId]);
    expect(await expectStatus<Json>(send("DELETE", c.admin.token, url), 200)).toEqual({ nodeId: c.town.nodeId, removed: false });

    const window = `from=${new Date(Date.now() - 120_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const audit = await expectStatus<{ items: { action: string; targetId: string; details: Record<string, unknown> }[] }>(c.admin.client.get(`/v1/audit?${window}`), 200);
    const removals = audit.items.filter((a) => a.action === "node.boundary_removed");
    expect(removals.map((a) => a.targetId)).toEqual([c.town.nodeId]);
    expect(removals[0]!.details).toMatchObject({ positions: 5, uploadedAt: set.uploadedAt });
  });

  it("is refused for another tenant's node (404) and outside a user's right to manage nodes (403), and the boundary stays", async () => {
    const url = `/v1/nodes/${c.village.nodeId}/boundary`;
    expect((await body(send("DELETE", other.admin.token, url))).status).toBe(404);
    const worker = await body(send("DELETE", c.worker1.token, `/v1/nodes/${c.grid1.nodeId}/boundary`));
    expect(worker.status).toBe(403);
    expect((await body(send("DELETE", c.viewer.token, url))).status).toBe(403);
    const still = await expectStatus<Json>(c.admin.client.get(`/v1/map/boundaries?nodeId=${c.village.nodeId}`), 200);
    expect(still.features.map((f: Json) => f.id)).toEqual([c.village.nodeId]);
  });
});
