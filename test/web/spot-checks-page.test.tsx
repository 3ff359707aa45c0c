import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { PolicyProfile, PublicSpotCheckDraw, PublicSpotCheckPage } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import ProfilePage from "../../web/src/pages/profile/index.tsx";
import PublicSpotChecksPage from "../../web/src/pages/spot-checks/public.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { presets, version1 } from "./profile-fixture.ts";

const draw = (period: string, seed: string, picks: PublicSpotCheckDraw["picks"]): PublicSpotCheckDraw => ({
  ruleId: "key_unit_random_draw",
  period,
  periodStart: "2026-10-01",
  periodEnd: "2026-12-31",
  dueAt: "2026-12-31T16:00:00.000Z",
  category: "key_unit_spot_check",
  title: { zh: "“双随机、一公开”监督抽查", en: "Random spot checks of key units" },
  seed,
  algorithm: "sha256-sfc32-fy/1",
  drawnAt: "2026-10-08T02:00:00.000Z",
  inspectorsPerVenue: 2,
  pool: { venues: 24, inspectors: 5 },
  picks,
});

const q4 = draw("2026-Q4", "9c1f0e7a5b3d2c4e6f8a0b1c2d3e4f5a", [
  { venueName: "金港商厦", result: { outcome: "hazards_found", inspectedOn: "2026-10-20", passed: 11, hazards: 2 } },
  { venueName: "泽州宾馆", result: { outcome: "passed", inspectedOn: "2026-10-22", passed: 13, hazards: 0 } },
  { venueName: "高都中学", result: { outcome: "pending" } },
]);
const q3 = draw("2026-Q3", "0123456789abcdef0123456789abcdef", [{ venueName: "巴公医院", result: { outcome: "passed", inspectedOn: "2026-08-02", passed: 9, hazards: 0 } }]);
const page = (items: PublicSpotCheckDraw[], cursor: string | null): PublicSpotCheckPage => ({ county: { name: "泽州县" }, items, cursor });

afterEach(() => resetSession());

describe("zezhou 三(四) 一公开: the public spot-check results page", () => {
  it("zezhou 三(四): shows each draw's venues and results, its seed, and reads the county's public endpoint without a token", async () => {
    const api = fakeApi({ "GET /v1/public/zezhou-demo/spot-checks": () => json(200, page([q4], null)) });
    renderAt("/public/zezhou-demo/spot-checks", () => <Route path="/public/:tenantSlug/spot-checks" component={PublicSpotChecksPage} />);
    const card = await screen.findByTestId("spot-check-draw");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("“双随机、一公开”抽查结果");
    expect(screen.getByText(/泽州县按期随机抽取检查对象和检查人员/)).toBeTruthy();
    expect(within(card).getByRole("heading", { level: 2 }).textContent).toContain("2026-Q4");
    expect(within(card).getByText("从 24 家单位中抽取 3 家，每家由 2 名检查人员实施（检查人员库 5 人）")).toBeTruthy();
    const rows = within(card).getAllByRole("row").slice(1);
    expect(rows.map((r) => [r.querySelector("th")!.textContent, r.querySelector(".spot-check-outcome")!.textContent, r.querySelectorAll("td")[1]!.textContent])).toEqual([
      ["金港商厦", "发现隐患", "2026-10-20"],
      ["泽州宾馆", "未发现隐患", "2026-10-22"],
      ["高都中学", "待检查", "—"],
    ]);
    expect(within(rows[0]!).getByText(/合格 11 项，发现隐患 2 处/)).toBeTruthy();
    expect(within(card).getByText(q4.seed)).toBeTruthy();
    const [call] = api.calls("GET /v1/public/zezhou-demo/spot-checks");
    expect(call!.headers.get("authorization")).toBeNull();
  });

  it("zezhou 三(四): reads in English, and loads earlier draws page by page", async () => {
    const api = fakeApi({
      "GET /v1/public/zezhou-demo/spot-checks": (call) => (new URL(call.path, "http://localhost").searchParams.get("cursor") === "c2" ? json(200, page([q3], null)) : json(200, page([q4], "c2"))),
    });
    renderAt("/public/zezhou-demo/spot-checks", () => <Route path="/public/:tenantSlug/spot-checks" component={PublicSpotChecksPage} />, "en");
    await screen.findByTestId("spot-check-draw");
    expect(screen.getByText("Hazards found")).toBeTruthy();
    expect(screen.getByText("Not yet inspected")).toBeTruthy();
    expect(screen.getByText("3 of 24 venues drawn, each inspected by 2 inspectors (from a pool of 5)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Earlier draws" }));
    expect(await screen.findByText("巴公医院")).toBeTruthy();
    expect(screen.getAllByTestId("spot-check-draw")).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "Earlier draws" })).toBeNull();
    expect(api.calls("GET /v1/public/zezhou-demo/spot-checks").map((c) => c.path)).toEqual(["/v1/public/zezhou-demo/spot-checks", "/v1/public/zezhou-demo/spot-checks?cursor=c2"]);
  });

  it("zezhou 三(四): says so when the county code is unknown, and when nothing was drawn yet", async () => {
    fakeApi({ "GET /v1/public/nowhere/spot-checks": () => problem(404, "tenant.not_found", "找不到该单位。") });
    renderAt("/public/nowhere/spot-checks", () => <Route path="/public/:tenantSlug/spot-checks" component={PublicSpotChecksPage} />);
    expect((await screen.findByRole("alert")).textContent).toBe("未找到该县（区），请核对链接。");
    await resetSession();
    fakeApi({ "GET /v1/public/quiet/spot-checks": () => json(200, page([], null)) });
    renderAt("/public/quiet/spot-checks", () => <Route path="/public/:tenantSlug/spot-checks" component={PublicSpotChecksPage} />);
    expect(await screen.findByText("还没有抽查记录。")).toBeTruthy();
  });
});

