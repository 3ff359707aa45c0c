import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { RuleCoverage, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import RuleCoveragePage from "../../web/src/pages/profile/coverage.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";

const worker: User = { ...admin, userId: "2b8c5d1e-worker", username: "wang.grid", displayName: "王网格", role: "grid_worker" };

const coverage: RuleCoverage = {
  version: 3,
  rules: 3,
  applied: 2,
  dataOnly: 1,
  rows: [
    { path: "obligations.regular_meeting", section: "obligations", kind: "meeting", clause: "xinhe 三(二)", code: "compliance/rules/obligations.ts obligations", does: { zh: "例行工作按周期判定", en: "Recurring duties judged per period" }, dataOnly: false },
    { path: "platforms.cloud", section: "platforms", clause: "xinhe 三(六)", code: "profile/coverage.ts platformSupport", does: { zh: "平台功能由本系统提供", en: "The platform's functions are this product's" }, dataOnly: false, missing: [{ fn: "alarm_dispatch", why: { zh: "火警派警尚未建设", en: "fire-alarm dispatch is not built yet" } }] },
    { path: "platforms.map", section: "platforms", clause: null, does: { zh: "平台功能本系统尚未提供", en: "None of the platform's functions is in the product yet" }, dataOnly: true },
  ],
};

async function open(locale?: "en") {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: worker })) });
  await signIn({ tenant: "xinhe", username: worker.username, password: "Fire-safe-2026" });
  fakeApi({ "GET /v1/profile/coverage": () => json(200, coverage) });
  renderAt("/profile/coverage", () => <Route path="/profile/coverage" component={RuleCoveragePage} />, locale);
}

afterEach(resetSession);

describe("the rule coverage page", () => {
  it("lists each rule with its clause and what applies it, marks data-only rules and names a platform's missing functions", async () => {
    await open();
    expect(await screen.findByTestId("coverage-summary")).toHaveTextContent("第 3 版共 3 条规则：系统执行 2 条，仅保存为数据 1 条。");
    const rows = screen.getAllByTestId("coverage-row");
    expect(rows.map((r) => r.dataset.path)).toEqual(["obligations.regular_meeting", "platforms.cloud", "platforms.map"]);
    expect(within(rows[0]!).getByText("xinhe 三(二)")).toBeInTheDocument();
    expect(within(rows[0]!).getByText("系统执行")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("火警派警尚未建设")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("仅数据")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("默认值（文件未规定）")).toBeInTheDocument();

    fireEvent.click(screen.getByLabelText("只看仅保存为数据的规则"));
    expect(screen.getAllByTestId("coverage-row").map((r) => r.dataset.path)).toEqual(["platforms.map"]);
  });

  it("reads in English", async () => {
    await open("en");
    expect(await screen.findByTestId("coverage-summary")).toHaveTextContent("Version 3 has 3 rules: 2 applied by the product, 1 held as data only.");
    expect(screen.getByText("fire-alarm dispatch is not built yet")).toBeInTheDocument();
  });
});
