import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Dashboard } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import DashboardPage from "../../web/src/pages/dashboard/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { county, dongHe, profileVersion, tree } from "./organisation-fixture.ts";

const months = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];

function figures(over: Partial<Dashboard["hazards"]> = {}): Dashboard {
  return {
    nodeId: county.nodeId,
    path: county.path,
    asOf: "2026-11-23T04:00:00.000Z",
    month: "2026-11",
    hazards: {
      open: { total: 7, byState: { registered: 4, rectifying: 3 }, bySeverity: { general: 7 }, byStateAndSeverity: { registered: { general: 4 }, rectifying: { general: 3 } } },
      overdue: { total: 2, bySeverity: { general: 2 } },
      listed: { total: 1, bySeverity: { general: 1 } },
      closedThisMonth: 5,
      timeToClose: { closes: 40, histogram: { "003": 20, "007": 16, "030": 4 }, medianDays: { above: 2, atMost: 3 }, p90Days: { above: 5, atMost: 7 } },
      trend: months.map((month, i) => ({ month, opened: i, closed: i % 3 })),
      ...over,
    },
    coverage: [{ category: "shops", name: { zh: "沿街商铺", en: "Street shops" }, period: "2026-11", due: 40, inspected: 30, percent: 75 }],
    compliance: { towns: 2, met: 9, unmet: 3, due_soon: 1, overdue: 2, evaluatedAt: "2026-11-22T20:00:00.000Z" },
  };
}

async function open(handlers: Record<string, (call: { path: string }) => Response> = {}) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "pingchuan", username: admin.username, password: "Fire-safe-2026" });
  const api = fakeApi({
    "GET /v1/profile": () => json(200, profileVersion),
    "GET /v1/nodes": () => json(200, { items: tree, cursor: null }),
    "GET /v1/dashboard": () => json(200, figures()),
    ...handlers,
  });
  const view = renderAt("/dashboard", () => <Route path="/dashboard" component={DashboardPage} />);
  return { api, view };
}

afterEach(resetSession);

describe("dashboard page", () => {
  it("songjiang 八(三): shows the node's figures, each opening the hazard list behind it, with median and p90 time to close", async () => {
    await open();
    expect(await screen.findByRole("heading", { level: 1, name: "领导驾驶舱" })).toBeInTheDocument();
    const open_ = await screen.findByTestId("fig-open");
    expect(open_).toHaveTextContent("7未结隐患");
    expect(within(open_).getByRole("link")).toHaveAttribute("href", "/hazards");
    expect(within(screen.getByTestId("fig-overdue")).getByRole("link")).toHaveAttribute("href", "/hazards?overdue=1");
    expect(screen.getByTestId("fig-overdue")).toHaveClass("dash-alert");
    expect(within(screen.getByTestId("fig-listed")).getByRole("link")).toHaveAttribute("href", "/hazards?listed=1");
    expect(screen.getByTestId("fig-closed")).toHaveTextContent("5本月结案");
    expect(screen.getByTestId("fig-median")).toHaveTextContent("2–3 天");
    expect(screen.getByTestId("fig-median")).toHaveTextContent("近 12 个月结案 40 件");
    expect(screen.getByTestId("fig-p90")).toHaveTextContent("5–7 天");
    // The state × severity table: each cell opens the board filtered to it.
    const [cell, total] = within(screen.getByTestId("by-state")).getAllByRole("link", { name: "4" });
    expect(cell).toHaveAttribute("href", "/hazards?state=registered&severity=general");
    expect(total).toHaveAttribute("href", "/hazards?state=registered");
    // The trend's figures are in a table beside the chart.
    const rows = within(screen.getByTestId("trend")).getAllByRole("row");
    expect(rows).toHaveLength(13);
    expect(rows[12]).toHaveTextContent("2026-11112");
    expect(screen.getByRole("img", { name: "近 12 个月每月上报与结案隐患数" })).toBeInTheDocument();
    expect(within(screen.getByTestId("dash-coverage")).getByRole("row", { name: /沿街商铺/ })).toHaveTextContent("沿街商铺2026-11403075%");
    expect(screen.getByTestId("dash-compliance")).toHaveTextContent("3 未达标");
    expect(screen.getByRole("link", { name: "查看合规汇总" })).toHaveAttribute("href", "/compliance");
  });

  it("asks for the node picked and keeps it in the address, so the drill-down links stay within it", async () => {
    const { api } = await open();
    const picker = await screen.findByLabelText("辖区");
    await screen.findByRole("option", { name: /东河乡/ });
    fireEvent.change(picker, { target: { value: dongHe.path } });
    await expect.poll(() => api.calls("GET /v1/dashboard").length).toBe(2);
    const asked = new URL(api.calls("GET /v1/dashboard")[1]!.path, "http://x");
    expect(asked.searchParams.get("path")).toBe(dongHe.path);
    await expect.poll(() => within(screen.getByTestId("fig-overdue")).getByRole("link").getAttribute("href")).toBe(`/hazards?overdue=1&path=${encodeURIComponent(dongHe.path)}`);
  });

  it("says so when the caller's role may not see coverage or compliance, and when no time to close is known", async () => {
    await open({ "GET /v1/dashboard": () => json(200, { ...figures({ timeToClose: { closes: 0, histogram: {}, medianDays: null, p90Days: null } }), coverage: null, compliance: null }) });
    expect(await screen.findByTestId("fig-median")).toHaveTextContent("近 12 个月无结案");
    expect(screen.getAllByText("您的角色无权查看此项")).toHaveLength(2);
  });
});
