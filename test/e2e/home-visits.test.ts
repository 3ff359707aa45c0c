import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, buildChain, fillLogin, phone, scrollWidth, shot, signUpFitting, stackApi, stopAll, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

// 入户走访 on a phone: the village registers a vulnerable household with its
// consent and ID number (shown masked; the full number only on an audited
// reveal for the roles the profile allows), then visits it and fails one item,
// which raises a hazard. The county is one whose profile has home-visit rules,
// found in the profile, never by its name.

const run = Date.now().toString(36);
const SLOW = { timeout: 30_000 };
const ADDRESS = "甲村 3 组 12 号";
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const first17 = "31011719400101352";
const ID = first17 + "10X98765432"[WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0) % 11];
const MASKED = `${ID.slice(0, 6)}********${ID.slice(-4)}`;

describe("入户走访 on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    const found = await signUpFitting(api, `e2e-hv-${run}`, (p) => !!p.homeVisits && p.levels.some((l) => l.id === "village"));
    expect(found, "a preset with home-visit rules").toBeDefined();
    county = found!;
    await buildChain(api, county.token, county.profile);
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("the admin registers a household with consent; the register shows its ID number masked, and the full number on reveal", async () => {
    await page.goto(`${stack.base}/login?tenant=${county.slug}`);
    await fillLogin(page, county.slug, ADMIN);
    await expect.poll(() => page.getByTestId("greeting").count(), SLOW).toBe(1);
    await page.goto(`${stack.base}/home-visits`);
    await page.getByRole("heading", { name: "登记走访对象" }).waitFor(SLOW);
    await page.getByLabel("住址").fill(ADDRESS);
    await page.getByLabel("已取得本人或监护人同意登记个人信息").check();
    await page.getByLabel("同意日期").fill("2026-01-05");
    await page.getByLabel("联系人（选填）").fill("张阿婆");
    await page.getByLabel("身份证号（选填）").fill(ID);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await expect.poll(() => page.locator(".alert-success").textContent(), SLOW).toContain(ADDRESS);
    const row = page.getByTestId("household").filter({ hasText: ADDRESS });
    await expect.poll(() => row.getByTestId("id-number").textContent(), SLOW).toBe(MASKED);
    expect(await page.content()).not.toContain(ID);
    await row.getByRole("button", { name: "查看完整号码" }).click();
    await expect.poll(() => row.getByTestId("id-number").textContent(), SLOW).toBe(ID);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "home-visits-register-phone-zh");
  });

  it("the visit form answers each item on a phone; a failed item raises one hazard", async () => {
    const row = page.getByTestId("household").filter({ hasText: ADDRESS });
    await row.getByRole("button", { name: `走访：${ADDRESS}` }).click();
    const items = row.getByTestId("home-visit-item");
    await items.first().waitFor(SLOW);
    const count = await items.count();
    expect(count).toBe(county.profile.homeVisits!.checklist.length);
    await items.nth(0).getByRole("button", { name: "不符合", exact: true }).click();
    await items.nth(0).getByLabel("问题说明（选填）").fill("楼道内给电动自行车充电");
    for (let i = 1; i < count; i++) await items.nth(i).getByRole("button", { name: "符合", exact: true }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "home-visits-visit-phone-zh");
    await row.getByRole("button", { name: "提交走访记录" }).click();
    await expect.poll(() => page.locator(".alert-success").textContent(), SLOW).toContain("1 项不符合，已生成 1 条隐患");
    const res = await stackApi(stack)("/v1/hazards/by-source?source=home_visit", {}, county.token);
    expect(res.status).toBe(200);
    const hazards = (await res.json()) as { items: { source: string; locationText?: string }[] };
    expect(hazards.items.map((h) => [h.source, h.locationText])).toEqual([["home_visit", ADDRESS]]);
  });
});
