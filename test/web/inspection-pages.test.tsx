import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Checklist, CoverageRow, Inspection, InspectionTask, User, Venue } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import CoveragePage from "../../web/src/pages/inspections/coverage.tsx";
import InspectPage from "../../web/src/pages/inspections/inspect.tsx";
import TodayPage from "../../web/src/pages/inspections/today.tsx";
import VenuePage from "../../web/src/pages/venues/venue.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { version1 } from "./profile-fixture.ts";

const worker: User = { ...admin, userId: "u-grid", username: "wang.grid", displayName: "王网格", role: "grid_worker" };
const category = version1.profile.inspectionCategories[0]?.id ?? "residential";

const task = (taskId: string, venueName: string, dueAt: string): InspectionTask => ({
  taskId, kind: "coverage", subjectId: `v-${taskId}`, category, period: "2026-11", venueId: `v-${taskId}`, venueName,
  nodeId: "n-grid", path: "/r/n-grid", responsibleRole: "grid_worker", dueAt, state: "open",
});

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "xinhe", username: user.username, password: "Fire-safe-2026" });
}

afterEach(() => resetSession());

describe("today's inspection tasks", () => {
  it("lists my tasks in the order the API sends them (soonest due first), every page, and marks the overdue one", async () => {
    await signInAs(worker);
    fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/inspection-tasks": (call) =>
        new URL(call.path, "http://localhost").searchParams.get("cursor") === "p2"
          ? json(200, { items: [task("b", "南街餐馆", "2099-12-31T15:59:59.999Z")], cursor: null })
          : json(200, { items: [task("a", "东街五金店", "2020-11-01T15:59:59.999Z"), task("c", "北街超市", "2099-11-30T15:59:59.999Z")], cursor: "p2" }),
    });
    renderAt("/today", () => <Route path="/today" component={TodayPage} />);
    const cards = await screen.findAllByTestId("task");
    expect(cards.map((c) => c.querySelector("strong")!.textContent)).toEqual(["东街五金店", "北街超市", "南街餐馆"]);
    expect(cards[0]!.classList.contains("task-card-overdue")).toBe(true);
    expect(within(cards[0]!).getByText("已逾期")).toBeTruthy();
    expect(cards[1]!.classList.contains("task-card-overdue")).toBe(false);
    expect(within(cards[0]!).getByRole("link").getAttribute("href")).toBe("/inspect/v-a?task=a");
  });
});

describe("who a task is for", () => {
  it("yancheng (十): names a patrol plan's patroller, and otherwise the profile role that does the task", async () => {
    await signInAs(worker);
    const planned: InspectionTask = { ...task("p", "高风险小场所", "2099-11-30T15:59:59.999Z"), kind: "plan", category: "high_risk_patrol_plan", assigneeId: worker.userId, assigneeName: "王网格" };
    fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/inspection-tasks": () => json(200, { items: [planned, { ...task("q", "东街五金店", "2099-12-30T15:59:59.999Z"), responsibleRole: "office_staff" }], cursor: null }),
    });
    renderAt("/today", () => <Route path="/today" component={TodayPage} />);
    const [plan, coverage] = await screen.findAllByTestId("task");
    expect(within(plan!).getByText("指定王网格完成")).toBeTruthy();
    expect(within(plan!).getByText("巡查计划")).toBeTruthy();
    await waitFor(() => expect(within(coverage!).getByText("由工作站人员完成")).toBeTruthy());
  });
});

