import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import NodePage from "../../web/src/pages/node/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, organisation, profileVersion, staffer } from "./organisation-fixture.ts";

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const base = { "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes/n-donghe/organisation": () => json(200, organisation) };
const renderNode = (tab = "") => renderAt(`/nodes/${dongHe.nodeId}${tab ? `?tab=${tab}` : ""}`, () => <Route path="/nodes/:nodeId" component={NodePage} />);
const type = (scope: HTMLElement, label: string, value: string) => fireEvent.input(within(scope).getByLabelText(label), { target: { value } });

afterEach(resetSession);

describe("node organisation page", () => {
  it("shows the node's bodies as the profile names them, with who holds each position", async () => {
    await signInAs(admin);
    fakeApi(base);
    renderNode();
    expect(await screen.findByRole("heading", { level: 1, name: "东河乡" })).toBeInTheDocument();
    expect(screen.getByText("乡镇（片区）")).toHaveClass("badge-level");
    const office = (await screen.findAllByTestId("body-card")).find((el) => el.dataset.bodyId === "town_office")!;
    expect(within(office).getByRole("heading", { name: "乡镇消防工作站" })).toBeInTheDocument();
    expect(within(office).getByText("站长").nextElementSibling).toHaveTextContent("李站长");
    const committee = (await screen.findAllByTestId("body-card")).find((el) => el.dataset.bodyId === "town_committee")!;
    expect(within(committee).getByText("未登记设立")).toBeInTheDocument();
    expect(within(committee).getByText("主任").nextElementSibling).toHaveTextContent("—");
  });

  it("adds a person with the profile's bodies and positions, and shows the API's field error next to its field", async () => {
    await signInAs(admin);
    const api = fakeApi({
      ...base,
      "POST /v1/nodes/n-donghe/people": () =>
        problem(400, "request.invalid", "请求参数有误", [{ path: "body.phone", code: "validation.invalid_format", message: "请输入 11 位手机号码或带区号的固定电话" }]),
    });
    renderNode("people");
    fireEvent.click(await screen.findByRole("button", { name: "新增人员" }));
    const form = screen.getByRole("form", { name: "新增人员" });
    type(form, "姓名", "王在编");
    fireEvent.change(within(form).getByLabelText("所在机构（选填）"), { target: { value: "town_office" } });
    const positions = within(form).getByRole("group", { name: "担任职务" });
    expect(within(positions).getAllByRole("checkbox").map((c) => c.closest("label")!.textContent)).toEqual(["乡镇消安委 主任", "乡镇消防工作站 站长"]);
    fireEvent.click(within(positions).getByLabelText("乡镇消防工作站 站长"));
    type(form, "手机号（选填）", "12345");
    fireEvent.click(within(form).getByRole("button", { name: "新增" }));
    const phone = within(form).getByLabelText("手机号（选填）");
    expect(await within(form).findByText("请输入 11 位手机号码或带区号的固定电话")).toHaveAttribute("id", phone.getAttribute("aria-describedby"));
    expect(phone).toHaveAttribute("aria-invalid", "true");
    // Above the form only the API's summary: the phone's problem is not repeated there.
    expect(within(form).getByRole("alert")).not.toHaveTextContent("11 位手机号码");
    const [sent] = api.calls("POST /v1/nodes/n-donghe/people");
    expect(sent!.body).toEqual({ name: "王在编", employment: "on_payroll", bodyId: "town_office", positions: ["station_head"], phone: "12345" });
  });

  it("keeps a masked phone read-only and sends only what the edit changed", async () => {
    await signInAs({ ...admin, role: "village_manager" });
    const api = fakeApi({ ...base, "PATCH /v1/nodes/n-donghe/people/p-li": () => json(200, { ...staffer, employment: "contracted" }) });
    renderNode("people");
    const person = await screen.findByTestId("person-item");
    expect(within(person).getByText("139****5678")).toBeInTheDocument();
    expect(within(person).getByText("（已隐藏）")).toBeInTheDocument();
    fireEvent.click(within(person).getByRole("button", { name: "修改" }));
    const form = within(person).getByRole("form", { name: "修改 李站长" });
    expect(within(form).queryByLabelText("手机号（选填）")).toBeNull();
    expect(within(form).getByText("只有县级管理员和镇街消防办人员能查看和修改手机号。")).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText("用工性质"), { target: { value: "contracted" } });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    expect(await screen.findByText("已保存“李站长”。")).toBeInTheDocument();
    expect(api.calls("PATCH /v1/nodes/n-donghe/people/p-li").map((c) => c.body)).toEqual([{ employment: "contracted" }]);
  });

  it("records a hire date, and when and why someone left once they are marked left (training on hire; long-service benefit)", async () => {
    await signInAs(admin);
    const api = fakeApi({ ...base, "PATCH /v1/nodes/n-donghe/people/p-li": () => json(200, { ...staffer, status: "left" }) });
    renderNode("people");
    const person = await screen.findByTestId("person-item");
    fireEvent.click(within(person).getByRole("button", { name: "修改" }));
    const form = within(person).getByRole("form", { name: "修改 李站长" });
    expect(within(form).queryByLabelText("离岗日期（选填）")).toBeNull();
    type(form, "入职日期（选填）", "2012-03-01");
    fireEvent.change(within(form).getByLabelText("状态"), { target: { value: "left" } });
    type(form, "离岗日期（选填）", "2025-06-30");
    fireEvent.change(within(form).getByLabelText("离岗原因（选填）"), { target: { value: "other" } });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    expect(await screen.findByText("已保存“李站长”。")).toBeInTheDocument();
    expect(api.calls("PATCH /v1/nodes/n-donghe/people/p-li").map((c) => c.body)).toEqual([{ status: "left", hiredOn: "2012-03-01", leftOn: "2025-06-30", leftFor: "other" }]);
  });

  it("records a station-standard item as met with its evidence", async () => {
    await signInAs(admin);
    const api = fakeApi({ ...base, "POST /v1/nodes/n-donghe/standards/six_haves/items/sign": () => json(200, { standardId: "six_haves", itemId: "sign", metOn: "2024-06-01" }) });
    renderNode("standards");
    const items = await screen.findAllByTestId("standard-item");
    expect(screen.getByText(/已达标 1 \/ 2 项/)).toBeInTheDocument();
    expect(within(items[0]!).getByText("佐证：乡政府二楼 203 室")).toBeInTheDocument();
    fireEvent.click(within(items[1]!).getByRole("button", { name: "登记" }));
    const form = within(items[1]!).getByRole("form", { name: "登记 有牌子" });
    type(form, "达标日期（选填）", "2024-06-01");
    fireEvent.input(within(form).getByLabelText("佐证说明（选填）"), { target: { value: "门口挂牌" } });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    expect(await screen.findByText("已保存“有牌子”。")).toBeInTheDocument();
    expect(api.calls("POST /v1/nodes/n-donghe/standards/six_haves/items/sign").map((c) => c.body)).toEqual([{ metOn: "2024-06-01", evidence: "门口挂牌" }]);
  });
});

