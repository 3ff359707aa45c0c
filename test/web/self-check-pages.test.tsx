import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SelfCheckForm, SelfCheckLink, SelfCheckStatus, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import SelfCheckPage from "../../web/src/pages/self-check/index.tsx";
import { SelfCheckPanel } from "../../web/src/pages/venues/self-check-panel.tsx";
import SelfChecksPage from "../../web/src/pages/self-checks/index.tsx";
import { modulesPath } from "../../web/src/components/qr-code.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";

const TOKEN = "eyJhbGciOiJFZERTQSJ9.eyJ0aWQiOiJ4aW5oZSJ9.c2lnbmF0dXJl";

const form: SelfCheckForm = {
  venue: { name: "东街五金店", address: "东街 12 号" },
  frequency: { every: 1, unit: "month" },
  period: { key: "2026-11", start: "2026-11-01", end: "2026-11-30", dueAt: "2026-11-30T16:00:00.000Z" },
  done: false,
  items: [
    { category: "street", categoryName: { zh: "第二类：街面、沿街商铺", en: "Category 2: street" }, itemId: "three_in_one", name: { zh: "三合一场所住人", en: "People living in a three-in-one venue" } },
    { category: "street", categoryName: { zh: "第二类：街面、沿街商铺", en: "Category 2: street" }, itemId: "exit_blocked", name: { zh: "安全出口堵塞", en: "Exit blocked" } },
  ],
};

function openAt(hash: string) {
  window.location.hash = hash;
  return renderAt("/self-check", () => <Route path="/self-check" component={SelfCheckPage} />);
}

afterEach(async () => {
  window.location.hash = "";
  await resetSession();
});

