import { Route } from "@solidjs/router";
import { screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import ProfilePage from "../../web/src/pages/profile/index.tsx";
import VersionsPage from "../../web/src/pages/profile/versions.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { presets, profile, version1 } from "./profile-fixture.ts";

const worker: User = { ...admin, userId: "2b8c5d1e-worker", username: "wang.grid", displayName: "王网格", role: "grid_worker" };

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "xinhe", username: user.username, password: "Fire-safe-2026" });
}

const rule = (id: string) => document.querySelector<HTMLElement>(`[data-rule-id="${id}"]`)!;

afterEach(resetSession);

describe("profile page", () => {
  it("shows the version in effect by topic, each rule with its clause and text, a default with its badge and assumption", async () => {
    await signInAs(worker);
    fakeApi({ "GET /v1/profile": () => json(200, version1), "GET /v1/presets": () => json(200, { items: presets }) });
    renderAt("/profile", () => <Route path="/profile" component={ProfilePage} />);

    expect(await screen.findByRole("heading", { level: 1, name: "政策档案" })).toBeInTheDocument();
    expect(screen.getByText("新河县 · 第 1 版")).toBeInTheDocument();
    expect(screen.getByText("生效时间").nextElementSibling).toHaveTextContent("2026");
    expect(screen.getByText("现行有效")).toBeInTheDocument();
    expect(await screen.findByText("内置档案（新河县）")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "隐患治理" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "组织构成与人员配备" })).toBeInTheDocument();

    const general = rule("general");
    expect(within(general).getByText("条款 三(二)")).toBeInTheDocument();
    expect(within(general).getByText("一般隐患由乡镇督促限期整改")).toBeInTheDocument();
    const deadline = within(general).getByText("整改期限").closest(".cited-value") as HTMLElement;
    expect(within(deadline).getByText("15 天")).toBeInTheDocument();
    expect(within(deadline).getByText("默认值（文件未规定）")).toBeVisible();
    expect(within(deadline).getByText(/文件未规定整改期限，默认一般隐患15日/)).toBeInTheDocument();

    expect(within(rule("town_patrol")).getByText("每月")).toBeInTheDocument();
    expect(within(rule("station_on_payroll")).getByText("乡镇消防工作站 · 在编人员")).toBeInTheDocument();
    expect(within(rule("station_on_payroll")).getByText("至少 2 人")).toBeInTheDocument();

    expect(screen.getByRole("link", { name: "历史版本" })).toHaveAttribute("href", "/profile/versions");
    expect(screen.getByRole("link", { name: "查看本版改动" })).toHaveAttribute("href", "/profile/diff?from=preset%3Axinhe&to=v%3A1");
    expect(screen.queryByRole("link", { name: "编辑草稿" })).toBeNull();
  });

  it("reads in English, the assumption in English too", async () => {
    await signInAs(worker);
    fakeApi({ "GET /v1/profile": () => json(200, version1), "GET /v1/presets": () => json(200, { items: presets }) });
    renderAt("/profile", () => <Route path="/profile" component={ProfilePage} />, "en");
    const general = await screen.findByText("General hazard").then((el) => el.closest("li") as HTMLElement);
    expect(within(general).getByText("Clause 三(二)")).toBeInTheDocument();
    expect(within(general).getByText("15 days")).toBeInTheDocument();
    expect(within(general).getByText("Default (not in the document)")).toBeInTheDocument();
    expect(within(general).getByText(/No deadline in the document; 15 days by default/)).toBeInTheDocument();
  });

  it("shows a coverage period's marked default, a baseline item's national clause whole, and every category of a venue kind", async () => {
    await signInAs(worker);
    const p = structuredClone(profile);
    const patrol = p.inspectionCategories[0]!;
    patrol.coveragePeriod = { every: 1, unit: "quarter", sourceRef: null, assumption: { zh: "文件未规定检查频次，默认每季度对本类场所全覆盖检查一次", en: "The document sets no frequency" } };
    patrol.checklist = [
      { id: "exit_blocked", name: { zh: "疏散通道、安全出口畅通", en: "Exits kept clear" }, hazardCode: "escape_route_blocked", baseline: "exit_blocked", sourceRef: "消防法 第二十八条", text: "不得占用、堵塞、封闭疏散通道、安全出口、消防车通道" },
    ];
    p.inspectionCategories.push({ ...structuredClone(patrol), id: "grid_patrol", name: { zh: "网格巡查", en: "Grid patrol" }, checklist: [] });
    p.hazards.codes = [{ id: "escape_route_blocked", name: { zh: "堵塞疏散通道", en: "Exit blocked" }, sourceRef: "消防法 第二十八条", text: "不得占用、堵塞、封闭疏散通道、安全出口" }];
    p.venues.kinds = [{ id: "shop", name: { zh: "沿街商铺", en: "Shop" }, flags: [], category: "town_patrol", alsoCategories: ["grid_patrol"], sourceRef: "xinhe 三(一)", text: "工作站每月开展一次巡查" }];
    fakeApi({ "GET /v1/profile": () => json(200, { ...version1, profile: p }), "GET /v1/presets": () => json(200, { items: presets }) });
    renderAt("/profile", () => <Route path="/profile" component={ProfilePage} />);

    await screen.findByRole("heading", { level: 1, name: "政策档案" });
    const period = within(rule("town_patrol")).getByText("全覆盖周期").closest(".cited-value") as HTMLElement;
    expect(within(period).getByText("每季度")).toBeInTheDocument();
    expect(within(period).getByText(/默认每季度对本类场所全覆盖检查一次/)).toBeInTheDocument();
    expect(within(rule("exit_blocked")).getByText("条款 消防法 第二十八条")).toBeInTheDocument();
    expect(within(rule("shop")).getByText("乡镇日常巡查、网格巡查")).toBeInTheDocument();
  });
});

describe("profile history", () => {
  it("lists versions newest first with their start, publisher, base and note, each opening read-only", async () => {
    await signInAs(admin);
    const version2 = { ...version1, version: 2, effectiveFrom: "2026-11-22T02:00:00.000Z", publishedAt: "2026-11-22T01:00:00.000Z", basedOn: "v:1", note: "缩短一般隐患整改期限" };
    const { profile: _, ...summary1 } = version1;
    const { profile: __, ...summary2 } = version2;
    fakeApi({
      "GET /v1/profile/versions": () => json(200, { items: [summary2, summary1], cursor: null }),
      "GET /v1/profile": () => json(200, version2),
      "GET /v1/presets": () => json(200, { items: presets }),
      "GET /v1/users": () => json(200, { items: [admin], cursor: null }),
    });
    renderAt("/profile/versions", () => <Route path="/profile/versions" component={VersionsPage} />);
    const items = await screen.findAllByTestId("version-item");
    expect(items.map((item) => item.dataset.version)).toEqual(["2", "1"]);
    const [second, first] = items as [HTMLElement, HTMLElement];
    expect(await within(second).findByText("现行有效")).toBeInTheDocument();
    expect(within(second).getByText("第 1 版")).toBeInTheDocument();
    expect(within(second).getByText("缩短一般隐患整改期限")).toBeInTheDocument();
    expect(await within(second).findByText(/张建国/)).toBeInTheDocument();
    expect(within(first).getByText("已被替代")).toBeInTheDocument();
    expect(within(first).getByText("内置档案（新河县）")).toBeInTheDocument();
    expect(within(first).getByRole("link", { name: "查看" })).toHaveAttribute("href", "/profile/versions/1");
    expect(within(second).getByRole("link", { name: "查看本版改动" })).toHaveAttribute("href", "/profile/diff?from=v%3A1&to=v%3A2");
  });
});
