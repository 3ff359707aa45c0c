import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ResponseTimes, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import ReportsPage from "../../web/src/pages/reports/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, tree, xiPian } from "./organisation-fixture.ts";

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const row = (over: Partial<ResponseTimes["total"]>): ResponseTimes["total"] => ({
  received: 0, registered: 0, withdrawn: 0, ackRequested: 0, ackOnTime: 0, ackLate: 0, ackAwaiting: 0, closed: 0, closedOnTime: 0, closedLate: 0, medianDaysToClose: null, p90DaysToClose: null, open: 0, overdueNow: 0, reopened: 0, ...over,
});
const report: ResponseTimes = {
  path: `/${tree[0]!.nodeId}`,
  from: "2026-01-01",
  to: "2026-03-31",
  timeZone: "Asia/Shanghai",
  generatedAt: "2026-11-23T04:00:00.000Z",
  ackRule: { days: 1, sourceRef: null, assumption: { zh: "政策档案未规定部门报到时限，系统默认报送次日结束前报到", en: "by default, by the end of the next day" } },
  total: row({ received: 5, registered: 4, closed: 4, closedOnTime: 3, closedLate: 1, medianDaysToClose: 2, p90DaysToClose: 61, open: 1, overdueNow: 1 }),
  byBody: [
    { key: "town_office", name: { zh: "消防办", en: "Fire office" }, ...row({ received: 4, registered: 3, closed: 3, closedOnTime: 3, medianDaysToClose: 2, p90DaysToClose: 3, open: 1, overdueNow: 1 }) },
    { key: "town_committee", name: { zh: "镇消委", en: "Town committee" }, ...row({ received: 1, registered: 1, closed: 1, closedLate: 1, medianDaysToClose: 61, p90DaysToClose: 61 }) },
  ],
  byNode: [
    { key: dongHe.nodeId, name: { zh: dongHe.name, en: dongHe.name }, ...row({ received: 3, closed: 2, open: 1, overdueNow: 1, medianDaysToClose: 1, p90DaysToClose: 3 }) },
    { key: xiPian.nodeId, name: { zh: xiPian.name, en: xiPian.name }, ...row({ received: 2, closed: 2, closedLate: 1, medianDaysToClose: 2, p90DaysToClose: 61 }) },
  ],
};

afterEach(resetSession);

describe("reports page", () => {
  it("songjiang 六(二)1: shows the period's figures per handling body and per area, with totals, and asks again for another area and period", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/nodes": () => json(200, { items: tree, cursor: null }),
      "GET /v1/reports/response-times": () => json(200, report),
    });
    renderAt("/reports?from=2026-01-01&to=2026-03-31", () => <Route path="/reports" component={ReportsPage} />);
    expect(await screen.findByRole("heading", { level: 1, name: "统计报表" })).toBeInTheDocument();
    const bodies = await screen.findByTestId("by-body");
    const office = within(bodies).getByRole("row", { name: /消防办/ });
    expect(within(office).getAllByRole("cell").map((c) => c.textContent)).toEqual(["4", "3", "0", "0", "3", "3", "0", "2 天", "3 天", "1", "1", "0"]);
    const total = within(bodies).getByRole("row", { name: /合计/ });
    expect(total).toHaveTextContent("61 天");
    expect(within(screen.getByTestId("by-node")).getByRole("row", { name: /西片区/ })).toHaveTextContent("61 天");
    expect(screen.getByText(/部门报到时限：报送后 1 日内/)).toBeInTheDocument();
    expect(api.calls("GET /v1/reports/response-times")[0]!.path).toContain("from=2026-01-01&to=2026-03-31");

    // Another area: the towns of my scope are offered; the query names the path.
    const select = screen.getByLabelText("区域") as HTMLSelectElement;
    await vi.waitFor(() => expect([...select.options].map((o) => o.textContent?.trim())).toEqual(["本辖区（全部）", "东河乡", "柳村", "西片区"]));
    fireEvent.change(select, { target: { value: dongHe.path } });
    fireEvent.input(screen.getByLabelText("开始日期"), { target: { value: "2026-02-01" } });
    fireEvent.click(screen.getByRole("button", { name: "统计" }));
    await vi.waitFor(() => expect(api.calls("GET /v1/reports/response-times").at(-1)!.path).toContain(`path=${encodeURIComponent(dongHe.path)}`));
    expect(api.calls("GET /v1/reports/response-times").at(-1)!.path).toContain("from=2026-02-01");
  });

  it("a period over a year is refused with the API's message next to the end date", async () => {
    await signInAs(admin);
    fakeApi({
      "GET /v1/nodes": () => json(200, { items: tree, cursor: null }),
      "GET /v1/reports/response-times": () => problem(400, "request.invalid", "请求参数有误", [{ path: "query.to", code: "custom", message: "统计期间不能超过一年" }]),
    });
    renderAt("/reports?from=2026-01-01&to=2027-01-01", () => <Route path="/reports" component={ReportsPage} />);
    expect(await screen.findByText("统计期间不能超过一年")).toBeInTheDocument();
    expect(screen.getByLabelText("结束日期")).toHaveAttribute("aria-invalid", "true");
  });

  it("downloads the ledgers as the files the API names", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/nodes": () => json(200, { items: tree, cursor: null }),
      "GET /v1/reports/response-times": () => json(200, report),
      "GET /v1/reports/hazards.xlsx": () => new Response(new Uint8Array([80, 75]), { status: 200, headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="hazards.xlsx"; filename*=UTF-8''${encodeURIComponent("隐患台账-hazards.xlsx")}` } }),
    });
    Object.assign(URL, { createObjectURL: () => "blob:report", revokeObjectURL: () => {} });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderAt("/reports?from=2026-01-01&to=2026-03-31", () => <Route path="/reports" component={ReportsPage} />);
    await screen.findByTestId("by-body");
    fireEvent.click(screen.getByRole("button", { name: "导出隐患台账（Excel）" }));
    await vi.waitFor(() => expect(clicked).toEqual(["隐患台账-hazards.xlsx"]));
    expect(api.calls("GET /v1/reports/hazards.xlsx")[0]!.path).toContain("from=2026-01-01");
    click.mockRestore();
    Reflect.deleteProperty(URL, "createObjectURL");
    Reflect.deleteProperty(URL, "revokeObjectURL");
  });
});
