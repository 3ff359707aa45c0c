import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import type { PolicyProfile, Venue } from "@firegov/core/contract";
import { launchChromium } from "../support/browser.ts";
import { addUser, buildChain, FIELD_ROLE, phone, PHOTO, scrollWidth, shot, signIn, signUpFitting, stackApi, stopAll } from "../support/e2e.ts";
import { coveredCategories, scheduleInspections } from "../support/schedule.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const WORKER = { username: "wang.grid", name: "王网格", password: "Grid-safe-2027" };
const NOTE = "安全出口被货架堵住";
const VENUE_NAME = "东街五金店";

describe("a field worker inspects today's venue on a phone and a failure becomes a hazard, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let worker: Page;
  let slug: string;
  let profile: PolicyProfile;
  let venue: Venue;
  let adminToken = "";

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);

    // Sign a county up on each preset in turn until the field level answers for a category with a coverage period and a checklist.
    const county = await signUpFitting(api, `e2e-in-${run}`, (p) => coveredCategories(p).size > 0 && !!FIELD_ROLE[p.levels.at(-1)!.id]);
    expect(county, "a preset with a category that has a coverage period and a checklist").toBeDefined();
    [slug, profile, adminToken] = [county!.slug, county!.profile, county!.token];

    const chain = await buildChain(api, adminToken, profile);
    const gridId = chain[profile.levels.at(-1)!.id]!.nodeId;

    // A venue of the first kind the profile puts in such a category (the API classifies it).
    const wanted = coveredCategories(profile);
    for (const kind of profile.venues.kinds) {
      const res = await api("/v1/venues", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ name: VENUE_NAME, nodeId: gridId, kinds: [kind.id], address: "东街 12 号" }) }, adminToken);
      expect(res.status, await res.clone().text()).toBe(201);
      const created = (await res.json()) as Venue;
      if (created.categories.some((c) => wanted.has(c))) {
        venue = created;
        break;
      }
      await api(`/v1/venues/${created.venueId}/retire`, { method: "POST", body: "{}" }, adminToken);
    }
    expect(venue, "a venue kind in a field-level category").toBeDefined();

    // The field worker who answers for the venue's category: a platform role acting in its responsible role (only
    // they may finish its task), at the level of that role's body; tasks are listed where the venue is, so they see it.
    const category = profile.inspectionCategories.find((c) => venue.categories.includes(c.id) && wanted.has(c.id))!;
    const role = Inspections.platformRolesOf(profile, category.responsibleRole).find((r) => Object.values(FIELD_ROLE).includes(r) || r === "town_officer");
    expect(role, `a platform role acting in ${category.responsibleRole}`).toBeDefined();
    const level = role === "town_officer" ? "town" : Object.entries(FIELD_ROLE).find(([, r]) => r === role)![0];
    await addUser(api, county!, WORKER, role!, chain[level]?.nodeId ?? gridId);

    // The daily job, just after the profile took effect.
    await scheduleInspections(stack, county!.tenantId, new Date(Date.now() + 60_000));

    browser = await launchChromium();
    worker = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("the field worker who answers for the venue's category sees today's task for it", async () => {
    await signIn(worker, stack, slug, WORKER);
    await worker.getByRole("link", { name: "今日任务" }).click();
    await worker.waitForURL(/\/today$/);
    const task = worker.getByTestId("task").filter({ hasText: VENUE_NAME }).first();
    await task.waitFor();
    await shot(worker, "inspection-today-phone-zh");
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(390);
    await task.getByRole("link").click();
    await worker.waitForURL(new RegExp(`/inspect/${venue.venueId}\\?task=`));
  });

  it("completes the checklist with a photo and one failed item, and opens the hazard it raised", async () => {
    const form = worker.getByRole("form", { name: "现场检查" });
    await form.waitFor();
    const items = form.getByTestId("check-item");
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    // The first item fails, with a note and a photo from the camera; the rest pass.
    const failed = items.nth(0);
    const failedName = (await failed.locator("legend").textContent())!;
    await failed.getByRole("button", { name: "不合格", exact: true }).click();
    await failed.getByLabel("情况说明").fill(NOTE);
    await failed.locator('input[type="file"]').setInputFiles({ name: "exit.png", mimeType: "image/png", buffer: PHOTO });
    await expect.poll(() => failed.locator(".photo-thumbs li").count()).toBe(1);
    await expect.poll(() => worker.getByText("正在上传").count()).toBe(0);
    expect(await failed.locator(".photo-thumbs li.failed").count()).toBe(0);
    for (let i = 1; i < count; i++) await items.nth(i).getByRole("button", { name: "合格", exact: true }).click();
    await expect.poll(() => form.getByRole("status").last().textContent()).toContain(`已填 ${count} / ${count} 项`);
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(390);
    await shot(worker, "inspection-checklist-phone-zh");

    await form.getByRole("button", { name: "完成检查" }).click();
    const result = worker.getByTestId("inspection-result");
    await result.waitFor();
    expect(await result.textContent()).toContain(`合格 ${count - 1} 项，不合格 1 项`);
    expect(await result.textContent()).toContain("已生成 1 条隐患");
    await shot(worker, "inspection-result-phone-zh");

    await result.getByRole("link", { name: `查看隐患：${failedName}` }).click();
    await worker.waitForURL(/\/hazards\/[^/]+$/);
    await expect.poll(() => worker.locator(".hz-state").textContent()).toBeTruthy();
    await expect.poll(async () => (await worker.locator("main").textContent()) ?? "").toContain(NOTE);
    expect(await scrollWidth(worker)).toBeLessThanOrEqual(390);
    await shot(worker, "inspection-hazard-phone-zh");
  });

  it("the task is done: today's list no longer shows it, and the venue page lists the visit with its hazard", async () => {
    await worker.goto(`${stack.base}/today`);
    await worker.getByRole("heading", { name: "今日检查任务" }).waitFor();
    await expect.poll(() => worker.getByTestId("task").filter({ hasText: VENUE_NAME }).count()).toBe(0);
    await worker.goto(`${stack.base}/venues/${venue.venueId}`);
    await worker.getByRole("heading", { name: "检查记录" }).waitFor();
    await expect.poll(async () => (await worker.locator("main").textContent()) ?? "").toContain("不合格 1");
    await shot(worker, "inspection-venue-phone-zh");

    // What was recorded: the failed item carries the note and the photo's key, and names its hazard.
    const recorded = (await (await fetch(`${stack.base}/v1/venues/${venue.venueId}/inspections`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { items: { items: { result: string; note?: string; photos: string[]; hazardId?: string }[] }[] };
    const failure = recorded.items[0]!.items.find((i) => i.result === "fail")!;
    expect(failure).toMatchObject({ note: NOTE });
    expect(failure.photos).toHaveLength(1);
    expect(failure.hazardId).toBeDefined();
  });
});
