import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { launchChromium } from "../support/browser.ts";
import { addUser, buildChain, FIELD_ROLE, phone, PHOTO, scrollWidth, shot, signIn as signInAt, signUpFitting, stackApi, stopAll } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const OFFICER = { username: "li.town", name: "李镇", password: "Town-safe-2027" };
const WORKER = { username: "wang.grid", name: "王网格", password: "Grid-safe-2027" };
const DESCRIPTION = "楼道内堆放纸箱，堵塞疏散通道";

/**
 * A severity the town handles by itself: no escalation or listing rule names
 * it, so the loop runs between the town officer and the field worker. Found
 * in the profile, never by the county's name.
 */
function townSeverity(profile: PolicyProfile) {
  const mentioned = JSON.stringify([profile.hazards.escalations.filter((e) => e.when.length === 0).map((e) => e.from), profile.hazards.listedSupervision]);
  const unconditional = new Set(profile.hazards.escalations.filter((e) => e.when.length === 0).map((e) => e.from));
  return profile.hazards.severities.find(
    (s) =>
      s.handledBy.level === "town" &&
      !(s.handledBy.body && unconditional.has(s.handledBy.body)) &&
      !profile.hazards.escalations.some((e) => e.when.some((c) => c.kind === "severity" && c.severities.includes(s.id))) &&
      !mentioned.includes(`"${s.id}"`),
  );
}

