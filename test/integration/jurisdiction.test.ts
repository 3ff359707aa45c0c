import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, addPerson, expectStatus, type NodeRef } from "../support/org.ts";
import { adminOf, logIn, userAt, USER_PASSWORD } from "../support/tenants.ts";

type Admin = Awaited<ReturnType<typeof adminOf>>;

describe("jurisdiction tree (a county → township → village → grid profile)", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let root: string;
  let townA: NodeRef;
  let townB: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    root = admin.tenant.rootNodeId;
    townA = await addChild(admin.client, root, "甲镇");
    townB = await addChild(admin.client, root, "乙镇");
  });

  it("creates a child at the level below its parent's in the profile, with the level's only unit", async () => {
    expect(townA).toMatchObject({ level: "town", unit: "乡镇", name: "甲镇", parentId: root, path: `/${root}/${townA.nodeId}`, status: "active" });
    const village = await addChild(admin.client, townA.nodeId, "甲一村", { unit: "行政村" });
    expect(village).toMatchObject({ level: "village", unit: "行政村", path: `${townA.path}/${village.nodeId}` });
    expect(await expectStatus(admin.client.get(`/v1/nodes/${townA.nodeId}`), 200)).toMatchObject({ activeChildren: 1 });
  });

  it("refuses a child below the profile's lowest level, a missing name and a unit the level does not have", async () => {
    const village = await addChild(admin.client, townA.nodeId, "甲二村");
    const grid = await addChild(admin.client, village.nodeId, "一网格");
    expect(grid.level).toBe("grid");
    const below = await expectStatus<{ errors: { path: string }[] }>(admin.client.post("/v1/nodes", { parentId: grid.nodeId, name: "更低" }), 400);
    expect(below.errors.map((e) => e.path)).toEqual(["body.parentId"]);
    const unnamed = await expectStatus<{ errors: { path: string; message: string }[] }>(admin.client.post("/v1/nodes", { parentId: townA.nodeId, name: " " }), 400);
    expect(unnamed.errors[0]).toMatchObject({ path: "body.name", message: "请填写名称" });
    const unit = await expectStatus<{ errors: { path: string }[] }>(admin.client.post("/v1/nodes", { parentId: townA.nodeId, name: "丙村", unit: "园区" }), 400);
    expect(unit.errors.map((e) => e.path)).toEqual(["body.unit"]);
  });

  it("renames a node", async () => {
    const village = await addChild(admin.client, townB.nodeId, "旧名村");
    const renamed = await expectStatus(admin.client.patch(`/v1/nodes/${village.nodeId}`, { name: "新名村" }), 200);
    expect(renamed).toMatchObject({ nodeId: village.nodeId, name: "新名村", path: village.path });
  });

  it("moves a village to another town: it keeps its id, people and records; paths, subtree lists and user scopes follow", async () => {
    const village = await addChild(admin.client, townA.nodeId, "搬迁村");
    const grid = await addChild(admin.client, village.nodeId, "搬迁网格");
    const person = await addPerson(admin.client, grid.nodeId, { name: "网格员甲", roles: ["grid_worker"] });
    const record = await expectStatus<{ recordId: string }>(admin.client.post(`/v1/nodes/${village.nodeId}/records`, { kind: "drill", date: "2024-05-01", drillType: "火灾逃生" }), 201);
    const manager = await userAt(app, admin.client, admin.tenant.tenantId, "move.manager", "village_manager", village.nodeId);

    const moved = await expectStatus<NodeRef>(admin.client.post(`/v1/nodes/${village.nodeId}/move`, { parentId: townB.nodeId }), 200);
    expect(moved).toMatchObject({ nodeId: village.nodeId, parentId: townB.nodeId, path: `${townB.path}/${village.nodeId}` });

    const underB = await expectStatus<{ items: NodeRef[] }>(admin.client.get(`/v1/nodes/${townB.nodeId}/subtree`), 200);
    expect(underB.items.map((n) => n.nodeId)).toEqual(expect.arrayContaining([village.nodeId, grid.nodeId]));
    expect(underB.items.find((n) => n.nodeId === grid.nodeId)?.path).toBe(`${townB.path}/${village.nodeId}/${grid.nodeId}`);
    const underA = await expectStatus<{ items: NodeRef[] }>(admin.client.get(`/v1/nodes/${townA.nodeId}/subtree`), 200);
    expect(underA.items.map((n) => n.nodeId)).not.toContain(village.nodeId);
    expect(underA.items.map((n) => n.nodeId)).not.toContain(grid.nodeId);

    const peopleB = await expectStatus<{ items: { personId: string; path: string }[] }>(admin.client.get(`/v1/nodes/${townB.nodeId}/subtree/people`), 200);
    expect(peopleB.items).toContainEqual(expect.objectContaining({ personId: person.personId, path: `${townB.path}/${village.nodeId}/${grid.nodeId}` }));
    const peopleA = await expectStatus<{ items: { personId: string }[] }>(admin.client.get(`/v1/nodes/${townA.nodeId}/subtree/people`), 200);
    expect(peopleA.items.map((p) => p.personId)).not.toContain(person.personId);
    expect(await expectStatus(admin.client.get(`/v1/nodes/${village.nodeId}/records/${record.recordId}`), 200)).toMatchObject({ recordId: record.recordId });

    const user = await expectStatus<{ scopePath: string }>(admin.client.get(`/v1/users/${manager.userId}`), 200);
    expect(user.scopePath).toBe(moved.path);
    const again = await logIn(app, admin.tenant.tenantId, "move.manager", USER_PASSWORD);
    expect(again.res.status).toBe(200);
    const seen = await expectStatus<{ items: { nodeId: string }[] }>(app.request(`/v1/nodes/${grid.nodeId}/people`, { headers: { authorization: `Bearer ${again.body.accessToken}` } }), 200);
    expect(seen.items.map((p) => p.nodeId)).toEqual([grid.nodeId]);

    expect(await expectStatus(admin.client.get(`/v1/nodes/${townA.nodeId}`), 200)).toMatchObject({ activeChildren: 2 });
  });

  it("refuses a move under a parent of the wrong level, or under the node's own subtree", async () => {
    const village = await addChild(admin.client, townA.nodeId, "不动村");
    const other = await addChild(admin.client, townA.nodeId, "邻村");
    const grid = await addChild(admin.client, village.nodeId, "不动网格");
    const wrongLevel = await expectStatus<{ errors: { path: string; message: string }[] }>(admin.client.post(`/v1/nodes/${village.nodeId}/move`, { parentId: other.nodeId }), 400);
    expect(wrongLevel.errors[0]).toMatchObject({ path: "body.parentId" });
    const cycle = await expectStatus<{ errors: { path: string }[] }>(admin.client.post(`/v1/nodes/${townA.nodeId}/move`, { parentId: grid.nodeId }), 400);
    expect(cycle.errors.map((e) => e.path)).toEqual(["body.parentId"]);
  });

  it("retires a node only once it has no active children, and never hard-deletes it", async () => {
    const town = await addChild(admin.client, root, "撤并镇");
    const village = await addChild(admin.client, town.nodeId, "撤并村");
    const refused = await expectStatus<{ code: string }>(admin.client.post(`/v1/nodes/${town.nodeId}/retire`), 409);
    expect(refused.code).toBe("node.has_active_children");
    expect(await expectStatus(admin.client.post(`/v1/nodes/${village.nodeId}/retire`), 200)).toMatchObject({ status: "retired" });
    expect(await expectStatus(admin.client.post(`/v1/nodes/${town.nodeId}/retire`), 200)).toMatchObject({ status: "retired", activeChildren: 0 });
    expect(await expectStatus(admin.client.get(`/v1/nodes/${village.nodeId}`), 200)).toMatchObject({ status: "retired", name: "撤并村" });
    await expectStatus(admin.client.post("/v1/nodes", { parentId: town.nodeId, name: "新村" }), 404);
  });

  it("lists a subtree in path order, the node first, in one page", async () => {
    const list = await expectStatus<{ items: NodeRef[] }>(admin.client.get(`/v1/nodes/${townA.nodeId}/subtree?limit=500`), 200);
    expect(list.items[0]!.nodeId).toBe(townA.nodeId);
    const paths = list.items.map((n) => n.path);
    expect(paths).toEqual([...paths].sort());
    for (const path of paths) expect(path.startsWith(townA.path)).toBe(true);
  });

  describe("roles", () => {
    let officer: Awaited<ReturnType<typeof userAt>>;
    let grid: Awaited<ReturnType<typeof userAt>>;
    let villageOfA: NodeRef;

    beforeAll(async () => {
      officer = await userAt(app, admin.client, admin.tenant.tenantId, "tree.officer", "town_officer", townA.nodeId);
      villageOfA = await addChild(admin.client, townA.nodeId, "角色村");
      grid = await userAt(app, admin.client, admin.tenant.tenantId, "tree.grid", "grid_worker", villageOfA.nodeId);
    });

    it("a grid worker cannot edit the tree", async () => {
      await expectStatus(grid.client.post("/v1/nodes", { parentId: villageOfA.nodeId, name: "网格甲" }), 403);
      await expectStatus(grid.client.patch(`/v1/nodes/${villageOfA.nodeId}`, { name: "改名" }), 403);
      await expectStatus(grid.client.post(`/v1/nodes/${villageOfA.nodeId}/retire`), 403);
      await expectStatus(grid.client.post(`/v1/nodes/${villageOfA.nodeId}/move`, { parentId: townB.nodeId }), 403);
      await expectStatus(grid.client.get(`/v1/nodes/${villageOfA.nodeId}/subtree`), 200);
    });

    it("a town officer edits their own town's subtree and nothing outside it", async () => {
      const mine = await addChild(officer.client, townA.nodeId, "官建村");
      await expectStatus(officer.client.patch(`/v1/nodes/${mine.nodeId}`, { name: "官建二村" }), 200);
      await expectStatus(officer.client.post("/v1/nodes", { parentId: townB.nodeId, name: "越界村" }), 403);
      const inB = await addChild(admin.client, townB.nodeId, "乙镇村");
      await expectStatus(officer.client.patch(`/v1/nodes/${inB.nodeId}`, { name: "越界" }), 403);
      await expectStatus(officer.client.post(`/v1/nodes/${mine.nodeId}/move`, { parentId: townB.nodeId }), 403);
      await expectStatus(officer.client.get(`/v1/nodes/${townB.nodeId}/subtree`), 403);
      const own = await expectStatus<{ code: string }>(officer.client.post(`/v1/nodes/${townA.nodeId}/retire`), 403);
      expect(own.code).toBe("node.own_scope");
    });
  });
});

