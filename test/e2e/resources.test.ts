import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { ADMIN, buildChain, fillLogin, phone, scrollWidth, shot, signUpCounty, stackApi, stopAll, type Api, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);

/** A date `days` from today in the county's calendar (Asia/Shanghai). */
const inDays = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + days * 86_400_000));

describe("the 经费装备 and 资质培训 pages on a phone, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let county: County;
  let townId: string;

  const call = async (api: Api, path: string, method: string, body: unknown, status: number) => {
    const res = await api(path, { method, headers: { "idempotency-key": randomUUID() }, body: JSON.stringify(body) }, county.token);
    expect(res.status, await res.clone().text()).toBe(status);
    return (await res.json()) as Record<string, string>;
  };

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    county = await signUpCounty(api, `e2e-res-${run}`, "songjiang");
    const nodes = await buildChain(api, county.token, county.profile);
    townId = nodes.town!.nodeId;
    const year = Number(inDays(0).slice(0, 4));
    const town = `/v1/nodes/${townId}`;
    const line = await call(api, `${town}/funding/lines`, "POST", { year, item: "微型消防站建设", amount: 50000, source: "财政预算" }, 201);
    await call(api, `${town}/funding/spending`, "POST", { lineId: line.lineId, date: inDays(0), amount: 12000.5, note: "采购灭火器" }, 201);
    await call(api, `${town}/equipment`, "POST", { kind: "extinguisher", name: "干粉灭火器 4kg", count: 20, expiresOn: inDays(10) }, 201);
    const person = await call(api, `${town}/people`, "POST", { name: "钱消防", employment: "on_payroll" }, 201);
    const other = await call(api, `${town}/people`, "POST", { name: "孙培训", employment: "on_payroll" }, 201);
    await call(api, `${town}/certificates`, "POST", { personId: person.personId, kind: "facility_operator", number: "SH-0001", issuedOn: "2022-01-01", expiresOn: inDays(-1) }, 201);
    const training = await call(api, `${town}/records`, "POST", { kind: "training", date: inDays(0), course: "业务培训考核", attendees: [person, other].map((p) => ({ personId: p.personId, nodeId: townId })) }, 201);
    await call(api, `${town}/records/${training.recordId}/results`, "PUT", { scores: [{ personId: person.personId, nodeId: townId, score: 92 }, { personId: other.personId, nodeId: townId, score: 45 }] }, 200);
    browser = await launchChromium();
    page = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("songjiang 八(二): 经费装备 shows the ledger's totals and equipment expiring soon, adds a budget line, fits the phone and passes axe", async () => {
    // Signed in here, not in beforeAll: the login helper polls, which only a test may do.
    await page.goto(`${stack.base}/login?tenant=${county.slug}`);
    await page.getByLabel("单位代码").waitFor({ timeout: 30_000 });
    await fillLogin(page, county.slug, ADMIN);
    await page.getByTestId("greeting").waitFor({ timeout: 30_000 });
    await page.goto(`${stack.base}/resources/funds?node=${townId}`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "经费装备" }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await page.getByTestId("total-balance").textContent()) ?? "", { timeout: 15_000 }).toBe("37,999.50");
    await expect.poll(async () => (await page.getByTestId("equipment").textContent()) ?? "", { timeout: 15_000 }).toContain("即将到期");
    expect(await page.getByTestId("resource-findings").textContent()).toContain("songjiang 八(二)");
    expect(await page.getByRole("navigation", { name: "专项台账" }).getByRole("link", { name: "资质培训" }).count()).toBe(1);
    expect(await page.locator("#resources-node").inputValue()).toBe(townId);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "resources-funding-phone");

    await page.getByText("新增预算科目").click();
    const form = page.getByRole("form", { name: "新增预算科目" });
    await form.getByLabel("预算科目").fill("宣传培训");
    await form.getByLabel("金额（元）").fill("8000");
    await form.getByLabel("资金来源").fill("上级补助");
    await form.getByRole("button", { name: "保存" }).click();
    await expect.poll(async () => (await page.getByTestId("total-budget").textContent()) ?? "", { timeout: 15_000 }).toBe("58,000.00");
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出经费台账（Excel）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^经费台账-funding-.*\.xlsx$/);
  });

  it("songjiang 八(三): 资质培训 shows the lapsed certificate and who failed the training, fits the phone and passes axe", async () => {
    await page.goto(`${stack.base}/resources/quals?node=${townId}`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "资质培训" }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await page.getByTestId("certificates").textContent()) ?? "", { timeout: 15_000 }).toContain("已过期");
    await expect.poll(async () => (await page.getByTestId("training-failed").textContent()) ?? "", { timeout: 15_000 }).toContain("孙培训（45）");
    expect(await page.getByTestId("training-passed").textContent()).toContain("钱消防（92）");
    expect(await page.getByText("songjiang 八(三)").count()).toBeGreaterThan(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "resources-qualifications-phone");
  });
});
