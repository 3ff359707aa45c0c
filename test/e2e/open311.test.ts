import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, phone, shot, signIn, signUpCounty, stackApi, stopAll, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

// Open311 接入 in Chromium on a phone: the county admin issues a city platform's key under 对接与推送, the platform
// files a request with it through the same origin, and the admin revokes the key; the page passes axe.

const run = Date.now().toString(36);
const SLOW = { timeout: 60_000 };

describe("Open311 接入: a county admin issues and revokes a city platform's key from the web", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    county = await signUpCounty(stackApi(stack), `e2e-o311-${run}`, "songjiang");
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  }, 300_000);

  afterAll(async () => {
    await stopAll(browser, stack);
  });

  it("issues a key shown once, the platform files a request with it, then the key is revoked and refused; the page passes axe", async () => {
    await signIn(page, stack, county.slug, ADMIN);
    await page.goto(`${stack.base}/integrations/open311`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Open311 接入" }).count(), SLOW).toBe(1);
    // The menu's 对接与推送 entry leads here (the tabs show once the section has a second page).
    expect(await page.getByRole("link", { name: "对接与推送" }).first().getAttribute("href")).toBe("/integrations/open311");
    const form = page.getByRole("form", { name: "签发新密钥" });
    await form.getByLabel("接入方名称").fill("区12345热线平台");
    await form.getByRole("button", { name: "签发" }).click();
    await expect.poll(() => page.getByTestId("api-key").count(), SLOW).toBe(1);
    const key = (await page.getByTestId("api-key").textContent())!.trim();
    expect(key).toMatch(/^o311_/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "open311-issued");

    // The platform, through the same origin as the web.
    const file = () =>
      fetch(`${stack.base}/open311/v2/${county.slug}/requests.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ api_key: key, service_code: "ebike_charging", address_string: "幸福小区3号楼", description: "楼道里电动车在充电" }).toString(),
      });
    const filed = await file();
    expect(filed.status).toBe(201);
    expect((await filed.json())[0].service_request_id).toEqual(expect.any(String));

    await page.getByRole("button", { name: "已保存，关闭" }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "吊销" }).click();
    await expect.poll(() => page.getByText(/已于 .* 吊销/).count(), SLOW).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect((await file()).status).toBe(403);
  }, 180_000);
});
