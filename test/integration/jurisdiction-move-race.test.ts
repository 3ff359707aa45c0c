import { beforeAll, describe, expect, it } from "vitest";
import { getPreset } from "@firegov/profiles";
import { tenantDb, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus, everyPage } from "../support/org.ts";
import { addNode } from "../support/tenants.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

// A write that stores a path under a node cannot keep the old path when it
// races a move of that node: it is refused (409 node.moving, retryable) while
// the move is under way, or it lands after the move, at the new path. A move
// interrupted part-way leaves its mark; asking for the same move again
// finishes it, and then the node takes writes again.

const app = testApp(testDb());
const code = getPreset("songjiang")!.hazards.codes[0]?.id ?? "other";
type County = Awaited<ReturnType<typeof county>>;

const all = (c: County, url: string) => everyPage(c.admin.client, url, url.startsWith("/v1/hazards") ? 100 : 200);

const creates = (c: County, i: number) => ({
  venue: () => body(c.admin.client.post("/v1/venues", { name: `并发场所${i}`, nodeId: c.grid1.nodeId, kinds: ["street_shop"] })),
  person: () => body(c.admin.client.post(`/v1/nodes/${c.grid1.nodeId}/people`, { name: `并发人员${i}`, employment: "contracted", roles: ["grid_worker"] })),
  hazard: () =>
    body(
      c.admin.client.post("/v1/hazards", {
        nodeId: c.grid1.nodeId,
        code,
        ...(code === "other" ? { codeText: "电动车楼道充电" } : {}),
        severity: "general",
        description: `楼道堆物 ${i}`,
        source: "grid_patrol",
        photos: [`t/${c.tenantId}/hazards/test/a.jpg`],
      }),
    ),
  node: () => body(c.admin.client.post("/v1/nodes", { parentId: c.village.nodeId, name: `并发网格${i}` })),
});