describe("town tiers (a profile with tiered staffing)", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
    const county = await addChild(admin.client, admin.tenant.rootNodeId, "某县");
    town = await addChild(admin.client, county.nodeId, "某镇", { tier: "developed" });
  });

  it("sets, changes and clears a town's tier from the profile's tiers", async () => {
    expect(town.level).toBe("town");
    expect(town).toMatchObject({ tier: "developed" });
    expect(await expectStatus(admin.client.patch(`/v1/nodes/${town.nodeId}`, { tier: "other" }), 200)).toMatchObject({ tier: "other" });
    const cleared = await expectStatus<Record<string, unknown>>(admin.client.patch(`/v1/nodes/${town.nodeId}`, { tier: null }), 200);
    expect(cleared.tier).toBeUndefined();
  });

  it("refuses a tier the profile does not have, and a tier on a village", async () => {
    const unknown = await expectStatus<{ errors: { path: string; message: string }[] }>(admin.client.patch(`/v1/nodes/${town.nodeId}`, { tier: "huge" }), 400);
    expect(unknown.errors[0]!.path).toBe("body.tier");
    const village = await addChild(admin.client, town.nodeId, "某村");
    await expectStatus(admin.client.patch(`/v1/nodes/${village.nodeId}`, { tier: "other" }), 400);
  });

  it("keeps tiers with the county: a town officer cannot set their town's", async () => {
    const officer = await userAt(app, admin.client, admin.tenant.tenantId, "tier.officer", "town_officer", town.nodeId);
    await expectStatus(officer.client.patch(`/v1/nodes/${town.nodeId}`, { tier: "other" }), 403);
    await expectStatus(officer.client.patch(`/v1/nodes/${town.nodeId}`, { name: "某镇（改）" }), 200);
  });
});

describe("lianyungang 四(一): 县区 and 乡镇（街道）levels, where 园区 follow the town's rules", () => {
  const app = testApp(testDb());

  it("takes a 园区 as a unit of the town level under a 县区, and refuses a unit the level does not list", async () => {
    const admin = await adminOf(app, "lianyungang");
    const county = await addChild(admin.client, admin.tenant.rootNodeId, "海州区", { unit: "区" });
    expect(county).toMatchObject({ level: "county", unit: "区" });
    const park = await addChild(admin.client, county.nodeId, "经济技术开发区", { unit: "园区" });
    expect(park).toMatchObject({ level: "town", unit: "园区" });
    const wrong = await expectStatus<{ errors: { path: string; code: string }[] }>(admin.client.post("/v1/nodes", { parentId: county.nodeId, name: "某村", unit: "行政村" }), 400);
    expect(wrong.errors).toMatchObject([{ path: "body.unit", code: "node.unit_unknown" }]);
  });
});
