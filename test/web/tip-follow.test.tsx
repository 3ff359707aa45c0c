import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Hazard, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import HazardPage from "../../web/src/pages/hazards/hazard.tsx";
import TipFollowPage from "../../web/src/pages/tip/follow.tsx";
import TipPage from "../../web/src/pages/tip/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { version1 } from "./profile-fixture.ts";

// Answering the public (issue 16, Build 7): the tipster follows a tip on
// /tip/<county>/<code> (stage, dates, the officers' public notes in order),
// the tip form routes by the phone's position or a picked town, and officers
// pick a response template on a move.

afterEach(async () => {
  vi.unstubAllGlobals();
  await resetSession();
});

const follow = (path: string) => renderAt(path, () => <Route path="/tip/:tenantSlug/:code" component={TipFollowPage} />);

describe("tip follow page", () => {
  it("shows the stage in plain words, the dates, every public note in order and the reward, asking no sign-in", async () => {
    const api = fakeApi({
      "GET /v1/public/xinhe/tips/Rc0de-abcdefghij": () =>
        json(200, {
          stage: "confirmed",
          receivedAt: "2026-12-01T02:00:00.000Z",
          updatedAt: "2026-12-02T03:00:00.000Z",
          deadline: "2026-12-16",
          publicNote: "已派专人跟进",
          notes: [
            { at: "2026-12-01T06:00:00.000Z", stage: "confirmed", note: "您反映的问题已受理" },
            { at: "2026-12-02T03:00:00.000Z", stage: "confirmed", note: "已派专人跟进" },
          ],
          reward: { status: "eligible", form: { zh: "表彰奖励", en: "Commendation" }, sourceRef: "xinhe 七(二)" },
        }),
    });
    follow("/tip/xinhe/Rc0de-abcdefghij");
    const status = await screen.findByTestId("tip-status");
    expect(status).toHaveTextContent("已核实立案，正在办理");
    expect(status).toHaveTextContent("2026年12月1日");
    expect(status).toHaveTextContent("整改期限2026年12月16日");
    const notes = within(screen.getByTestId("tip-notes")).getAllByRole("listitem");
    expect(notes.map((li) => li.querySelector("p")!.textContent)).toEqual(["您反映的问题已受理", "已派专人跟进"]);
    expect(screen.getByTestId("tip-reward")).toHaveTextContent("您的举报已核实，符合表彰奖励条件。");
    expect(screen.getByText("Rc0de-abcdefghij")).toBeInTheDocument();
    expect(api.calls("GET /v1/public/xinhe/tips/Rc0de-abcdefghij")[0]!.headers.get("authorization")).toBeNull();
  });

  it("says plainly when there is no answer yet, and when the code is of no tip", async () => {
    fakeApi({
      "GET /v1/public/xinhe/tips/Rc0de-abcdefghij": () => json(200, { stage: "received", receivedAt: "2026-12-01T02:00:00.000Z", updatedAt: "2026-12-01T02:00:00.000Z", notes: [] }),
      "GET /v1/public/xinhe/tips/wrong-code-0000": () => problem(404, "tip.receipt_not_found", "查询码无效：找不到该举报。"),
    });
    follow("/tip/xinhe/Rc0de-abcdefghij");
    expect(await screen.findByTestId("tip-status")).toHaveTextContent("已收到，待核实");
    expect(screen.getByText("暂无答复")).toBeInTheDocument();
    await resetSession();
    fakeApi({ "GET /v1/public/xinhe/tips/wrong-code-0000": () => problem(404, "tip.receipt_not_found", "查询码无效：找不到该举报。") });
    follow("/tip/xinhe/wrong-code-0000");
    expect(await screen.findByRole("alert")).toHaveTextContent("找不到该举报：请核对链接中的查询码。");
  });
});

describe("tip form: where the tip goes", () => {
  const tipForm = () => renderAt("/tip/xinhe", () => <Route path="/tip/:tenantSlug" component={TipPage} />);
  const places = { items: [{ nodeId: "n-town", name: "东河乡" }, { nodeId: "n-village", name: "柳村", parentId: "n-town" }, { nodeId: "n-town2", name: "西山镇" }] };

  it("sends the picked town or village and the phone's shared position, and links the receipt to the follow page", async () => {
    vi.stubGlobal("navigator", { ...navigator, geolocation: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 31.0512345, longitude: 121.5523456 } } as GeolocationPosition) } });
    const api = fakeApi({
      "GET /v1/public/xinhe/places": () => json(200, places),
      "POST /v1/public/xinhe/tips": () => json(201, { hazardId: "hz-9", state: "discovered", message: { zh: "已收到您的举报。", en: "Thanks" }, receiptCode: "Rc0de-abcdefghij" }),
    });
    tipForm();
    const place = await screen.findByLabelText(/所在地区/);
    expect([...place.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["不清楚，不选择", "东河乡", "东河乡 柳村", "西山镇"]);
    fireEvent.change(place, { target: { value: "n-village" } });
    fireEvent.click(screen.getByRole("button", { name: "共享我的位置" }));
    expect(await screen.findByTestId("tip-position")).toHaveTextContent("纬度 31.051235，经度 121.552346");
    fireEvent.input(screen.getByLabelText("隐患位置"), { target: { value: "北街 5 号" } });
    fireEvent.input(screen.getByLabelText("隐患情况"), { target: { value: "消防通道被车辆堵塞" } });
    fireEvent.click(screen.getByRole("button", { name: "提交举报" }));
    const link = await screen.findByTestId("tip-follow-link");
    expect(link).toHaveAttribute("href", "/tip/xinhe/Rc0de-abcdefghij");
    expect(api.calls("POST /v1/public/xinhe/tips")[0]!.body).toEqual({ locationText: "北街 5 号", description: "消防通道被车辆堵塞", placeId: "n-village", lat: 31.051235, lng: 121.552346 });
    expect(await screen.findByRole("img", { name: "查看办理进展的二维码" })).toBeInTheDocument();
  });

  it("still takes a tip when the county's places cannot be had (no picker; it lands at the county)", async () => {
    const api = fakeApi({
      "GET /v1/public/xinhe/places": () => problem(404, "tenant.not_found", "未找到"),
      "POST /v1/public/xinhe/tips": () => json(201, { hazardId: "hz-9", state: "discovered", message: { zh: "已收到您的举报。", en: "Thanks" } }),
    });
    tipForm();
    fireEvent.input(await screen.findByLabelText("隐患位置"), { target: { value: "北街 5 号" } });
    fireEvent.input(screen.getByLabelText("隐患情况"), { target: { value: "消防通道被车辆堵塞" } });
    expect(screen.queryByLabelText(/所在地区/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "提交举报" }));
    expect(await screen.findByText("已收到您的举报。")).toBeInTheDocument();
    expect(api.calls("POST /v1/public/xinhe/tips")[0]!.body).toEqual({ locationText: "北街 5 号", description: "消防通道被车辆堵塞" });
  });
});

