import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile, Venue } from "@firegov/core/contract";
import { launchChromium } from "../support/browser.ts";
import { addUser, ADMIN, apiLogin, buildChain, fillLogin, FIELD_ROLE, phone, scrollWidth, shot, signUpFitting, stackApi, stopAll } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const WORKER = { username: "wang.grid", name: "王网格", password: "Grid-safe-2027" };
const VENUE_NAME = "东街五金店";
const NOTE = "后门被货物堵住";

/** Venue kinds whose inspection categories carry a checklist: what a self-check of such a venue asks. Found in the profile, never by the county's name. */
/** A busy machine is slow to hash a password: wait for the greeting longer than a poll's default second. */
const SLOW = { timeout: 30_000 };

const checkedKinds = (p: PolicyProfile) => p.venues.kinds.filter((k) => k.category && (p.inspectionCategories.find((c) => c.id === k.category)?.checklist.length ?? 0) > 0);

describe("a venue's person in charge sends a self-check from its QR link on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let officer: Page;
  let owner: Page;
  let slug: string;
  let venue: Venue;
  let link = "";
  let workerToken = "";

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    const county = await signUpFitting(api, `e2e-sc-${run}`, (p) => !!p.selfCheck && checkedKinds(p).length > 0 && !!FIELD_ROLE[p.levels.at(-1)!.id]);
    expect(county, "a preset with self-checks and a venue kind with a checklist").toBeDefined();
    slug = county!.slug;
    const field = county!.profile.levels.at(-1)!.id;
    const gridId = (await buildChain(api, county!.token, county!.profile))[field]!.nodeId;
    const res = await api("/v1/venues", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ name: VENUE_NAME, nodeId: gridId, kinds: [checkedKinds(county!.profile)[0]!.id], address: "东街 12 号" }) }, county!.token);
    expect(res.status, await res.clone().text()).toBe(201);
    venue = (await res.json()) as Venue;
    await addUser(api, county!, WORKER, FIELD_ROLE[field]!, gridId);
    workerToken = await apiLogin(api, slug, WORKER.username, WORKER.password);

    browser = await launchChromium();
    officer = await (await browser.newContext(phone)).newPage();
    // The person in charge: another phone, never signed in.
    owner = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("the county admin makes the venue's self-check link and sees its QR code; the period's self-check is flagged missing", async () => {
    await officer.goto(`${stack.base}/login?tenant=${slug}`);
    await fillLogin(officer, slug, ADMIN);
    await expect.poll(() => officer.getByTestId("greeting").count(), SLOW).toBe(1);
    await officer.goto(`${stack.base}/venues/${venue.venueId}`);
    const panel = officer.getByTestId("self-check-panel");
    await panel.getByTestId("self-check-missing").waitFor();
    await panel.getByRole("button", { name: "生成自查链接" }).click();
    await panel.getByRole("img", { name: "自查二维码" }).waitFor();
    link = await panel.getByLabel("自查链接").inputValue();
    expect(link).toMatch(new RegExp(`^${stack.base}/self-check#`));
    expect(await scrollWidth(officer)).toBeLessThanOrEqual(390);
    await shot(officer, "self-check-link-phone-zh");
  });

  it("the person in charge opens the link without signing in, fails one item with a note, and sends the self-check", async () => {
    await owner.goto(link);
    await expect.poll(() => owner.getByTestId("self-check-venue").textContent(), SLOW).toBe(VENUE_NAME);
    const items = owner.getByTestId("self-check-item");
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    await items.nth(0).getByRole("button", { name: "不合格", exact: true }).click();
    await items.nth(0).getByLabel("问题说明（选填）").fill(NOTE);
    for (let i = 1; i < count; i++) await items.nth(i).getByRole("button", { name: "合格", exact: true }).click();
    await owner.getByLabel("自查人").fill("王店主");
    expect(await scrollWidth(owner)).toBeLessThanOrEqual(390);
    await shot(owner, "self-check-form-phone-zh");
    await owner.getByRole("button", { name: "提交自查" }).click();
    await expect.poll(() => owner.locator(".alert-success").textContent(), SLOW).toContain("1 项不合格");
    await shot(owner, "self-check-sent-phone-zh");
  });

  it("the failed item waits, discovered, for the venue's grid worker; the venue page shows the period's self-check done", async () => {
    const api = stackApi(stack);
    const { items } = (await (await api("/v1/hazards?state=discovered", {}, workerToken)).json()) as { items: { venueId?: string; source: string; description: string }[] };
    expect(items).toContainEqual(expect.objectContaining({ venueId: venue.venueId, source: "self_check", description: NOTE }));
    await officer.reload();
    const panel = officer.getByTestId("self-check-panel");
    await expect.poll(() => panel.textContent(), SLOW).toContain("已自查 1 次");
    expect(await panel.getByTestId("self-check-missing").count()).toBe(0);
  });
});
