import { query, Route } from "@solidjs/router";
import { render, screen, within } from "@solidjs/testing-library";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import { Layout } from "../../web/src/components/layout.tsx";
import { TelLink, telHref } from "../../web/src/components/tel-link.tsx";
import { formatDate, formatDateTime } from "../../web/src/display.ts";
import { loadWords } from "../../web/src/i18n/index.tsx";
import HomePage from "../../web/src/pages/home/index.tsx";
import MePage from "../../web/src/pages/me/index.tsx";
import SearchPage from "../../web/src/pages/search/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { profileVersion } from "./organisation-fixture.ts";

const tenant = { tenantId: "qidong", name: "启东市", timeZone: "Asia/Shanghai", presetId: "qidong", rootNodeId: admin.scopeNodeId, status: "active", createdAt: admin.createdAt };
const person = (role: Role): User => ({ ...admin, userId: `${role}-1`, username: role, displayName: "王网格", role, phone: "139 1234 5678" });

const emptyCounts = { total: 0, bySeverity: {} };
const dashboard = {
  nodeId: "c0a8f1e2-root", path: "/c0a8f1e2-root", asOf: "2026-12-07T02:00:00.000Z", month: "2026-12",
  hazards: {
    open: { total: 9, byState: { discovered: 4, registered: 2, verifying: 1, rectifying: 2 }, bySeverity: {}, byStateAndSeverity: {} },
    overdue: { total: 3, bySeverity: {} }, listed: { total: 1, bySeverity: {} }, closedThisMonth: 0,
    timeToClose: { closes: 0, histogram: {}, medianDays: null, p90Days: null }, trend: [],
  },
  inspections: null, compliance: null, emptyCounts,
};
const task = (id: string, dueAt: string) => ({ taskId: id, venueId: `v-${id}`, venueName: `场所${id}`, subjectId: `v-${id}`, kind: "inspection", category: "general", state: "open", dueAt });

async function signInAs(user: User, unread = 0) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "qidong", username: user.username, password: "Fire-safe-2026" });
  return fakeApi({
    "GET /v1/me": () => json(200, { user, body: null, tenant }),
    // The role's label is the profile's (vocabulary.platformRoles).
    "GET /v1/profile": () => json(200, profileVersion),
    "GET /v1/inbox/unread-count": () => json(200, { unread }),
    "GET /v1/dashboard": () => json(200, dashboard),
    "GET /v1/hazards/assigned": () => json(200, { items: [{}, {}], cursor: null }),
    "GET /v1/inspection-tasks": () => json(200, { items: [task("1", "2020-01-01T00:00:00.000Z"), task("2", "2999-01-01T00:00:00.000Z"), task("3", "2999-01-02T00:00:00.000Z")], cursor: null }),
  });
}

const renderShell = (path = "/") =>
  renderAt(path, () => (
    <>
      <Route path="/" component={HomePage} />
      <Route path="/me" component={MePage} />
    </>
  ), "zh-CN", Layout);

beforeAll(() => loadWords("zh-CN", ["shell", "hazards"]));
afterEach(resetSession);

describe("the phone shell", () => {
  it.each(["grid_worker", "village_manager", "brigade_member"] as const)("gives a %s five tabs with the unread count, a search button, and no API docs or system status", async (role) => {
    await signInAs(person(role), 4);
    renderShell();
    const bar = await screen.findByRole("navigation", { name: "主导航" });
    const tabs = within(bar).getAllByRole("link");
    expect(tabs.map((a) => a.getAttribute("href"))).toEqual(["/today", "/venues", "/hazards/new", "/inbox", "/me"]);
    expect(tabs.map((a) => a.textContent?.replace(/[^\p{Script=Han}]/gu, ""))).toEqual(["今日任务", "场所", "上报", "消息", "我的"]);
    await vi.waitFor(() => expect(within(bar).getByLabelText("4 条未读")).toHaveTextContent("4"));
    expect(screen.getByRole("link", { name: /搜索/ })).toHaveAttribute("href", "/search");
    expect(screen.queryByRole("link", { name: "接口文档" })).toBeNull();
    expect(screen.queryByRole("link", { name: "系统状态" })).toBeNull();
    expect(screen.queryByRole("link", { name: "用户管理" })).toBeNull();
  });

  it("keeps the full menu for the county's admin, with no tab bar", async () => {
    await signInAs(admin);
    renderShell();
    expect(await screen.findByRole("link", { name: "接口文档" })).toBeInTheDocument();
    for (const name of ["系统状态", "用户管理", "审计日志", "政策档案", "辖区", "搜索"]) expect(screen.getByRole("link", { name })).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "主导航" })).toBeNull();
  });
});

