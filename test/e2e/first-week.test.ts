import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { Venues } from "@firegov/core";
import { presets } from "@firegov/profiles";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, fillLogin, phone, PHOTO, scrollWidth, shot } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

// A county's first week (issue 16, Acceptance 1), only through the UI on a 390×844 phone in zh-CN: the admin signs the
// county up, builds town → village → grid on the tree page, adds a grid worker and a town officer, adds a venue by
// form and imports two more with the CSV template downloaded from the import page; the grid worker sees today's tasks
// for them at once, inspects one and fails an item; the hazard goes round the loop (town officer registers and
// dispatches, the worker rectifies and submits, the officer verifies and closes); a resident's tip with a position
// inside the town (its boundary uploaded on the town's page) reaches that town officer's board.

const run = Date.now().toString(36);
const SLOW = { timeout: 60_000 };
const TEMPORARY = "Temp-pass-2026";
const OFFICER = { username: "li.town", name: "李镇", password: "Town-safe-2027" };
const WORKER = { username: "wang.grid", name: "王网格", password: "Grid-safe-2027" };
const NAMES = ["青石镇", "青石村", "第一网格"];
const FORM_VENUE = "东街五金店";
const IMPORTED = ["西街小吃店", "南街理发店"];
const NOTE = "安全出口被货架堵住";
const TIP = "楼道里堆满纸箱，还有电动车在充电";

/**
 * A preset whose levels run county → town → village → grid, whose grid worker answers for a category with a coverage
 * period and a checklist, with a venue kind classified into it. Found in the profiles, never by the county's name.
 */
function fittingPreset(): { profile: PolicyProfile; kind: PolicyProfile["venues"]["kinds"][number] } {
  for (const profile of Object.values(presets)) {
    const ids = profile.levels.map((l) => l.id).join(">");
    if (!/town>village>grid$/.test(ids) || profile.levels.length !== 4) continue;
    const gridCategories = profile.inspectionCategories.filter((c) => c.responsibleRole === "grid_worker" && c.coveragePeriod && c.checklist.length > 0).map((c) => c.id);
    const kind = profile.venues.kinds.find((k) => Venues.classify(profile, { kinds: [k.id], flags: [], features: [] } as never).categories.some((c) => gridCategories.includes(c)));
    if (kind && profile.hazards.severities.some((s) => s.handledBy.level === "town")) return { profile, kind };
  }
  throw new Error("no preset fits the first week");
}

/** Selects the option whose text, without the tree's indentation, is `text`. */
async function selectByText(select: Locator, text: string) {
  await expect.poll(() => select.locator("option").allTextContents(), SLOW).toContainEqual(expect.stringContaining(text));
  const value = await select.locator("option").evaluateAll((opts, t) => (opts as HTMLOptionElement[]).find((o) => o.textContent!.trim() === t)?.value, text);
  expect(value, `an option “${text}”`).toBeDefined();
  await select.selectOption(value!);
}

/** The tree item whose own row carries the name. */
const treeItem = (page: Page, name: string): Locator => page.locator(".tree-row", { has: page.locator(".tree-name", { hasText: new RegExp(`^${name}$`) }) }).first().locator("xpath=..");

