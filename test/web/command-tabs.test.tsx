import { Route } from "@solidjs/router";
import { screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import { CommandTabs } from "../../web/src/components/command-tabs.tsx";
import { Layout } from "../../web/src/components/layout.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "qidong", username: user.username, password: "Fire-safe-2026" });
  fakeApi({ "GET /v1/inbox/unread": () => json(200, { unread: 0 }), "GET /v1/me": () => json(200, { user }) });
}

const renderMap = () => renderAt("/map", () => <Route path="/map" component={() => <CommandTabs />} />, "zh-CN", Layout);

afterEach(resetSession);

describe("the leaders' pages (指挥中心) under one menu entry", () => {
  it("the menu has one 指挥中心 entry, active on the map, and the tabs lead to the dashboard, map, reports and assessment", async () => {
    await signInAs(admin);
    renderMap();
    const menu = screen.getAllByRole("navigation")[0]!;
    const entry = within(menu).getByRole("link", { name: "指挥中心" });
    expect(entry).toHaveAttribute("href", "/dashboard");
    expect(entry).toHaveClass("active");
    expect(within(menu).queryByRole("link", { name: "一张图" })).toBeNull();
    expect(within(menu).queryByRole("link", { name: "统计报表" })).toBeNull();
    const tabs = screen.getByRole("navigation", { name: "指挥中心" });
    expect(within(tabs).getAllByRole("link").map((a) => a.getAttribute("href"))).toEqual(["/dashboard", "/map", "/reports", "/assessment"]);
    expect(within(tabs).getByRole("link", { name: "一张图" })).toHaveClass("active");
  });
});