describe("each role's home shows its work", () => {
  it("a grid worker: today's tasks and the overdue ones, the hazards on them, the area's overdue hazards", async () => {
    await signInAs(person("grid_worker"));
    renderShell();
    await vi.waitFor(() => expect(screen.getByTestId("home-tasks")).toHaveTextContent("3待完成巡查"));
    expect(screen.getByTestId("home-tasks-overdue")).toHaveTextContent("1已逾期巡查");
    await vi.waitFor(() => expect(screen.getByTestId("home-my-hazards")).toHaveTextContent("2"));
    expect(screen.getByTestId("home-my-hazards")).toHaveAttribute("href", "/hazards/mine");
    await vi.waitFor(() => expect(screen.getByTestId("home-overdue-hazards")).toHaveTextContent("3"));
    expect(screen.getByTestId("greeting")).toHaveTextContent("王网格，您好");
  });

  it("a town officer: hazards waiting to be registered, dispatched and verified, overdue, each opening the board filtered", async () => {
    await signInAs(person("town_officer"));
    renderShell();
    await vi.waitFor(() => expect(screen.getByTestId("home-to-register")).toHaveTextContent("4待立案"));
    expect(screen.getByTestId("home-to-register")).toHaveAttribute("href", "/hazards?state=discovered");
    expect(screen.getByTestId("home-to-dispatch")).toHaveTextContent("2待派遣");
    expect(screen.getByTestId("home-to-verify")).toHaveTextContent("1待核查");
    expect(screen.getByTestId("home-overdue-hazards")).toHaveTextContent("3");
    expect(screen.queryByTestId("setup-checklist")).toBeNull();
  });

  it("the admin: the first week's setup steps in order", async () => {
    await signInAs(admin);
    renderShell();
    const steps = await screen.findByTestId("setup-checklist");
    expect(within(steps).getAllByRole("link").map((a) => a.getAttribute("href"))).toEqual(["/profile", "/tree", "/users", "/venues", "/integrations/notifications", "/map/settings"]);
  });
});

describe("我的 (/me)", () => {
  it("shows the account with a tap-to-call phone, settings, the outbox slot and sign-out; never the API docs", async () => {
    await signInAs(person("grid_worker"));
    const { container } = renderShell("/me");
    const account = await screen.findByTestId("signed-in-user");
    await vi.waitFor(() => expect(account).toHaveTextContent("启东市"));
    expect(account).toHaveTextContent("网格员");
    expect(within(account).getByRole("link", { name: "139 1234 5678" })).toHaveAttribute("href", "tel:13912345678");
    expect(screen.getByRole("link", { name: "修改密码" })).toHaveAttribute("href", "/account/password");
    expect(screen.getByRole("link", { name: "消息接收设置" })).toHaveAttribute("href", "/account/notifications");
    expect(screen.getByRole("button", { name: "English" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "退出登录" })).toBeInTheDocument();
    expect(container.querySelector("section#me-outbox")).not.toBeNull();
    expect(screen.getByRole("link", { name: "我的隐患" })).toHaveAttribute("href", "/hazards/mine");
    expect(screen.queryByRole("link", { name: "接口文档" })).toBeNull();
  });
});

