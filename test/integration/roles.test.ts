import { beforeAll, describe, expect, it } from "vitest";
import { Access } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addNode, adminOf, as, userAt } from "../support/tenants.ts";

type Role = Access.Role;

/**
 * Each role against each action, written out by hand (not derived from the
 * policy table, so a change to the table shows up here), plus the subtree rule:
 * a town officer acts in their own town and nowhere else.
 */
describe("role matrix", () => {
  const app = testApp(testDb());
  const clients = {} as Record<Role, ReturnType<typeof as>>;
  let tenantId: string;
  let root: { nodeId: string; path: string };
  let townA: { nodeId: string; path: string };
  let townB: { nodeId: string; path: string };
  let villageA1: { nodeId: string; path: string };
  let userInTownB: string;
  let userInVillageA1: string;
  let counter = 0;

  beforeAll(async () => {
    const admin = await adminOf(app);
    tenantId = admin.tenant.tenantId;
    clients.tenant_admin = admin.client;
    root = { nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` };
    townA = await addNode(tenantId, root, "town", "甲镇");
    townB = await addNode(tenantId, root, "town", "乙镇");
    villageA1 = await addNode(tenantId, townA, "village", "甲一村");
    const at: Record<Exclude<Role, "tenant_admin">, string> = {
      town_officer: townA.nodeId,
      village_manager: villageA1.nodeId,
      grid_worker: villageA1.nodeId,
      brigade_member: townA.nodeId,
      department_liaison: root.nodeId,
      viewer: root.nodeId,
    };
    for (const [role, node] of Object.entries(at)) {
      clients[role as Role] = (await userAt(app, admin.client, tenantId, role.replace(/_/g, "-"), role, node)).client;
    }
    userInTownB = (await userAt(app, admin.client, tenantId, "b.grid", "grid_worker", townB.nodeId)).userId;
    userInVillageA1 = (await userAt(app, admin.client, tenantId, "a1.grid", "grid_worker", villageA1.nodeId)).userId;
  }, 60_000);

  const newUser = (role: string, scopeNodeId: string) => ({ username: `new${++counter}`, displayName: "新用户", role, scopeNodeId, password: "Fresh-start-99" });

  const actions: Record<string, { run: (c: ReturnType<typeof as>) => Response | Promise<Response>; allowed: Role[]; denied: number }> = {
    "list users": { run: (c) => c.get("/v1/users"), allowed: ["tenant_admin", "town_officer", "village_manager"], denied: 403 },
    "create a grid worker in village A1": { run: (c) => c.post("/v1/users", newUser("grid_worker", villageA1.nodeId)), allowed: ["tenant_admin", "town_officer"], denied: 403 },
    "edit a user in village A1": { run: (c) => c.patch(`/v1/users/${userInVillageA1}`, { displayName: `改${++counter}` }), allowed: ["tenant_admin", "town_officer"], denied: 403 },
    "read the audit log": { run: (c) => c.get("/v1/audit?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"), allowed: ["tenant_admin"], denied: 403 },
    "read the tree": { run: (c) => c.get("/v1/nodes"), allowed: Access.roles.slice(), denied: 403 },
    "read who I am": { run: (c) => c.get("/v1/me"), allowed: Access.roles.slice(), denied: 403 },
    "list campaigns": { run: (c) => c.get("/v1/campaigns"), allowed: Access.roles.slice(), denied: 403 },
    "list IoT devices": { run: (c) => c.get("/v1/iot/devices"), allowed: ["tenant_admin", "town_officer", "village_manager"], denied: 403 },
    "issue an IoT integrator's key": { run: (c) => c.post("/v1/iot/integrator-keys", { integrator: `acme${++counter}` }), allowed: ["tenant_admin"], denied: 403 },
    "set up a campaign in town A": {
      run: (c) => c.post("/v1/campaigns", { name: { zh: `专项${++counter}` }, startDate: "2099-01-01", endDate: "2099-01-10", areaNodeId: townA.nodeId, target: { kinds: ["street_shop"] }, custom: [{ name: { zh: "疏散通道" }, hazardCode: "other" }] }),
      allowed: ["tenant_admin", "town_officer"],
      denied: 403,
    },
  };

  for (const [action, spec] of Object.entries(actions)) {
    it.each(Access.roles)(`${action}: %s`, async (role) => {
      const res = await spec.run(clients[role]);
      const expected = spec.allowed.includes(role) ? [200, 201] : [spec.denied];
      expect(expected, `${role} → ${res.status} ${res.status >= 400 ? await res.text() : ""}`).toContain(res.status);
    });
  }

  it("keeps a town officer inside their town: no creating, reading or editing in another town", async () => {
    const officer = clients.town_officer;
    expect((await officer.post("/v1/users", newUser("grid_worker", townB.nodeId))).status).toBe(403);
    expect((await officer.get(`/v1/users/${userInTownB}`)).status).toBe(403);
    expect((await officer.patch(`/v1/users/${userInTownB}`, { displayName: "x" })).status).toBe(403);
    expect((await officer.post(`/v1/users/${userInTownB}/status`, { status: "disabled" })).status).toBe(403);
    const listed = (await (await officer.get("/v1/users?limit=100")).json()).items.map((u: { userId: string; scopePath: string }) => u.scopePath);
    expect(listed.length).toBeGreaterThan(0);
    for (const path of listed) expect(path.startsWith(townA.path)).toBe(true);
  });

  it("lets a town officer hand out only roles below the county admin", async () => {
    const res = await clients.town_officer.post("/v1/users", newUser("tenant_admin", townA.nodeId));
    expect(res.status).toBe(403);
    const problem = await res.json();
    expect(problem.code).toBe("user.role_not_assignable");
    expect(problem.detail).toBe("您不能授予“县级管理员”角色。");
  });

  it("does not let an admin demote or move themselves, so a county always keeps its admin", async () => {
    const me = await (await clients.tenant_admin.get("/v1/me")).json();
    const demote = await clients.tenant_admin.patch(`/v1/users/${me.user.userId}`, { role: "viewer" });
    expect(demote.status).toBe(403);
    expect((await demote.json()).code).toBe("user.cannot_change_own_access");
    expect((await clients.tenant_admin.patch(`/v1/users/${me.user.userId}`, { scopeNodeId: townA.nodeId })).status).toBe(403);
    expect((await clients.tenant_admin.patch(`/v1/users/${me.user.userId}`, { displayName: "新名字" })).status).toBe(200);
  });

  it("shows phone numbers only to those who manage users", async () => {
    expect((await clients.tenant_admin.patch(`/v1/users/${userInVillageA1}`, { phone: "13912345678" })).status).toBe(200);
    const seenByManager = await (await clients.village_manager.get(`/v1/users/${userInVillageA1}`)).json();
    expect(seenByManager.displayName).toBeDefined();
    expect(seenByManager.phone).toBeUndefined();
    const seenByOfficer = await (await clients.town_officer.get(`/v1/users/${userInVillageA1}`)).json();
    expect(seenByOfficer.phone).toBe("13912345678");
  });
});
