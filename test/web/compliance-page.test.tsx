import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import NodeCompliancePage from "../../web/src/pages/compliance/node.tsx";
import RollupPage from "../../web/src/pages/compliance/rollup.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, findings, profileVersion, xiPian } from "./organisation-fixture.ts";

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const counts = { met: 1, unmet: 1, due_soon: 0, overdue: 1, not_applicable: 1 };
const result = { nodeId: dongHe.nodeId, at: "2026-11-23T04:00:00.000Z", today: "2026-11-23", profileVersion: 1, counts, findings };

afterEach(resetSession);

describe("node compliance page", () => {
  it("lists overdue and unmet findings first, each opening to its clause, the clause's text and the evidence", async () => {
    await signInAs(admin);
    fakeApi({ "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes/n-donghe": () => json(200, dongHe), "GET /v1/compliance/nodes/n-donghe": () => json(200, result) });
    renderAt(`/nodes/${dongHe.nodeId}/compliance`, () => <Route path="/nodes/:nodeId/compliance" component={NodeCompliancePage} />);
    expect(await screen.findByRole("heading", { level: 1, name: "东河乡 · 合规检查" })).toBeInTheDocument();
    expect(screen.getByText(/依据政策档案第 1 版/)).toBeInTheDocument();
    const groups = await screen.findAllByTestId("finding-group");
    expect(groups.map((g) => g.dataset.status)).toEqual(["overdue", "unmet", "met", "not_applicable"]);
    expect(within(groups[1]!).getByRole("heading")).toHaveTextContent("未达标（1）");

    const order = screen.getAllByTestId("finding").map((f) => f.dataset.status);
    expect(order.slice(0, 2)).toEqual(["overdue", "unmet"]);
    const staffing = screen.getAllByTestId("finding").find((f) => f.dataset.ruleId === "staffing.station_on_payroll")!;
    const summary = staffing.querySelector("summary")!;
    expect(summary).toHaveTextContent("未达标");
    expect(summary).toHaveTextContent("在编人员 1 人，要求 ≥2 人");
    expect(summary).toHaveTextContent("条款 pingchuan 二(二)");
    fireEvent.click(summary);
    expect(staffing.querySelector("details")).toHaveAttribute("open");
    expect(within(staffing).getByText("其中在编人员不少于2名").tagName).toBe("BLOCKQUOTE");
    expect(within(staffing).getByText("检查依据：").parentElement).toHaveTextContent("检查依据：在编人员 1 人，要求 ≥2 人");

    // A rule the document leaves open says so instead of citing a clause.
    const assumed = screen.getAllByTestId("finding").find((f) => f.dataset.ruleId === "obligation.station_meeting")!;
    expect(within(assumed).getByText("文件未规定")).toBeInTheDocument();
  });

  it("asks the API for an earlier day when the reader picks one", async () => {
    await signInAs(admin);
    const api = fakeApi({ "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes/n-donghe": () => json(200, dongHe), "GET /v1/compliance/nodes/n-donghe": () => json(200, result) });
    renderAt(`/nodes/${dongHe.nodeId}/compliance`, () => <Route path="/nodes/:nodeId/compliance" component={NodeCompliancePage} />);
    fireEvent.input(await screen.findByLabelText("查看日期"), { target: { value: "2025-01-31" } });
    fireEvent.click(screen.getByRole("button", { name: "查看" }));
    await screen.findAllByTestId("finding");
    await expect.poll(() => api.calls("GET /v1/compliance/nodes/n-donghe").length).toBe(2);
    const [, earlier] = api.calls("GET /v1/compliance/nodes/n-donghe");
    expect(new URL(earlier!.path, "http://x").searchParams.get("at")).toBe(new Date("2025-01-31T23:59:59").toISOString());
  });
});

describe("compliance roll-up page", () => {
  const row = (node: typeof dongHe, c: Partial<typeof counts>) => ({ nodeId: node.nodeId, name: node.name, path: node.path, counts: { ...counts, ...c }, nodesEvaluated: 2, profileVersion: 1, evaluatedAt: "2026-11-23T04:00:00.000Z" });

  it("lists each town, worst first, linking to its compliance page; an officer refreshes the counts", async () => {
    await signInAs({ ...admin, role: "town_officer" });
    let refreshed = false;
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/compliance/rollup": () => json(200, { items: refreshed ? [row(xiPian, { unmet: 0, overdue: 0, met: 5 }), row(dongHe, { unmet: 1, overdue: 0 })] : [row(xiPian, { unmet: 0, overdue: 0 }), row(dongHe, { unmet: 3 })], cursor: null }),
      "POST /v1/compliance/refresh": () => {
        refreshed = true;
        return json(200, { items: [row(xiPian, {}), row(dongHe, {})], cursor: null });
      },
    });
    renderAt("/compliance", () => <Route path="/compliance" component={RollupPage} />);
    expect(await screen.findByText(/按乡镇（片区）统计/)).toBeInTheDocument();
    const rows = await screen.findAllByTestId("rollup-row");
    expect(within(rows[0]!).getByRole("link", { name: "东河乡" })).toHaveAttribute("href", `/nodes/${dongHe.nodeId}/compliance`);
    expect(rows[0]).toHaveTextContent("3 未达标");
    fireEvent.click(screen.getByRole("button", { name: "重新汇总" }));
    expect(await screen.findByText("已重新汇总 2 个乡镇（片区）。")).toBeInTheDocument();
    expect(api.calls("POST /v1/compliance/refresh")).toHaveLength(1);
    await expect.poll(() => screen.getAllByTestId("rollup-row")[0]!.textContent).toContain("1 未达标");
  });

  it("offers no refresh to a grid worker", async () => {
    await signInAs({ ...admin, role: "grid_worker" });
    fakeApi({ "GET /v1/profile": () => json(200, profileVersion), "GET /v1/compliance/rollup": () => json(200, { items: [], cursor: null }) });
    renderAt("/compliance", () => <Route path="/compliance" component={RollupPage} />);
    expect(await screen.findByText("本辖区还没有可汇总的数据。")).toBeInTheDocument();
    expect(screen.queryByTestId("rollup-age")).toBeNull();
    expect(screen.queryByRole("button", { name: "重新汇总" })).toBeNull();
  });

  it("says how old the counts are, by the town computed last", async () => {
    await signInAs({ ...admin, role: "grid_worker" });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/compliance/rollup": () => json(200, { items: [{ ...row(dongHe, {}), evaluatedAt: ago(95) }, { ...row(xiPian, {}), evaluatedAt: ago(5) }], cursor: null }),
    });
    renderAt("/compliance", () => <Route path="/compliance" component={RollupPage} />);
    expect(await screen.findByTestId("rollup-age")).toHaveTextContent("5 分钟前计算");
  });
});
