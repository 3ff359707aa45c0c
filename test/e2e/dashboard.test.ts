import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, buildChain, phone, presetIds, scrollWidth, shot, signIn, signUpCounty, stackApi, stopAll, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);

describe("the leaders' dashboard on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    county = await signUpCounty(api, `e2e-dash-${run}`, (await presetIds(api))[0]!);
    const nodes = await buildChain(api, county.token, county.profile);
    const place = nodes[county.profile.levels.at(-1)!.id]!;
    const code = county.profile.hazards.codes[0];
    // Two reports, so the figures and the trend have something to show.
    for (const description of ["楼道内堆放纸箱，堵塞疏散通道", "电动自行车在楼道内充电"]) {
      const res = await api(
        "/v1/hazards",
        { method: "POST", body: JSON.stringify({ nodeId: place.nodeId, ...(code ? { code: code.id } : { code: "other", codeText: "其他" }), severity: county.profile.hazards.severities[0]!.id, description, source: "inspection" }) },
        county.token,
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  }, 240_000);

  afterAll(() => stopAll(browser, stack));

  it("songjiang 八(三): opens from the nav, shows the figures and the trend chart, fits a phone and has no serious axe violation", async () => {
    await signIn(page, stack, county.slug, ADMIN);
    await page.getByRole("link", { name: "指挥中心", exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await expect.poll(() => page.getByTestId("fig-open").textContent(), { timeout: 20_000 }).toContain("2");
    // uPlot came with the page's own chunk and drew on a canvas.
    await expect.poll(() => page.locator("[data-testid=trend-chart] canvas").count(), { timeout: 20_000 }).toBe(1);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "dashboard-phone-zh");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("drills down from a figure to the hazard board filtered to it", async () => {
    await page.getByTestId("fig-open").getByRole("link").click();
    await page.waitForURL(/\/hazards$/);
    await expect.poll(() => page.locator(".hz-card").count(), { timeout: 20_000 }).toBe(2);
  });
});