describe("the public self-check page", () => {
  it("yancheng (十六): opens from the link without signing in, shows the venue and its list, and sends every answer with the form's submission id, the token in a header", async () => {
    const api = fakeApi({
      "GET /v1/public/self-check": () => json(200, form),
      "POST /v1/public/self-check": () => json(201, { selfCheckId: "sc-1", period: "2026-11", submittedAt: "2026-11-23T03:00:00.000Z", passed: 1, failed: 1, message: { zh: "自查已提交：1 项不合格，已转网格核实，请尽快整改。", en: "Sent" } }),
    });
    openAt(`#${TOKEN}`);
    expect(await screen.findByTestId("self-check-venue")).toHaveTextContent("东街五金店");
    const items = screen.getAllByTestId("self-check-item");
    expect(items.map((i) => i.querySelector("legend")!.textContent)).toEqual(["三合一场所住人", "安全出口堵塞"]);
    expect(api.calls("GET /v1/public/self-check")[0]!.headers.get("x-self-check-token")).toBe(TOKEN);
    expect(api.calls("GET /v1/public/self-check")[0]!.headers.get("authorization")).toBeNull();

    fireEvent.click(within(items[0]!).getByRole("button", { name: "不合格" }));
    fireEvent.input(within(items[0]!).getByLabelText("问题说明（选填）"), { target: { value: "二楼住人" } });
    fireEvent.click(within(items[1]!).getByRole("button", { name: "合格" }));
    fireEvent.input(screen.getByLabelText("自查人"), { target: { value: "王店主" } });
    fireEvent.click(screen.getByRole("button", { name: "提交自查" }));

    expect(await screen.findByText("自查已提交")).toBeTruthy();
    expect(screen.getByText(/1 项不合格/)).toBeTruthy();
    const sent = api.calls("POST /v1/public/self-check")[0]!;
    expect(sent.headers.get("x-self-check-token")).toBe(TOKEN);
    expect(sent.body).toEqual({
      submissionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      respondent: "王店主",
      items: [
        { category: "street", itemId: "three_in_one", result: "fail", note: "二楼住人" },
        { category: "street", itemId: "exit_blocked", result: "pass" },
      ],
    });
  });

  it("resends the same submission id after a failed attempt, so a retry is stored once", async () => {
    let attempts = 0;
    const api = fakeApi({
      "GET /v1/public/self-check": () => json(200, form),
      "POST /v1/public/self-check": () => (++attempts === 1 ? problem(503, "server.busy", "服务繁忙", undefined) : json(201, { selfCheckId: "sc-1", period: "2026-11", submittedAt: "2026-11-23T03:00:00.000Z", passed: 2, failed: 0, message: { zh: "自查已提交，全部合格。", en: "Sent" } })),
    });
    openAt(`#${TOKEN}`);
    for (const item of await screen.findAllByTestId("self-check-item")) fireEvent.click(within(item).getByRole("button", { name: "合格" }));
    fireEvent.input(screen.getByLabelText("自查人"), { target: { value: "王店主" } });
    fireEvent.click(screen.getByRole("button", { name: "提交自查" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("服务繁忙");
    fireEvent.click(screen.getByRole("button", { name: "提交自查" }));
    expect(await screen.findByText("自查已提交，全部合格。")).toBeTruthy();
    const [first, second] = api.calls("POST /v1/public/self-check").map((c) => (c.body as { submissionId: string }).submissionId);
    expect(second).toBe(first);
  });

  it("says why a replaced link does not open, and what to do without a token", async () => {
    fakeApi({ "GET /v1/public/self-check": () => problem(401, "self_check.link_replaced", "该自查链接已停用（已换发新链接），请扫描场所张贴的最新二维码。") });
    openAt(`#${TOKEN}`);
    expect(await screen.findByRole("alert")).toHaveTextContent("该自查链接已停用");
    await resetSession();
    const api = fakeApi({});
    openAt("");
    expect(await screen.findByRole("alert")).toHaveTextContent("链接不完整");
    expect(api.all).toEqual([]);
  });

  it("shows the field the API names, and a rate limit as such, in English too", async () => {
    let answer = problem(400, "request.invalid", "The request is invalid", [{ path: "body.respondent", code: "too_small", message: "Name the person who did the check" }]);
    fakeApi({ "GET /v1/public/self-check": () => json(200, form), "POST /v1/public/self-check": () => answer });
    window.location.hash = `#${TOKEN}`;
    renderAt("/self-check", () => <Route path="/self-check" component={SelfCheckPage} />, "en");
    for (const item of await screen.findAllByTestId("self-check-item")) fireEvent.click(within(item).getByRole("button", { name: "Pass" }));
    fireEvent.click(screen.getByRole("button", { name: "Send self-check" }));
    expect(await screen.findByText("Name the person who did the check")).toBeTruthy();
    answer = problem(429, "self_check.rate_limited", "Too many self-checks sent; try again in 5 minutes.");
    fireEvent.click(screen.getByRole("button", { name: "Send self-check" }));
    expect(await screen.findByText(/Too many sent: Too many self-checks sent/)).toBeTruthy();
  });
});

describe("the venue's self-check panel", () => {
  const officer: User = { ...admin, userId: "u-town", username: "li.town", displayName: "李镇", role: "town_officer" };
  const link = (generation: number, token: string): SelfCheckLink => ({ token, path: `/self-check#${token}`, url: `https://fire.example.cn/self-check#${token}`, generation, issuedAt: "2026-11-20T02:00:00.000Z" });
  const status = (over: Partial<SelfCheckStatus> = {}): SelfCheckStatus => ({
    enabled: true,
    frequency: { every: 1, unit: "month" },
    rule: { sourceRef: "yancheng (十六)", text: "教育引导小场所业主常态化主动开展安全自查自改" },
    period: { key: "2026-11", start: "2026-11-01", end: "2026-11-30", dueAt: "2026-11-30T16:00:00.000Z" },
    done: false,
    count: 0,
    items: 2,
    mayManageLink: true,
    link: null,
    ...over,
  });

  async function show(s: SelfCheckStatus, issued: SelfCheckLink[] = []) {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: officer })) });
    await signIn({ tenant: "xinhe", username: officer.username, password: "Fire-safe-2026" });
    const api = fakeApi({
      "GET /v1/venues/v-1/self-check": () => json(200, s),
      "GET /v1/venues/v-1/self-checks": () => json(200, { items: [], cursor: null }),
      "POST /v1/venues/v-1/self-check/link": () => json(201, issued.shift()),
    });
    renderAt("/venues/v-1", () => <Route path="/venues/:venueId" component={() => <SelfCheckPanel venueId="v-1" />} />);
    return api;
  }

  it("yancheng (十六): flags a venue whose self-check of the period is missing, with the frequency and its clause", async () => {
    await show(status());
    expect(await screen.findByTestId("self-check-missing")).toHaveTextContent("本期尚未自查");
    expect(screen.getByText(/每月一次/)).toBeTruthy();
    expect(screen.getByText(/依据：\(十六\)/)).toBeTruthy();
  });

  it("issues the link on request and shows it with its QR code; replacing it asks first and shows the new one", async () => {
    const api = await show(status(), [link(1, "tok-one"), link(2, "tok-two")]);
    fireEvent.click(await screen.findByRole("button", { name: "生成自查链接" }));
    const qr = await screen.findByRole("img", { name: "自查二维码" });
    expect(Number(qr.getAttribute("data-modules"))).toBeGreaterThan(20);
    expect(qr.querySelector("path")!.getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(screen.getByLabelText("自查链接")).toHaveValue("https://fire.example.cn/self-check#tok-one");
    expect(api.calls("POST /v1/venues/v-1/self-check/link")).toHaveLength(1);

    const confirm = vi.fn(() => false);
    vi.stubGlobal("confirm", confirm);
    fireEvent.click(screen.getByRole("button", { name: "更换链接" }));
    expect(confirm).toHaveBeenCalledOnce();
    expect(api.calls("POST /v1/venues/v-1/self-check/link")).toHaveLength(1);
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole("button", { name: "更换链接" }));
    await waitFor(() => expect(screen.getByLabelText("自查链接")).toHaveValue("https://fire.example.cn/self-check#tok-two"));
    expect(screen.getByText(/第 2 版/)).toBeTruthy();
    expect(api.calls("POST /v1/venues/v-1/self-check/link")).toHaveLength(2);
  });

  it("shows the done self-check and no link box to those who may not manage links", async () => {
    await show(status({ done: true, count: 2, lastAt: "2026-11-21T02:00:00.000Z", mayManageLink: false, link: undefined }));
    expect(await screen.findByText(/已自查 2 次/)).toBeTruthy();
    expect(screen.queryByTestId("self-check-link")).toBeNull();
    expect(screen.queryByTestId("self-check-missing")).toBeNull();
  });
});