describe("a venue's patrol plan", () => {
  const venue: Venue = {
    venueId: "v-9", name: "高风险小场所", nodeId: "n-grid", path: `${admin.scopePath}/n-grid`, kinds: [], flags: [], features: [], supervisor: "town_office", categories: [],
    patrolPlanPolicy: "high_risk_patrol_plan", profileVersion: 1, status: "active", version: 3, createdAt: "2026-11-20T02:00:00.000Z", updatedAt: "2026-11-20T02:00:00.000Z",
  };
  const withPlanRule = {
    ...version1,
    profile: {
      ...version1.profile,
      venues: { ...version1.profile.venues, policies: [{ id: "high_risk_patrol_plan", kind: "patrol_plan" as const, match: { riskGrades: ["high"] }, mustName: ["patroller" as const, "frequency" as const, "method" as const], sourceRef: "xinhe 三(一)", text: "明确高风险场所的巡查人员、频次和方式" }] },
    },
  };
  const gridWorker = { ...worker, scopeNodeId: "n-grid", scopePath: `${admin.scopePath}/n-grid` };
  const elsewhere = { ...worker, userId: "u-far", username: "li.grid", displayName: "李网格", scopeNodeId: "n-far", scopePath: `${admin.scopePath}/n-far` };

  it("yancheng (十): warns while a high-risk venue has no plan, and an officer names the patroller, frequency and method", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withPlanRule),
      "GET /v1/venues/v-9/self-check": () => json(200, { enabled: false }),
      "GET /v1/venues/v-9": () => json(200, venue),
      "GET /v1/venues/v-9/inspections": () => json(200, { items: [], cursor: null }),
      "GET /v1/venues/v-9/history": () => json(200, { items: [], cursor: null }),
      "GET /v1/users": () => json(200, { items: [gridWorker, elsewhere, { ...admin, role: "viewer", userId: "u-view", displayName: "只读" }], cursor: null }),
      "POST /v1/venues/v-9/patrol-plan": () => json(200, { ...venue, patrolPlan: { patrollerId: gridWorker.userId, patrollerName: "王网格", frequency: { every: 2, unit: "week" }, method: "night", setBy: admin.userId, setAt: "2026-11-23T03:00:00.000Z" } }),
    });
    renderAt("/venues/v-9", () => <Route path="/venues/:venueId" component={VenuePage} />);
    expect(await screen.findByText("该场所须明确巡查人员、巡查频次、巡查方式，尚未设置巡查计划。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "设置巡查计划" }));
    const form = await screen.findByRole("form", { name: "巡查计划" });
    const patroller = within(form).getByLabelText("巡查人员") as HTMLSelectElement;
    // Only those who may inspect at the venue: not the viewer, not the grid worker of another grid.
    await waitFor(() => expect([...patroller.options].map((o) => o.value)).toEqual(["", gridWorker.userId]));
    fireEvent.change(patroller, { target: { value: gridWorker.userId } });
    fireEvent.input(within(form).getByLabelText("每"), { target: { value: "2" } });
    fireEvent.change(within(form).getByLabelText("周期"), { target: { value: "week" } });
    fireEvent.change(within(form).getByLabelText("巡查方式"), { target: { value: "night" } });
    fireEvent.submit(form);
    await waitFor(() => expect(api.calls("POST /v1/venues/v-9/patrol-plan")).toHaveLength(1));
    expect(api.calls("POST /v1/venues/v-9/patrol-plan")[0]!.body).toEqual({ version: 3, patrollerId: gridWorker.userId, frequency: { every: 2, unit: "week" }, method: "night" });
  });
});

