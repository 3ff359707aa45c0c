import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import UsersPage from "../../web/src/pages/users/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { version1 } from "./profile-fixture.ts";

// A grid worker fits the profile's grid-like level: the county here has one (网格) below its towns.
const gridLevel = { id: "grid", name: { zh: "网格", en: "Grid" }, units: ["网格"], sourceRef: "xinhe 三", text: "村（社区）划分网格" };
const withGrid = { ...version1, profile: { ...version1.profile, levels: [...version1.profile.levels, gridLevel] } };

const root = { nodeId: admin.scopeNodeId, path: admin.scopePath, level: "county", name: "平川县", status: "active" };
const town = { nodeId: "n-town", parentId: root.nodeId, path: `${root.path}/n-town`, level: "town", name: "甲镇", status: "active" };
const grid = { nodeId: "n-grid", parentId: town.nodeId, path: `${town.path}/n-grid`, level: "grid", name: "第一网格", status: "active" };
const warning = { code: "user.role_level_mismatch", field: "body.scopeNodeId", message: { zh: "网格员通常设在网格级节点，所选节点是镇街级。", en: "A grid worker is usually scoped to a grid node." } };
const worker: User = { ...admin, userId: "u-w", username: "wang.grid", displayName: "王网格", role: "grid_worker", scopeNodeId: town.nodeId, scopePath: town.path, warnings: [warning] } as User;

afterEach(resetSession);

describe("a role that does not fit the chosen node's level", () => {
  it("is warned about while choosing (grid worker at a town, not at a grid), allowed, and the saved user's warning is shown", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: admin })) });
    await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withGrid),
      "GET /v1/nodes": () => json(200, { items: [root, town, grid], cursor: null }),
      "GET /v1/users": () => json(200, { items: [admin], cursor: null }),
      "POST /v1/users": () => json(201, worker),
    });
    renderAt("/users", () => <Route path="/users" component={UsersPage} />);
    fireEvent.click(await screen.findByRole("button", { name: "新建用户" }));
    const form = await screen.findByRole("form", { name: "新建用户" });
    fireEvent.change(within(form).getByLabelText("角色"), { target: { value: "grid_worker" } });
    fireEvent.change(within(form).getByLabelText("所属辖区"), { target: { value: grid.nodeId } });
    expect(within(form).queryByTestId("role-fit-warning")).toBeNull();
    fireEvent.change(within(form).getByLabelText("所属辖区"), { target: { value: town.nodeId } });
    expect((await within(form).findByTestId("role-fit-warning")).textContent).toMatch(/^网格员通常设在网格级节点/);

    fireEvent.input(within(form).getByLabelText("用户名"), { target: { value: "wang.grid" } });
    fireEvent.input(within(form).getByLabelText("姓名"), { target: { value: "王网格" } });
    fireEvent.input(within(form).getByLabelText("临时密码"), { target: { value: "Temp-pass-2026" } });
    fireEvent.click(within(form).getByRole("button", { name: "创建用户" }));
    const notice = await screen.findByText(/网格员通常设在网格级节点，所选节点是镇街级。/, { selector: ".alert-warning" });
    expect(notice.textContent).toContain("王网格");
    expect(api.calls("POST /v1/users")[0]!.body).toMatchObject({ role: "grid_worker", scopeNodeId: town.nodeId });
  });
});
