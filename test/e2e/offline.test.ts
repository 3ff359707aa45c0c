import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import type { PolicyProfile, Venue } from "@firegov/core/contract";
import { launchChromium } from "../support/browser.ts";
import { addUser, apiLogin, buildChain, FIELD_ROLE, phone, shot, signIn, signUpFitting, stackApi, stopAll } from "../support/e2e.ts";
import { coveredCategories, scheduleInspections } from "../support/schedule.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const WORKER = { username: "wang.grid", name: "王网格", password: "Grid-safe-2027" };
const NOTE = "安全出口被货架堵住";
const REPORT = "楼道堆放电动车充电";
const OFFICER = { username: "li.town", name: "李镇街", password: "Town-safe-2027" };
const VENUE_NAME = "东街五金店";

/**
 * The offline acceptance: a grid worker opens today's tasks online, loses the network, reloads (the shell comes
 * from the service worker), inspects a venue failing an item and reports a second hazard; both wait in the
 * outbox (pending 2) and land once each when the network returns, whatever the number of syncs.
 */
/** A photo as the phone's camera gives it (drawn in the page: no network needed), as JPEG bytes. */
async function cameraSnapshot(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 1200;
    canvas.height = 900;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#7f1d1d";
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = "#fde68a";
    g.fillRect(200, 150, 500, 400);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.9));
    let text = "";
    for (const byte of new Uint8Array(await blob.arrayBuffer())) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, "base64");
}