describe("search from the shell", () => {
  it("finds venues through the API's query and open hazards by their code", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/venues": () => json(200, { items: [{ venueId: "v-1", name: "东风超市", address: "人民路 8 号" }], cursor: null }),
      "GET /v1/hazards": () => json(200, {
        items: [
          { hazardId: "h-1", nodeId: "n", path: "/n", state: "registered", code: "XF-03", description: "疏散通道堆物", source: "grid_patrol", overdue: false, listedAt: [], awaitingAck: [], createdAt: "2026-12-01T00:00:00Z", updatedAt: "2026-12-01T00:00:00Z", version: 1, deadline: "2026-12-16T00:00:00Z" },
          { hazardId: "h-2", nodeId: "n", path: "/n", state: "registered", code: "XF-09", description: "灭火器过期", source: "grid_patrol", overdue: false, listedAt: [], awaitingAck: [], createdAt: "2026-12-01T00:00:00Z", updatedAt: "2026-12-01T00:00:00Z", version: 1 },
        ],
        cursor: null,
      }),
      "GET /v1/profile": () => json(500, {}),
    });
    renderAt("/search?q=xf-03", () => <Route path="/search" component={SearchPage} />);
    const venues = await screen.findByTestId("search-venues");
    await vi.waitFor(() => expect(within(venues).getByRole("link", { name: /东风超市/ })).toHaveAttribute("href", "/venues/v-1"));
    expect(api.calls("GET /v1/venues")[0]!.path).toContain("q=xf-03");
    const hazards = await screen.findByTestId("search-hazards");
    await vi.waitFor(() => expect(within(hazards).getAllByRole("link")).toHaveLength(1));
    expect(within(hazards).getByRole("link")).toHaveAttribute("href", "/hazards/h-1");
  });
});

describe("search from the shell, by a code's name", () => {
  it("asks the server for every open hazard of the code the query names, beyond the first page", async () => {
    query.clear(); // the profile read by the test before (refused) is not this one's
    await signInAs(admin);
    const beyond = { hazardId: "h-9", nodeId: "n", path: "/n", state: "dispatched", code: "XF-07", description: "楼梯间堆放杂物", source: "grid_patrol", overdue: false, listedAt: [], awaitingAck: [], createdAt: "2026-11-01T00:00:00Z", updatedAt: "2026-11-01T00:00:00Z", version: 3 };
    const api = fakeApi({
      "GET /v1/venues": () => json(200, { items: [], cursor: null }),
      "GET /v1/hazards": () => json(200, { items: [], cursor: "next" }),
      "GET /v1/hazards/search": () => json(200, { items: [beyond], cursor: null, truncated: false }),
      "GET /v1/profile": () => json(200, { profile: { hazards: { codes: [{ id: "XF-07", name: { zh: "疏散通道堵塞", en: "Blocked escape route" } }] }, inspectionCategories: [] } }),
    });
    renderAt("/search?q=疏散通道", () => <Route path="/search" component={SearchPage} />);
    const hazards = await screen.findByTestId("search-hazards");
    await vi.waitFor(() => expect(within(hazards).getByRole("link")).toHaveAttribute("href", "/hazards/h-9"));
    expect(api.calls("GET /v1/hazards/search")[0]!.path).toContain("code=XF-07");
  });
});

describe("dates and phone numbers", () => {
  it("shows a day as 2026年12月7日 in zh-CN and as English writes it, a calendar date never shifted by the time zone", () => {
    expect(formatDate("2026-12-07", "zh-CN")).toBe("2026年12月7日");
    expect(formatDate("2026-12-07", "en")).toBe("December 7, 2026");
    expect(formatDate("2026-12-07T04:00:00.000Z", "zh-CN")).toMatch(/^2026年12月7日$/);
    expect(formatDateTime("2026-12-07T06:30:00.000Z", "zh-CN")).toMatch(/^2026年12月7日 \d{2}:30$/);
    expect(formatDateTime("2026-12-07T06:30:00.000Z", "en")).toMatch(/^December 7, 2026/);
    expect(formatDate("not a date", "zh-CN")).toBe("not a date");
  });

  it("makes a phone number a tap-to-call link, and leaves a masked one as text", () => {
    expect(telHref("+86 139-1234-5678")).toBe("tel:+8613912345678");
    render(() => (
      <p>
        <TelLink phone="0513 8321 0000" />
        <TelLink phone="139****5678" />
        <TelLink phone={undefined} fallback="—" />
      </p>
    ));
    expect(screen.getByRole("link", { name: "0513 8321 0000" })).toHaveAttribute("href", "tel:051383210000");
    expect(screen.getByText(/139\*\*\*\*5678/).closest("a")).toBeNull();
    expect(screen.getByText(/—/)).toBeInTheDocument();
  });
});
