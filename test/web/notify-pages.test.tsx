import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { NotificationSend, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import AccountNotificationsPage from "../../web/src/pages/account-notifications/index.tsx";
import NotifyAdminPage from "../../web/src/pages/integrations-notifications/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";

// Issue 18 Build 3 on the web: the admin's 消息推送 page (delivery log, dead letters with retry) and a user's channel and quiet hours.

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const send = (over: Partial<NotificationSend>): NotificationSend => ({
  sendId: "m1.u1.sms",
  messageId: "m1",
  userId: "u1",
  channel: "sms",
  kind: "dispatch",
  subjectType: "hazard",
  subjectId: "h1",
  title: { zh: "有隐患派遣给您整改督办", en: "A hazard has been dispatched to you" },
  status: "sent",
  attempts: 1,
  dedupeId: "d1",
  createdAt: "2026-12-10T02:00:00.000Z",
  ...over,
});

afterEach(resetSession);

describe("消息推送 (admin)", () => {
  it("lists a dead letter with its last error on the admin page, and the admin's retry queues it again", async () => {
    await signInAs(admin);
    let dead = [send({ sendId: "m2.u2.sms", status: "dead", attempts: 5, lastError: "InternalError.Timeout: sink: injected failure", deadAt: "2026-12-10T07:00:00.000Z" })];
    const api = fakeApi({
      "GET /v1/notifications/dead-letters": () => json(200, { items: dead }),
      "GET /v1/notifications/deliveries": () => json(200, { pending: [send({ sendId: "m3.u3.wecom", channel: "wecom", status: "deferred", attempts: 0, nextAttemptAt: "2026-12-10T23:00:00.000Z" })], sent: [send({})] }),
      "POST /v1/notifications/dead-letters/m2.u2.sms/retry": () => {
        dead = [];
        return json(200, send({ sendId: "m2.u2.sms", status: "queued", attempts: 0 }));
      },
    });
    renderAt("/integrations/notifications", () => <Route path="/integrations/notifications" component={NotifyAdminPage} />);
    const row = await screen.findByTestId("send-m2.u2.sms");
    expect(row).toHaveTextContent("短信");
    expect(row).toHaveTextContent("发送失败");
    expect(row).toHaveTextContent("InternalError.Timeout");
    expect(await screen.findByTestId("send-m3.u3.wecom")).toHaveTextContent("免打扰推迟");
    fireEvent.click(within(row).getByRole("button", { name: "重新发送" }));
    expect(await screen.findByText("已重新排队，将在一分钟内发送。")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("send-m2.u2.sms")).toBeNull());
    expect(api.calls("POST /v1/notifications/dead-letters/m2.u2.sms/retry")).toHaveLength(1);
  });
});

describe("消息接收设置 (a user's own channel)", () => {
  it("chooses SMS with quiet hours 22:00–07:00; a bad number is named at its field", async () => {
    await signInAs({ ...admin, role: "grid_worker" });
    let attempt = 0;
    const api = fakeApi({
      "GET /v1/account/notification-channel": () => json(200, { channel: "inapp", phone: "13912345678", quietHours: null, timeZone: "Asia/Shanghai" }),
      "PUT /v1/account/notification-channel": (call) =>
        ++attempt === 1
          ? problem(400, "request.invalid", "请求参数有误", [{ path: "body.phone", code: "validation.invalid_format", message: "请填写11位手机号码" }])
          : json(200, { ...(call.body as object), timeZone: "Asia/Shanghai", updatedAt: "2026-12-10T02:00:00.000Z" }),
    });
    renderAt("/account/notifications", () => <Route path="/account/notifications" component={AccountNotificationsPage} />);
    const form = await screen.findByRole("form", { name: "消息接收设置" });
    fireEvent.click(within(form).getByLabelText("短信"));
    fireEvent.input(within(form).getByLabelText("手机号"), { target: { value: "1391234" } });
    fireEvent.click(within(form).getByLabelText(/开启免打扰/));
    expect(within(form).getByText("按本单位时区 Asia/Shanghai 计算")).toBeInTheDocument();
    fireEvent.submit(form);
    expect(await within(form).findByText("请填写11位手机号码")).toBeInTheDocument();
    expect(within(form).getByLabelText("手机号")).toHaveAttribute("aria-invalid", "true");
    fireEvent.input(within(form).getByLabelText("手机号"), { target: { value: "13912345678" } });
    fireEvent.submit(form);
    expect(await screen.findByText("已保存。")).toBeInTheDocument();
    expect(api.calls("PUT /v1/account/notification-channel").map((c) => c.body)).toEqual([
      { channel: "sms", phone: "1391234", quietHours: { start: "22:00", end: "07:00" } },
      { channel: "sms", phone: "13912345678", quietHours: { start: "22:00", end: "07:00" } },
    ]);
  });
});
