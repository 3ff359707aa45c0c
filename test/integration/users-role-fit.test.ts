import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild } from "../support/org.ts";
import { adminOf, USER_PASSWORD } from "../support/tenants.ts";

describe("a role that does not fit its node's level", () => {
  it("is saved with a warning naming the scope field (a grid worker at a town), and without one where it fits", async () => {
    const app = testApp(testDb());
    const { tenant, client: admin } = await adminOf(app);
    const town = await addChild(admin, tenant.rootNodeId, "甲镇");
    const village = await addChild(admin, town.nodeId, "甲一村");
    const grid = await addChild(admin, village.nodeId, "第一网格");

    const atTown = await admin.post("/v1/users", { username: "grid.at.town", displayName: "王网格", role: "grid_worker", scopeNodeId: town.nodeId, password: USER_PASSWORD });
    expect(atTown.status).toBe(201);
    const mismatched = await atTown.json();
    expect(mismatched.warnings).toHaveLength(1);
    expect(mismatched.warnings[0]).toMatchObject({ code: "user.role_level_mismatch", field: "body.scopeNodeId" });
    expect(mismatched.warnings[0].message.zh).toMatch(/^网格员通常设在网格级节点/);
    expect(mismatched.warnings[0].message.en).toMatch(/grid worker/);

    const atGrid = await admin.post("/v1/users", { username: "grid.at.grid", displayName: "李网格", role: "grid_worker", scopeNodeId: grid.nodeId, password: USER_PASSWORD });
    expect(atGrid.status).toBe(201);
    const fitting = await atGrid.json();
    expect(fitting.warnings).toBeUndefined();

    // Moving the fitting one to the town, or giving them a town role at the grid, warns as well; the change is saved.
    const moved = await (await admin.patch(`/v1/users/${fitting.userId}`, { role: "town_officer" })).json();
    expect(moved.role).toBe("town_officer");
    expect(moved.warnings?.[0]?.message.zh).toMatch(/^镇街消防办人员通常设在街镇（经开区）级节点/);
    const fixed = await (await admin.patch(`/v1/users/${fitting.userId}`, { scopeNodeId: town.nodeId })).json();
    expect(fixed.warnings).toBeUndefined();
    // A plain read never carries one.
    expect((await (await admin.get(`/v1/users/${mismatched.userId}`)).json()).warnings).toBeUndefined();
  });
});