describe("a county's first week on phones, only through the UI, in Chromium", () => {
  const { profile, kind } = fittingPreset();
  const slug = `e2e-week-${run}`;
  let stack: RunningStack;
  let browser: Browser;
  let admin: Page;
  let worker: Page;
  let officer: Page;
  let resident: Page;
  let hazardUrl: string;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    browser = await launchChromium();
    admin = await (await browser.newContext({ ...phone, acceptDownloads: true })).newPage();
    worker = await (await browser.newContext(phone)).newPage();
    officer = await (await browser.newContext(phone)).newPage();
    resident = await (await browser.newContext({ ...phone, permissions: ["geolocation"], geolocation: { latitude: 31.05, longitude: 121.25 } })).newPage();
  }, 120_000);

  // A failed step leaves each phone's screen behind, to see what it showed.
  afterEach(async ({ task }) => {
    if (task.result?.state !== "fail") return;
    for (const [name, page] of Object.entries({ admin, worker, officer, resident })) await shot(page, `first-week-failed-${name}`).catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
    if (stack && stack.child.exitCode === null) await stack.interrupt();
  });

  /** A user's first sign-in: the temporary password, then their own, then the greeting. */
  async function firstSignIn(page: Page, user: { username: string; name: string; password: string }) {
    await page.goto(`${stack.base}/login?tenant=${slug}`);
    await fillLogin(page, slug, { username: user.username, password: TEMPORARY });
    await page.waitForURL(/\/account\/password$/, SLOW);
    await page.getByLabel("当前密码").fill(TEMPORARY);
    await page.getByLabel("新密码", { exact: true }).fill(user.password);
    await page.getByLabel("确认新密码").fill(user.password);
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect.poll(() => page.getByTestId("greeting").textContent(), SLOW).toBe(`${user.name}，您好`);
  }

  /** Opens a hazard action's form, fills it, confirms and waits for the new state. */
  async function act(page: Page, action: string, fill: (form: Locator) => Promise<void>, state: string) {
    await page.getByRole("button", { name: action, exact: true }).click();
    const form = page.getByRole("form", { name: action });
    await fill(form);
    await form.getByRole("button", { name: `确认${action}` }).click();
    await expect.poll(() => page.locator(".alert-success").textContent(), SLOW).toContain(`已${action}。`);
    await expect.poll(() => page.locator(".hz-state").textContent(), SLOW).toBe(state);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  }

  it("the admin signs the county up on the signup page and signs in", async () => {
    await admin.goto(`${stack.base}/signup`);
    await admin.getByLabel("单位代码").fill(slug);
    await admin.getByLabel("单位名称").fill("测试县");
    const preset = admin.getByLabel("政策档案");
    await expect.poll(() => preset.locator("option").count(), SLOW).toBeGreaterThan(1);
    await preset.selectOption(profile.id);
    await admin.getByLabel("用户名").fill(ADMIN.username);
    await admin.getByLabel("姓名").fill(ADMIN.name);
    await admin.getByLabel("手机号（选填）").fill("13912345678");
    await admin.getByLabel("密码", { exact: true }).fill(ADMIN.password);
    await admin.getByLabel("确认密码").fill(ADMIN.password);
    await admin.getByRole("button", { name: "注册", exact: true }).click();
    await admin.waitForURL(/\/login\?/, SLOW);
    await fillLogin(admin, slug, ADMIN);
    await expect.poll(() => admin.getByTestId("greeting").count(), SLOW).toBe(1);
  }, 120_000);

  it("builds town → village → grid on the tree page", async () => {
    await admin.goto(`${stack.base}/tree`);
    let parent = admin.locator("[data-testid=tree-item]").first();
    await parent.waitFor(SLOW);
    for (const [i, level] of profile.levels.slice(1).entries()) {
      await parent.locator(".tree-row").first().getByRole("button", { name: "管理" }).click();
      await parent.getByRole("button", { name: `新建${level.name.zh}` }).first().click();
      const form = parent.getByRole("form", { name: `新建${level.name.zh}` });
      await form.getByLabel(`${level.name.zh}名称`).fill(NAMES[i]!);
      await form.getByRole("button", { name: "新建", exact: true }).click();
      await expect.poll(() => admin.getByRole("status").first().textContent(), SLOW).toBe(`已新建${level.name.zh}“${NAMES[i]}”。`);
      parent = treeItem(admin, NAMES[i]!);
      await expect.poll(() => parent.locator(".badge-level").first().textContent(), SLOW).toBe(level.name.zh);
    }
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(390);
    await shot(admin, "first-week-tree");
  }, 120_000);

  it("adds a grid worker scoped to the grid and a town officer on the users page", async () => {
    await admin.goto(`${stack.base}/users`);
    for (const [user, role, node] of [[WORKER, "grid_worker", NAMES[2]!], [OFFICER, "town_officer", NAMES[0]!]] as const) {
      await admin.getByRole("button", { name: "新建用户" }).click();
      const form = admin.getByRole("form", { name: "新建用户" });
      await form.getByLabel("用户名").fill(user.username);
      await form.getByLabel("姓名").fill(user.name);
      await form.getByLabel("角色").selectOption(role);
      await selectByText(form.getByLabel("所属辖区"), node);
      await form.getByLabel("临时密码").fill(TEMPORARY);
      await form.getByRole("button", { name: "创建用户" }).click();
      await expect.poll(() => admin.getByRole("status").first().textContent(), SLOW).toContain(`已创建用户“${user.name}”`);
    }
    await expect.poll(() => admin.locator("[data-testid=user-item]").count(), SLOW).toBe(3);
  }, 120_000);

  it("adds a venue by the 新增场所 form", async () => {
    await admin.goto(`${stack.base}/venues/new`);
    const form = admin.getByRole("form", { name: "新增场所" });
    await form.waitFor(SLOW);
    await form.getByLabel("场所名称").fill(FORM_VENUE);
    await selectByText(form.getByLabel("所在节点"), NAMES[2]!);
    await form.getByRole("checkbox", { name: kind.name.zh, exact: true }).check();
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(390);
    await form.getByRole("button", { name: "保存场所" }).click();
    await admin.waitForURL((url) => /^\/venues\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"), SLOW);
    await expect.poll(() => admin.getByRole("heading", { level: 1 }).textContent(), SLOW).toContain(FORM_VENUE);
  }, 120_000);

  it("imports two more venues with the CSV template downloaded from the import page", async () => {
    await admin.goto(`${stack.base}/venues/import`);
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "下载模板（CSV）" }).click()]);
    const dir = mkdtempSync(join(tmpdir(), "first-week-"));
    const template = join(dir, download.suggestedFilename());
    await download.saveAs(template);
    const text = readFileSync(template, "utf8");
    const headers = text.replace(/^\uFEFF/, "").trim().split(",");
    expect(headers).toEqual(Object.values(Venues.HEADERS));
    // Two rows under the template's own headers: node paths are relative to 导入到 (the county, the admin's scope).
    const row = (values: Record<string, string>) => headers.map((h) => values[h] ?? "").join(",");
    const rows = IMPORTED.map((name, i) => row({ [Venues.HEADERS.externalId]: `W-${i + 1}`, [Venues.HEADERS.name]: name, [Venues.HEADERS.node]: NAMES.join("/"), [Venues.HEADERS.kinds]: kind.name.zh }));
    const filled = join(dir, "venues.csv");
    writeFileSync(filled, `${text.trimEnd()}\r\n${rows.join("\r\n")}\r\n`);
    await admin.locator("#venue-import-file").setInputFiles(filled);
    await admin.getByRole("button", { name: "上传并导入" }).click();
    await expect.poll(() => admin.locator(".alert-success").textContent(), SLOW).toContain("新增 2，");
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(390);
    await shot(admin, "first-week-import");
  }, 120_000);

  it("the grid worker signs in and sees today's tasks for the three venues at once", async () => {
    await firstSignIn(worker, WORKER);
    await worker.goto(`${stack.base}/today`);
    for (const name of [FORM_VENUE, ...IMPORTED]) await expect.poll(() => worker.getByTestId("task").filter({ hasText: name }).count(), SLOW).toBeGreaterThan(0);
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(390);
    await shot(worker, "first-week-today");
  }, 120_000);

  it("inspects the form's venue and fails an item, which raises a hazard", async () => {
    await worker.getByTestId("task").filter({ hasText: FORM_VENUE }).first().getByRole("link").click();
    await worker.waitForURL(/\/inspect\/[^/?]+\?task=/, SLOW);
    const form = worker.getByRole("form", { name: "现场检查" });
    await form.waitFor(SLOW);
    const items = form.getByTestId("check-item");
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    const failed = items.nth(0);
    await failed.getByRole("button", { name: "不合格", exact: true }).click();
    await failed.getByLabel("情况说明").fill(NOTE);
    for (let i = 1; i < count; i++) await items.nth(i).getByRole("button", { name: "合格", exact: true }).click();
    await form.getByRole("button", { name: "完成检查" }).click();
    const result = worker.getByTestId("inspection-result");
    await result.waitFor(SLOW);
    expect(await result.textContent()).toContain("已生成 1 条隐患");
    await result.getByRole("link", { name: /^查看隐患：/ }).click();
    await worker.waitForURL(/\/hazards\/[^/]+$/, SLOW);
    hazardUrl = worker.url();
    await expect.poll(() => worker.locator(".hz-state").textContent(), SLOW).toBe("发现");
  }, 120_000);

  it("the town officer registers and dispatches it from the board", async () => {
    await firstSignIn(officer, OFFICER);
    await officer.goto(`${stack.base}/hazards`);
    await officer.getByRole("button", { name: "发现", exact: true }).click();
    const card = officer.locator(".hz-card", { hasText: NOTE });
    await expect.poll(() => card.count(), SLOW).toBe(1);
    await card.locator("a").first().click();
    await officer.waitForURL(hazardUrl, SLOW);
    // An inspection finding comes without a severity: the officer gives the one the town handles itself.
    const severity = profile.hazards.severities.find((s) => s.handledBy.level === "town")!;
    await act(
      officer,
      "立案",
      async (form) => {
        await form.getByLabel(/^等级/).selectOption({ label: severity.name.zh });
        await form.getByLabel(/办理说明/).fill("情况属实，予以立案");
      },
      "立案",
    );
    await act(
      officer,
      "派遣",
      async (form) => {
        await form.getByLabel(/跟进人/).selectOption({ label: WORKER.name });
        await form.getByLabel(/责任单位或责任人/).fill(FORM_VENUE);
      },
      "派遣",
    );
  }, 120_000);

  it("the grid worker rectifies it and submits it for verification; the officer verifies and closes it", async () => {
    await worker.goto(hazardUrl);
    await expect.poll(() => worker.locator(".hz-state").textContent(), SLOW).toBe("派遣");
    await act(worker, "开始整改", async () => {}, "处置");
    await act(
      worker,
      "提交核查",
      async (form) => {
        await form.getByLabel(/办理说明/).fill("货架已移走，出口畅通");
        await form.locator('input[type="file"]').setInputFiles({ name: "rectified.png", mimeType: "image/png", buffer: PHOTO });
        await expect.poll(() => form.locator(".photo-thumbs li").count(), SLOW).toBe(1);
        // The photo is shrunk and queued on the phone first; it says 已上传 once stored.
        await expect.poll(() => form.getByText("已上传", { exact: true }).count(), SLOW).toBe(1);
      },
      "核查",
    );
    await officer.reload();
    await expect.poll(() => officer.locator(".hz-state").textContent(), SLOW).toBe("核查");
    await act(officer, "核查通过并结案", async (form) => form.getByLabel(/办理说明/).fill("现场复查合格"), "结案");
    const actions = await officer.locator(".hz-event").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action));
    expect(actions).toEqual(expect.arrayContaining(["register", "dispatch", "start", "submit", "close"]));
    await shot(officer, "first-week-closed");
  }, 180_000);

  it("the admin uploads the town's boundary on its page; a resident's tip from inside it reaches the town officer's board", async () => {
    await admin.goto(`${stack.base}/tree`);
    const town = treeItem(admin, NAMES[0]!);
    await town.locator(".tree-row").first().getByRole("button", { name: "管理" }).click();
    await town.getByRole("link", { name: "组织机构" }).first().click();
    await admin.waitForURL(/\/nodes\/[^/]+$/, SLOW);
    await admin.getByRole("tab", { name: "辖区边界" }).click();
    const dir = mkdtempSync(join(tmpdir(), "first-week-boundary-"));
    const file = join(dir, "town.geojson");
    writeFileSync(file, JSON.stringify({ type: "Polygon", coordinates: [[[121.2, 31.0], [121.3, 31.0], [121.3, 31.1], [121.2, 31.1], [121.2, 31.0]]] }));
    const upload = admin.getByRole("form", { name: "上传边界" });
    await upload.getByLabel("边界文件（.geojson / .json）").setInputFiles(file);
    await upload.getByRole("button", { name: "上传边界" }).click();
    await expect.poll(() => admin.getByTestId("boundary-status").textContent(), SLOW).toContain("已上传边界");

    await resident.goto(`${stack.base}/tip/${slug}`);
    await expect.poll(() => resident.getByLabel("隐患位置").count(), SLOW).toBe(1);
    await resident.getByLabel("隐患位置").fill("幸福小区3号楼楼道");
    await resident.getByLabel("隐患情况").fill(TIP);
    await resident.getByRole("button", { name: "共享我的位置" }).click();
    await expect.poll(() => resident.getByTestId("tip-position").count(), SLOW).toBe(1);
    await resident.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => resident.getByTestId("tip-follow-link").count(), SLOW).toBe(1);

    await officer.goto(`${stack.base}/hazards`);
    await officer.getByRole("button", { name: "发现", exact: true }).click();
    await expect.poll(() => officer.locator(".hz-card", { hasText: TIP }).count(), SLOW).toBe(1);
    await officer.goto(`${stack.base}/inbox`);
    await expect.poll(async () => (await officer.locator("main").textContent()) ?? "", SLOW).toContain(TIP.slice(0, 8));
    expect(await scrollWidth(officer)).toBeLessThanOrEqual(390);
    await shot(officer, "first-week-tip-inbox");
  }, 120_000);
});
