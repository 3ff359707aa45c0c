import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import UsersPage from "../../web/src/pages/users/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { profileVersion } from "./organisation-fixture.ts";

const root = { nodeId: admin.scopeNodeId, path: admin.scopePath, level: "county", name: "启东市", status: "active" };
const worker: User = {
  ...admin,
  userId: "2b8c5d1e-worker",
  username: "wang.grid",
  displayName: "王网格",
  phone: undefined,
  role: "grid_worker",
  mustChangePassword: true,
};

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "qidong", username: user.username, password: "Fire-safe-2026" });
}

function renderUsers() {
  return renderAt("/users", () => <Route path="/users" component={UsersPage} />);
}

const type = (scope: HTMLElement, label: string, value: string) => fireEvent.input(within(scope).getByLabelText(label), { target: { value } });

afterEach(resetSession);

describe("users page", () => {
  it("lists users with role names in Chinese and loads more on demand", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/nodes": () => json(200, { items: [root], cursor: null }),
      "GET /v1/users": (call) => json(200, call.path.includes("cursor=") ? { items: [worker], cursor: null } : { items: [admin], cursor: "page-2" }),
    });
    renderUsers();
    const first = await screen.findByText((_, el) => el?.classList.contains("user-meta") === true && el.textContent === "admin · 县级管理员 · 启东市");
    expect(first).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "加载更多" }));
    expect(await screen.findByText("王网格")).toBeInTheDocument();
    expect(screen.getByText(/wang\.grid · 网格员/)).toBeInTheDocument();
    expect(api.calls("GET /v1/users").map((c) => c.path)).toEqual(["/v1/users?limit=50", "/v1/users?cursor=page-2&limit=50"]);
    expect(screen.queryByRole("button", { name: "加载更多" })).toBeNull();
  });

  it("creates a user with a role the signed-in officer may grant, at a node of their subtree", async () => {
    const officer: User = { ...admin, userId: "officer-1", username: "li.town", displayName: "李镇", role: "town_officer" };
    await signInAs(officer);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/nodes": () => json(200, { items: [root], cursor: null }),
      "GET /v1/users": () => json(200, { items: [officer], cursor: null }),
      "POST /v1/users": () => json(201, worker),
    });
    renderUsers();
    fireEvent.click(await screen.findByRole("button", { name: "新建用户" }));
    const form = await screen.findByRole("form", { name: "新建用户" });
    // The roles as the profile labels them, once it has loaded (the form does not wait for it).
    const roleLabels = () => within(form).getAllByRole("option").filter((o) => o.closest("select")?.name === "role").map((o) => o.textContent);
    await waitFor(() => expect(roleLabels()).toEqual(["请选择角色", "镇街消防办人员", "村居消防管理人", "网格员", "消防队员", "只读用户"]));
    type(form, "用户名", "wang.grid");
    type(form, "姓名", "王网格");
    fireEvent.change(within(form).getByLabelText("角色"), { target: { value: "grid_worker" } });
    type(form, "临时密码", "Temp-pass-2026");
    fireEvent.click(within(form).getByRole("button", { name: "创建用户" }));
    expect(await screen.findByText(/已创建用户“王网格”/)).toHaveAttribute("role", "status");

    const [created] = api.calls("POST /v1/users");
    expect(created!.body).toEqual({ username: "wang.grid", displayName: "王网格", role: "grid_worker", scopeNodeId: root.nodeId, password: "Temp-pass-2026" });
    expect(created!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("resets a password only after a confirm step", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/nodes": () => json(200, { items: [root], cursor: null }),
      "GET /v1/users": () => json(200, { items: [admin, worker], cursor: null }),
      "POST /v1/users/2b8c5d1e-worker/password-reset": () => json(200, worker),
    });
    renderUsers();
    const item = (await screen.findAllByTestId("user-item")).find((el) => el.dataset.username === "wang.grid")!;
    fireEvent.click(within(item).getByRole("button", { name: "重置密码" }));
    type(item, "临时密码", "Reset-pass-2026");
    fireEvent.click(within(item).getByRole("button", { name: "重置" }));
    expect(within(item).getByText(/确定把“王网格”的密码重置为刚填写的临时密码？/)).toBeInTheDocument();
    expect(api.calls("POST /v1/users/2b8c5d1e-worker/password-reset")).toHaveLength(0);
    fireEvent.click(within(item).getByRole("button", { name: "确认" }));
    expect(await screen.findByRole("status")).toHaveTextContent("已重置“王网格”的密码");
    expect(api.calls("POST /v1/users/2b8c5d1e-worker/password-reset").map((c) => c.body)).toEqual([{ newPassword: "Reset-pass-2026" }]);
  });

  it("offers no disable or reset for the signed-in user's own account", async () => {
    await signInAs(admin);
    fakeApi({ "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes": () => json(200, { items: [root], cursor: null }), "GET /v1/users": () => json(200, { items: [admin], cursor: null }) });
    renderUsers();
    const [item] = await screen.findAllByTestId("user-item");
    expect(within(item!).getByRole("button", { name: "编辑" })).toBeInTheDocument();
    expect(within(item!).queryByRole("button", { name: "停用" })).toBeNull();
    expect(within(item!).queryByRole("button", { name: "重置密码" })).toBeNull();
  });

  it("sends only the fields an edit changed, removing an emptied phone", async () => {
    await signInAs(admin);
    const colleague: User = { ...worker, phone: "13800138000", mustChangePassword: false };
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/nodes": () => json(200, { items: [root], cursor: null }),
      "GET /v1/users": () => json(200, { items: [admin, colleague], cursor: null }),
      "PATCH /v1/users/2b8c5d1e-worker": () => json(200, { ...colleague, phone: undefined, role: "village_manager" }),
    });
    renderUsers();
    const item = (await screen.findAllByTestId("user-item")).find((el) => el.dataset.username === "wang.grid")!;
    fireEvent.click(within(item).getByRole("button", { name: "编辑" }));
    type(item, "手机号（选填）", "");
    fireEvent.change(within(item).getByLabelText("角色"), { target: { value: "village_manager" } });
    fireEvent.click(within(item).getByRole("button", { name: "保存" }));
    expect(await screen.findByText("已保存“王网格”。")).toBeInTheDocument();
    expect(api.calls("PATCH /v1/users/2b8c5d1e-worker").map((c) => c.body)).toEqual([{ phone: null, role: "village_manager" }]);
  });
});