describe("offline: inspect and report without a network, both land once when it returns, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let context: BrowserContext;
  let worker: Page;
  let slug: string;
  let profile: PolicyProfile;
  let venue: Venue;
  let adminToken = "";
  let gridId = "";
  let townId = "";

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    const county = await signUpFitting(api, `e2e-off-${run}`, (p) => coveredCategories(p).size > 0 && !!FIELD_ROLE[p.levels.at(-1)!.id]);
    expect(county).toBeDefined();
    [slug, profile, adminToken] = [county!.slug, county!.profile, county!.token];
    const chain = await buildChain(api, adminToken, profile);
    gridId = chain[profile.levels.at(-1)!.id]!.nodeId;
    townId = chain[profile.levels[1]!.id]!.nodeId;
    const wanted = coveredCategories(profile);
    for (const kind of profile.venues.kinds) {
      const res = await api("/v1/venues", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ name: VENUE_NAME, nodeId: gridId, kinds: [kind.id], address: "东街 12 号" }) }, adminToken);
      const created = (await res.json()) as Venue;
      if (created.categories.some((c) => wanted.has(c))) {
        venue = created;
        break;
      }
      await api(`/v1/venues/${created.venueId}/retire`, { method: "POST", body: "{}" }, adminToken);
    }
    expect(venue).toBeDefined();
    const category = profile.inspectionCategories.find((c) => venue.categories.includes(c.id) && wanted.has(c.id))!;
    const role = Inspections.platformRolesOf(profile, category.responsibleRole).find((r) => Object.values(FIELD_ROLE).includes(r) || r === "town_officer");
    const level = role === "town_officer" ? "town" : Object.entries(FIELD_ROLE).find(([, r]) => r === role)![0];
    await addUser(api, county!, WORKER, role!, chain[level]?.nodeId ?? gridId);
    await addUser(api, county!, OFFICER, "town_officer", townId);
    await scheduleInspections(stack, county!.tenantId, new Date(Date.now() + 60_000));
    browser = await launchChromium();
    context = await browser.newContext(phone);
    worker = await context.newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("online: today's tasks load under the service worker, which keeps the day's data", async () => {
    await signIn(worker, stack, slug, WORKER);
    await expect.poll(() => worker.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
    await worker.goto(`${stack.base}/today`);
    await worker.getByTestId("task").filter({ hasText: VENUE_NAME }).first().waitFor();
    // The task opened with its checklist and the venue are in the cache before the signal goes.
    await expect
      .poll(() => worker.evaluate(async () => (await (await caches.open("firegov-data")).keys()).map((r) => new URL(r.url).pathname)), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^\/v1\/inspection-tasks\/./), `/v1/venues/${venue.venueId}`, "/v1/profile"]));
  });

  it("offline: the reload comes from the service worker; the inspection and a second report wait in the outbox (2 pending)", async () => {
    await context.setOffline(true);
    await worker.reload();
    const task = worker.getByTestId("task").filter({ hasText: VENUE_NAME }).first();
    await task.waitFor({ timeout: 30_000 });
    await task.getByRole("link").click();
    const form = worker.getByRole("form", { name: "现场检查" });
    await form.waitFor();
    const items = form.getByTestId("check-item");
    const count = await items.count();
    await items.nth(0).getByRole("button", { name: "不合格", exact: true }).click();
    await items.nth(0).getByLabel("情况说明").fill(NOTE);
    // The photo is taken offline too: kept on the phone (待上传), uploaded before the inspection syncs.
    await items.nth(0).locator('input[type="file"]').setInputFiles({ name: "IMG_0002.jpg", mimeType: "image/jpeg", buffer: await cameraSnapshot(worker) });
    await expect.poll(() => items.nth(0).locator('.photo-thumbs li[data-state="pending"]').count(), { timeout: 30_000 }).toBe(1);
    for (let i = 1; i < count; i++) await items.nth(i).getByRole("button", { name: "合格", exact: true }).click();
    await form.getByRole("button", { name: "完成检查" }).click();
    await worker.getByTestId("inspection-queued").waitFor();
    expect(await worker.getByTestId("inspection-queued").textContent()).toContain("已保存，联网后自动提交");
    await expect.poll(() => worker.getByTestId("outbox-badge").textContent()).toContain("1 条待同步");

    await worker.goto(`${stack.base}/hazards/new`);
    const report = worker.getByRole("form", { name: "上报隐患" });
    await report.waitFor({ timeout: 30_000 });
    await report.getByLabel("所在辖区").selectOption(gridId);
    const code = report.getByLabel("隐患类型");
    await code.selectOption({ index: 1 });
    await report.getByLabel("等级", { exact: true }).selectOption({ index: 1 });
    await report.getByLabel("隐患情况").fill(REPORT);
    await report.getByRole("button", { name: "提交上报" }).click();
    await worker.getByTestId("report-queued").waitFor();
    await expect.poll(() => worker.getByTestId("outbox-badge").textContent()).toContain("2 条待同步");
    await shot(worker, "offline-outbox-pending-phone-zh");
  });

  it("online again: the outbox syncs by itself; a second sync sends nothing more; the officer sees both, once", async () => {
    await context.setOffline(false);
    await worker.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(() => worker.getByTestId("outbox-badge").count(), { timeout: 30_000 }).toBe(0);
    await worker.goto(`${stack.base}/outbox`);
    await worker.getByRole("button", { name: "立即同步" }).click();
    await worker.getByText("已发送 0 条").waitFor();
    await expect.poll(() => worker.locator('[data-testid="outbox-item"][data-state="done"]').count()).toBe(2);
    await shot(worker, "offline-outbox-done-phone-zh");

    const api = stackApi(stack);
    const inspections = (await (await api(`/v1/venues/${venue.venueId}/inspections`, {}, adminToken)).json()) as { items: { items: { result: string; note?: string; hazardId?: string; photos?: string[] }[] }[] };
    expect(inspections.items).toHaveLength(1);
    const failed = inspections.items[0]!.items.find((i) => i.result === "fail")!;
    expect(failed).toMatchObject({ note: NOTE });
    // The photo taken offline landed with a key the server gave (no phone-local reference left).
    expect(failed.photos).toHaveLength(1);
    expect(failed.photos![0]).not.toMatch(/^local-photo:/);
    const officer = await apiLogin(api, slug, OFFICER.username, OFFICER.password);
    const seen = (await (await api("/v1/hazards?limit=100", {}, officer)).json()) as { items: { hazardId: string; description?: string }[] };
    expect(seen.items.filter((h) => h.description === REPORT)).toHaveLength(1);
    expect(seen.items.filter((h) => h.hazardId === failed.hazardId)).toHaveLength(1);
  });
});
