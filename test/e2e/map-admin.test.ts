import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, buildChain, phone, shot, signIn, signUpCounty, stackApi, stopAll, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

// The one map's admin side in Chromium on a phone (一张图, songjiang 八(三)): the county admin keeps no basemap,
// uploads a town's boundary from the town's page, and the map draws it on a plain background.

const run = Date.now().toString(36);
const SLOW = { timeout: 60_000 };

describe("songjiang 八(三): a county admin uploads a town's boundary from the web and sees it on the one map", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;
  let town: { nodeId: string; name: string };

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    county = await signUpCounty(api, `e2e-mapadm-${run}`, "songjiang");
    const chain = await buildChain(api, county.token, county.profile);
    town = chain[county.profile.levels[1]!.id]!;
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  }, 300_000);

  afterAll(async () => {
    await stopAll(browser, stack);
  });

  it("sets no basemap, uploads the boundary on the town's page, then /map draws it as a Leaflet path; the settings pass axe", async () => {
    await signIn(page, stack, county.slug, ADMIN);

    // 地图设置, reached from the map: no basemap chosen and saved.
    await page.goto(`${stack.base}/map`);
    await page.getByRole("link", { name: "地图设置 ›" }).click();
    await expect.poll(() => page.getByTestId("basemap-current").textContent(), SLOW).toContain("不使用底图");
    const form = page.getByRole("form", { name: "底图" });
    await form.getByLabel("天地图").check();
    await form.getByLabel("天地图密钥").fill("not-a-key");
    await form.getByRole("button", { name: "保存底图" }).click();
    // The API's field error, shown next to the key.
    await expect.poll(() => form.getByText(/天地图密钥应为 32 位十六进制字符/).count(), SLOW).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByLabel("不使用底图").check();
    await form.getByRole("button", { name: "保存底图" }).click();
    await expect.poll(() => page.getByText("底图已保存。").count(), SLOW).toBe(1);
    await page.getByText("为什么要注意坐标系").click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "map-settings");

    // The town's boundary tab: a file with lat/lng swapped is refused in Chinese, the right one is stored.
    await page.goto(`${stack.base}/nodes/${town.nodeId}?tab=boundary`);
    await expect.poll(() => page.getByTestId("boundary-status").textContent(), SLOW).toContain("尚未上传边界");
    const dir = mkdtempSync(join(tmpdir(), "boundary-"));
    const swapped = join(dir, "swapped.geojson");
    writeFileSync(swapped, JSON.stringify({ type: "Polygon", coordinates: [[[31.0, 121.2], [31.0, 121.3], [31.1, 121.3], [31.0, 121.2]]] }));
    const good = join(dir, "town.geojson");
    writeFileSync(good, JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: town.name }, geometry: { type: "Polygon", coordinates: [[[121.2, 31.0], [121.3, 31.0], [121.3, 31.1], [121.2, 31.1], [121.2, 31.0]]] } }] }));
    const upload = page.getByRole("form", { name: "上传边界" });
    await upload.getByLabel("边界文件（.geojson / .json）").setInputFiles(swapped);
    await upload.getByRole("button", { name: "上传边界" }).click();
    await expect.poll(() => upload.getByText(/经纬度是否写反了/).count(), SLOW).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await upload.getByLabel("边界文件（.geojson / .json）").setInputFiles(good);
    await upload.getByRole("button", { name: "上传边界" }).click();
    await expect.poll(() => page.getByTestId("boundary-status").textContent(), SLOW).toContain("已上传边界（5 个坐标点）");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The map of the county: the town's boundary drawn, no tiles asked for.
    await page.getByRole("link", { name: "在一张图中查看" }).click();
    await page.locator('[data-testid="map"][data-ready="true"]').waitFor(SLOW);
    await expect.poll(() => page.locator(".leaflet-overlay-pane path").count(), SLOW).toBeGreaterThan(0);
    expect(await page.locator(".leaflet-tile").count()).toBe(0);
    await shot(page, "map-admin-boundary", false);
  }, 240_000);
});
