import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { artifactsDir, launchChromium } from "../support/browser.ts";

/** A small PNG (8×8, one colour) made here, to upload as a photo. */
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC",
  "base64",
);
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "zh-CN" };
const run = Date.now().toString(36);
const ADMIN = { username: "zhao.admin", name: "赵建国", password: "Fire-safe-2026" };
const OFFICER = { username: "li.town", name: "李镇", password: "Town-safe-2027" };
const WORKER = { username: "wang.grid", name: "王网格", password: "Grid-safe-2027" };
const DESCRIPTION = "楼道内堆放纸箱，堵塞疏散通道";

/** The field role at the bottom level of the tree (the platform's mapping). */
const FIELD_ROLE: Record<string, string> = { grid: "grid_worker", village: "village_manager" };

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

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
    const api = (path: string, init: RequestInit = {}, token?: string) =>
      fetch(`${stack.base}${path}`, { ...init, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
    const login = async (tenant: string, username: string, password: string) =>
      ((await (await api("/v1/auth/login", { method: "POST", body: JSON.stringify({ tenant, username, password }) })).json()) as { accessToken: string }).accessToken;

    // Sign a county up on each preset in turn until its profile has a severity the town handles alone.
    const { items } = (await (await api("/v1/presets")).json()) as { items: { id: string }[] };
    let adminToken = "";
    for (const [i, preset] of items.entries()) {
      const candidate = `e2e-hz-${run}-${i}`;
      const signup = await api("/v1/signup", {
        method: "POST",
        headers: { "idempotency-key": randomUUID() },
        body: JSON.stringify({ slug: candidate, name: "测试县", presetId: preset.id, admin: { username: ADMIN.username, displayName: ADMIN.name, phone: "13912345678", password: ADMIN.password } }),
      });
      expect(signup.status).toBe(201);
      const token = await login(candidate, ADMIN.username, ADMIN.password);
      const current = (await (await api("/v1/profile", {}, token)).json()) as { profile: PolicyProfile };
      const levels = current.profile.levels.map((l) => l.id);
      const found = townSeverity(current.profile);
      if (found && levels.includes("town") && FIELD_ROLE[levels.at(-1)!]) {
        [slug, profile, severity, adminToken] = [candidate, current.profile, found, token];
        break;
      }
    }
    expect(slug, "a preset whose town handles a severity by itself").toBeDefined();

    // One node per level below the root, down to the field level, through the API.
    const me = (await (await api("/v1/me", {}, adminToken)).json()) as { tenant: { rootNodeId: string } };
    const nodes: Record<string, { nodeId: string; name: string }> = {};
    let parentId = me.tenant.rootNodeId;
    for (const level of profile.levels.slice(1)) {
      const name = `${level.name.zh}甲`;
      const res = await api("/v1/nodes", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ parentId, name }) }, adminToken);
      expect(res.status, await res.clone().text()).toBe(201);
      const node = (await res.json()) as { nodeId: string; level: string };
      nodes[node.level] = { nodeId: node.nodeId, name };
      parentId = node.nodeId;
    }
    const fieldLevel = profile.levels.at(-1)!.id;
    gridName = nodes[fieldLevel]!.name;

    // The officer at the town and the field worker at the bottom, each with their own password set.
    for (const [user, role, nodeId] of [
      [OFFICER, "town_officer", nodes.town!.nodeId],
      [WORKER, FIELD_ROLE[fieldLevel]!, nodes[fieldLevel]!.nodeId],
    ] as const) {
      const created = await api("/v1/users", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ username: user.username, displayName: user.name, role, scopeNodeId: nodeId, password: "Temp-pass-2026" }) }, adminToken);
      expect(created.status).toBe(201);
      const token = await login(slug, user.username, "Temp-pass-2026");
      const changed = await api("/v1/me/password", { method: "POST", body: JSON.stringify({ currentPassword: "Temp-pass-2026", newPassword: user.password }) }, token);
      expect(changed.status).toBeLessThan(300);
    }

    browser = await launchChromium();
    worker = await (await browser.newContext(phone)).newPage();
    officer = await (await browser.newContext(phone)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    if (stack && stack.child.exitCode === null) await stack.interrupt();
  });

  async function signIn(page: Page, user: { username: string; password: string }) {
    await page.goto(`${stack.base}/login?tenant=${slug}`);
    await expect.poll(() => page.getByLabel("单位代码").inputValue()).toBe(slug);
    await page.getByLabel("用户名").fill(user.username);
    await page.getByLabel("密码", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect.poll(() => page.getByTestId("greeting").count()).toBe(1);
  }

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
        await expect.poll(() => form.getByRole("status").count()).toBe(0);
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
