import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { artifactsDir, launchChromium } from "../support/browser.ts";
import { ADMIN, phone, presetIds, scrollWidth, shot as fullShot, signIn, signInDesktopEnglish, signUpCounty, stackApi, stopAll } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const slug = `e2e-profile-${Date.now().toString(36)}`;

/** What is on screen, not the whole page. */
const shot = (page: Page, name: string) => fullShot(page, name, false);

describe("a county admin changes a deadline in its policy profile and publishes it, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  /** The profile the county signed up with (version 1), read through the API. */
  let v1: PolicyProfile;
  let severity: PolicyProfile["hazards"]["severities"][number];
  let newDays: number;
  let clause: string;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    // A fresh county on whichever built-in profile the API lists first: no county is named here.
    const current = await signUpCounty(api, slug, (await presetIds(api))[0]!);
    expect(current.version).toBe(1);
    v1 = current.profile;
    severity = v1.hazards.severities[0]!;
    newDays = severity.rectificationDays.value === 7 ? 5 : 7;
    // The county cites its own document: the severity's clause, else the first clause the profile cites.
    clause = severity.sourceRef ?? /"sourceRef":"([^"]+)"/.exec(JSON.stringify(v1))![1]!;

    browser = await launchChromium();
    page = await browser.newPage(phone);
  });

  afterAll(() => stopAll(browser, stack));

  it("signs the admin in and opens the profile in effect: version 1, each rule cited or marked as a default", async () => {
    await signIn(page, stack, slug, ADMIN);

    await page.locator("nav.nav").getByRole("link", { name: "政策档案" }).click(); // the menu's link (the admin home lists it too)
    await page.waitForURL(/\/profile$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("政策档案");
    expect(await page.locator(".profile-name").textContent()).toContain("第 1 版");
    expect(await page.getByText("现行有效").count()).toBe(1);
    const rule = page.locator(`.rule[data-rule-id="${severity.id}"]`);
    expect(await rule.locator(".cited-value strong").textContent()).toBe(`${severity.rectificationDays.value} 天`);
    // Every preset leaves deadlines to a default: the badge and its assumption are on screen.
    expect(await rule.locator(".cited-value .badge-default").textContent()).toBe("默认值（文件未规定）");
    expect(await rule.locator(".cited-value .assumption").textContent()).toContain(severity.rectificationDays.assumption!.zh);
    expect(await page.locator(".clause summary").first().textContent()).toMatch(/^条款 /);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "profile-view-phone-zh");
    await page.locator(`#topic-hazards`).scrollIntoViewIfNeeded();
    await page.locator(`#topic-hazards`).screenshot({ path: join(artifactsDir, "profile-view-hazards-phone-zh.png") });
  });

  it("changes the deadline of a severity in the editor, cites the clause, and saves the draft", async () => {
    await page.getByRole("link", { name: "编辑草稿" }).click();
    await page.waitForURL(/\/profile\/draft$/);
    const group = page.getByRole("group", { name: severity.name.zh, exact: true });
    const days = group.getByLabel("整改期限（天）");
    expect(await days.inputValue()).toBe(String(severity.rectificationDays.value));
    await days.fill(String(newDays));
    await group.locator("summary", { hasText: "依据：" }).click();
    await group.getByLabel("出处条款（选填）").fill(clause);
    await group.getByLabel("条文原文（选填）").fill(`本县一般隐患自发现之日起${newDays}日内整改完毕`);
    await group.getByLabel("假设（中文）（选填）").fill("");
    await group.getByLabel("假设（英文）（选填）").fill("");
    await expect.poll(() => page.getByTestId("issues-none").textContent(), { timeout: 10_000 }).toBe("校验通过，没有问题。");
    expect(await page.locator(".editor-state").textContent()).toBe("有未保存的修改");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await group.scrollIntoViewIfNeeded();
    await shot(page, "profile-editor-phone-zh");

    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "草稿已保存" }).count()).toBe(1);
    expect(await page.getByTestId("draft-status").textContent()).toContain("修订 1");
  });

  it("publishes the draft with a note and lands on version 2", async () => {
    const form = page.getByRole("form", { name: "发布新版本" });
    await form.getByLabel("说明（选填）").fill(`一般隐患整改期限改为${newDays}日`);
    await form.scrollIntoViewIfNeeded();
    await shot(page, "profile-publish-phone-zh");
    await form.getByRole("button", { name: "发布" }).click();
    // One tap does not publish: the confirmation says when it takes effect and how many venues are judged again.
    const confirm = page.getByTestId("publish-confirm");
    await expect.poll(() => confirm.textContent()).toMatch(/现有 \d+ 个场所中/);
    await confirm.getByRole("button", { name: "确认发布" }).click();
    await page.waitForURL(/\/profile\/versions\/2$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("政策档案 第 2 版");
    const rule = page.locator(`.rule[data-rule-id="${severity.id}"]`);
    expect(await rule.locator(".cited-value strong").textContent()).toBe(`${newDays} 天`);
    expect(await rule.locator(".cited-value .clause summary").textContent()).toBe(`条款 ${clause.slice(clause.indexOf(" ") + 1)}`);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 JSON" }).click()]);
    expect(download.suggestedFilename()).toBe("profile-v2.json");
    const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as PolicyProfile;
    expect(exported.hazards.severities[0]!.rectificationDays).toMatchObject({ value: newDays, sourceRef: clause });
  });

  it("shows version 2 in effect at the top of the history, based on version 1, with its note", async () => {
    await page.getByRole("link", { name: "历史版本" }).click();
    await page.waitForURL(/\/profile\/versions$/);
    await expect.poll(() => page.getByTestId("version-item").count()).toBe(2);
    const items = page.getByTestId("version-item");
    expect(await items.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.version))).toEqual(["2", "1"]);
    const latest = items.first();
    await expect.poll(() => latest.textContent()).toContain("现行有效");
    expect(await latest.textContent()).toContain("第 1 版");
    expect(await latest.textContent()).toContain(`一般隐患整改期限改为${newDays}日`);
    await expect.poll(() => latest.textContent()).toContain(ADMIN.name);
    expect(await items.nth(1).textContent()).toContain("已被替代");
    await shot(page, "profile-history-phone-zh");
  });

  it("compares version 1 with version 2: the deadline change, before and after, with the clause on each side", async () => {
    await page.getByTestId("version-item").first().getByRole("link", { name: "查看本版改动" }).click();
    await page.waitForURL(/\/profile\/diff\?from=v%3A1&to=v%3A2$/);
    const change = page.locator(`[data-testid=change][data-path="$.hazards.severities[id=${severity.id}].rectificationDays.value"]`);
    await expect.poll(() => change.count()).toBe(1);
    expect(await change.getAttribute("data-kind")).toBe("changed");
    expect(await change.locator(".before").textContent()).toBe(String(severity.rectificationDays.value));
    expect(await change.locator(".after").textContent()).toBe(String(newDays));
    expect(await change.locator(".change-cites li").allTextContents()).toEqual(["第 1 版：默认值（文件未规定）", `第 2 版：${clause}`]);
    expect(await page.locator(".diff-topic h2").allTextContents()).toEqual([expect.stringMatching(/^隐患治理 \(\d+\)$/)]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "profile-diff-phone-zh");
  });

  it("compares the county with a neighbour's built-in profile on a desktop, in English", async () => {
    const desktop = await signInDesktopEnglish(browser, stack, slug, ADMIN);
    await desktop.locator("nav.nav").getByRole("link", { name: "Policy profile" }).click();
    await desktop.getByRole("link", { name: "What this version changed" }).click();
    await desktop.waitForURL(/\/profile\/diff/);
    const from = desktop.getByLabel("Compare", { exact: true });
    // The first built-in profile is the one the county started from; the second is a neighbour's.
    const presets = from.locator("optgroup[label='Built-in profiles'] option");
    await expect.poll(() => presets.count()).toBeGreaterThan(1);
    await from.selectOption((await presets.nth(1).getAttribute("value"))!);
    await desktop.waitForURL(/from=preset%3A/);
    // Two counties differ all over: many topics, the long ones folded.
    await expect.poll(() => desktop.locator(".diff-topic").count(), { timeout: 10_000 }).toBeGreaterThan(3);
    expect(await desktop.locator(".diff-summary").textContent()).toMatch(/^\d+ differences: \d+ added, \d+ removed, \d+ changed\.$/);
    await shot(desktop, "profile-diff-preset-desktop-en");
    await desktop.close();
  });
});
