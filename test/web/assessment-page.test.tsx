import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { IncentiveCandidates, IncentiveRecord, Scorecards, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import AssessmentPage from "../../web/src/pages/assessment/index.tsx";
import SchemePage from "../../web/src/pages/assessment/scheme.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, profile, profileVersion, xiPian } from "./organisation-fixture.ts";

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const clause = "pingchuan 四(三)";
const assessment = {
  schemes: [
    { id: "annual", name: { zh: "年度消防工作考核", en: "Annual assessment" }, assessedLevels: ["town" as const], frequency: { every: 1, unit: "year" as const }, indicators: [], sourceRef: clause, text: "列入年度考核" },
    { id: "periodic", name: { zh: "消委会定期考核", en: "Periodic assessment" }, assessedLevels: [], frequency: null, indicators: [], sourceRef: "pingchuan 一(二)", text: "定期组织考核" },
  ],
  incentives: [{ id: "lagging_criticised", kind: "sanction" as const, name: { zh: "通报批评落后乡镇", en: "Criticise lagging towns" }, candidates: { from: "lagging_units" as const, scheme: "annual" }, sourceRef: clause, text: "通报批评" }],
};
const withAssessment = { ...profileVersion, profile: { ...profile, assessment } };

const indicators = (hazards: number | null, work: number | null) => [
  { indicatorId: "hazard_governance", name: { zh: "隐患治理", en: "Hazard governance" }, weight: 50, method: "hazard_closure_on_time" as const, computed: hazards, evidence: { zh: "本期结案 4 件，其中按期 3 件", en: "4 closed, 3 in time" }, link: { kind: "hazards" as const, nodeId: "n", filter: "closed" as const }, score: hazards, sourceRef: clause, text: "列入年度考核" },
  { indicatorId: "work_plan", name: { zh: "工作计划实施", en: "Work plan" }, weight: 50, method: "manual" as const, computed: null, ...(work === null ? {} : { entered: { score: work, note: "计划已实施", enteredBy: "u1", enteredAt: "2026-11-20T02:00:00.000Z" } }), score: work, sourceRef: clause, text: "列入年度考核" },
];
const card = (node: typeof dongHe, over: Partial<Scorecards["cards"][number]>): Scorecards["cards"][number] => ({
  nodeId: node.nodeId,
  name: node.name,
  path: node.path,
  parentId: node.parentId,
  indicators: indicators(75, null),
  total: 75,
  scoredWeight: 50,
  totalWeight: 100,
  complete: false,
  rank: 1,
  ranked: 2,
  lagging: false,
  laggingReasons: [],
  mayScore: true,
  ...over,
});
const cards: Scorecards = {
  schemeId: "annual",
  name: { zh: "年度消防工作考核", en: "Annual assessment" },
  period: { start: "2026-01-01", end: "2026-12-31" },
  evaluatedAt: "2026-11-23T04:00:00.000Z",
  profileVersion: 1,
  lagging: { bottom: 1, belowScore: 60, sourceRef: clause, text: "对组织不力的通报批评" },
  cards: [card(dongHe, {}), card(xiPian, { indicators: indicators(40, null), total: 40, rank: 2, lagging: true, laggingReasons: ["bottom", "below_score"] })],
  mayClose: false,
};
const candidates = (recorded: boolean): IncentiveCandidates => ({
  period: cards.period,
  incentives: [
    {
      incentiveId: "lagging_criticised",
      kind: "sanction",
      name: assessment.incentives[0]!.name,
      from: "lagging_units",
      schemeId: "annual",
      sourceRef: clause,
      text: "通报批评",
      candidates: [{ nodeId: xiPian.nodeId, nodeName: xiPian.name, target: { type: "node" }, source: { type: "lagging", schemeId: "annual", period: "2026-01-01" }, reason: { zh: "总分 40，同级第 2/2 名", en: "total 40, rank 2 of 2" }, recorded }],
    },
  ],
});
const record: IncentiveRecord = { recordId: "r1", incentiveId: "lagging_criticised", kind: "sanction", nodeId: xiPian.nodeId, nodeName: xiPian.name, target: { type: "node" }, source: { type: "lagging", schemeId: "annual", period: "2026-01-01" }, date: "2026-11-23", note: "考核靠后", recordedBy: admin.userId, recordedByName: "张建国", recordedAt: "2026-11-23T04:00:00.000Z" };

afterEach(resetSession);

describe("assessment pages", () => {
  it("zezhou 四(三)-style: the scorecard table shows totals, ranks and the lagging town; the assessor enters a manual score", async () => {
    await signInAs(admin);
    let saved = false;
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withAssessment),
      "GET /v1/assessment/schemes/annual/scorecards": () => json(200, saved ? { ...cards, cards: [card(dongHe, { indicators: indicators(75, 90), total: 82.5, complete: true }), cards.cards[1]] } : cards),
      "GET /v1/assessment/incentives/candidates": () => json(200, candidates(false)),
      "GET /v1/assessment/incentives": () => json(200, { items: [], cursor: null }),
      "PUT /v1/assessment/schemes/annual/scores": (call) => {
        const body = call.body as { score: number; note: string };
        if (body.note === "好") return problem(400, "request.invalid", "请求参数有误", [{ path: "body.note", code: "too_small", message: "评分依据过于简略" }]);
        saved = true;
        return json(200, { schemeId: "annual", period: "2026-01-01", nodeId: dongHe.nodeId, indicatorId: "work_plan", score: body.score, note: body.note, enteredBy: admin.userId, enteredAt: "2026-11-23T04:00:00.000Z" });
      },
    });
    renderAt("/assessment/annual", () => <Route path="/assessment/:schemeId" component={SchemePage} />);
    expect(await screen.findByRole("heading", { level: 1, name: "年度消防工作考核" })).toBeInTheDocument();
    expect(screen.getByText(/落后判定：同级排名末 1 位，或总分低于 60 分/)).toBeInTheDocument();
    const rows = await screen.findAllByTestId("scorecard-row");
    expect(rows.map((r) => [r.dataset.node, r.dataset.lagging])).toEqual([[dongHe.nodeId, "false"], [xiPian.nodeId, "true"]]);
    expect(within(rows[1]!).getByText("落后")).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent("2/2");
    expect(rows[0]!.querySelector('[data-indicator="work_plan"]')).toHaveTextContent("—");

    fireEvent.click(within(rows[0]!).getByRole("button", { name: "评分" }));
    const form = await screen.findByRole("form", { name: "录入评分 · 东河乡" });
    fireEvent.change(within(form).getByLabelText(/指标/), { target: { value: "work_plan" } });
    fireEvent.input(within(form).getByLabelText(/分数/), { target: { value: "90" } });
    fireEvent.input(within(form).getByLabelText(/评分依据/), { target: { value: "好" } });
    fireEvent.click(within(form).getByRole("button", { name: "保存评分" }));
    expect(await within(form).findByText("评分依据过于简略")).toBeInTheDocument();
    fireEvent.input(within(form).getByLabelText(/评分依据/), { target: { value: "计划已实施" } });
    fireEvent.click(within(form).getByRole("button", { name: "保存评分" }));
    expect(await screen.findByText("已保存 东河乡“工作计划实施”的评分 90 分")).toBeInTheDocument();
    const puts = api.calls("PUT /v1/assessment/schemes/annual/scores");
    expect(puts.at(-1)!.body).toEqual({ period: "2026-01-01", nodeId: dongHe.nodeId, indicatorId: "work_plan", score: 90, note: "计划已实施" });
    await expect.poll(() => screen.getAllByTestId("scorecard-row")[0]!.querySelector('[data-indicator="work_plan"]')?.textContent).toBe("90");
  });

  it("zezhou 四(三)-style: the admin closes the period after confirming; the closed view shows its snapshot and takes no more scores", async () => {
    await signInAs(admin);
    let closed = false;
    const withFile = (c: Scorecards["cards"][number]) => ({ ...c, indicators: c.indicators.map((i) => (i.entered ? { ...i, entered: { ...i.entered, attachments: ["t/x/assessment/u1/a.jpg"] } } : i)) });
    const closedCards: Scorecards = { ...cards, mayClose: false, closed: { closedAt: "2026-12-31T08:00:00.000Z", closedBy: admin.userId, closedByName: "张建国" }, cards: [card(dongHe, { indicators: indicators(75, 90), total: 82.5, complete: true }), cards.cards[1]!].map((c) => ({ ...withFile(c), mayScore: false })) };
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withAssessment),
      "GET /v1/assessment/schemes/annual/scorecards": () => json(200, closed ? closedCards : { ...cards, mayClose: true }),
      "POST /v1/assessment/schemes/annual/close": () => {
        closed = true;
        return json(200, closedCards);
      },
      "GET /v1/assessment/incentives/candidates": () => json(200, candidates(false)),
      "GET /v1/assessment/incentives": () => json(200, { items: [], cursor: null }),
      "GET /v1/assessment/attachments": () => json(200, { key: "t/x/assessment/u1/a.jpg", url: "https://files.example/a.jpg", expiresIn: 300 }),
    });
    renderAt("/assessment/annual", () => <Route path="/assessment/:schemeId" component={SchemePage} />);
    expect(await screen.findByRole("button", { name: "导出 Excel" })).toBeInTheDocument();
    // The computed score links to the list behind it (the closed hazards of the town).
    const rows = await screen.findAllByTestId("scorecard-row");
    expect(within(rows[0]!).getByRole("link", { name: /查看依据：隐患治理/ })).toHaveAttribute("href", expect.stringContaining("/hazards?state=closed&path="));
    fireEvent.click(screen.getByRole("button", { name: "关闭归档本期" }));
    expect(api.calls("POST /v1/assessment/schemes/annual/close")).toHaveLength(0);
    fireEvent.click(await screen.findByRole("button", { name: "确认关闭" }));
    expect(await screen.findByTestId("period-closed")).toHaveTextContent("张建国");
    expect(api.calls("POST /v1/assessment/schemes/annual/close").at(-1)!.body).toEqual({ period: "2026-01-01" });
    expect(screen.queryByRole("button", { name: "关闭归档本期" })).toBeNull();
    expect(screen.queryAllByRole("button", { name: "评分" })).toHaveLength(0);
    // The assessor's attachment opens through a short-lived link asked for the score it belongs to.
    let opened = "";
    window.open = ((url: string) => { opened = url; return null; }) as typeof window.open;
    const file = (await screen.findAllByTestId("score-attachment"))[0]!;
    fireEvent.click(file);
    await expect.poll(() => opened).toBe("https://files.example/a.jpg");
    expect(api.calls("GET /v1/assessment/attachments").at(-1)!.path).toContain("indicatorId=work_plan");
  });

  it("zezhou 四(三): the lagging town is a candidate for criticism; recording it sends its source, once", async () => {
    await signInAs(admin);
    let recorded = false;
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withAssessment),
      "GET /v1/assessment/schemes/annual/scorecards": () => json(200, cards),
      "GET /v1/assessment/incentives/candidates": () => json(200, candidates(recorded)),
      "GET /v1/assessment/incentives": () => json(200, { items: recorded ? [record] : [], cursor: null }),
      "POST /v1/assessment/incentives": () => {
        recorded = true;
        return json(201, record);
      },
    });
    renderAt("/assessment/annual", () => <Route path="/assessment/:schemeId" component={SchemePage} />);
    const candidate = await screen.findByTestId("candidate");
    expect(candidate).toHaveTextContent("西片区");
    expect(candidate).toHaveTextContent("总分 40，同级第 2/2 名");
    expect(screen.getByText("尚无奖惩登记。")).toBeInTheDocument();
    fireEvent.click(within(candidate).getByRole("button", { name: "登记" }));
    fireEvent.input(within(candidate).getByLabelText(/事由/), { target: { value: "考核靠后" } });
    fireEvent.click(within(candidate).getByRole("button", { name: "确认登记" }));
    expect(await screen.findByText("已登记“通报批评落后乡镇”：西片区")).toBeInTheDocument();
    const [post] = api.calls("POST /v1/assessment/incentives");
    expect(post!.body).toMatchObject({ incentiveId: "lagging_criticised", nodeId: xiPian.nodeId, target: { type: "node" }, note: "考核靠后", source: { type: "lagging", schemeId: "annual", period: "2026-01-01" } });
    expect(post!.headers.get("idempotency-key")).toBeTruthy();
    expect(await within(await screen.findByTestId("candidate")).findByText("已登记")).toBeInTheDocument();
    expect(await screen.findByTestId("incentive-record")).toHaveTextContent("通报批评落后乡镇 — 西片区");
  });

  it("a viewer reads the scorecards without a score button or candidates", async () => {
    await signInAs({ ...admin, role: "viewer" });
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withAssessment),
      "GET /v1/assessment/schemes/annual/scorecards": () => json(200, { ...cards, cards: cards.cards.map((c) => ({ ...c, mayScore: false })) }),
      "GET /v1/assessment/incentives": () => json(200, { items: [record], cursor: null }),
    });
    renderAt("/assessment/annual", () => <Route path="/assessment/:schemeId" component={SchemePage} />);
    await screen.findAllByTestId("scorecard-row");
    expect(screen.queryByRole("button", { name: "评分" })).toBeNull();
    expect(screen.queryByText("奖惩候选")).toBeNull();
    expect(api.calls("GET /v1/assessment/incentives/candidates")).toHaveLength(0);
    expect(await screen.findByTestId("incentive-record")).toHaveTextContent("西片区");
  });

  it("the index lists the schemes: one opens its scorecards, one that names nobody assessed is data only", async () => {
    await signInAs(admin);
    fakeApi({ "GET /v1/profile": () => json(200, withAssessment), "GET /v1/assessment/incentives": () => json(200, { items: [], cursor: null }) });
    renderAt("/assessment", () => <Route path="/assessment" component={AssessmentPage} />);
    const schemes = await screen.findAllByTestId("scheme");
    expect(within(schemes[0]!).getByRole("link", { name: "查看评分表" })).toHaveAttribute("href", "/assessment/annual");
    expect(schemes[0]).toHaveTextContent("条款 pingchuan 四(三)");
    expect(schemes[1]).toHaveTextContent("仅作记录：方案未规定考核对象");
    expect(within(schemes[1]!).queryByRole("link")).toBeNull();
  });
});
