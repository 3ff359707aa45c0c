import { beforeAll, describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, expectStatus, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";
import { county, type Json } from "./venues-fixtures.ts";

// Figures an officer opens are current without anyone pressing "recompute".
const app = testApp(testDb());

type Rollup = { items: { nodeId: string; evaluatedAt: string; nodesEvaluated: number }[] };

describe("the town roll-up is computed on open", () => {
  let admin: Awaited<ReturnType<typeof adminOf>>;
  let countyNode: NodeRef;
  let townA: NodeRef;
  let townB: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
    countyNode = await addChild(admin.client, admin.tenant.rootNodeId, "某县");
    townA = await addChild(admin.client, countyNode.nodeId, "甲镇", { tier: "other" });
    townB = await addChild(admin.client, countyNode.nodeId, "乙镇", { tier: "developed" });
    await addChild(admin.client, townA.nodeId, "甲一村");
  });

  it("the first open of a never-computed roll-up shows every town, counted just now; a grid worker may open it", async () => {
    const grid = await userAt(app, admin.client, admin.tenant.tenantId, "cf-grid", "grid_worker", countyNode.nodeId);
    const before = Date.now();
    const first = await expectStatus<Rollup>(grid.client.get(`/v1/compliance/rollup?nodeId=${countyNode.nodeId}`), 200);
    expect(first.items.map((r) => r.nodeId).sort()).toEqual([townA.nodeId, townB.nodeId].sort());
    expect(first.items.find((r) => r.nodeId === townA.nodeId)!.nodesEvaluated).toBe(2);
    for (const row of first.items) expect(Date.parse(row.evaluatedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("a second open within the hour reads the same counts and does not recompute", async () => {
    const first = await expectStatus<Rollup>(admin.client.get(`/v1/compliance/rollup?nodeId=${countyNode.nodeId}`), 200);
    const again = await expectStatus<Rollup>(admin.client.get(`/v1/compliance/rollup?nodeId=${countyNode.nodeId}`), 200);
    expect(again.items.map((r) => r.evaluatedAt)).toEqual(first.items.map((r) => r.evaluatedAt));
  });

  it("two opens at once of a stale roll-up run one recompute between them", async () => {
    const stale = await adminOf(app, "yancheng");
    const c2 = await addChild(stale.client, stale.tenant.rootNodeId, "另县");
    await addChild(stale.client, c2.nodeId, "丙镇", { tier: "other" });
    const [a, b] = await Promise.all([0, 1].map(() => expectStatus<Rollup>(stale.client.get(`/v1/compliance/rollup?nodeId=${c2.nodeId}`), 200)));
    expect(a!.items).toHaveLength(1);
    expect(b!.items.map((r) => r.evaluatedAt)).toEqual(a!.items.map((r) => r.evaluatedAt));
    // One audit entry for the one recompute, marked as started by opening the page.
    const range = `from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
    const audit = await expectStatus<{ items: Json[] }>(stale.client.get(`/v1/audit?${range}&action=compliance.refresh`), 200);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]!.details).toMatchObject({ auto: true });
  });
});

describe("coverage after one inspection", () => {
  const profile = getPreset("songjiang")!;
  it("reads not empty at the venue's grid and up the tree, without pressing anything", async () => {
    const c = await county(app);
    const shop = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "沿街商铺丙", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    const items = Inspections.checklistFor(profile, ["street"]).map((e) => ({ category: e.category, itemId: e.itemId, result: "pass" }));
    // Street venues are the town's patrol staff's to cover (songjiang 六(一)2).
    const officer = await userAt(app, c.admin.client, c.tenantId, "cf-town-officer", "town_officer", c.town.nodeId);
    await expectStatus(officer.client.post(`/v1/venues/${shop.venueId}/inspections`, { items }), 201);
    for (const node of [c.grid1, c.village, c.town, c.root]) {
      const cov = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage/nodes/${node.nodeId}`), 200);
      expect(cov.items.find((r) => r.category === "street"), node.nodeId).toMatchObject({ due: 1, inspected: 1, percent: 100 });
    }
  }, 60_000);
});
