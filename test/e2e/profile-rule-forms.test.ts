import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, phone, presetIds, scrollWidth, shot, signIn, signUpCounty, stackApi, stopAll } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const slug = `e2e-rules-${Date.now().toString(36)}`;

describe("a county admin adds a body through the rule forms and publishes it, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let v1: PolicyProfile;
  let token: string;
  let api: ReturnType<typeof stackApi>;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    api = stackApi(stack);
    const county = await signUpCounty(api, slug, (await presetIds(api))[0]!);
    v1 = county.profile;
    token = county.token;
    browser = await launchChromium();
    page = await browser.newPage(phone);
  });

  afterAll(() => stopAll(browser, stack));

  it("adds a body with the form (level picked from the profile's levels, cited), saves, publishes, and version 2 has it", async () => {
    await signIn(page, stack, slug, ADMIN);
    await page.locator("nav.nav").getByRole("link", { name: "政策档案" }).click();
    await page.getByRole("link", { name: "编辑草稿" }).click();
    await page.waitForURL(/\/profile\/draft$/);

    await page.getByRole("button", { name: "机构", exact: true }).click();
    const bodies = page.getByRole("group", { name: "机构", exact: true });
    await bodies.getByRole("button", { name: "添加机构" }).click();
    const entry = bodies.locator(".rule-entry").last();
    const level = v1.levels.at(-2)!;
    const cited = v1.bodies.find((b) => b.sourceRef !== null)!;
    await entry.getByLabel("代码（id）").fill("e2e_committee");
    await entry.getByLabel("名称（中文）").fill("测试消防安全委员会");
    await entry.getByLabel("名称（英文）").fill("Test fire-safety committee");
    await entry.getByLabel("层级", { exact: true }).selectOption(level.id);
    await entry.getByLabel("类型", { exact: true }).selectOption("committee");
    await entry.locator("summary", { hasText: "依据：" }).click();
    await entry.getByLabel("出处条款（选填）").fill(cited.sourceRef!);
    await entry.getByLabel("条文原文（选填）").fill(cited.text!);
    await expect.poll(() => page.getByTestId("issues-none").textContent(), { timeout: 15_000 }).toBe("校验通过，没有问题。");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await entry.scrollIntoViewIfNeeded();
    await shot(page, "profile-rule-forms-add-body-phone-zh", false);

    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "草稿已保存" }).count()).toBe(1);
    const form = page.getByRole("form", { name: "发布新版本" });
    await form.getByLabel("说明（选填）").fill("新增测试消防安全委员会");
    await form.getByRole("button", { name: "发布" }).click();
    await page.getByTestId("publish-confirm").getByRole("button", { name: "确认发布" }).click();
    await page.waitForURL(/\/profile\/versions\/2$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("政策档案 第 2 版");

    const published = (await (await api("/v1/profile/versions/2", {}, token)).json()) as { profile: PolicyProfile };
    expect(published.profile.bodies.at(-1)).toEqual({
      id: "e2e_committee",
      name: { zh: "测试消防安全委员会", en: "Test fire-safety committee" },
      level: level.id,
      kind: "committee",
      sourceRef: cited.sourceRef,
      text: cited.text,
    });
    expect(published.profile.bodies.slice(0, -1)).toEqual(v1.bodies);
  });
});
