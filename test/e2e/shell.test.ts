import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Venue } from "@firegov/core/contract";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, addUser, buildChain, phone, presetIds, scrollWidth, shot, signIn, signUpCounty, stackApi, stopAll } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const WORKER = { username: "li.grid", name: "李网格", password: "Grid-safe-2027" };
const VENUE_NAME = "北街粮油店";

describe("the phone shell of a grid worker, in Chromium at 390×844", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let slug: string;
  let venue: Venue;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    const [presetId] = await presetIds(api);
    const county = await signUpCounty(api, `e2e-sh-${run}`, presetId!);
    slug = county.slug;
    const chain = await buildChain(api, county.token, county.profile);
    const gridId = chain[county.profile.levels.at(-1)!.id]!.nodeId;
    const res = await api("/v1/venues", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ name: VENUE_NAME, nodeId: gridId, kinds: [county.profile.venues.kinds[0]!.id], address: "北街 3 号", contactName: "周老板", contactPhone: "13800001111" }) }, county.token);
    expect(res.status, await res.clone().text()).toBe(201);
    venue = (await res.json()) as Venue;
    await addUser(api, county, WORKER, "grid_worker", gridId);
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("keeps the header and the tab bar within 15% of the screen, and the home page shows the worker's work", async () => {
    await signIn(page, stack, slug, WORKER);
    const bar = page.getByRole("navigation", { name: "主导航" });
    await bar.waitFor();
    const header = await page.getByTestId("shell-header").boundingBox();
    const tabs = await bar.boundingBox();
    expect(header && tabs).toBeTruthy();
    // The tab bar sits on the bottom edge; the header on top.
    expect(Math.round(tabs!.y + tabs!.height)).toBe(844);
    expect(header!.y).toBe(0);
    const navHeight = header!.height + tabs!.height;
    console.log(`shell navigation: header ${header!.height}px + tab bar ${tabs!.height}px = ${navHeight}px of 844 (${((navHeight / 844) * 100).toFixed(1)}%)`);
    expect(navHeight).toBeLessThanOrEqual(0.15 * 844);
    await expect.poll(() => page.getByTestId("home-tasks").textContent()).toMatch(/^\d+待完成巡查$/);
    await expect.poll(() => page.getByTestId("home-my-hazards").textContent()).toMatch(/^\d+\+?我名下未结案隐患$/);
    expect(await page.getByRole("link", { name: "接口文档" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "系统状态" }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "shell-home-grid-worker-phone-zh", false);
  });

  it("has no serious or critical accessibility violations on the home page", async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("opens each of the five tabs", async () => {
    const bar = page.getByRole("navigation", { name: "主导航" });
    for (const [name, path] of [["今日任务", "/today"], ["场所", "/venues"], ["上报", "/hazards/new"], ["消息", "/inbox"], ["我的", "/me"]] as const) {
      await bar.getByRole("link", { name }).click();
      await page.waitForURL((url) => url.pathname === path);
      await expect.poll(() => bar.getByRole("link", { name }).getAttribute("class")).toContain("active");
      await page.getByRole("heading", { level: 1 }).first().waitFor();
    }
    expect(await page.getByRole("button", { name: "退出登录" }).count()).toBe(1);
    expect(await page.locator("section#me-outbox").count()).toBe(1);
    await shot(page, "shell-me-grid-worker-phone-zh", false);
  });

  it("finds a venue by name from the header's search, and its contact phone is a tap-to-call link", async () => {
    await page.getByRole("link", { name: "搜索" }).click();
    await page.waitForURL(/\/search$/);
    await page.getByRole("searchbox").fill("粮油");
    await page.getByRole("searchbox").press("Enter");
    const result = page.getByTestId("search-venues").getByRole("link", { name: new RegExp(VENUE_NAME) });
    await result.waitFor();
    await shot(page, "shell-search-phone-zh", false);
    await result.click();
    await page.waitForURL((url) => url.pathname === `/venues/${venue.venueId}`);
    const call = page.getByRole("link", { name: "13800001111" });
    await call.waitFor();
    expect(await call.getAttribute("href")).toBe("tel:13800001111");
  });

  it("keeps the full menu for the county's admin, whose home lists the setup steps", async () => {
    const desk = await (await browser.newContext(phone)).newPage();
    await desk.goto(`${stack.base}/login?tenant=${slug}`);
    await desk.getByLabel("用户名").fill(ADMIN.username);
    await desk.getByLabel("密码", { exact: true }).fill(ADMIN.password);
    await desk.getByRole("button", { name: "登录", exact: true }).click();
    await desk.waitForURL((url) => url.pathname === "/");
    await shot(desk, "shell-home-admin-phone-zh", false);
    await expect.poll(() => desk.getByTestId("greeting").textContent()).toBe(`${ADMIN.name}，您好`);
    await desk.getByTestId("setup-checklist").waitFor();
    expect(await desk.getByRole("link", { name: "接口文档" }).count()).toBe(1);
    expect(await desk.getByRole("navigation", { name: "主导航" }).count()).toBe(0);
  });
});
