import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { HomeVisitPolicy, Household, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import HomeVisitsPage from "../../web/src/pages/home-visits/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";

const policy: HomeVisitPolicy = {
  categories: [{ id: "elderly_alone", name: { zh: "独居老人", en: "Elderly living alone" }, frequency: { every: 1, unit: "month" }, sourceRef: "demo 六(一)1" }],
  checklist: [
    { id: "escape_route", name: { zh: "生命通道（疏散通道）畅通", en: "Escape route clear" }, hazardCode: "escape_route_blocked", sourceRef: "demo 六(一)1" },
    { id: "smoke_alarm", name: { zh: "安装独立式烟感报警器且完好", en: "A working smoke alarm" }, hazardCode: "equipment_faulty", sourceRef: null },
  ],
  piiReaders: ["tenant_admin"],
  withoutConsent: [],
  fromProfile: true,
};

const household: Household = {
  householdId: "hh-1",
  nodeId: "grid-1",
  path: "/c0a8f1e2-root/town/village/grid-1",
  category: "elderly_alone",
  categoryName: { zh: "独居老人", en: "Elderly living alone" },
  address: "甲村 3 组 12 号",
  contactName: "张阿婆",
  idNumber: "310117********3529",
  consent: { given: true, by: "self", on: "2026-01-05", how: "written" },
  frequency: { every: 1, unit: "month" },
  dueOn: "2026-11-20",
  dueStatus: "overdue",
  visits: 0,
  version: 1,
  registeredAt: "2026-10-20T02:00:00.000Z",
};

const worker: User = { ...admin, userId: "u-grid", username: "grid", displayName: "王网格", role: "grid_worker", scopeNodeId: "grid-1", scopePath: household.path };

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "demo", username: user.username, password: "Fire-safe-2026" });
}

function base(extra: Record<string, (c: never) => Response> = {}) {
  return fakeApi({
    "GET /v1/home-visits/policy": () => json(200, policy),
    "GET /v1/home-visits/due": () => json(200, { today: "2026-11-23", items: [household] }),
    "GET /v1/home-visits/households": () => json(200, { items: [household], cursor: null }),
    "GET /v1/nodes": () => json(200, { items: [], cursor: null }),
    ...extra,
  });
}

const renderPage = () => renderAt("/home-visits", () => <Route path="/home-visits" component={HomeVisitsPage} />);

afterEach(resetSession);

describe("the 入户走访 page", () => {
  it("shows a grid worker the masked ID without a reveal, and the due household's visit form sends every item with the version read", async () => {
    await signInAs(worker);
    const api = base({ "POST /v1/home-visits/households/hh-1/visits": () => json(201, { visit: { visitId: "v-1", householdId: "hh-1", date: "2026-11-23", visitorId: "u-grid", items: [], passed: 1, failed: 1, hazardIds: ["hz-1"], recordedAt: "2026-11-23T03:00:00.000Z" }, household: { ...household, visits: 1, dueStatus: "not_due" } }) });
    renderPage();
    const row = await screen.findByTestId("household");
    expect(within(row).getByTestId("id-number")).toHaveTextContent("310117********3529");
    expect(within(row).queryByRole("button", { name: "查看完整号码" })).toBeNull();
    // A grid worker does not keep the register.
    expect(screen.queryByRole("heading", { name: "登记走访对象" })).toBeNull();

    const due = screen.getByTestId("due-visits");
    fireEvent.click(within(due).getByRole("button", { name: `走访：${household.address}` }));
    const items = await within(due).findAllByTestId("home-visit-item");
    fireEvent.click(within(items[0]!).getByRole("button", { name: "不符合" }));
    fireEvent.input(within(items[0]!).getByLabelText("问题说明（选填）"), { target: { value: "楼道堆物" } });
    fireEvent.click(within(items[1]!).getByRole("button", { name: "符合" }));
    fireEvent.click(within(due).getByRole("button", { name: "提交走访记录" }));
    expect(await screen.findByText("走访已记录：1 项不符合，已生成 1 条隐患。")).toBeTruthy();
    const sent = api.calls("POST /v1/home-visits/households/hh-1/visits")[0]!;
    expect(sent.body).toEqual({ items: [{ itemId: "escape_route", result: "fail", note: "楼道堆物" }, { itemId: "smoke_alarm", result: "pass" }], expectedVersion: 1 });
    expect(sent.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets a role of the profile's piiReaders reveal the full ID number, through the audited endpoint", async () => {
    await signInAs(admin);
    const api = base({ "POST /v1/home-visits/households/hh-1/id-number": () => json(200, { householdId: "hh-1", idNumber: "310117194001013529" }) });
    renderPage();
    const row = await screen.findByTestId("household");
    fireEvent.click(within(row).getByRole("button", { name: "查看完整号码" }));
    await waitFor(() => expect(within(row).getByTestId("id-number")).toHaveTextContent("310117194001013529"));
    expect(api.calls("POST /v1/home-visits/households/hh-1/id-number")).toHaveLength(1);
    expect(await screen.findByRole("heading", { name: "登记走访对象" })).toBeTruthy();
  });
});
