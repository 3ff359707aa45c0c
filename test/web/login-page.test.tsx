import { Route } from "@solidjs/router";
import { fireEvent, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import LoginPage from "../../web/src/pages/login/index.tsx";
import { fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";

function renderLogin(path = "/login", locale: "zh-CN" | "en" = "zh-CN") {
  return renderAt(
    path,
    () => (
      <>
        <Route path="/login" component={LoginPage} />
        <Route path="/" component={() => <p>首页</p>} />
        <Route path="/account/password" component={() => <p>修改密码页</p>} />
        <Route path="/users" component={() => <p>用户管理页</p>} />
      </>
    ),
    locale,
  );
}

async function submitLogin(tenant: string, username: string, password: string) {
  fireEvent.input(await screen.findByLabelText("单位代码"), { target: { value: tenant } });
  fireEvent.input(screen.getByLabelText("用户名"), { target: { value: username } });
  fireEvent.input(screen.getByLabelText("密码"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "登录" }));
}

afterEach(resetSession);

describe("login page", () => {
  it("shows the server's field error next to the field it names", async () => {
    const message = "数值过大：期望 string <=64 字符";
    fakeApi({ "POST /v1/auth/login": () => problem(400, "request.invalid", "请求参数有误，请检查标出的字段。", [{ path: "body.tenant", code: "validation.too_big", message }], "/v1/auth/login") });
    renderLogin();
    await submitLogin("q".repeat(65), "admin", "Fire-safe-2026");
    const tenant = screen.getByLabelText("单位代码");
    await vi.waitFor(() => expect(tenant).toHaveAttribute("aria-invalid", "true"));
    expect(tenant).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByRole("alert")).toHaveTextContent("请求参数有误，请检查标出的字段。");
  });

  it("says the account is locked and for how many minutes", async () => {
    const locked = "连续登录失败次数过多，账号已临时锁定，请 15 分钟后再试。";
    fakeApi({ "POST /v1/auth/login": () => problem(429, "auth.locked", locked, undefined, "/v1/auth/login") });
    renderLogin();
    await submitLogin("qidong", "admin", "wrong-pass-1");
    expect(await screen.findByRole("alert")).toHaveTextContent(locked);
  });

  it("says the credentials are wrong, and that a disabled account must ask the admin", async () => {
    const api = fakeApi({ "POST /v1/auth/login": () => problem(401, "auth.bad_credentials", "单位代码、用户名或密码不正确。") });
    renderLogin();
    await submitLogin("qidong", "admin", "wrong-pass-1");
    expect(await screen.findByRole("alert")).toHaveTextContent("单位代码、用户名或密码不正确。");
    expect(api.calls("POST /v1/auth/login")[0]!.body).toEqual({ tenant: "qidong", username: "admin", password: "wrong-pass-1" });

    fakeApi({ "POST /v1/auth/login": () => problem(403, "auth.disabled", "该账号已停用，请联系管理员。") });
    fireEvent.click(screen.getByRole("button", { name: "登录" }));
    await vi.waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("该账号已停用，请联系管理员。"));
  });

  it("sends a user with a temporary password to change it first, and remembers the county code", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { mustChangePassword: true })) });
    renderLogin("/login?next=%2Fusers");
    await submitLogin("qidong", "wang.grid", "Temp-pass-2026");
    expect(await screen.findByText("修改密码页")).toBeInTheDocument();
    expect(localStorage.getItem("firegov.tenant")).toBe("qidong");
  });

  it("goes back to the page the user was sent away from", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
    renderLogin("/login?next=%2Fusers");
    await submitLogin("qidong", "admin", "Fire-safe-2026");
    expect(await screen.findByText("用户管理页")).toBeInTheDocument();
  });

  it("prefills the county code from the signup redirect and says signup worked, in English too", async () => {
    renderLogin("/login?tenant=qidong&signedUp=1", "en");
    expect(await screen.findByLabelText("County code")).toHaveValue("qidong");
    expect(screen.getByRole("status")).toHaveTextContent("Signed up. Sign in with the administrator account.");
  });
});
