import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, buildChain, fillLogin, phone, scrollWidth, shot, signUpFitting, stackApi, stopAll, type Api, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

// The fire incident pages on a phone: the register lists an incident recorded
// at a venue; its page shows the venue's hazard of the past year and the
// nearest force (火警派警), fits the phone and passes axe.

const run = Date.now().toString(36);
const SLOW = { timeout: 30_000 };

describe("fire incidents on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;
  let api: Api;
  let incidentId: string;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    api = stackApi(stack);
    county = (await signUpFitting(api, `e2e-inc-${run}`, (p) => (p.incidents?.accountability.length ?? 0) > 0))!;
    expect(county, "a preset citing an accountability clause").toBeDefined();
    const chain = await buildChain(api, county.token, county.profile);
    // The town level handles general hazards in every preset; the deepest level where there is no town.
    const town = chain.town ?? Object.values(chain).at(-1)!;
    const post = async (path: string, body: unknown) => {
      const res = await api(path, { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify(body) }, county.token);
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as Record<string, string>;
    };
    const venue = await post("/v1/venues", { name: "沿街商铺甲", nodeId: town.nodeId, kinds: [county.profile.venues.kinds[0]!.id], address: "人民路1号", lat: 31.0, lng: 121.2 });
    const code = county.profile.hazards.codes[0]!;
    await post("/v1/hazards", { nodeId: town.nodeId, venueId: venue.venueId, code: code.id, ...(code.id === "other" ? { codeText: "杂物" } : {}), severity: county.profile.hazards.severities[0]!.id, description: "疏散通道堆放杂物", source: "inspection" });
    await post(`/v1/nodes/${town.nodeId}/brigades`, { name: "镇专职消防队", force: "full_time_brigade", lat: 31.01, lng: 121.2 });
    // The fire breaks out after the hazard was reported: its review holds only what was known before the fire.
    incidentId = (await post("/v1/incidents", { occurredAt: new Date().toISOString(), venueId: venue.venueId, cause: county.profile.incidents!.causes[0]!.id, injuries: 1, directLoss: 8000 })).incidentId!;
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("lists the incident, opens the form, shows the venue's past-year hazard and the nearest force, fits the phone and passes axe", async () => {
    await page.goto(`${stack.base}/login?tenant=${county.slug}`);
    await fillLogin(page, county.slug, ADMIN);
    await expect.poll(() => page.getByTestId("greeting").count(), SLOW).toBe(1);
    await page.goto(`${stack.base}/incidents`);
    await page.getByTestId("incident").first().waitFor(SLOW);
    expect(await page.getByTestId("incident").count()).toBe(1);
    await page.getByRole("button", { name: "登记火灾事故" }).click();
    await page.getByRole("form", { name: "登记火灾事故" }).waitFor(SLOW);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "incidents-list");

    await page.goto(`${stack.base}/incidents/${incidentId}`);
    await page.getByTestId("review-hazard").first().waitFor(SLOW);
    expect(await page.getByTestId("review-hazard").count()).toBe(1);
    expect(await page.getByTestId("nearest-force").first().textContent()).toContain("镇专职消防队");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "incident-page");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
