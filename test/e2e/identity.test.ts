import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, fillLogin, phone, shot, signInDesktopEnglish, stopAll } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const slug = `e2e-${Date.now().toString(36)}`;
const WORKER = { username: "wang.grid", name: "王网格", temporary: "Temp-pass-2026", own: "Grid-safe-2027" };

const signIn = (page: Page, username: string, password: string) => fillLogin(page, slug, { username, password });

describe("a county signs up and manages its users, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    browser = await launchChromium();
    page = await browser.newPage(phone);
  });

  afterAll(() => stopAll(browser, stack));

  it("sends a visitor of a protected page to the login page", async () => {
    await page.goto(`${stack.base}/users`);
    await page.waitForURL(/\/login\?next=%2Fusers$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("登录");
  });

  it("signs a county up through the form, then asks its admin to sign in with the code filled in", async () => {
    await page.goto(`${stack.base}/signup`);
    await page.getByLabel("单位代码").fill(slug);
    await page.getByLabel("单位名称").fill("测试县");
    const preset = page.getByLabel("政策档案");
    await expect.poll(() => preset.locator("option").count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await preset.locator("option").nth(1).textContent()).toMatch(/ — .+/);
    await preset.selectOption({ index: 1 });
    await page.getByLabel("用户名").fill(ADMIN.username);
    await page.getByLabel("姓名").fill(ADMIN.name);
    await page.getByLabel("手机号（选填）").fill("13912345678");
    await page.getByLabel("密码", { exact: true }).fill(ADMIN.password);
    await page.getByLabel("确认密码").fill(ADMIN.password);
    await shot(page, "signup-phone-zh");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await page.waitForURL(/\/login\?/);
    expect(await page.getByRole("status").first().textContent()).toContain("注册成功");
  });

  it("signs the admin in and shows their name, role and county", async () => {
    await shot(page, "login-phone-zh");
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect.poll(() => page.getByTestId("greeting").textContent(), { timeout: 30_000 }).toBe(`${ADMIN.name}，您好`);
    // The role's label and the county's name come with the profile and the account, which may still be on their way.
    await expect.poll(() => page.getByTestId("signed-in-user").textContent(), { timeout: 10_000 }).toContain("县级管理员");
    await expect.poll(() => page.getByTestId("signed-in-user").textContent()).toContain("测试县");
    expect(await page.getByTestId("signed-in-user").textContent()).toContain(ADMIN.name);
  });

  it("creates a grid worker with a temporary password on the users page", async () => {
    await page.getByRole("link", { name: "用户管理" }).click();
    await page.getByRole("button", { name: "新建用户" }).click();
    const form = page.getByRole("form", { name: "新建用户" });
    await form.getByLabel("用户名").fill(WORKER.username);
    await form.getByLabel("姓名").fill(WORKER.name);
    await form.getByLabel("角色").selectOption({ label: "网格员" });
    expect(await form.getByLabel("所属辖区").locator("option:checked").textContent()).toBe("测试县");
    await form.getByLabel("临时密码").fill(WORKER.temporary);
    await form.getByRole("button", { name: "创建用户" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 10_000 }).toContain(`已创建用户“${WORKER.name}”`);
    const item = page.locator(`[data-testid=user-item][data-username="${WORKER.username}"]`);
    await expect.poll(() => item.textContent()).toContain("待修改临时密码");
    expect(await item.textContent()).toContain("网格员");
    await shot(page, "users-phone-zh");
  });

  it("signs the admin out", async () => {
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login$/);
    await expect.poll(() => page.getByTestId("signed-in-user").count()).toBe(0);
  });

  it("makes the grid worker change the temporary password first, then shows their name", async () => {
    await signIn(page, WORKER.username, WORKER.temporary);
    await page.waitForURL(/\/account\/password$/);
    expect(await page.getByRole("status").first().textContent()).toContain("临时密码");
    await page.getByLabel("当前密码").fill(WORKER.temporary);
    await page.getByLabel("新密码", { exact: true }).fill(WORKER.own);
    await page.getByLabel("确认新密码").fill(WORKER.own);
    await shot(page, "password-change-phone-zh");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect.poll(() => page.getByTestId("greeting").textContent(), { timeout: 30_000 }).toBe(`${WORKER.name}，您好`);
    // A grid worker has the phone shell: five tabs, their account on 我的.
    await page.getByRole("navigation", { name: "主导航" }).waitFor();
    expect(await page.getByRole("link", { name: "用户管理" }).count()).toBe(0);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的" }).click();
    // The role's label comes with the county's profile, which may still be on its way.
    await expect.poll(() => page.getByTestId("signed-in-user").textContent(), { timeout: 10_000 }).toContain("网格员");
    await shot(page, "grid-worker-home-phone-zh");
  });

  it("keeps the grid worker signed in across a reload, by refreshing", async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId("signed-in-user").textContent(), { timeout: 10_000 }).toContain(WORKER.name);
    expect(new URL(page.url()).pathname).toBe("/me");
  });

  it("sends the user to sign in again, saying why, when the session cannot be restored", async () => {
    // A dead refresh token, and no live access token kept for offline use (it lives 15 minutes): nothing restores the session.
    await page.evaluate((token) => {
      localStorage.setItem("firegov.refresh", token);
      localStorage.removeItem("firegov.access");
    }, `${slug}.00000000-0000-4000-8000-000000000000.not-a-live-session`);
    await page.goto(`${stack.base}/users`);
    await page.waitForURL(/\/login\?next=%2Fusers$/);
    expect(await page.getByRole("status").first().textContent()).toBe("登录已过期，请重新登录。");
    expect(await page.evaluate(() => localStorage.getItem("firegov.refresh"))).toBeNull();
    await shot(page, "login-expired-phone-zh");
  });

  it("shows the admin's users page on a desktop, in English", async () => {
    const desktop = await signInDesktopEnglish(browser, stack, slug, ADMIN);
    await desktop.getByRole("link", { name: "Users" }).click();
    const item = desktop.locator(`[data-testid=user-item][data-username="${WORKER.username}"]`);
    await expect.poll(() => item.textContent()).toContain("Grid worker");
    await shot(desktop, "users-desktop-en");
    await desktop.getByRole("link", { name: "Audit log" }).click();
    await expect.poll(() => desktop.getByTestId("audit-entry").count()).toBeGreaterThan(3);
    const actions = await desktop.getByTestId("audit-entry").allTextContents();
    expect(actions.join("\n")).toContain("User created");
    await shot(desktop, "audit-desktop-en");
    await desktop.close();
  });
});
