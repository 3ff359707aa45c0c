import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import Open311Page from "../../web/src/pages/open311/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";

// Open311 接入 (issue 18): the county admin issues a city platform's key, sees it once, copies it, and revokes it.

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const existing = { clientId: "00abc123def456789012a", name: "区12345热线", keyPrefix: "o311_00abc12", createdBy: "u1", createdAt: "2026-12-01T02:00:00.000Z", active: true };
const KEY = "o311_00xyz000000000000000b_" + "k".repeat(43);

afterEach(() => {
  vi.unstubAllGlobals();
  return resetSession();
});

describe("Open311 接入: client keys", () => {
  it("issues a key shown once with a copy button, names a bad name at its field, lists clients by key prefix only, and revokes one", async () => {
    await signInAs(admin);
    let clients = [existing];
    let attempt = 0;
    const writeText = vi.fn(async () => {});
    Object.defineProperty(globalThis.navigator, "clipboard", { value: { writeText }, configurable: true });
    vi.stubGlobal("confirm", () => true);
    const api = fakeApi({
      "GET /v1/open311/clients": () => json(200, { items: clients }),
      "POST /v1/open311/clients": (call) => {
        if (++attempt === 1) return problem(400, "request.invalid", "请求参数有误", [{ path: "body.name", code: "validation.too_small", message: "请填写接入方名称（至少 2 个字）" }]);
        const made = { clientId: "00xyz000000000000000b", name: (call.body as { name: string }).name, keyPrefix: KEY.slice(0, 12), createdBy: "u1", createdAt: "2026-12-07T01:00:00.000Z", active: true };
        clients = [made, ...clients];
        return json(201, { ...made, apiKey: KEY });
      },
      "POST /v1/open311/clients/00abc123def456789012a/revoke": () => {
        clients = clients.map((c) => (c.clientId === existing.clientId ? { ...c, active: false, revokedAt: "2026-12-07T02:00:00.000Z" } : c));
        return json(200, clients.find((c) => c.clientId === existing.clientId));
      },
    });
    renderAt("/integrations/open311", () => <Route path="/integrations/open311" component={Open311Page} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Open311 接入" })).toBeInTheDocument();
    const row = await screen.findByTestId(`client-${existing.clientId}`);
    expect(row).toHaveTextContent("区12345热线");
    expect(row).toHaveTextContent("o311_00abc12…");
    expect(screen.getByTestId("open311-base")).toHaveTextContent("/open311/v2/pingchuan/services.json");

    const form = screen.getByRole("form", { name: "签发新密钥" });
    fireEvent.input(within(form).getByLabelText("接入方名称"), { target: { value: "x" } });
    fireEvent.submit(form);
    expect(await within(form).findByText(/请填写接入方名称（至少 2 个字）/)).toBeInTheDocument();
    expect(within(form).getByLabelText("接入方名称")).toHaveAttribute("aria-invalid", "true");

    fireEvent.input(within(form).getByLabelText("接入方名称"), { target: { value: "一网统管平台" } });
    fireEvent.submit(form);
    expect(await screen.findByTestId("api-key")).toHaveTextContent(KEY);
    expect(screen.getByTestId("issued-key")).toHaveTextContent("只显示这一次");
    fireEvent.click(screen.getByRole("button", { name: "复制密钥" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(KEY));
    expect(await screen.findByRole("button", { name: "已复制" })).toBeInTheDocument();
    expect(await screen.findByTestId("client-00xyz000000000000000b")).toHaveTextContent("一网统管平台");
    // The key is not in the list, only its first characters.
    expect(screen.getByTestId("client-00xyz000000000000000b")).not.toHaveTextContent(KEY);
    fireEvent.click(screen.getByRole("button", { name: "已保存，关闭" }));
    expect(screen.queryByTestId("api-key")).toBeNull();

    fireEvent.click(within(screen.getByTestId(`client-${existing.clientId}`)).getByRole("button", { name: "吊销" }));
    await waitFor(() => expect(screen.getByTestId(`client-${existing.clientId}`)).toHaveTextContent("已于"));
    expect(within(screen.getByTestId(`client-${existing.clientId}`)).queryByRole("button", { name: "吊销" })).toBeNull();
    expect(api.calls("POST /v1/open311/clients/00abc123def456789012a/revoke")).toHaveLength(1);
  });
});
