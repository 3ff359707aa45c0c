import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PolicyProfile, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import ReportHazardPage from "../../web/src/pages/hazards/new.tsx";
import NearbyVenuesPage from "../../web/src/pages/venues/nearby.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { profile, version1 } from "./profile-fixture.ts";

// Place and duplicates on the phone (issue 16, Builds 4 and 5): the report
// form's position line, venue picker and duplicate suggestions, and the
// nearby venues list. The browser's geolocation is the one thing stood in for.

const worker: User = { ...admin, userId: "u-grid", username: "wang.grid", displayName: "王网格", role: "grid_worker" };
const grid = { nodeId: "n-grid", parentId: admin.scopeNodeId, path: `${admin.scopePath}/n-grid`, level: "grid", name: "一网格", status: "active" };
const town = { nodeId: "n-town", parentId: admin.scopeNodeId, path: `${admin.scopePath}/n-town`, level: "town", name: "东河乡", status: "active" };
const withCode: PolicyProfile = { ...profile, hazards: { ...profile.hazards, codes: [{ id: "blocked_exit", name: { zh: "疏散通道堵塞", en: "Blocked exit" } }] as PolicyProfile["hazards"]["codes"] } };
const shop = { venueId: "v-1", name: "沿街商铺甲", nodeId: grid.nodeId, lat: 31.0004, lng: 121.2, distance: 40 };
const similar = { hazardId: "hz-1", state: "registered", code: "blocked_exit", description: "商铺后门被货物堵塞", venueId: shop.venueId, venueName: shop.name, createdAt: "2026-12-01T02:00:00.000Z", version: 3, sameVenue: true };

/** The phone's GPS: answers a position, or refuses as a user who denied location does. */
function stubGeolocation(answer: { lat: number; lng: number; accuracy: number } | "denied") {
  vi.stubGlobal("navigator", {
    ...navigator,
    geolocation: {
      getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) =>
        answer === "denied" ? fail({ code: 1, message: "denied" } as GeolocationPositionError) : ok({ coords: { latitude: answer.lat, longitude: answer.lng, accuracy: answer.accuracy } } as GeolocationPosition),
    },
  });
}

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "xinhe", username: user.username, password: "Fire-safe-2026" });
}

const reportRoutes = () => (
  <>
    <Route path="/hazards/new" component={ReportHazardPage} />
    <Route path="/hazards/:id" component={() => <p>hazard page</p>} />
  </>
);

afterEach(() => {
  vi.unstubAllGlobals();
  resetSession();
});