describe("node records", () => {
  it("adds a meeting with its chair, topics one a line and attendees, under the profile's obligation of that kind", async () => {
    await signInAs(admin);
    const api = fakeApi({
      ...base,
      "GET /v1/nodes/n-donghe/records": () => json(200, { items: [], cursor: null }),
      "POST /v1/nodes/n-donghe/records": (call) => json(201, { ...(call.body as object), recordId: "r-1", nodeId: "n-donghe", createdBy: admin.userId, createdAt: "2026-11-23T02:00:00.000Z", updatedAt: "2026-11-23T02:00:00.000Z" }),
    });
    renderNode("records");
    expect(await screen.findByText("还没有记录。")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "新增记录" }));
    const form = screen.getByRole("form", { name: "新增记录" });
    expect(within(within(form).getByLabelText("对应工作要求（选填）") as HTMLElement).getAllByRole("option").map((o) => o.textContent)).toEqual(["不指定", "工作站例会"]);
    fireEvent.change(within(form).getByLabelText("对应工作要求（选填）"), { target: { value: "station_meeting" } });
    type(form, "日期", "2026-11-20");
    fireEvent.change(within(form).getByLabelText("主持人（选填）"), { target: { value: "p-li" } });
    fireEvent.input(within(form).getByLabelText("议题（选填）"), { target: { value: "冬季防火\n\n电动车充电 " } });
    fireEvent.click(within(within(form).getByRole("group", { name: "参加人员" })).getByLabelText("李站长"));
    fireEvent.click(within(form).getByRole("button", { name: "保存记录" }));
    expect(await screen.findByText("已新增会议记录（2026年11月20日）。")).toBeInTheDocument();
    const [sent] = api.calls("POST /v1/nodes/n-donghe/records");
    expect(sent!.body).toEqual({
      kind: "meeting",
      obligationId: "station_meeting",
      date: "2026-11-20",
      chairPersonId: "p-li",
      topics: ["冬季防火", "电动车充电"],
      attendees: [{ personId: "p-li", nodeId: "n-donghe" }],
    });
    expect(sent!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lianyungang 三(二), qidong 一(二): a meeting's work notices go to the bodies chosen, with a due date; the record shows read N of M with names", async () => {
    await signInAs(admin);
    const bodyId = profileVersion.profile.bodies[1]!.id;
    const saved = { kind: "meeting", date: "2026-11-20", workNotices: ["冬季防火检查"], noticeTo: { bodyIds: [bodyId] }, noticeDue: "2026-12-01", attendees: [], recordId: "r-9", nodeId: "n-donghe", createdBy: admin.userId, createdAt: "2026-11-23T02:00:00.000Z", updatedAt: "2026-11-23T02:00:00.000Z" };
    let records: unknown[] = [];
    const api = fakeApi({
      ...base,
      "GET /v1/nodes/n-donghe/records": () => json(200, { items: records, cursor: null }),
      "POST /v1/nodes/n-donghe/records": () => {
        records = [saved];
        return json(201, saved);
      },
      "GET /v1/nodes/n-donghe/records/r-9/receipts": () => json(200, { total: 2, read: 1, recipients: [{ userId: "u1", name: "王网格", sentAt: "2026-11-23T02:00:00.000Z", readAt: "2026-11-23T03:00:00.000Z" }, { userId: "u2", name: "赵村长", sentAt: "2026-11-23T02:00:00.000Z" }] }),
    });
    renderNode("records");
    fireEvent.click(await screen.findByRole("button", { name: "新增记录" }));
    const form = screen.getByRole("form", { name: "新增记录" });
    type(form, "日期", "2026-11-20");
    fireEvent.input(within(form).getByLabelText("工作提示（选填）"), { target: { value: "冬季防火检查" } });
    fireEvent.click(within(within(form).getByRole("group", { name: "工作提示发送给" })).getByLabelText(profileVersion.profile.bodies[1]!.name.zh));
    type(form, "落实期限（选填）", "2026-12-01");
    fireEvent.click(within(form).getByRole("button", { name: "保存记录" }));
    expect(await screen.findByText("已新增会议记录（2026年11月20日）。")).toBeInTheDocument();
    expect(api.calls("POST /v1/nodes/n-donghe/records")[0]!.body).toMatchObject({ kind: "meeting", workNotices: ["冬季防火检查"], noticeTo: { bodyIds: [bodyId] }, noticeDue: "2026-12-01" });
    const receipts = await screen.findByTestId("record-receipts");
    expect(receipts).toHaveTextContent("工作提示已读 1/2");
    expect(receipts).toHaveTextContent("王网格：已读");
    expect(receipts).toHaveTextContent("赵村长：未读");
  });
});
