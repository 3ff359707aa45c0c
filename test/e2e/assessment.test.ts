import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyProfile, Scorecards } from "@firegov/core/contract";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, fillLogin, phone, scrollWidth, shot, signUpFitting, stackApi, stopAll, type Api, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

// The scheme page of a closed assessment period on a phone: the admin scores
// a manual indicator and closes the period through the API; the page shows
// the snapshot, says it is closed, offers the workbook, and passes axe.

const run = Date.now().toString(36);
const SLOW = { timeout: 30_000 };

type Scheme = PolicyProfile["assessment"]["schemes"][number];
/** A scheme that scores the level just below the root on named indicators, one of them by hand: found in the profile, never by the county's name. */
const schemeOf = (p: PolicyProfile): Scheme | undefined =>
  p.assessment.schemes.find((s) => s.assessedLevels.includes(p.levels[1]!.id) && s.indicators.some((i) => !i.measures) && s.indicators.length > 1);

describe("a closed assessment period on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;
  let scheme: Scheme;
  let api: Api;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    api = stackApi(stack);
    county = (await signUpFitting(api, `e2e-asm-${run}`, (p) => schemeOf(p) !== undefined))!;
    expect(county, "a preset with a scheme over the second level and a manual indicator").toBeDefined();
    scheme = schemeOf(county.profile)!;
    const me = (await (await api("/v1/me", {}, county.token)).json()) as { tenant: { rootNodeId: string } };
    const towns: string[] = [];
    for (const name of ["东城", "西城"]) {
      const res = await api("/v1/nodes", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ parentId: me.tenant.rootNodeId, name: `${name}${county.profile.levels[1]!.name.zh}` }) }, county.token);
      expect(res.status, await res.clone().text()).toBe(201);
      towns.push(((await res.json()) as { nodeId: string }).nodeId);
    }
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const manual = scheme.indicators.find((i) => !i.measures)!;
    for (const [k, nodeId] of towns.entries()) {
      const res = await api(`/v1/assessment/schemes/${scheme.id}/scores`, { method: "PUT", body: JSON.stringify({ period: today, nodeId, indicatorId: manual.id, score: 90 - 30 * k, note: "查阅台账和现场核查" }) }, county.token);
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const closed = await api(`/v1/assessment/schemes/${scheme.id}/close`, { method: "POST", body: JSON.stringify({ period: today }) }, county.token);
    expect(closed.status, await closed.clone().text()).toBe(200);
    expect(((await closed.json()) as Scorecards).closed).toBeDefined();

    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("shows the closed period's snapshot with the export, takes no score, fits the phone and passes axe", async () => {
    await page.goto(`${stack.base}/login?tenant=${county.slug}`);
    await fillLogin(page, county.slug, ADMIN);
    await expect.poll(() => page.getByTestId("greeting").count(), SLOW).toBe(1);
    await page.goto(`${stack.base}/assessment/${scheme.id}`);
    await page.getByTestId("period-closed").waitFor(SLOW);
    await expect.poll(() => page.getByTestId("scorecard-row").count()).toBe(2);
    expect(await page.getByRole("button", { name: "导出 Excel" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "评分" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "关闭归档本期" }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, "assessment-closed-period");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
