import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, addUser, buildChain, phone, scrollWidth, shot, signIn, signUpCounty, stackApi, stopAll, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const MANAGER = { username: "li.village", name: "李村长", password: "Village-safe-2026" };

// songjiang 五(二)3 (及时发布火灾预警信息) and yancheng (三) (预警叫应), on a phone.
describe("the early-warning page (预警叫应) on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let admin: Page;
  let field: Page;
  let county: County;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    county = await signUpCounty(api, `e2e-wrn-${run}`, "songjiang");
    const nodes = await buildChain(api, county.token, county.profile);
    await addUser(api, county, MANAGER, "village_manager", nodes.village!.nodeId);
    browser = await launchChromium();
    admin = await (await browser.newContext(phone)).newPage();
    field = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("songjiang 五(二)3: the county issues a warning to its villages; the village answers with one tap (yancheng (三)); the issuer sees 100% and downloads the answers", async () => {
    await signIn(admin, stack, county.slug, ADMIN);
    await admin.goto(`${stack.base}/warnings`);
    await expect.poll(() => admin.getByRole("heading", { level: 1, name: "预警叫应" }).count(), { timeout: 30_000 }).toBe(1);
    const form = admin.getByRole("form", { name: "发布预警" });
    await form.getByLabel("标题").fill("大风天气火灾预警");
    await form.getByLabel("预警内容").fill("今夜有大风，请检查露天堆物和电动自行车充电点。");
    await form.getByLabel("发往").selectOption("village");
    await form.getByRole("button", { name: "发布预警" }).click();
    await expect.poll(() => admin.getByText("已发布，发往 1 个节点。").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await admin.getByTestId("answer-rate").first().textContent()) ?? "", { timeout: 15_000 }).toContain("0%");
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await shot(admin, "warnings-issuer-phone");

    await signIn(field, stack, county.slug, MANAGER);
    await field.goto(`${stack.base}/warnings`);
    const card = field.getByTestId("node-warning");
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    expect(await card.textContent()).toContain("待叫应");
    await card.getByLabel("已采取的防范措施").fill("已清理露天堆物");
    await card.getByRole("button", { name: "叫应" }).click();
    // The list is read again: the card shows the answer's time, and the button now updates the measures.
    await expect.poll(async () => (await card.textContent()) ?? "", { timeout: 15_000 }).toContain("叫应时间");
    expect(await card.getByRole("button", { name: "更新措施" }).count()).toBe(1);
    expect(await card.getByLabel("已采取的防范措施").inputValue()).toBe("已清理露天堆物");
    expect(await scrollWidth(field)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(field)).toEqual([]);
    await shot(field, "warnings-field-phone");

    await admin.reload();
    await expect.poll(async () => (await admin.getByTestId("answer-rate").first().textContent()) ?? "", { timeout: 15_000 }).toContain("100%");
    await admin.getByRole("button", { name: "查看各节点情况" }).click();
    await expect.poll(() => admin.getByTestId("warning-target").count(), { timeout: 15_000 }).toBe(1);
    expect(await admin.getByTestId("warning-target").textContent()).toContain("已清理露天堆物");
    expect(await seriousAxeViolations(admin)).toEqual([]);
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "导出叫应情况" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^预警叫应-warning-.*\.xlsx$/);
  });
});
