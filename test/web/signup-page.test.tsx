import { Route, useSearchParams } from "@solidjs/router";
import { fireEvent, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import SignupPage from "../../web/src/pages/signup/index.tsx";
import { fakeApi, json, problem, renderAt } from "./fake-api.tsx";

const presets = {
  items: [
    { id: "qidong", name: { zh: "启东", en: "Qidong" }, document: { title: "启东市基层消防安全治理工作方案", number: "启政办发〔2024〕12号", issuer: "启东市人民政府办公室", date: "2024-03-01" } },
    { id: "songjiang", name: { zh: "松江", en: "Songjiang" }, document: { title: "松江区消防安全网格化管理办法", number: null, issuer: null, date: "2023-06-15" } },
  ],
};

function LoginStub() {
  const [params] = useSearchParams();
  return <p>登录页 {params.tenant}</p>;
}

function renderSignup() {
  return renderAt("/signup", () => (
    <>
      <Route path="/signup" component={SignupPage} />
      <Route path="/login" component={LoginStub} />
    </>
  ));
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

async function fillForm(password = "Fire-safe-2026") {
  const preset = await screen.findByLabelText("政策档案");
  await vi.waitFor(() => expect(screen.getByRole("option", { name: /启东市基层消防安全治理工作方案（启政办发〔2024〕12号）/ })).toBeInTheDocument());
  type("单位代码", "qidong");
  type("单位名称", "启东市");
  fireEvent.change(preset, { target: { value: "qidong" } });
  type("用户名", "admin");
  type("姓名", "张建国");
  type("手机号（选填）", "13912345678");
  type("密码", password);
  type("确认密码", password);
}

const submit = () => fireEvent.click(screen.getByRole("button", { name: "注册" }));

afterEach(() => vi.unstubAllGlobals());

describe("signup page", () => {
  it("lists the presets with their document title and number, and spells out the chosen one", async () => {
    fakeApi({ "GET /v1/presets": () => json(200, presets) });
    renderSignup();
    expect(await screen.findByRole("option", { name: "启东 — 启东市基层消防安全治理工作方案（启政办发〔2024〕12号）" })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "松江 — 松江区消防安全网格化管理办法" })).toBeInTheDocument();
    const select = screen.getByLabelText("政策档案");
    fireEvent.change(select, { target: { value: "qidong" } });
    expect(select).toHaveAccessibleDescription("《启东市基层消防安全治理工作方案》 · 启政办发〔2024〕12号 · 启东市人民政府办公室 · 2024-03-01");
  });

  it("shows the API's error for body.admin.password next to the password field, and brings that field into view", async () => {
    const message = "密码须同时包含字母和数字";
    fakeApi({
      "GET /v1/presets": () => json(200, presets),
      "POST /v1/signup": () => problem(400, "request.invalid", "请求参数有误，请检查标出的字段。", [{ path: "body.admin.password", code: "validation.custom", message }], "/v1/signup"),
    });
    renderSignup();
    await fillForm("abcdefgh");
    submit();
    const password = screen.getByLabelText("密码");
    await vi.waitFor(() => expect(password).toHaveAttribute("aria-invalid", "true"));
    expect(password).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByLabelText("用户名")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("alert")).not.toHaveTextContent(message);
    await vi.waitFor(() => expect(password).toHaveFocus());
  });

  it("shows a taken county code on the code field", async () => {
    const taken = "单位代码“qidong”已被使用，请换一个。";
    fakeApi({ "GET /v1/presets": () => json(200, presets), "POST /v1/signup": () => problem(409, "tenant.slug_taken", taken, undefined, "/v1/signup") });
    renderSignup();
    await fillForm();
    submit();
    const slug = screen.getByLabelText("单位代码");
    await vi.waitFor(() => expect(slug).toHaveAccessibleDescription(expect.stringContaining(taken)));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("does not send a password that differs from its confirmation", async () => {
    const api = fakeApi({ "GET /v1/presets": () => json(200, presets) });
    renderSignup();
    await fillForm();
    type("确认密码", "Fire-safe-2027");
    submit();
    await vi.waitFor(() => expect(screen.getByLabelText("确认密码")).toHaveAccessibleDescription("两次输入的密码不一致"));
    expect(api.calls("POST /v1/signup")).toHaveLength(0);
  });

  it("retries with the same Idempotency-Key, then goes to login with the county code filled in", async () => {
    let attempts = 0;
    const api = fakeApi({
      "GET /v1/presets": () => json(200, presets),
      "POST /v1/signup": () => (++attempts === 1 ? Promise.reject(new TypeError("Failed to fetch")) : json(201, { tenantId: "qidong", adminUserId: "u-1", rootNodeId: "n-1" })),
    });
    renderSignup();
    await fillForm();
    submit();
    expect(await screen.findByRole("alert")).toHaveTextContent("网络不可用");
    submit();
    expect(await screen.findByText("登录页 qidong")).toBeInTheDocument();
    const [first, second] = api.calls("POST /v1/signup");
    expect(first!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers.get("idempotency-key")).toBe(first!.headers.get("idempotency-key"));
    expect(second!.body).toEqual({
      slug: "qidong",
      name: "启东市",
      presetId: "qidong",
      admin: { username: "admin", displayName: "张建国", phone: "13912345678", password: "Fire-safe-2026" },
    });
  });

  it("uses a new Idempotency-Key once the form was changed", async () => {
    const api = fakeApi({ "GET /v1/presets": () => json(200, presets), "POST /v1/signup": () => Promise.reject(new TypeError("Failed to fetch")) });
    renderSignup();
    await fillForm();
    submit();
    await screen.findByRole("alert");
    type("单位名称", "启东市（试点）");
    submit();
    await vi.waitFor(() => expect(api.calls("POST /v1/signup")).toHaveLength(2));
    const [first, second] = api.calls("POST /v1/signup").map((c) => c.headers.get("idempotency-key"));
    expect(second).not.toBe(first);
  });
});
