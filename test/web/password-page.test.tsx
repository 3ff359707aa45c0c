import { Route } from "@solidjs/router";
import { fireEvent, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { session, signIn } from "../../web/src/auth/session.ts";
import PasswordPage from "../../web/src/pages/account-password/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";

async function signInWith(mustChangePassword: boolean) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: { ...admin, mustChangePassword }, mustChangePassword })) });
  await signIn({ tenant: "qidong", username: "admin", password: "Temp-pass-2026" });
}

function renderPage() {
  return renderAt("/account/password", () => (
    <>
      <Route path="/account/password" component={PasswordPage} />
      <Route path="/" component={() => <p>首页</p>} />
    </>
  ));
}

function change(current: string, next: string, confirm = next) {
  fireEvent.input(screen.getByLabelText("当前密码"), { target: { value: current } });
  fireEvent.input(screen.getByLabelText("新密码"), { target: { value: next } });
  fireEvent.input(screen.getByLabelText("确认新密码"), { target: { value: confirm } });
  fireEvent.click(screen.getByRole("button", { name: "保存新密码" }));
}

afterEach(resetSession);

describe("change password page", () => {
  it("shows a wrong current password next to that field", async () => {
    await signInWith(false);
    fakeApi({
      "POST /v1/me/password": () =>
        problem(400, "auth.wrong_password", "当前密码不正确。", [{ path: "body.currentPassword", code: "auth.wrong_password", message: "当前密码不正确" }], "/v1/me/password"),
    });
    renderPage();
    change("Not-my-pass-1", "Grid-safe-2027");
    const current = screen.getByLabelText("当前密码");
    await vi.waitFor(() => expect(current).toHaveAccessibleDescription("当前密码不正确"));
    expect(current).toHaveFocus();
  });

  it("after a forced change, lets the user into the app", async () => {
    await signInWith(true);
    const api = fakeApi({ "POST /v1/me/password": () => new Response(null, { status: 204 }) });
    renderPage();
    expect(screen.getByRole("status")).toHaveTextContent("这是临时密码，请先设置您自己的新密码。");
    change("Temp-pass-2026", "Grid-safe-2027");
    expect(await screen.findByText("首页")).toBeInTheDocument();
    expect(api.calls("POST /v1/me/password").map((c) => c.body)).toEqual([{ currentPassword: "Temp-pass-2026", newPassword: "Grid-safe-2027" }]);
    expect(session()).toMatchObject({ status: "signed-in", mustChangePassword: false });
  });

  it("does not send a new password that differs from its confirmation", async () => {
    await signInWith(false);
    const api = fakeApi({});
    renderPage();
    change("Fire-safe-2026", "Grid-safe-2027", "Grid-safe-2028");
    expect(screen.getByLabelText("确认新密码")).toHaveAccessibleDescription("两次输入的密码不一致");
    expect(api.all).toHaveLength(0);
  });
});