describe("the roll of a subtree's self-checks", () => {
  it("lists the venues missing this period's self-check, and all of them on request, page after page", async () => {
    const period = { key: "2026-11", start: "2026-11-01", end: "2026-11-30", dueAt: "2026-11-30T16:00:00.000Z" };
    const row = (venueId: string, name: string, done: boolean) => ({ venueId, name, nodeId: "n-grid", path: "/r/n-grid", done, count: done ? 1 : 0, ...(done ? { lastAt: "2026-11-21T02:00:00.000Z" } : {}) });
    const api = fakeApi({
      "GET /v1/self-checks": (call) => {
        const q = new URL(call.path, "http://localhost").searchParams;
        if (q.get("missing") === "true") return json(200, { period, items: [row("v-1", "东街五金店", false)], cursor: null });
        return q.get("cursor") === "p2" ? json(200, { period, items: [row("v-3", "西街饭店", false)], cursor: null }) : json(200, { period, items: [row("v-1", "东街五金店", false), row("v-2", "南街超市", true)], cursor: "p2" });
      },
    });
    renderAt("/self-checks", () => <Route path="/self-checks" component={SelfChecksPage} />);
    const roll = await screen.findByTestId("self-check-roll");
    expect(await within(roll).findByText("东街五金店")).toBeTruthy();
    expect(within(roll).getByText("本期尚未自查")).toBeTruthy();
    expect(within(roll).queryByText("南街超市")).toBeNull();
    fireEvent.click(screen.getByLabelText("只看本期未自查的场所"));
    expect(await within(roll).findByText("南街超市")).toBeTruthy();
    expect(within(roll).getByText(/已自查 1 次/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "加载更多" }));
    expect(await within(roll).findByText("西街饭店")).toBeTruthy();
    expect(within(roll).getAllByRole("listitem")).toHaveLength(3);
    expect(api.calls("GET /v1/self-checks").map((c) => new URL(c.path, "http://localhost").search)).toEqual(["?missing=true&limit=100", "?limit=100", "?cursor=p2&limit=100"]);
  });
});

describe("the QR drawing", () => {
  it("draws one unit square per dark module, at its column and row", () => {
    expect(modulesPath([[true, false], [false, true]])).toBe("M0 0h1v1h-1zM1 1h1v1h-1z");
    expect(modulesPath([[false]])).toBe("");
  });
});