describe("the checklist form", () => {
  const checklist: Checklist = {
    venueId: "v-1",
    venueName: "东街五金店",
    categories: [{ id: category, name: { zh: "住宅", en: "Residential" } }],
    items: [
      { category, itemId: "exit_blocked", name: { zh: "安全出口堵塞", en: "Exit blocked" }, hazardCode: "exit_blocked", sourceRef: null },
      { category, itemId: "extinguisher", name: { zh: "灭火器配置", en: "Extinguishers" }, hazardCode: "extinguisher", sourceRef: null },
    ],
  };
  const finished: Inspection = {
    inspectionId: "in-1", venueId: "v-1", nodeId: "n-grid", path: "/r/n-grid", categories: [category], taskIds: [], inspectorId: worker.userId,
    finishedAt: "2026-11-23T03:00:00.000Z", hazardIds: ["hz-9"], passed: 1, failed: 1, notApplicable: 0, profileVersion: 1,
    items: [
      { category, itemId: "exit_blocked", result: "fail", note: "货架堵住出口", photos: ["t/x/venues/v-1/p1.png"], hazardCode: "exit_blocked", hazardId: "hz-9" },
      { category, itemId: "extinguisher", result: "pass", photos: [], hazardCode: "extinguisher" },
    ],
  };

  it("sends a failed item with its note and the uploaded photo's key, then links to the hazard raised", async () => {
    await signInAs(worker);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/venues/v-1/checklist": () => json(200, checklist),
      "POST /v1/venues/v-1/photos": () => json(201, { key: "t/x/venues/v-1/p1.png", uploadUrl: "http://files.test/put/p1", method: "PUT", headers: { "content-type": "image/png" } }),
      "PUT /put/p1": () => new Response(null, { status: 200 }),
      "POST /v1/venues/v-1/inspections": () => json(201, finished),
    });
    globalThis.URL.createObjectURL ??= () => "blob:preview";
    renderAt("/inspect/v-1", () => <Route path="/inspect/:venueId" component={InspectPage} />);
    const items = await screen.findAllByTestId("check-item");
    fireEvent.click(within(items[0]!).getByRole("button", { name: "不合格" }));
    fireEvent.input(within(items[0]!).getByLabelText("情况说明"), { target: { value: "货架堵住出口" } });
    const photo = new File([new Uint8Array([137, 80, 78, 71])], "exit.png", { type: "image/png" });
    fireEvent.change(items[0]!.querySelector('input[type="file"]')!, { target: { files: [photo] } });
    await waitFor(() => expect(api.calls("PUT /put/p1")).toHaveLength(1));
    fireEvent.click(within(items[1]!).getByRole("button", { name: "合格" }));
    await waitFor(() => expect(screen.getByText(/已填 2 \/ 2 项/)).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "完成检查" }));

    await screen.findByTestId("inspection-result");
    const [call] = api.calls("POST /v1/venues/v-1/inspections");
    expect(call!.headers.get("idempotency-key")).toBeTruthy();
    expect((call!.body as { items: unknown[] }).items).toEqual([
      { category, itemId: "exit_blocked", result: "fail", note: "货架堵住出口", photos: ["t/x/venues/v-1/p1.png"] },
      { category, itemId: "extinguisher", result: "pass", photos: [] },
    ]);
    expect(screen.getByRole("link", { name: "查看隐患：安全出口堵塞" }).getAttribute("href")).toBe("/hazards/hz-9");
  });
});

describe("the coverage page", () => {
  it("shows due, inspected and the per cent for each category and period of my node", async () => {
    await signInAs(admin);
    const rows: CoverageRow[] = [
      { nodeId: admin.scopeNodeId, path: admin.scopePath, category, period: "2026-11", due: 8, inspected: 6, percent: 75 },
      { nodeId: admin.scopeNodeId, path: admin.scopePath, category, period: "2026-10", due: 3, inspected: 1, percent: 33.3 },
    ];
    fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/nodes": () => json(200, { items: [{ nodeId: admin.scopeNodeId, parentId: null, path: admin.scopePath, level: "county", name: "新河县", status: "active" }], cursor: null }),
      [`GET /v1/coverage/nodes/${admin.scopeNodeId}`]: () => json(200, { items: rows, cursor: null }),
    });
    renderAt("/coverage", () => <Route path="/coverage" component={CoveragePage} />);
    const table = await screen.findByTestId("coverage");
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(3));
    const [, first, second] = within(table).getAllByRole("row");
    expect(first!.textContent).toContain("2026-11");
    expect(within(first!).getByText("75%")).toBeTruthy();
    expect(within(second!).getByText("33.3%")).toBeTruthy();
    expect(second!.classList.contains("coverage-low")).toBe(true);
  });

  it("reads the counts afresh on every open, so a visit recorded meanwhile shows at once", async () => {
    await signInAs(admin);
    let rows: CoverageRow[] = [];
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/nodes": () => json(200, { items: [{ nodeId: admin.scopeNodeId, parentId: null, path: admin.scopePath, level: "county", name: "新河县", status: "active" }], cursor: null }),
      [`GET /v1/coverage/nodes/${admin.scopeNodeId}`]: () => json(200, { items: rows, cursor: null }),
    });
    const first = renderAt("/coverage", () => <Route path="/coverage" component={CoveragePage} />);
    expect(await screen.findByText(/还没有覆盖率数据/)).toBeTruthy();
    first.unmount();
    // A visit is recorded elsewhere (another phone, or this one's offline queue): the next open shows it.
    rows = [{ nodeId: admin.scopeNodeId, path: admin.scopePath, category, period: "2026-12", due: 1, inspected: 1, percent: 100 }];
    renderAt("/coverage", () => <Route path="/coverage" component={CoveragePage} />);
    const table = await screen.findByTestId("coverage");
    await waitFor(() => expect(within(table).getByText("100%")).toBeTruthy());
    expect(api.calls(`GET /v1/coverage/nodes/${admin.scopeNodeId}`)).toHaveLength(2);
  });
});
