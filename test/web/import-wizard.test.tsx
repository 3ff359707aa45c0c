import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { signIn } from "../../web/src/auth/session.ts";
import TreePage from "../../web/src/pages/tree/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, profileVersion, tree } from "./organisation-fixture.ts";

const csv = new File(["\uFEFF所在节点,姓名,用工性质\n东河乡,王在编,在编\n东河乡,,在编\n东河乡,赵某,临时工\n"], "人员.csv", { type: "text/csv" });

async function openWizard(handlers: Parameters<typeof fakeApi>[0]) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "pingchuan", username: admin.username, password: "Fire-safe-2026" });
  const api = fakeApi({ "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes": () => json(200, { items: tree, cursor: null }), ...handlers });
  renderAt("/tree", () => <Route path="/tree" component={TreePage} />);
  fireEvent.click(await screen.findByRole("button", { name: "批量导入" }));
  const wizard = screen.getByRole("region", { name: "批量导入" });
  fireEvent.click(within(wizard).getByLabelText("人员"));
  fireEvent.change(within(wizard).getByLabelText("导入到"), { target: { value: dongHe.nodeId } });
  fireEvent.change(within(wizard).getByLabelText("文件（xlsx 或 CSV）"), { target: { files: [csv] } });
  return { api, wizard };
}

const tableRows = (wizard: HTMLElement) =>
  within(within(wizard).getByTestId("import-report"))
    .getAllByRole("row")
    .slice(1)
    .map((tr) => within(tr).getAllByRole("cell").map((td) => td.textContent));

afterEach(resetSession);

describe("import wizard", () => {
  it("uploads the file itself and lists the rows it skipped by row, column and reason", async () => {
    const { api, wizard } = await openWizard({
      "POST /v1/import/staff": () =>
        json(200, {
          mode: "skip_bad_rows",
          imported: 1,
          skipped: 2,
          errors: [
            { row: 4, column: "用工性质", code: "import.employment_unknown", message: { zh: "“临时工”不是用工性质", en: "“临时工” is not an employment type" } },
            { row: 3, column: "姓名", code: "validation.too_small", message: { zh: "请填写姓名", en: "Name is required" } },
          ],
        }),
    });
    fireEvent.click(within(wizard).getByLabelText("跳过有问题的行"));
    fireEvent.click(within(wizard).getByRole("button", { name: "上传并导入" }));
    expect(await within(wizard).findByText("已导入 1 行，跳过 2 行有问题的数据，见下表。")).toBeInTheDocument();
    expect(tableRows(wizard)).toEqual([
      ["3", "姓名", "请填写姓名"],
      ["4", "用工性质", "“临时工”不是用工性质"],
    ]);
    const [upload] = api.calls("POST /v1/import/staff");
    expect(upload!.path).toBe(`/v1/import/staff?mode=skip_bad_rows&under=${dongHe.nodeId}`);
    expect(upload!.headers.get("content-type")).toBe("text/csv");
    expect(upload!.body).toBe(csv);
  });

  it("shows an all-or-nothing refusal as the same table, from the fields the API names", async () => {
    const { wizard } = await openWizard({
      "POST /v1/import/staff": () =>
        problem(400, "import.rejected", "导入文件有 2 处问题，未导入任何数据；请按标出的行和列修改后重试。", [
          { path: "rows[3].姓名", code: "validation.too_small", message: "请填写姓名" },
          { path: "rows[4].用工性质", code: "import.employment_unknown", message: "“临时工”不是用工性质" },
        ]),
    });
    fireEvent.click(within(wizard).getByRole("button", { name: "上传并导入" }));
    expect(await within(wizard).findByRole("alert")).toHaveTextContent("导入文件有 2 处问题，未导入任何数据");
    expect(within(wizard).getByText("问题清单（2 处）")).toBeInTheDocument();
    expect(tableRows(wizard)).toEqual([
      ["3", "姓名", "请填写姓名"],
      ["4", "用工性质", "“临时工”不是用工性质"],
    ]);
  });
});
