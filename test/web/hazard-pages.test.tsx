import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Hazard, HazardEvent, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import HazardPage from "../../web/src/pages/hazards/hazard.tsx";
import ReportHazardPage from "../../web/src/pages/hazards/new.tsx";
import InboxPage from "../../web/src/pages/inbox/index.tsx";
import TipPage from "../../web/src/pages/tip/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { profile, version1 } from "./profile-fixture.ts";

const officer: User = { ...admin, userId: "u-town", username: "li.town", displayName: "李镇", role: "town_officer" };
const worker: User = { ...admin, userId: "u-grid", username: "wang.grid", displayName: "王网格", role: "grid_worker" };
const town = { nodeId: "n-town", parentId: admin.scopeNodeId, path: `${admin.scopePath}/n-town`, level: "town", name: "东河乡", status: "active" };

const hazard: Hazard = {
  hazardId: "hz-1",
  nodeId: town.nodeId,
  path: town.path,
  locationText: "3 号楼楼道",
  severity: "general",
  code: "other",
  codeText: "楼道堆放杂物",
  description: "楼道内堆放纸箱，堵塞疏散通道",
  photos: [],
  source: "grid_patrol",
  reporter: { type: "user", id: worker.userId },
  state: "verifying",
  deadline: "2026-12-05T15:59:59.999Z",
  overdue: true,
  handling: { body: "town_office", level: "town" },
  assigneeId: worker.userId,
  pendingAcks: [],
  acks: [],
  reports: [],
  departments: [],
  remitOf: [],
  decisions: [],
  listings: [],
  occurrences: [],
  createdAt: "2026-11-20T02:00:00.000Z",
  openedAt: "2026-11-20T02:00:00.000Z",
  updatedAt: "2026-11-21T02:00:00.000Z",
  reopenCount: 0,
  profileVersion: 1,
  version: 5,
};

const ev = (seq: number, action: string, from: string, to: string, actorId: string, extra: Partial<HazardEvent> = {}): HazardEvent => ({
  seq, at: `2026-11-2${seq}T02:00:00.000Z`, action, from, to, actorType: "user", actorId, version: seq, profileVersion: 1, ...extra,
});
const events: HazardEvent[] = [
  ev(1, "create", "discovered", "discovered", worker.userId, { deadlineAfter: "2026-12-05T15:59:59.999Z" }),
  ev(2, "register", "discovered", "registered", officer.userId),
  ev(3, "dispatch", "registered", "dispatched", officer.userId, { note: "请物业三日内清理" }),
  ev(4, "start", "dispatched", "rectifying", worker.userId),
  ev(5, "submit", "rectifying", "verifying", worker.userId, { note: "已清理", photos: ["photos/after.jpg"] }),
];

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "xinhe", username: user.username, password: "Fire-safe-2026" });
}

const common = {
  "GET /v1/profile": () => json(200, version1),
  "GET /v1/nodes/n-town": () => json(200, town),
  "GET /v1/users": () => json(200, { items: [officer, worker], cursor: null }),
};

const renderHazard = () => renderAt("/hazards/hz-1", () => <Route path="/hazards/:id" component={HazardPage} />);

afterEach(resetSession);

