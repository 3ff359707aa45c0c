import { Route } from "@solidjs/router";
import { screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { ProfileChange } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import DiffPage from "../../web/src/pages/profile/diff.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { presets, version1 } from "./profile-fixture.ts";

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: admin.username, password: "Fire-safe-2026" });
}

const { profile: _, ...summary1 } = version1;
const summary2 = { ...summary1, version: 2, basedOn: "v:1", effectiveFrom: "2026-11-22T02:00:00.000Z" };

const line = (text: string) => ({ zh: text, en: text });
const changes: ProfileChange[] = [
  {
    kind: "changed",
    path: "$.hazards.severities[id=general].rectificationDays.value",
    ruleId: "general",
    ruleName: { zh: "一般火灾隐患", en: "General hazard" },
    before: 7,
    after: 15,
    sourceRefBefore: "dongpo 六(二)1",
    sourceRefAfter: null,
    text: line("修改 …"),
  },
  {
    kind: "added",
    path: "$.inspectionCategories[id=town_patrol]",
    ruleId: "town_patrol",
    ruleName: { zh: "乡镇日常巡查", en: "Township patrol" },
    after: { id: "town_patrol", name: { zh: "乡镇日常巡查", en: "Township patrol" }, sourceRef: "xinhe 三(一)" },
    sourceRefAfter: "xinhe 三(一)",
    text: line("新增 …"),
  },
  {
    kind: "removed",
    path: "$.milestones[id=county_plan]",
    ruleId: "county_plan",
    ruleName: { zh: "编制县级消防规划", en: "County fire plan" },
    before: { id: "county_plan", name: { zh: "编制县级消防规划", en: "County fire plan" }, by: "2023-12-31", sourceRef: "dongpo 三(五)" },
    sourceRefBefore: "dongpo 三(五)",
    text: line("删除 …"),
  },
];

function renderDiff(path: string) {
  return renderAt(path, () => <Route path="/profile/diff" component={DiffPage} />);
}

afterEach(resetSession);

describe("profile diff", () => {
  it("lists added, removed and changed rules by topic, with values and the clause cited on each side", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/versions": () => json(200, { items: [summary2, summary1], cursor: null }),
      "GET /v1/presets": () => json(200, { items: presets }),
      "GET /v1/profile/diff": () => json(200, { from: "preset:dongpo", to: "v:2", changes }),
    });
    renderDiff("/profile/diff?from=preset:dongpo&to=v:2");
    expect(await screen.findByText("共 3 处差异：新增 1，删除 1，修改 1。")).toBeInTheDocument();
    expect(api.calls("GET /v1/profile/diff").map((c) => c.path)).toEqual(["/v1/profile/diff?from=preset%3Adongpo&to=v%3A2"]);
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["检查类别 (1)", "隐患治理 (1)", "时间节点 (1)"]);

    const [changed] = screen.getAllByTestId("change").filter((c) => c.dataset.kind === "changed");
    expect(within(changed!).getByText("修改")).toBeInTheDocument();
    // A sentence in the profile's own words; the raw path only as a folded detail.
    expect(within(changed!).getByText("整改期限（一般火灾隐患）", { selector: ".change-label" })).toBeInTheDocument();
    expect(within(changed!).getByText("整改期限（一般火灾隐患）：7 天 → 15 天")).toBeInTheDocument();
    expect(changed).toHaveAccessibleName("整改期限（一般火灾隐患）：7 天 → 15 天");
    const path = within(changed!).getByText("$.hazards.severities[id=general].rectificationDays.value");
    expect(path.closest("details")).not.toHaveAttribute("open");
    expect(within(path.closest("details")!).getByText("档案字段路径")).toBeInTheDocument();
    expect(within(changed!).getByText("原值").nextElementSibling).toHaveTextContent("7");
    expect(within(changed!).getByText("新值").nextElementSibling).toHaveTextContent("15");
    const cites = within(changed!).getAllByRole("listitem").map((li) => li.textContent);
    expect(cites).toEqual(["内置档案（东坡区）：dongpo 六(二)1", "第 2 版：默认值（文件未规定）"]);

    const [added] = screen.getAllByTestId("change").filter((c) => c.dataset.kind === "added");
    expect(within(added!).getByText("新增")).toBeInTheDocument();
    expect(within(added!).queryByText("原值")).toBeNull();
    expect(within(added!).getByText("新增检查类别：乡镇日常巡查（town_patrol）")).toBeInTheDocument();
    expect(within(added!).getByText("新值").nextElementSibling).toHaveTextContent("乡镇日常巡查（town_patrol）");
    expect(within(added!).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["第 2 版：xinhe 三(一)"]);

    const [removed] = screen.getAllByTestId("change").filter((c) => c.dataset.kind === "removed");
    expect(within(removed!).getByText("删除")).toBeInTheDocument();
    expect(within(removed!).getByText("删除时间节点：编制县级消防规划（county_plan）")).toBeInTheDocument();
    expect(within(removed!).getByText("原值").nextElementSibling).toHaveTextContent("编制县级消防规划（county_plan）");
    expect(within(removed!).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["内置档案（东坡区）：dongpo 三(五)"]);

    const from = screen.getByLabelText("比较基准") as HTMLSelectElement;
    expect(from.value).toBe("preset:dongpo");
    expect([...from.options].map((o) => o.value)).toEqual(["v:2", "v:1", "draft", "preset:xinhe", "preset:dongpo"]);
  });

  it("says so when the two sides do not differ, comparing the latest version with its base by default", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/versions": () => json(200, { items: [summary2, summary1], cursor: null }),
      "GET /v1/presets": () => json(200, { items: presets }),
      "GET /v1/profile/diff": () => json(200, { from: "v:1", to: "v:2", changes: [] }),
    });
    renderDiff("/profile/diff");
    expect(await screen.findByText("两者没有差异。")).toBeInTheDocument();
    expect(api.calls("GET /v1/profile/diff").map((c) => c.path)).toEqual(["/v1/profile/diff?from=v%3A1&to=v%3A2"]);
    expect(screen.queryAllByTestId("change")).toHaveLength(0);
  });
});