describe("a hazard goes round the closed loop on phones, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let worker: Page;
  let officer: Page;
  let slug: string;
  let profile: PolicyProfile;
  let severity: PolicyProfile["hazards"]["severities"][number];
  let gridName: string;
  let hazardUrl: string;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);

    // Sign a county up on each preset in turn until its profile has a severity the town handles alone.
    const county = await signUpFitting(api, `e2e-hz-${run}`, (p) => !!townSeverity(p) && p.levels.some((l) => l.id === "town") && !!FIELD_ROLE[p.levels.at(-1)!.id]);
    expect(county, "a preset whose town handles a severity by itself").toBeDefined();
    [slug, profile, severity] = [county!.slug, county!.profile, townSeverity(county!.profile)!];

    const nodes = await buildChain(api, county!.token, profile);
    const fieldLevel = profile.levels.at(-1)!.id;
    gridName = nodes[fieldLevel]!.name;

    // The officer at the town and the field worker at the bottom, each with their own password set.
    await addUser(api, county!, OFFICER, "town_officer", nodes.town!.nodeId);
    await addUser(api, county!, WORKER, FIELD_ROLE[fieldLevel]!, nodes[fieldLevel]!.nodeId);

    browser = await launchChromium();
    worker = await (await browser.newContext(phone)).newPage();
    officer = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  const signIn = (page: Page, user: { username: string; password: string }) => signInAt(page, stack, slug, user);

  /** Opens an action's form, fills what it needs, confirms, and waits for the new state. */
  async function act(page: Page, action: string, fill: (form: ReturnType<Page["getByRole"]>) => Promise<void>, state: string) {
    await page.getByRole("button", { name: action, exact: true }).click();
    const form = page.getByRole("form", { name: action });
    await fill(form);
    await form.getByRole("button", { name: `确认${action}` }).click();
    await expect.poll(() => page.locator(".alert-success").textContent()).toContain(`已${action}。`);
    await expect.poll(() => page.locator(".hz-state").textContent()).toBe(state);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  }

  it("the field worker reports a hazard with a code and severity from the county's profile", async () => {
    await signIn(worker, WORKER);
    await worker.getByRole("link", { name: "隐患", exact: true }).click();
    await worker.getByRole("link", { name: "上报隐患" }).click();
    await worker.waitForURL(/\/hazards\/new$/);
    const form = worker.getByRole("form", { name: "上报隐患" });
    await form.getByLabel("所在辖区").selectOption({ label: gridName });
    await form.getByLabel("具体位置（选填）").fill("3 号楼楼道");
    // The first hazard kind the profile offers, whatever it is called; "other" with words when it lists none.
    await form.getByLabel("隐患类型", { exact: true }).selectOption({ index: 1 });
    if ((await form.getByLabel("隐患类型", { exact: true }).inputValue()) === "other") await form.getByLabel("隐患类型说明").fill("疏散通道堆物");
    await form.getByLabel("等级").selectOption({ label: severity.name.zh });
    await form.getByLabel("隐患情况").fill(DESCRIPTION);
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(390);
    await shot(worker, "hazard-report-phone-zh");
    await form.getByRole("button", { name: "提交上报" }).click();
    await worker.waitForURL((url) => /^\/hazards\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    hazardUrl = worker.url();
    await expect.poll(() => worker.locator(".alert-success").textContent()).toContain("已上报隐患");
    await expect.poll(() => worker.locator(".hz-state").textContent()).toBe("发现");
    expect(await worker.locator(".hz-description").textContent()).toBe(DESCRIPTION);
    expect(await worker.locator(".hz-facts").textContent()).toContain(severity.name.zh);
  });

  it("the town officer finds it on the board, registers it and dispatches it to the field worker", async () => {
    await signIn(officer, OFFICER);
    await officer.getByRole("link", { name: "隐患", exact: true }).click();
    await officer.waitForURL(/\/hazards$/);
    await officer.getByRole("button", { name: "发现", exact: true }).click();
    const card = officer.locator(".hz-card", { hasText: DESCRIPTION });
    await expect.poll(() => card.count()).toBe(1);
    expect(await scrollWidth(officer)).toBeLessThanOrEqual(390);
    await shot(officer, "hazard-board-phone-zh");
    await card.locator("a").click();
    await officer.waitForURL(hazardUrl);
    await act(officer, "立案", async (form) => form.getByLabel(/办理说明/).fill("情况属实，予以立案"), "立案");
    await act(
      officer,
      "派遣",
      async (form) => {
        await form.getByLabel(/跟进人/).selectOption({ label: WORKER.name });
        await form.getByLabel(/责任单位或责任人/).fill("某小区物业");
      },
      "派遣",
    );
  });

  it("the field worker finds it among their hazards, rectifies it and submits it for verification", async () => {
    await worker.getByRole("link", { name: "首页" }).click();
    await worker.getByRole("link", { name: "我的隐患" }).click();
    await worker.waitForURL(/\/hazards\/mine$/);
    const card = worker.locator(".hz-card", { hasText: DESCRIPTION });
    await expect.poll(() => card.count()).toBe(1);
    await card.locator("a").click();
    await worker.waitForURL(hazardUrl);
    await act(worker, "开始整改", async () => {}, "处置");
    await act(
      worker,
      "提交核查",
      async (form) => {
        await form.getByLabel(/办理说明/).fill("纸箱已清理，通道畅通");
        // A photo of the rectified passage, uploaded straight to storage from the phone.
        await form.locator('input[type="file"]').setInputFiles({ name: "rectified.png", mimeType: "image/png", buffer: PHOTO });
        await expect.poll(() => form.locator(".photo-thumbs li").count()).toBe(1);
        // Shrunk, watermarked and uploaded: the photo's own line says 已上传.
        await expect.poll(() => form.locator('.photo-thumbs li[data-state="done"]').count(), { timeout: 30_000 }).toBe(1);
        expect(await form.locator(".photo-thumbs li.failed").count()).toBe(0);
      },
      "核查",
    );
  });

  it("the officer verifies and closes it, and the timeline shows every step", async () => {
    await officer.reload();
    await expect.poll(() => officer.locator(".hz-state").textContent()).toBe("核查");
    await act(officer, "核查通过并结案", async (form) => form.getByLabel(/办理说明/).fill("现场复查合格"), "结案");
    const events = officer.locator(".hz-event");
    expect(await events.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action))).toEqual(["create", "register", "dispatch", "start", "submit", "close"]);
    const text = await officer.locator(".hz-timeline").textContent();
    for (const part of ["情况属实，予以立案", "纸箱已清理，通道畅通", "现场复查合格", "发现 → 立案", "处置 → 核查", "核查 → 结案", WORKER.name, OFFICER.name]) expect(text).toContain(part);
    expect(await officer.locator(".hz-steps [aria-current=step]").textContent()).toContain("结案");
    // The rectification photo shows on the submit event, loaded through a short-lived link.
    const photo = officer.locator('.hz-event[data-action="submit"] img.hz-photo');
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await scrollWidth(officer)).toBeLessThanOrEqual(390);
    await shot(officer, "hazard-closed-timeline-phone-zh");
  });
});
