import { Route, useLocation } from "@solidjs/router";
import { fireEvent, screen } from "@solidjs/testing-library";
import { createResource } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "@firegov/core/contract";
import { getMe } from "../../web/src/api/auth.ts";
import { REFRESH_KEY, signIn } from "../../web/src/auth/session.ts";
import { Layout } from "../../web/src/components/layout.tsx";
import { RequireSignIn } from "../../web/src/components/require-sign-in.tsx";
import LoginPage from "../../web/src/pages/login/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { profile, profileVersion } from "./organisation-fixture.ts";

const tenant = { tenantId: "qidong", name: "启东市", timeZone: "Asia/Shanghai", presetId: "qidong", rootNodeId: admin.scopeNodeId, status: "active", createdAt: admin.createdAt };
const worker: User = { ...admin, userId: "worker-1", username: "wang.grid", displayName: "王网格", role: "grid_worker" };

function Where(props: { label: string }) {
  const location = useLocation();
  return <p data-testid="where">{`${props.label} ${location.pathname}${location.search}`}</p>;
}

/** A protected page that reads from the API as it opens. */
function UsersStub() {
  const [me] = createResource(getMe);
  return <p data-testid="where">{`users ${me()?.user.displayName ?? ""}`}</p>;
}

function renderApp(path: string, withLayout = false) {
  return renderAt(
    path,
    () => (
      <>
        <Route path="/" component={() => <Where label="home" />} />
        <Route path="/login" component={LoginPage} />
        <Route component={RequireSignIn}>
          <Route path="/account/password" component={() => <Where label="password" />} />
          <Route path="/users" component={UsersStub} info={{ access: "user.read" }} />
          <Route path="/audit" component={() => <Where label="audit" />} info={{ access: "audit.read" }} />
        </Route>
      </>
    ),
    "zh-CN",
    withLayout ? Layout : undefined,
  );
}

async function signInAs(user: User, mustChangePassword = false) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: { ...user, mustChangePassword }, mustChangePassword })) });
  await signIn({ tenant: "qidong", username: user.username, password: "Fire-safe-2026" });
}

afterEach(resetSession);

describe("protected pages", () => {
  it("send a visitor who is not signed in to the login page, remembering where they were going", async () => {
    const { history } = renderApp("/users");
    expect(await screen.findByRole("heading", { name: "登录" })).toBeInTheDocument();
    expect(history.get()).toBe("/login?next=%2Fusers");
  });

  it("send a user with a temporary password to change it before anything else", async () => {
    await signInAs(worker, true);
    renderApp("/users");
    expect(await screen.findByTestId("where")).toHaveTextContent("password /account/password");
  });

  it("tell a grid worker that the audit log is not theirs to open", async () => {
    await signInAs(worker);
    renderApp("/audit");
    expect(await screen.findByRole("alert")).toHaveTextContent("您没有访问此页面的权限。");
  });

  it("return to the login page saying the session expired when it cannot be refreshed", async () => {
    await signInAs(admin);
    fakeApi({
      "GET /v1/me": () => problem(401, "auth.token_expired", "登录已过期，请重新登录。", undefined, "/v1/me"),
      "POST /v1/auth/refresh": () => problem(401, "auth.refresh_invalid", "登录已失效，请重新登录。", undefined, "/v1/auth/refresh"),
    });
    const { history } = renderApp("/users");
    expect(await screen.findByRole("status")).toHaveTextContent("登录已过期，请重新登录。");
    expect(history.get()).toBe("/login?next=%2Fusers");
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
  });
});

describe("the layout", () => {
  it("shows the signed-in user's name, role and county, with links their role may open", async () => {
    await signInAs(admin);
    // The role's label is the profile's own (vocabulary.platformRoles), here a district's word.
    const words = { ...profile.vocabulary, platformRoles: profile.vocabulary.platformRoles.map((r) => (r.id === "tenant_admin" ? { ...r, name: { zh: "区级管理员", en: "District admin" } } : r)) };
    fakeApi({ "GET /v1/me": () => json(200, { user: admin, tenant }), "GET /v1/profile": () => json(200, { ...profileVersion, profile: { ...profile, vocabulary: words } }) });
    renderApp("/", true);
    await vi.waitFor(() => expect(screen.getByTestId("signed-in-user")).toHaveTextContent("张建国区级管理员 · 启东市"));
    expect(screen.getByRole("link", { name: "用户管理" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "审计日志" })).toBeInTheDocument();
  });

  it("shows a town officer the users page but not the audit log, and a grid worker neither", async () => {
    await signInAs({ ...admin, role: "town_officer" });
    fakeApi({ "GET /v1/me": () => json(200, { user: admin, tenant }) });
    const first = renderApp("/", true);
    expect(await screen.findByRole("link", { name: "用户管理" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "审计日志" })).toBeNull();
    first.unmount();

    await signInAs(worker);
    fakeApi({ "GET /v1/me": () => json(200, { user: worker, tenant }), "GET /v1/inbox/unread-count": () => json(200, { unread: 0 }) });
    renderApp("/", true);
    // A grid worker has the phone shell: the tab bar, and no full menu.
    expect(await screen.findByRole("navigation", { name: "主导航" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "用户管理" })).toBeNull();
  });

  it("signs out from the header: ends the session at the API and on this device, and goes to login", async () => {
    await signInAs(admin);
    const api = fakeApi({ "GET /v1/me": () => json(200, { user: admin, tenant }), "POST /v1/auth/logout": () => new Response(null, { status: 204 }) });
    const { history } = renderApp("/users", true);
    fireEvent.click(await screen.findByRole("button", { name: "退出登录" }));
    await vi.waitFor(() => expect(api.calls("POST /v1/auth/logout")).toHaveLength(1));
    expect(api.calls("POST /v1/auth/logout")[0]!.headers.get("authorization")).toBe("Bearer at-1");
    await vi.waitFor(() => expect(screen.queryByTestId("signed-in-user")).toBeNull());
    expect(history.get()).toBe("/login");
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(screen.getByRole("link", { name: "登录" })).toBeInTheDocument();
  });
});