describe("zezhou 三(四) 双随机: the draw rule on the profile page", () => {
  it("zezhou 三(四): shows the pool, the drawing body and each value with its clause or marked default", async () => {
    const policy: PolicyProfile["venues"]["policies"][number] = {
      id: "key_unit_random_draw",
      kind: "random_spot_check",
      match: { keyUnitLevels: ["key_unit"] },
      by: "county_brigade",
      category: "key_unit_spot_check",
      frequency: { value: { every: 1, unit: "quarter" }, sourceRef: null, assumption: { zh: "文件未规定抽查频次，默认每季度抽取一次" } },
      draw: { value: { measure: "share", percent: 10, min: 1 }, sourceRef: null, assumption: { zh: "文件未规定抽查比例" } },
      inspectorRoles: { value: ["brigade_member"], sourceRef: "xinhe 一", text: "县消防救援大队负责业务指导" },
      inspectorsPerVenue: { value: 2, sourceRef: null, assumption: { zh: "每家单位由 2 名检查人员实施" } },
      sourceRef: "xinhe 一",
      text: "县消防救援大队负责业务指导",
    };
    const withDraw = structuredClone(version1);
    withDraw.profile.venues.policies.push(policy);
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: admin })) });
    await signIn({ tenant: "xinhe", username: admin.username, password: "Fire-safe-2026" });
    fakeApi({ "GET /v1/profile": () => json(200, withDraw), "GET /v1/presets": () => json(200, { items: presets }) });
    renderAt("/profile", () => <Route path="/profile" component={ProfilePage} />);
    await screen.findByRole("heading", { level: 1, name: "政策档案" });
    const rule = document.querySelector<HTMLElement>('[data-rule-id="key_unit_random_draw"]')!;
    expect(within(rule).getByText("“双随机、一公开”抽查")).toBeTruthy();
    expect(within(rule).getByText("抽取单位").nextElementSibling!.textContent).toBe("县消防救援大队");
    const value = (label: string) => within(rule).getByText(label).closest(".cited-value") as HTMLElement;
    expect(within(value("频次")).getByText("每季度")).toBeTruthy();
    expect(within(value("抽取数量")).getByText("10%（向上取整，至少 1 家）")).toBeTruthy();
    expect(within(value("检查人员来源")).getByText("消防队员")).toBeTruthy();
    expect(within(value("每家检查人数")).getByText("2")).toBeTruthy();
    expect(within(value("抽取数量")).getByTestId("default-rule")).toBeTruthy();
    expect(within(value("检查人员来源")).queryByTestId("default-rule")).toBeNull();
  });
});
