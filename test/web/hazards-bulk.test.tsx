import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { HazardSummary, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import HazardBoard from "../../web/src/pages/hazards/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { version1 } from "./profile-fixture.ts";

const officer: User = { ...admin, userId: "u-town", username: "li.town", displayName: "李镇", role: "town_officer" };
const worker: User = { ...admin, userId: "u-grid", username: "wang.grid", displayName: "王网格", role: "grid_worker" };
const gone: User = { ...admin, userId: "u-gone", username: "gone", displayName: "已停用的人", role: "grid_worker", status: "disabled" };

const card = (n: number, over: Partial<HazardSummary> = {}): HazardSummary => ({
  hazardId: `hz-${n}`,
  nodeId: "n-town",
  path: `${admin.scopePath}/n-town`,
  state: "registered",
  severity: "general",
  code: "other",
  codeText: `隐患${n}`,
  description: "楼道堆放杂物",
  venueName: `幸福超市${n}`,
  source: "grid_patrol",
  deadline: "2026-12-20T15:59:59.999Z",
  overdue: false,
  listedAt: [],
  awaitingAck: [],
  createdAt: `2026-12-0${n}T02:00:00.000Z`,
  updatedAt: `2026-12-0${n}T02:00:00.000Z`,
  version: n + 1,
  ...over,
});

afterEach(resetSession);

describe("the hazard board's multi-select", () => {
  it("ticks hazards, sends one bulk dispatch with each version and a key, and shows what succeeded, what was stale and what was refused", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: officer })) });
    await signIn({ tenant: "xinhe", username: officer.username, password: "Fire-safe-2026" });
    const items = [card(1), card(2), card(3), card(4)];
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/nodes": () => json(200, { items: [], cursor: null }),
      "GET /v1/users": () => json(200, { items: [officer, worker, gone], cursor: null }),
      "GET /v1/hazards/search": () => json(200, { items, cursor: null, total: 4, truncated: false }),
      "POST /v1/hazards/bulk": () =>
        json(200, {
          succeeded: [{ id: "hz-1", version: 3, state: "dispatched" }, { id: "hz-2", version: 4, state: "dispatched" }],
          stale: [{ id: "hz-3", version: 6, state: "registered" }],
          refused: [{ id: "hz-4", code: "hazard.transition_not_allowed", reason: { zh: "当前状态不能派遣", en: "Not in this state" } }],
        }),
    });
    renderAt("/hazards?sort=deadline", () => <Route path="/hazards" component={HazardBoard} />);

    // Cards show the venue; the board asked the server to sort.
    expect(await screen.findByText("幸福超市1")).toBeTruthy();
    expect(api.calls("GET /v1/hazards/search")[0]!.path).toContain("sort=deadline");

    fireEvent.click(screen.getByLabelText("全选本页"));
    expect(await screen.findByText("已选 4 条")).toBeTruthy();
    const bar = screen.getByRole("form", { name: "批量办理" });
    fireEvent.click(within(bar).getByRole("radio", { name: "派发" }));
    // Deactivated users are not offered.
    const assignee = (await within(bar).findByRole("option", { name: "王网格" })).closest("select")!;
    expect(within(bar).queryByRole("option", { name: "已停用的人" })).toBeNull();
    fireEvent.change(assignee, { target: { value: "u-grid" } });
    fireEvent.click(within(bar).getByRole("button", { name: "对所选 4 条派发" }));

    expect(await screen.findByText("成功 2 条；已被他人修改 1 条；未办理 1 条")).toBeTruthy();
    expect(screen.getByText("隐患4：当前状态不能派遣")).toBeTruthy();
    const summary = document.querySelector<HTMLElement>(".hz-bulk-summary")!;
    expect(within(summary).getByText("隐患3")).toBeTruthy();
    const sent = api.calls("POST /v1/hazards/bulk")[0]!;
    expect(sent.body).toEqual({ action: "dispatch", items: items.map((h) => ({ id: h.hazardId, expectedVersion: h.version })), fields: { assigneeId: "u-grid" } });
    expect(sent.headers.get("idempotency-key")).toBeTruthy();
  });
});