describe("writes racing a move", () => {
  let c: County;
  let townB: { nodeId: string; path: string };
  beforeAll(async () => {
    c = await county(app);
    townB = await addNode(c.tenantId, c.root, "town", "乙镇");
    // Enough under the village that the move takes several transactions.
    for (let i = 0; i < 6; i++) await Promise.all(Array.from({ length: 10 }, (_, j) => expectStatus(c.admin.client.post("/v1/venues", { name: `已有场所${i * 10 + j}`, nodeId: c.grid2.nodeId, kinds: ["street_shop"] }), 201)));
  });

  it("leaves nothing at the old path: each create is refused while the move is under way, or lands at the new path", async () => {
    const oldVillage = c.village.path;
    const newVillage = `${townB.path}/${c.village.nodeId}`;
    let moving = true;
    const move = (async () => {
      try {
        for (let attempt = 1; ; attempt++) {
          const res = await body<Json>(c.admin.client.post(`/v1/nodes/${c.village.nodeId}/move`, { parentId: townB.nodeId }));
          if (res.status === 200 || attempt >= 5) return res;
        }
      } finally {
        moving = false;
      }
    })();
    const results: { kind: string; status: number; body: Json }[] = [];
    for (let i = 0; moving || i < 4; i++) {
      const batch = Object.entries(creates(c, i)).map(async ([kind, call]) => ({ kind, ...(await call()) }));
      results.push(...(await Promise.all(batch)));
    }
    expect((await move).status).toBe(200);

    for (const r of results) {
      expect([200, 201, 409], JSON.stringify(r.body)).toContain(r.status);
      if (r.status === 409) expect(r.body.code, JSON.stringify(r.body)).toMatch(/^(node\.moving|request\.conflict_retry)$/);
    }
    const landed = results.filter((r) => r.status === 201);
    expect(landed.length).toBeGreaterThan(0);
    const count = (kind: string) => landed.filter((r) => r.kind === kind).length;

    // Nothing anywhere answers at the old place.
    expect(await all(c, `/v1/venues?nodeId=${c.town.nodeId}`)).toEqual([]);
    expect((await all(c, `/v1/nodes/${c.town.nodeId}/subtree/people`)).filter((p) => p.path.startsWith(oldVillage))).toEqual([]);
    expect(await all(c, `/v1/hazards?path=${encodeURIComponent(c.town.path)}`)).toEqual([]);
    expect((await all(c, `/v1/nodes/${c.town.nodeId}/subtree`)).map((n) => n.nodeId)).toEqual([c.town.nodeId]);
    // Everything created, before, during or after the move, is at the new place.
    const venues = await all(c, `/v1/venues?nodeId=${townB.nodeId}`);
    expect(venues.every((v) => v.path.startsWith(`${newVillage}/`))).toBe(true);
    expect(venues.filter((v) => v.name.startsWith("并发场所")).length).toBe(count("venue"));
    const people = await all(c, `/v1/nodes/${townB.nodeId}/subtree/people`);
    expect(people.filter((p) => p.name.startsWith("并发人员") && p.path.startsWith(`${newVillage}/`)).length).toBe(count("person"));
    const hazards = await all(c, `/v1/hazards?path=${encodeURIComponent(townB.path)}`);
    expect(hazards.length).toBe(count("hazard"));
    expect(hazards.every((h) => h.path.startsWith(`${newVillage}/`))).toBe(true);
    const nodes = await all(c, `/v1/nodes/${townB.nodeId}/subtree`);
    expect(nodes.filter((n) => n.name.startsWith("并发网格") && n.path.startsWith(`${newVillage}/`)).length).toBe(count("node"));
    console.info(`raced a move: ${results.length} creates, ${landed.length} landed, ${results.filter((r) => r.status === 409).length} refused`);
  });

  it("an interrupted move refuses writes under it and other moves, and asking for it again finishes it", async () => {
    const d = await county(app);
    const townC = await addNode(d.tenantId, d.root, "town", "丙镇");
    const venue = await expectStatus<Json>(d.admin.client.post("/v1/venues", { name: "中断场所", nodeId: d.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const newVillage = `${townC.path}/${d.village.nodeId}`;
    // As a move that crashed after its mark and its first batch: the mark set, one venue already at the new path.
    await withActor({ type: "system", tenantId: d.tenantId, job: "test-fixture" }, async () => {
      const { node, venue: venues } = tenantDb().service.entities;
      await node.patch({ tenantId: d.tenantId, nodeId: d.village.nodeId }).set({ moving: townC.nodeId }).go();
      await venues.patch({ tenantId: d.tenantId, venueId: venue.venueId }).set({ path: `${newVillage}${venue.path.slice(d.village.path.length)}`, version: venue.version + 1 }).go();
    });

    const refused = await body<Json>(d.admin.client.post("/v1/venues", { name: "等待场所", nodeId: d.grid1.nodeId, kinds: ["street_shop"] }));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("node.moving");
    expect(refused.body.detail).toMatch(/正在调整/);
    expect((await body<Json>(d.admin.client.post(`/v1/nodes/${d.grid1.nodeId}/people`, { name: "等待人员", employment: "contracted", roles: ["grid_worker"] }))).status).toBe(409);
    expect((await body<Json>(d.admin.client.post("/v1/nodes", { parentId: d.village.nodeId, name: "等待网格" }))).body.code).toBe("node.moving");
    const other = await body<Json>(d.admin.client.post(`/v1/nodes/${d.village.nodeId}/move`, { parentId: d.town.nodeId }));
    expect(other.status).toBe(409);
    expect(other.body.code).toBe("node.moving");

    const finished = await expectStatus<Json>(d.admin.client.post(`/v1/nodes/${d.village.nodeId}/move`, { parentId: townC.nodeId }), 200);
    expect(finished.path).toBe(newVillage);
    expect((await expectStatus<Json>(d.admin.client.get(`/v1/nodes/${d.grid1.nodeId}`), 200)).path).toBe(`${newVillage}/${d.grid1.nodeId}`);
    expect((await expectStatus<Json>(d.admin.client.get(`/v1/venues/${venue.venueId}`), 200)).path).toBe(`${newVillage}/${d.grid1.nodeId}`);
    const after = await expectStatus<Json>(d.admin.client.post("/v1/venues", { name: "等待场所", nodeId: d.grid1.nodeId, kinds: ["street_shop"] }), 201);
    expect(after.path).toBe(`${newVillage}/${d.grid1.nodeId}`);
  });
});