describe("registering a tip, with a response template", () => {
  const officer: User = { ...admin, userId: "u-town", username: "li.town", displayName: "李镇", role: "tenant_admin" };
  const tipHazard: Hazard = {
    hazardId: "hz-tip",
    nodeId: admin.scopeNodeId,
    path: admin.scopePath,
    locationText: "北街 5 号",
    description: "消防通道被车辆堵塞，已经好几天了，没人管",
    photos: [],
    source: "public_tip",
    reporter: { type: "public" },
    state: "discovered",
    overdue: false,
    pendingAcks: [],
    acks: [],
    reports: [],
    departments: [],
    remitOf: [],
    decisions: [],
    listings: [],
    occurrences: [],
    createdAt: "2026-12-01T02:00:00.000Z",
    openedAt: "2026-12-01T02:00:00.000Z",
    updatedAt: "2026-12-01T02:00:00.000Z",
    reopenCount: 0,
    profileVersion: 1,
    version: 1,
  };
  const town = { nodeId: "n-town", parentId: admin.scopeNodeId, path: `${admin.scopePath}/n-town`, level: "town", name: "东河乡", status: "active" };
  const root = { nodeId: admin.scopeNodeId, path: admin.scopePath, level: "county", name: "新河县", status: "active" };

  it("titles the unregistered tip by its first words, asks code, severity and node, and fills the picked template from the hazard", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: officer })) });
    await signIn({ tenant: "xinhe", username: officer.username, password: "Fire-safe-2026" });
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/users": () => json(200, { items: [officer], cursor: null }),
      "GET /v1/nodes": () => json(200, { items: [root, town], cursor: null }),
      [`GET /v1/nodes/${admin.scopeNodeId}`]: () => json(200, root),
      "GET /v1/hazards/hz-tip": () => json(200, { hazard: tipHazard, allowedActions: ["register", "withdraw"], events: [], cursor: null }),
      "GET /v1/hazards/hz-tip/reward": () => json(200, { rule: null, eligibility: null, reward: null, mayRecord: false }),
      "POST /v1/hazards/hz-tip/transitions": () => json(200, { ...tipHazard, state: "registered", version: 2 }),
    });
    renderAt("/hazards/hz-tip", () => <Route path="/hazards/:id" component={HazardPage} />);
    expect(await screen.findByRole("heading", { level: 1, name: "消防通道被车辆堵塞，已经好几天了…" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "立案" }));
    const form = await screen.findByRole("form", { name: "立案" });
    fireEvent.change(within(form).getByLabelText(/隐患类型/), { target: { value: "other" } });
    fireEvent.input(await within(form).findByLabelText(/隐患类型说明/), { target: { value: "占用消防通道" } });
    fireEvent.change(within(form).getByLabelText(/^等级/), { target: { value: "general" } });
    const node = await within(form).findByLabelText(/所在辖区/);
    fireEvent.change(node, { target: { value: "n-town" } });
    const template = within(form).getByLabelText(/答复模板/);
    expect([...template.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["不用模板，自行填写", "已受理立案"]);
    fireEvent.change(template, { target: { value: "registered" } });
    const note = within(form).getByLabelText(/对公众的说明/) as HTMLTextAreaElement;
    // The reference is filled now; the body and the deadline the registration sets are filled by the server.
    expect(note.value).toBe("您反映的问题已受理，编号HZ-TIP，由{单位}负责办理，我们将在{期限}前督促整改到位。");
    fireEvent.input(note, { target: { value: `${note.value}感谢您的举报。` } });
    fireEvent.click(within(form).getByRole("button", { name: "确认立案" }));
    await screen.findByText("已立案。");
    expect(api.calls("POST /v1/hazards/hz-tip/transitions")[0]!.body).toEqual({
      action: "register",
      expectedVersion: 1,
      code: "other",
      codeText: "占用消防通道",
      severity: "general",
      nodeId: "n-town",
      publicNote: "您反映的问题已受理，编号HZ-TIP，由{单位}负责办理，我们将在{期限}前督促整改到位。感谢您的举报。",
    });
  });
});
