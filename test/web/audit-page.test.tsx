import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { signIn } from "../../web/src/auth/session.ts";
import AuditPage from "../../web/src/pages/audit/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { profileVersion } from "./organisation-fixture.ts";

const entry = (action: string, at: string, details: Record<string, unknown> = {}) => ({
  auditId: `a-${action}`,
  at,
  actorType: "user",
  actorId: admin.userId,
  action,
  targetType: "user",
  targetId: "2b8c5d1e-worker",
  requestId: `req-${action}`,
  details,
});

afterEach(resetSession);

describe("audit page", () => {
  it("lists the week's entries by name, then another range when asked", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
    await signIn({ tenant: "qidong", username: "admin", password: "Fire-safe-2026" });
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/users": () => json(200, { items: [admin, { ...admin, userId: "2b8c5d1e-worker", displayName: "王网格" }], cursor: null }),
      "GET /v1/audit": (call) =>
        json(200, call.path.includes("cursor=")
          ? { items: [entry("user.create", "2026-11-20T02:00:00.000Z", { username: "wang.grid", role: "grid_worker" })], cursor: null }
          : { items: [entry("user.reset_password", "2026-11-21T02:00:00.000Z")], cursor: "next" }),
    });
    renderAt("/audit", () => <Route path="/audit" component={AuditPage} />);

    expect(await screen.findByText("重置密码", { selector: ".audit-action" })).toBeInTheDocument();
    expect(screen.getByText(/操作人：张建国 · 对象：王网格/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "加载更多" }));
    expect(await screen.findByText("新建用户", { selector: ".audit-action" })).toBeInTheDocument();
    expect(screen.getByText("username: wang.grid · role: 网格员")).toBeInTheDocument();

    const [first] = api.calls("GET /v1/audit").map((c) => new URL(c.path, "http://x").searchParams);
    const days = (Date.parse(first!.get("to")!) - Date.parse(first!.get("from")!)) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    fireEvent.input(screen.getByLabelText("开始时间"), { target: { value: "2026-11-01T08:00" } });
    fireEvent.input(screen.getByLabelText("结束时间"), { target: { value: "2026-11-02T18:30" } });
    fireEvent.click(screen.getByRole("button", { name: "查询" }));
    await screen.findByText("重置密码", { selector: ".audit-action" });
    const [, , last, ...more] = api.calls("GET /v1/audit").map((c) => new URL(c.path, "http://x").searchParams);
    expect(more).toEqual([]);
    expect(last!.get("from")).toBe(new Date("2026-11-01T08:00").toISOString());
    expect(last!.get("to")).toBe(new Date(new Date("2026-11-02T18:30").getTime() + 59_999).toISOString());
    expect(last!.get("cursor")).toBeNull();
  });

  it("narrows on the server by person, action and object, shows codes as labels, and exports the same selection", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
    await signIn({ tenant: "qidong", username: "admin", password: "Fire-safe-2026" });
    const api = fakeApi({
      "GET /v1/profile": () => json(200, profileVersion),
      "GET /v1/users": () => json(200, { items: [admin, { ...admin, userId: "2b8c5d1e-worker", displayName: "王网格" }], cursor: null }),
      "GET /v1/audit": () => json(200, { items: [{ ...entry("venue.create", "2026-11-21T02:00:00.000Z"), targetType: "venue", targetId: "v-1" }], cursor: null }),
      "GET /v1/export/audit": () => new Response(new Uint8Array([80, 75]), { status: 200, headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": "attachment; filename*=UTF-8''%E5%AE%A1%E8%AE%A1.xlsx" } }),
    });
    renderAt("/audit", () => <Route path="/audit" component={AuditPage} />);
    expect(await screen.findByText("新增场所", { selector: ".audit-action" })).toBeInTheDocument();
    expect(screen.getByText(/对象：场所 v-1/)).toBeInTheDocument();
    await screen.findByRole("option", { name: "王网格" });
    fireEvent.change(screen.getByLabelText(/^操作人/), { target: { value: "2b8c5d1e-worker" } });
    fireEvent.change(screen.getByLabelText(/^操作（/), { target: { value: "venue.create" } });
    fireEvent.change(screen.getByLabelText(/^对象类型/), { target: { value: "venue" } });
    fireEvent.click(screen.getByRole("button", { name: "查询" }));
    await waitFor(() => expect(api.calls("GET /v1/audit")).toHaveLength(2));
    const last = new URL(api.calls("GET /v1/audit")[1]!.path, "http://x").searchParams;
    expect([last.get("actorId"), last.get("action"), last.get("targetType"), last.get("targetId")]).toEqual(["2b8c5d1e-worker", "venue.create", "venue", null]);
    URL.createObjectURL = () => "blob:x";
    URL.revokeObjectURL = () => undefined;
    fireEvent.click(screen.getByRole("button", { name: "导出 Excel" }));
    await waitFor(() => expect(api.calls("GET /v1/export/audit")).toHaveLength(1));
    const exported = new URL(api.calls("GET /v1/export/audit")[0]!.path, "http://x").searchParams;
    expect([exported.get("actorId"), exported.get("action"), exported.get("targetType")]).toEqual(["2b8c5d1e-worker", "venue.create", "venue"]);
  });
});
