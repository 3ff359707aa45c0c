import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, buildChain, phone, scrollWidth, fillLogin, shot, signUpCounty, stackApi, stopAll, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);

describe("the reports page on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;
  let townName: string;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    county = await signUpCounty(api, `e2e-rep-${run}`, "songjiang");
    const nodes = await buildChain(api, county.token, county.profile);
    townName = nodes.town!.name;
    // Two hazards at the town today: the report has figures to show.
    for (const severity of county.profile.hazards.severities.slice(0, 2)) {
      const res = await api(
        "/v1/hazards",
        { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ nodeId: nodes.town!.nodeId, code: county.profile.hazards.codes[0]!.id, severity: severity.id, description: "楼道内堆放纸箱，堵塞疏散通道", source: "grid_patrol" }) },
        county.token,
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("shows this year's figures per body and per area, fits the phone, passes axe, and downloads the response-time workbook", async () => {
    // signIn's one-second polls, with longer waits: on a busy machine the first load and the password check take longer.
    await page.goto(`${stack.base}/login?tenant=${county.slug}`);
    await page.getByLabel("单位代码").waitFor({ timeout: 30_000 });
    await fillLogin(page, county.slug, ADMIN);
    await page.getByTestId("greeting").waitFor({ timeout: 30_000 });
    await page.goto(`${stack.base}/reports`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "统计报表" }).count()).toBe(1);
    const bodies = page.getByTestId("by-body");
    await expect.poll(() => bodies.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await bodies.getByRole("row", { name: /合计/ }).textContent()) ?? "").toMatch(/^合计2/);
    expect(await page.getByTestId("by-node").getByRole("row", { name: new RegExp(townName) }).count()).toBe(1);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "reports-phone");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出响应时效（Excel）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^响应时效-response-times-.*\.xlsx$/);
  });
});