describe("hazard page", () => {
  it("shows the state, overdue deadline and every event of the timeline, with who, when and what", async () => {
    await signInAs(officer);
    fakeApi({ ...common, "GET /v1/hazards/hz-1": () => json(200, { hazard, events, cursor: null }) });
    renderHazard();
    expect(await screen.findByRole("heading", { level: 1, name: "楼道堆放杂物" })).toBeInTheDocument();
    expect(screen.getByText("核查", { selector: ".hz-state" })).toBeInTheDocument();
    expect(document.querySelector(".hz-steps [aria-current=step]")?.textContent).toContain("核查");
    expect(screen.getByText("一般隐患")).toBeInTheDocument();
    expect(screen.getByText("乡镇消防工作站")).toBeInTheDocument();
    expect(screen.getByText("已逾期")).toBeInTheDocument();
    expect(await screen.findByText(/东河乡 · 3 号楼楼道/)).toBeInTheDocument();

    const items = await screen.findAllByRole("listitem", { name: undefined });
    const timeline = items.filter((li) => li.classList.contains("hz-event"));
    expect(timeline.map((li) => li.dataset.action)).toEqual(["create", "register", "dispatch", "start", "submit"]);
    const submit = timeline[4]!;
    expect(within(submit).getByText("提交核查")).toBeInTheDocument();
    expect(within(submit).getByText("处置 → 核查")).toBeInTheDocument();
    expect(await within(submit).findByText(/王网格/)).toBeInTheDocument();
    expect(within(submit).getByText("已清理")).toBeInTheDocument();
    expect(within(submit).getByLabelText("照片 1 张").querySelectorAll(".photo-placeholder, img.hz-photo")).toHaveLength(1);
    expect(within(timeline[0]!).getByText(/整改期限：/)).toBeInTheDocument();
    expect(within(timeline[2]!).getByText("请物业三日内清理")).toBeInTheDocument();
  });

  it("shows an Open311 request's picture link and the notes for the public on their events, and no link that is not http(s)", async () => {
    await signInAs(officer);
    const platform = [
      ev(1, "create", "discovered", "discovered", "open311:c-1", { actorType: "system", details: { open311ClientId: "c-1", mediaUrl: "https://12345.example.cn/p/1.jpg" } }),
      ev(2, "register", "discovered", "registered", officer.userId, { details: { publicNote: "已受理，三日内核查" } }),
      ev(3, "dispatch", "registered", "dispatched", officer.userId, { details: { mediaUrl: "javascript:alert(1)" } }),
    ];
    fakeApi({ ...common, "GET /v1/hazards/hz-1": () => json(200, { hazard, events: platform, cursor: null }) });
    renderHazard();
    const link = await screen.findByRole("link", { name: "城市服务平台附带的图片或附件" });
    expect(link).toHaveAttribute("href", "https://12345.example.cn/p/1.jpg");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    expect(screen.getAllByRole("link", { name: "城市服务平台附带的图片或附件" })).toHaveLength(1);
    expect(screen.getByText("对公众的说明：已受理，三日内核查")).toBeInTheDocument();
  });

  it("songjiang 七(二): on a resident's tip the officer sees it eligible for the profile's reward and records the reward once", async () => {
    await signInAs(officer);
    const rule = { form: { zh: "表彰奖励", en: "Commendation and reward" }, sourceRef: "songjiang 七(二)", text: "积极巡查上报重大火灾隐患线索" };
    let recorded: unknown;
    const api = fakeApi({
      ...common,
      "GET /v1/hazards/hz-1": () => json(200, { hazard: { ...hazard, source: "public_tip" }, events, cursor: null }),
      "GET /v1/hazards/hz-1/reward": () => json(200, { rule, eligibility: "eligible", reward: null, mayRecord: true }),
      "POST /v1/hazards/hz-1/reward": (call) => {
        recorded = call.body;
        return json(201, { rule, eligibility: "eligible", reward: { form: "奖金", amount: 500, date: "2026-12-07", recordedAt: "2026-12-07T01:00:00.000Z", recordedBy: "u1" }, mayRecord: false });
      },
    });
    renderHazard();
    const panel = await screen.findByTestId("tip-reward-panel");
    expect(panel).toHaveTextContent("表彰奖励 · songjiang 七(二)");
    expect(within(panel).getByTestId("tip-reward-eligibility")).toHaveTextContent("已核实，符合奖励条件。");
    const form = within(panel).getByRole("form", { name: "登记奖励" });
    fireEvent.input(within(form).getByLabelText("奖励形式"), { target: { value: "奖金" } });
    fireEvent.input(within(form).getByLabelText(/金额（元）/), { target: { value: "500" } });
    fireEvent.input(within(form).getByLabelText("奖励日期"), { target: { value: "2026-12-07" } });
    fireEvent.submit(form);
    expect(await within(panel).findByTestId("tip-reward-given")).toHaveTextContent("已登记奖励：奖金 500 元，2026-12-07。");
    expect(within(panel).queryByRole("form")).toBeNull();
    expect(recorded).toEqual({ form: "奖金", amount: 500, date: "2026-12-07" });
    expect(api.calls("POST /v1/hazards/hz-1/reward")).toHaveLength(1);
  });

  it("offers the actions as buttons and sends the chosen one with the version it showed", async () => {
    await signInAs(officer);
    let current = hazard;
    const api = fakeApi({
      ...common,
      "GET /v1/hazards/hz-1": () => json(200, { hazard: current, events, cursor: null }),
      "POST /v1/hazards/hz-1/transitions": () => {
        current = { ...hazard, state: "closed", version: 6 };
        return json(200, current);
      },
    });
    renderHazard();
    await screen.findByRole("heading", { level: 1 });
    for (const name of ["立案", "派遣", "开始整改", "提交核查", "核查通过并结案", "核查不通过并退回整改", "当场整改", "作为无效隐患撤销", "重新打开"]) {
      expect(screen.getByRole("button", { name })).toBeInTheDocument();
    }
    fireEvent.click(screen.getByRole("button", { name: "核查通过并结案" }));
    const form = await screen.findByRole("form", { name: "核查通过并结案" });
    fireEvent.input(within(form).getByLabelText(/办理说明/), { target: { value: "现场复查已清理" } });
    fireEvent.click(within(form).getByRole("button", { name: "确认核查通过并结案" }));
    expect(await screen.findByText("已核查通过并结案。")).toHaveAttribute("role", "status");
    const [sent] = api.calls("POST /v1/hazards/hz-1/transitions");
    expect(sent!.body).toEqual({ action: "close", expectedVersion: 5, note: "现场复查已清理" });
    expect(sent!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText("结案", { selector: ".hz-state" })).toBeInTheDocument();
  });

  it("offers only the actions the API says the caller may take now", async () => {
    await signInAs(officer);
    fakeApi({ ...common, "GET /v1/hazards/hz-1": () => json(200, { hazard, allowedActions: ["close", "reject"], events, cursor: null }) });
    renderHazard();
    await screen.findByRole("heading", { level: 1 });
    expect(screen.getByRole("button", { name: "核查通过并结案" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "核查不通过并退回整改" })).toBeInTheDocument();
    for (const name of ["立案", "派遣", "开始整改", "重新打开"]) expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
  });

  it("asks for a reason and a new deadline when verification fails", async () => {
    await signInAs(officer);
    const api = fakeApi({
      ...common,
      "GET /v1/hazards/hz-1": () => json(200, { hazard, events, cursor: null }),
      "POST /v1/hazards/hz-1/transitions": () => problem(400, "request.invalid", "请求参数有误", [{ path: "body.reason", code: "too_small", message: "请写明理由" }]),
    });
    renderHazard();
    fireEvent.click(await screen.findByRole("button", { name: "核查不通过并退回整改" }));
    const form = await screen.findByRole("form", { name: "核查不通过并退回整改" });
    expect(within(form).getByLabelText(/新的整改期限/)).toHaveAttribute("type", "date");
    fireEvent.input(within(form).getByLabelText(/新的整改期限/), { target: { value: "2026-12-31" } });
    fireEvent.input(within(form).getByLabelText("理由"), { target: { value: "x" } });
    fireEvent.click(within(form).getByRole("button", { name: /^确认/ }));
    expect(await within(form).findByText("请写明理由")).toHaveClass("field-error");
    expect(api.calls("POST /v1/hazards/hz-1/transitions")[0]!.body).toMatchObject({ action: "reject", reason: "x", deadline: "2026-12-31" });
  });

  it("dispatches to a user chosen by name, with a responsible party", async () => {
    await signInAs(officer);
    const api = fakeApi({
      ...common,
      "GET /v1/hazards/hz-1": () => json(200, { hazard: { ...hazard, state: "registered", version: 2 }, events: events.slice(0, 2), cursor: null }),
      "POST /v1/hazards/hz-1/transitions": () => json(200, { ...hazard, state: "dispatched", version: 3 }),
    });
    renderHazard();
    await screen.findAllByText(/王网格/);
    fireEvent.click(screen.getByRole("button", { name: "派遣" }));
    const form = await screen.findByRole("form", { name: "派遣" });
    const assignee = within(form).getByLabelText(/跟进人/);
    expect([...assignee.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["我", "王网格"]);
    fireEvent.change(assignee, { target: { value: worker.userId } });
    fireEvent.input(within(form).getByLabelText(/责任单位或责任人/), { target: { value: "某小区物业" } });
    fireEvent.click(within(form).getByRole("button", { name: "确认派遣" }));
    await screen.findByText("已派遣。");
    expect(api.calls("POST /v1/hazards/hz-1/transitions")[0]!.body).toEqual({ action: "dispatch", expectedVersion: 2, assigneeId: worker.userId, responsibleParty: { name: "某小区物业" } });
  });

  it("shows the API's refusal when the user may not take an action", async () => {
    await signInAs(worker);
    fakeApi({
      ...common,
      "GET /v1/hazards/hz-1": () => json(200, { hazard, events, cursor: null }),
      "POST /v1/hazards/hz-1/transitions": () => problem(403, "hazard.not_handler", "该隐患由乡镇消防工作站办理，您不能对其核查通过并结案。"),
    });
    renderHazard();
    fireEvent.click(await screen.findByRole("button", { name: "核查通过并结案" }));
    fireEvent.click(await screen.findByRole("button", { name: "确认核查通过并结案" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("该隐患由乡镇消防工作站办理，您不能对其核查通过并结案。");
  });

  it("says the hazard was already handled when someone else acted first (409), and reloads it", async () => {
    await signInAs(officer);
    let current = hazard;
    const api = fakeApi({
      ...common,
      "GET /v1/hazards/hz-1": () => json(200, { hazard: current, events, cursor: null }),
      "POST /v1/hazards/hz-1/transitions": () => {
        current = { ...hazard, state: "rectifying", version: 6 };
        return problem(409, "hazard.version_conflict", "该隐患刚被他人更新", [
          { path: "current.state", code: "hazard.current_state", message: "rectifying" },
          { path: "current.version", code: "hazard.current_version", message: "6" },
        ]);
      },
    });
    renderHazard();
    fireEvent.click(await screen.findByRole("button", { name: "核查通过并结案" }));
    fireEvent.click(await screen.findByRole("button", { name: "确认核查通过并结案" }));
    expect(await screen.findByText(/已被他人处理：当前状态为“处置”/)).toBeInTheDocument();
    expect(await screen.findByText("处置", { selector: ".hz-state" })).toBeInTheDocument();
    expect(api.calls("GET /v1/hazards/hz-1").length).toBeGreaterThanOrEqual(2);
  });
});

describe("report form", () => {
  it("offers the profile's severities and shows the API's field errors next to the fields", async () => {
    await signInAs(worker);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/nodes": () => json(200, { items: [town], cursor: null }),
      "POST /v1/hazards": () =>
        problem(400, "request.invalid", "请求参数有误", [
          { path: "body.description", code: "too_small", message: "请描述隐患情况" },
          { path: "body.nodeId", code: "hazard.node_level", message: "一般隐患须在网格上报" },
        ]),
    });
    renderAt("/hazards/new", () => <Route path="/hazards/new" component={ReportHazardPage} />);
    const form = await screen.findByRole("form", { name: "上报隐患" });
    const severities = within(form).getByLabelText("等级");
    expect([...severities.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["请选择等级", ...profile.hazards.severities.map((s) => s.name.zh)]);
    fireEvent.change(within(form).getByLabelText("所在辖区"), { target: { value: town.nodeId } });
    fireEvent.change(within(form).getByLabelText("隐患类型"), { target: { value: "other" } });
    fireEvent.input(await within(form).findByLabelText("隐患类型说明"), { target: { value: "楼道堆物" } });
    fireEvent.change(severities, { target: { value: "general" } });
    fireEvent.input(within(form).getByLabelText("隐患情况"), { target: { value: "x" } });
    fireEvent.click(within(form).getByRole("button", { name: "提交上报" }));
    expect(await within(form).findByText("请描述隐患情况")).toHaveClass("field-error");
    expect(within(form).getByText("一般隐患须在网格上报")).toHaveClass("field-error");
    expect(within(form).getByLabelText("隐患情况")).toHaveAttribute("aria-invalid", "true");
    const [sent] = api.calls("POST /v1/hazards");
    expect(sent!.body).toEqual({ nodeId: town.nodeId, code: "other", codeText: "楼道堆物", severity: "general", description: "x", source: "inspection" }); // the first report source the profile lists
  });
});

describe("public tip page", () => {
  it("sends a tip without signing in and confirms it", async () => {
    const api = fakeApi({ "POST /v1/public/xinhe/tips": () => json(201, { hazardId: "hz-9", state: "discovered", message: { zh: "已收到您的举报，我们将尽快核实处理。", en: "Thanks" } }) });
    renderAt("/tip/xinhe", () => <Route path="/tip/:tenantSlug" component={TipPage} />);
    fireEvent.input(await screen.findByLabelText("隐患位置"), { target: { value: "北街 5 号" } });
    fireEvent.input(screen.getByLabelText("隐患情况"), { target: { value: "消防通道被车辆堵塞" } });
    fireEvent.click(screen.getByRole("button", { name: "提交举报" }));
    expect(await screen.findByText("已收到您的举报，我们将尽快核实处理。")).toBeInTheDocument();
    const [sent] = api.calls("POST /v1/public/xinhe/tips");
    expect(sent!.headers.get("authorization")).toBeNull();
    expect(sent!.body).toEqual({ locationText: "北街 5 号", description: "消防通道被车辆堵塞" });
  });

  it("songjiang 七(二): shows the receipt code once sent, and with it the tip's progress: confirmed and rewarded", async () => {
    const api = fakeApi({
      "POST /v1/public/xinhe/tips": () => json(201, { hazardId: "hz-9", state: "discovered", message: { zh: "已收到您的举报。", en: "Thanks" }, receiptCode: "Rc0de-abcdefghij" }),
      "GET /v1/public/xinhe/tips/Rc0de-abcdefghij": () =>
        json(200, { stage: "confirmed", receivedAt: "2026-12-01T02:00:00.000Z", publicNote: "经核实为重大火灾隐患，已立案督办", reward: { status: "rewarded", form: { zh: "表彰奖励", en: "Commendation and reward" }, sourceRef: "songjiang 七(二)", given: { form: "奖金", amount: 500, date: "2026-12-07" } } }),
      "GET /v1/public/xinhe/tips/wrong-code-0000": () => problem(404, "tip.receipt_not_found", "查询码无效：找不到该举报。"),
    });
    renderAt("/tip/xinhe", () => <Route path="/tip/:tenantSlug" component={TipPage} />);
    fireEvent.input(await screen.findByLabelText("隐患位置"), { target: { value: "北街 5 号" } });
    fireEvent.input(screen.getByLabelText("隐患情况"), { target: { value: "地下室有人居住" } });
    fireEvent.click(screen.getByRole("button", { name: "提交举报" }));
    expect(await screen.findByTestId("receipt-code")).toHaveTextContent("Rc0de-abcdefghij");
    const lookup = screen.getByRole("form", { name: "查询举报进展" });
    expect(within(lookup).getByLabelText("查询码")).toHaveValue("Rc0de-abcdefghij");
    fireEvent.submit(lookup);
    expect(await screen.findByTestId("tip-status")).toHaveTextContent("已核实立案，正在办理");
    expect(screen.getByTestId("tip-status")).toHaveTextContent("经核实为重大火灾隐患，已立案督办");
    expect(screen.getByTestId("tip-reward")).toHaveTextContent("已给予表彰奖励。（奖金 500 元，2026-12-07）");
    expect(api.calls("GET /v1/public/xinhe/tips/Rc0de-abcdefghij")[0]!.headers.get("authorization")).toBeNull();
    fireEvent.input(within(lookup).getByLabelText("查询码"), { target: { value: "wrong-code-0000" } });
    fireEvent.submit(lookup);
    expect(await within(lookup).findByRole("alert")).toHaveTextContent("查询码无效，请核对。");
  });

  it("says so clearly when the address sent too many tips", async () => {
    fakeApi({ "POST /v1/public/xinhe/tips": () => problem(429, "hazard.tip_rate_limited", "举报过于频繁，请 7 分钟后再试。") });
    renderAt("/tip/xinhe", () => <Route path="/tip/:tenantSlug" component={TipPage} />);
    fireEvent.input(await screen.findByLabelText("隐患位置"), { target: { value: "北街 5 号" } });
    fireEvent.input(screen.getByLabelText("隐患情况"), { target: { value: "消防通道被车辆堵塞" } });
    fireEvent.click(screen.getByRole("button", { name: "提交举报" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("提交过于频繁：举报过于频繁，请 7 分钟后再试。");
  });
});

describe("inbox", () => {
  it("lists messages with the unread count and marks one read", async () => {
    await signInAs(worker);
    let readAt: string | undefined;
    const message = () => ({ notificationId: "m-1", kind: "dispatch", subjectType: "hazard", subjectId: "hz-1", title: { zh: "有隐患派给您跟进整改", en: "A hazard is assigned to you" }, createdAt: "2026-11-22T02:00:00.000Z", ...(readAt ? { readAt } : {}) });
    const api = fakeApi({
      "GET /v1/inbox": () => json(200, { items: [message()], cursor: null }),
      "GET /v1/inbox/unread-count": () => json(200, { unread: readAt ? 0 : 1 }),
      "POST /v1/inbox/m-1/read": () => {
        readAt = "2026-11-22T03:00:00.000Z";
        return json(200, message());
      },
    });
    renderAt("/inbox", () => <Route path="/inbox" component={InboxPage} />);
    expect(await screen.findByText("有隐患派给您跟进整改")).toBeInTheDocument();
    expect(await screen.findByText("1 条未读")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "查看隐患" })).toHaveAttribute("href", "/hazards/hz-1");
    fireEvent.click(screen.getByRole("button", { name: "标为已读" }));
    expect(await screen.findByText("已读")).toBeInTheDocument();
    expect(api.calls("POST /v1/inbox/m-1/read")).toHaveLength(1);
  });

  it("opens the register page of a warning, a home-visit reminder or a device alarm, and offers no link for a subject without a page", async () => {
    await signInAs(worker);
    const item = (id: string, subjectType: string, zh: string) => ({ notificationId: id, kind: "k", subjectType, subjectId: `s-${id}`, title: { zh, en: zh }, createdAt: "2026-11-22T02:00:00.000Z" });
    fakeApi({
      "GET /v1/inbox": () => json(200, { items: [item("w", "warning", "红色预警"), item("h", "home_visits", "入户走访到期"), item("d", "iot_device", "烟感报警"), item("r", "record", "会议工作提示")], cursor: null }),
      "GET /v1/inbox/unread-count": () => json(200, { unread: 4 }),
    });
    renderAt("/inbox", () => <Route path="/inbox" component={InboxPage} />);
    await screen.findByText("红色预警");
    expect(screen.getAllByRole("link", { name: "前往处理" }).map((a) => a.getAttribute("href"))).toEqual(["/warnings", "/home-visits", "/iot"]);
    expect(screen.queryByRole("link", { name: "查看隐患" })).toBeNull();
  });
});