describe("report form: place and duplicates", () => {
  it("shows the position, offers the venue nearby, and once code and venue are known suggests the open hazard there; adding to it sends the note once", async () => {
    await signInAs(worker);
    stubGeolocation({ lat: 31.0, lng: 121.2, accuracy: 12.4 });
    const api = fakeApi({
      "GET /v1/profile": () => json(200, { ...version1, profile: withCode }),
      "GET /v1/nodes": () => json(200, { items: [town, grid], cursor: null }),
      "GET /v1/venues/nearby": () => json(200, { items: [shop] }),
      "GET /v1/hazards/similar": () => json(200, { items: [similar], radius: 50 }),
      "POST /v1/hazards/hz-1/corroborations": () => json(200, { hazardId: "hz-1" }),
    });
    renderAt("/hazards/new", reportRoutes);
    const form = await screen.findByRole("form", { name: "上报隐患" });
    expect(await within(form).findByText(/位置：已获取 ±12 米/)).toBeInTheDocument();

    // Nearby first: the shop 40 m away; choosing it sets the node.
    fireEvent.click(await within(form).findByRole("button", { name: /沿街商铺甲\s*40 米/ }));
    expect(within(form).getByText(/已选：沿街商铺甲/)).toBeInTheDocument();
    expect(within(form).getByLabelText("所在辖区")).toHaveValue(grid.nodeId);
    expect(api.calls("GET /v1/venues/nearby")[0]!.path).toContain("lat=31");

    // No suggestion before the code is known.
    expect(within(form).queryByText("附近已有相同隐患")).toBeNull();
    fireEvent.change(within(form).getByLabelText("隐患类型"), { target: { value: "blocked_exit" } });
    const panel = (await within(form).findByRole("heading", { name: "附近已有相同隐患" })).closest("section")!;
    expect(within(panel).getByText("商铺后门被货物堵塞")).toBeInTheDocument();
    expect(within(panel).getByText(/同一场所/)).toBeInTheDocument();
    const query = new URLSearchParams(api.calls("GET /v1/hazards/similar").at(-1)!.path.split("?")[1]);
    expect([query.get("code"), query.get("venueId"), query.get("lat"), query.get("lng")]).toEqual(["blocked_exit", "v-1", "31", "121.2"]);

    fireEvent.click(within(panel).getByRole("button", { name: "补充到此隐患" }));
    fireEvent.input(within(panel).getByLabelText("补充说明"), { target: { value: "我也看到了，货物还在" } });
    fireEvent.click(within(panel).getByRole("button", { name: "提交补充" }));
    expect(await screen.findByText("hazard page")).toBeInTheDocument();
    const sent = api.calls("POST /v1/hazards/hz-1/corroborations");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({ note: "我也看到了，货物还在", photos: [] });
    expect(sent[0]!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.calls("POST /v1/hazards")).toHaveLength(0);
  });

  it("goes on reporting when it is not the same hazard, sending the venue and the WGS-84 position with the report", async () => {
    await signInAs(worker);
    stubGeolocation({ lat: 31.0, lng: 121.2, accuracy: 8 });
    const api = fakeApi({
      "GET /v1/profile": () => json(200, { ...version1, profile: withCode }),
      "GET /v1/nodes": () => json(200, { items: [town, grid], cursor: null }),
      "GET /v1/venues/nearby": () => json(200, { items: [shop] }),
      "GET /v1/hazards/similar": () => json(200, { items: [similar], radius: 50 }),
      "POST /v1/hazards": () => json(201, { hazardId: "hz-2", reopened: false }),
    });
    renderAt("/hazards/new", reportRoutes);
    const form = await screen.findByRole("form", { name: "上报隐患" });
    fireEvent.click(await within(form).findByRole("button", { name: /沿街商铺甲/ }));
    fireEvent.change(within(form).getByLabelText("隐患类型"), { target: { value: "blocked_exit" } });
    fireEvent.click(await within(form).findByRole("button", { name: "不是同一处，继续上报" }));
    expect(within(form).queryByText("附近已有相同隐患")).toBeNull();
    fireEvent.change(within(form).getByLabelText("等级"), { target: { value: "general" } });
    fireEvent.input(within(form).getByLabelText("隐患情况"), { target: { value: "前门消防通道堆放杂物" } });
    fireEvent.click(within(form).getByRole("button", { name: "提交上报" }));
    expect(await screen.findByText("hazard page")).toBeInTheDocument();
    expect(api.calls("POST /v1/hazards")[0]!.body).toMatchObject({ nodeId: grid.nodeId, venueId: "v-1", code: "blocked_exit", lat: 31, lng: 121.2 });
  });

  it("says when the position is not available and asks again on retry; the report needs none", async () => {
    await signInAs(worker);
    stubGeolocation("denied");
    fakeApi({
      "GET /v1/profile": () => json(200, { ...version1, profile: withCode }),
      "GET /v1/nodes": () => json(200, { items: [town, grid], cursor: null }),
      "GET /v1/venues/nearby": () => json(200, { items: [] }),
    });
    renderAt("/hazards/new", reportRoutes);
    const form = await screen.findByRole("form", { name: "上报隐患" });
    const line = () => document.querySelector(".position-line");
    await vi.waitFor(() => expect(line()).toHaveTextContent("位置：未获取重试"));
    stubGeolocation({ lat: 31, lng: 121.2, accuracy: 15 });
    fireEvent.click(within(line() as HTMLElement).getByRole("button", { name: "重试" }));
    await vi.waitFor(() => expect(line()).toHaveTextContent("位置：已获取 ±15 米"));
    expect(form).toBeInTheDocument();
  });
});

describe("nearby venues page", () => {
  it("lists the venues around the phone nearest first, each a link to the venue, with its distance", async () => {
    await signInAs(worker);
    stubGeolocation({ lat: 31.0, lng: 121.2, accuracy: 10 });
    const api = fakeApi({ "GET /v1/venues/nearby": () => json(200, { items: [shop, { ...shop, venueId: "v-2", name: "小餐馆乙", distance: 1250 }] }) });
    renderAt("/venues/nearby", () => <Route path="/venues/nearby" component={NearbyVenuesPage} />);
    const first = await screen.findByRole("link", { name: /沿街商铺甲/ });
    expect(first).toHaveAttribute("href", "/venues/v-1");
    expect(first).toHaveTextContent("40 米");
    expect(screen.getByRole("link", { name: /小餐馆乙/ })).toHaveTextContent("1.3 公里");
    expect(new URLSearchParams(api.calls("GET /v1/venues/nearby")[0]!.path.split("?")[1]).get("radius")).toBe("1000");
  });
});
