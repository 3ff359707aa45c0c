import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, phone, scrollWidth, shot, signIn, signUpFitting, stackApi, stopAll } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const TOWN = "青石镇";

type StaffingRule = PolicyProfile["staffing"]["rules"][number];

/** The tree item whose own row (not a descendant's) carries the name. */
const treeItem = (page: Page, name: string): Locator => page.locator(".tree-row", { has: page.locator(".tree-name", { hasText: new RegExp(`^${name}$`) }) }).first().locator("xpath=..");

/**
 * A town-level office with a minimum of on-payroll staff that holds for
 * every town (no tier, role or per-unit twist): what the test makes unmet,
 * then met. Found in the profile, never by the county's name.
 */
function onPayrollMinimum(profile: PolicyProfile): StaffingRule | undefined {
  const townBodies = new Set(profile.bodies.filter((b) => b.level === "town").map((b) => b.id));
  return profile.staffing.rules.find(
    (r) => r.employment === "on_payroll" && townBodies.has(r.body) && r.tier === undefined && r.role === undefined && r.per === undefined && r.requirement.measure === "count" && r.requirement.min >= 1 && r.sourceRef !== null,
  );
}

describe("a county admin builds a town and staffs its office until the staffing rule is met, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let slug: string;
  let profile: PolicyProfile;
  let rule: StaffingRule;
  let min: number;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    // Sign a county up on each preset in turn until one has the rule wanted.
    const county = await signUpFitting(stackApi(stack), `e2e-org-${run}`, (p) => onPayrollMinimum(p) !== undefined);
    expect(county, "a preset whose town office has an on-payroll minimum").toBeDefined();
    [slug, profile, rule] = [county!.slug, county!.profile, onPayrollMinimum(county!.profile)!];
    min = rule.requirement.measure === "count" ? rule.requirement.min : 0;
    browser = await launchChromium();
    page = await browser.newPage(phone);
  });

  afterAll(() => stopAll(browser, stack));

  it("signs the admin in and shows the tree with the profile's level names", async () => {
    await signIn(page, stack, slug, ADMIN);
    await page.getByRole("link", { name: "辖区", exact: true }).click();
    await page.waitForURL(/\/tree$/);
    const root = page.locator("[data-testid=tree-item]").first();
    await expect.poll(() => root.locator(".badge-level").first().textContent()).toBe(profile.levels[0]!.name.zh);
    expect(await page.locator(".lead").textContent()).toContain(profile.levels.map((l) => l.name.zh).join(" › "));
  });

  it("builds a town under the county through the tree, a level at a time", async () => {
    const townDepth = profile.levels.findIndex((l) => l.id === "town");
    let parent = page.locator("[data-testid=tree-item]").first();
    for (let depth = 1; depth <= townDepth; depth++) {
      const level = profile.levels[depth]!;
      const name = depth === townDepth ? TOWN : `测试${level.name.zh.replace(/（.*）/, "")}`;
      await parent.locator(".tree-row").first().getByRole("button", { name: "管理" }).click();
      await parent.getByRole("button", { name: `新建${level.name.zh}` }).first().click();
      const form = parent.getByRole("form", { name: `新建${level.name.zh}` });
      await form.getByLabel(`${level.name.zh}名称`).fill(name);
      if (depth === townDepth) await shot(page, "tree-create-town-phone-zh", false);
      await form.getByRole("button", { name: "新建", exact: true }).click();
      await expect.poll(() => page.getByRole("status").first().textContent()).toBe(`已新建${level.name.zh}“${name}”。`);
      parent = treeItem(page, name);
      await expect.poll(() => parent.locator(".badge-level").first().textContent()).toBe(level.name.zh);
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "tree-phone-zh");
  });

  it("shows the town's unmet staffing finding with its clause on the compliance page", async () => {
    const town = treeItem(page, TOWN);
    await town.locator(".tree-row").getByRole("button", { name: "管理" }).click();
    await town.getByRole("link", { name: "合规检查" }).click();
    await page.waitForURL(/\/nodes\/[^/]+\/compliance$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`${TOWN} · 合规检查`);
    const finding = page.locator(`[data-testid=finding][data-rule-id="staffing.${rule.id}"]`);
    await expect.poll(() => finding.getAttribute("data-status")).toBe("unmet");
    // What needs doing comes first: no met finding is listed before it.
    const statuses = await page.locator("[data-testid=finding-group]").evaluateAll((groups) => groups.map((g) => (g as HTMLElement).dataset.status));
    if (statuses.includes("met")) expect(statuses.indexOf("unmet")).toBeLessThan(statuses.indexOf("met"));
    await finding.locator("summary").click();
    expect(await finding.locator(".cite-ref").textContent()).toBe(`条款 ${rule.sourceRef}`);
    expect(await finding.locator("blockquote").textContent()).toBe(rule.text);
    expect(await finding.locator(".finding-evidence").textContent()).toContain(`要求 ≥${min} 人`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "compliance-unmet-phone-zh");
  });

  it("adds the missing on-payroll staff to the office on the town's people tab", async () => {
    await page.getByRole("link", { name: "组织机构" }).click();
    await page.waitForURL(/\/nodes\/[^/]+$/);
    const bodyName = profile.bodies.find((b) => b.id === rule.body)!.name.zh;
    await expect.poll(() => page.locator(`[data-testid=body-card][data-body-id="${rule.body}"] h3`).textContent()).toBe(bodyName);
    await page.getByRole("tab", { name: "人员" }).click();
    for (let i = 1; i <= min; i++) {
      await page.getByRole("button", { name: "新增人员" }).click();
      const form = page.getByRole("form", { name: "新增人员" });
      await form.getByLabel("姓名").fill(`在编${"甲乙丙丁戊己庚辛"[i - 1]}`);
      await form.getByLabel("用工性质").selectOption("on_payroll");
      await form.getByLabel("所在机构").selectOption({ label: bodyName });
      await form.getByLabel("手机号（选填）").fill(`1391234${String(5670 + i)}`);
      if (i === 1) await shot(page, "person-form-phone-zh");
      await form.getByRole("button", { name: "新增", exact: true }).click();
      await expect.poll(() => page.getByRole("status").first().textContent()).toBe(`已新增“在编${"甲乙丙丁戊己庚辛"[i - 1]}”。`);
    }
    await expect.poll(() => page.getByTestId("person-item").count()).toBe(min);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "people-phone-zh");
  });

  it("shows the staffing finding met once the office has them", async () => {
    await page.getByRole("link", { name: "合规检查" }).click();
    await page.waitForURL(/\/compliance$/);
    const finding = page.locator(`[data-testid=finding][data-rule-id="staffing.${rule.id}"]`);
    await expect.poll(() => finding.getAttribute("data-status")).toBe("met");
    expect(await finding.locator(".finding-evidence").textContent()).toContain(`${min} 人，要求 ≥${min} 人`);
    await shot(page, "compliance-met-phone-zh");
  });

  it("refreshes the roll-up, which lists the town and opens its compliance page", async () => {
    await page.getByRole("link", { name: "合规", exact: true }).click();
    await page.waitForURL(/\/compliance$/);
    await page.getByRole("button", { name: "重新汇总" }).click();
    const row = page.locator("[data-testid=rollup-row]").filter({ hasText: TOWN });
    await expect.poll(() => row.count()).toBe(1);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "rollup-phone-zh");
    await row.getByRole("link", { name: TOWN }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`${TOWN} · 合规检查`);
  });
});
