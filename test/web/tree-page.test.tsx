import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import TreePage from "../../web/src/pages/tree/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, liuCun, profileVersion, tree } from "./organisation-fixture.ts";

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const item = async (name: string) => (await screen.findAllByTestId("tree-item")).find((el) => el.querySelector(".tree-name")?.textContent === name)!;
const row = (el: HTMLElement) => el.querySelector<HTMLElement>(".tree-row")!;

afterEach(resetSession);

describe("jurisdiction tree page", () => {
  it("shows the subtree with the levels named as the profile names them, expanding on demand", async () => {
    await signInAs(admin);
    fakeApi({ "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes": () => json(200, { items: tree, cursor: null }) });
    renderAt("/tree", () => <Route path="/tree" component={TreePage} />);
    expect(await screen.findByText("层级：县 › 乡镇（片区） › 村（居）")).toBeInTheDocument();
    const town = await item("东河乡");
    expect(within(row(town)).getByText("乡镇（片区）")).toHaveClass("badge-level");
    expect(within(row(await item("平川县"))).getByText("县")).toBeInTheDocument();
    // The county is open; its towns are not until asked.
    expect(screen.queryByText("柳村")).toBeNull();
    fireEvent.click(within(row(town)).getByRole("button", { name: "展开“东河乡”" }));
    const village = await item("柳村");
    expect(within(row(village)).getByText("村（居）")).toBeInTheDocument();
    expect(within(row(village)).getByRole("link", { name: "柳村" })).toHaveAttribute("href", `/nodes/${liuCun.nodeId}`);
  });

  it("creates a child at the level below, naming that level and its kinds of unit from the profile", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/nodes": () => json(200, { items: tree, cursor: null }),
      "POST /v1/nodes": () => json(201, { ...liuCun, nodeId: "n-new", name: "杨庄", unit: "居" }),
    });
    renderAt("/tree", () => <Route path="/tree" component={TreePage} />);
    const town = await item("东河乡");
    fireEvent.click(within(row(town)).getByRole("button", { name: "管理" }));
    fireEvent.click(within(town).getByRole("button", { name: "新建村（居）" }));
    const form = within(town).getByRole("form", { name: "新建村（居）" });
    fireEvent.input(within(form).getByLabelText("村（居）名称"), { target: { value: "杨庄" } });
    expect(within(form).getAllByRole("option").map((o) => o.textContent)).toEqual(["村", "居"]);
    fireEvent.change(within(form).getByLabelText("单位类型"), { target: { value: "居" } });
    fireEvent.click(within(form).getByRole("button", { name: "新建" }));
    expect(await screen.findByText("已新建村（居）“杨庄”。")).toHaveAttribute("role", "status");
    const [created] = api.calls("POST /v1/nodes");
    expect(created!.body).toEqual({ parentId: dongHe.nodeId, name: "杨庄", unit: "居" });
    expect(created!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("asks before retiring, and keeps the API's reason in view when it refuses", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/nodes": () => json(200, { items: tree, cursor: null }),
      "POST /v1/nodes/n-donghe/retire": () => problem(409, "node.has_active_children", "该节点下还有 1 个未撤销的下级节点，不能撤销。"),
    });
    renderAt("/tree", () => <Route path="/tree" component={TreePage} />);
    const town = await item("东河乡");
    fireEvent.click(within(row(town)).getByRole("button", { name: "管理" }));
    fireEvent.click(within(town).getByRole("button", { name: "撤销" }));
    const confirm = within(town).getByRole("group", { name: "撤销 东河乡" });
    expect(within(confirm).getByText(/确定撤销“东河乡”？/)).toBeInTheDocument();
    expect(api.calls("POST /v1/nodes/n-donghe/retire")).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole("button", { name: "撤销" }));
    expect(await within(confirm).findByRole("alert")).toHaveTextContent("该节点下还有 1 个未撤销的下级节点，不能撤销。");
    expect(api.calls("POST /v1/nodes/n-donghe/retire")).toHaveLength(1);
  });

  it("moves a node under another parent of the level above, and offers tiers only to admins", async () => {
    const officer: User = { ...admin, userId: "officer-1", role: "town_officer" };
    await signInAs(officer);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/nodes": () => json(200, { items: tree, cursor: null }),
      "POST /v1/nodes/n-liucun/move": () => json(200, { ...liuCun, parentId: "n-xipian" }),
    });
    renderAt("/tree", () => <Route path="/tree" component={TreePage} />);
    fireEvent.click(within(row(await item("东河乡"))).getByRole("button", { name: "展开“东河乡”" }));
    const village = await item("柳村");
    fireEvent.click(within(row(village)).getByRole("button", { name: "管理" }));
    expect(within(village).queryByRole("button", { name: "设定类别" })).toBeNull();
    fireEvent.click(within(village).getByRole("button", { name: "移动" }));
    const form = within(village).getByRole("form", { name: "移动 柳村" });
    const select = within(form).getByLabelText("新的上级（乡镇（片区））") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["西片区（片区）"]);
    fireEvent.click(within(form).getByRole("button", { name: "移动" }));
    expect(await screen.findByText("已将“柳村”移到“西片区”之下。")).toBeInTheDocument();
    expect(api.calls("POST /v1/nodes/n-liucun/move").map((c) => c.body)).toEqual([{ parentId: "n-xipian" }]);
  });
});
