import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { apiLogin, addUser, buildChain, phone, shot, signIn, signUpCounty, stackApi, stopAll, type County } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

// Answering the public in Chromium on phones (issue 16, Build 7 and 8): a resident shares the phone's position
// inside a town's boundary and sends a tip; it reaches that town's officer, who registers it with a code, a
// severity and a response template; the resident follows it on /tip/<county>/<code> and reads the answer.

const run = Date.now().toString(36);
const SLOW = { timeout: 60_000 };
const OFFICER = { username: "li.town", name: "李镇", password: "Fire-safe-2026" };

describe("public tips: routed by position, answered with a template, followed on the tip's own page", () => {
  let stack: RunningStack;
  let browser: Browser;
  let resident: Page;
  let officer: Page;
  let county: County;
  let town: { nodeId: string; name: string };

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    const api = stackApi(stack);
    county = await signUpCounty(api, `e2e-tip-${run}`, "songjiang");
    const chain = await buildChain(api, county.token, county.profile);
    town = chain.town!;
    const square = [[[121.2, 31.0], [121.3, 31.0], [121.3, 31.1], [121.2, 31.1], [121.2, 31.0]]];
    expect((await api(`/v1/nodes/${town.nodeId}/boundary`, { method: "PUT", body: JSON.stringify({ type: "Polygon", coordinates: square }) }, county.token)).status).toBe(200);
    await addUser(api, county, OFFICER, "town_officer", town.nodeId);
    browser = await launchChromium();
    resident = await (await browser.newContext({ ...phone, permissions: ["geolocation"], geolocation: { latitude: 31.05, longitude: 121.25 } })).newPage();
    officer = await (await browser.newContext(phone)).newPage();
  }, 300_000);

  afterAll(async () => {
    await stopAll(browser, stack);
  });

  it("a tip with the phone's position inside a town reaches that town's officer, who answers it with a template the resident reads on the follow page; the pages pass axe", async () => {
    await resident.goto(`${stack.base}/tip/${county.slug}`);
    await expect.poll(() => resident.getByLabel("隐患位置").count(), SLOW).toBe(1);
    await resident.getByLabel("隐患位置").fill("幸福小区3号楼楼道");
    await resident.getByLabel("隐患情况").fill("楼道里堆满纸箱，还有电动车在充电");
    await resident.getByRole("button", { name: "共享我的位置" }).click();
    await expect.poll(() => resident.getByTestId("tip-position").count(), SLOW).toBe(1);
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await resident.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => resident.getByTestId("tip-follow-link").count(), SLOW).toBe(1);
    await expect.poll(() => resident.getByRole("img", { name: "查看办理进展的二维码" }).count(), SLOW).toBe(1);
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await shot(resident, "tip-receipt");
    const code = (await resident.getByTestId("receipt-code").textContent())!.trim();
    await resident.getByTestId("tip-follow-link").click();
    await expect.poll(() => resident.url(), SLOW).toBe(`${stack.base}/tip/${county.slug}/${code}`);
    await expect.poll(() => resident.getByTestId("tip-status").textContent(), SLOW).toContain("已收到，待核实");
    expect(await resident.getByText("暂无答复").count()).toBe(1);

    // The town's officer got the notice: the tip landed at the town.
    const token = await apiLogin(stackApi(stack), county.slug, OFFICER.username, OFFICER.password);
    const inbox = (await (await stackApi(stack)("/v1/inbox", {}, token)).json()) as { items: { subjectId: string; kind: string }[] };
    const notice = inbox.items.find((n) => n.kind === "create");
    expect(notice).toBeDefined();
    await signIn(officer, stack, county.slug, OFFICER);
    await officer.goto(`${stack.base}/hazards/${notice!.subjectId}`);
    await expect.poll(() => officer.getByRole("heading", { level: 1 }).textContent(), SLOW).toContain("楼道里堆满纸箱");
    await officer.getByRole("button", { name: "立案", exact: true }).click();
    const form = officer.getByRole("form", { name: "立案" });
    await form.getByLabel(/隐患类型/).selectOption("combustible_storage");
    await form.getByLabel(/^等级/).selectOption("general");
    await form.getByLabel(/答复模板/).selectOption("registered");
    await expect.poll(() => form.getByLabel(/对公众的说明/).inputValue(), SLOW).toContain("您反映的问题已受理");
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await shot(officer, "tip-register-template");
    await form.getByRole("button", { name: "确认立案" }).click();
    await expect.poll(() => officer.getByText("已立案。").count(), SLOW).toBe(1);

    await resident.reload();
    await expect.poll(() => resident.getByTestId("tip-status").textContent(), SLOW).toContain("已核实立案，正在办理");
    const answer = (await resident.getByTestId("tip-notes").textContent())!;
    expect(answer).toMatch(/您反映的问题已受理，编号[0-9A-Z]{8}，由.+负责办理，我们将在\d{4}年\d{1,2}月\d{1,2}日前督促整改到位。/);
    expect(answer).not.toContain(OFFICER.name);
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await shot(resident, "tip-follow");
  }, 240_000);
});
