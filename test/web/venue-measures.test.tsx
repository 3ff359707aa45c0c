import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { ProfileVersion, Venue } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import VenuePage from "../../web/src/pages/venues/venue.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe } from "./organisation-fixture.ts";
import { openNewVenueForm } from "./venue-form-fixture.tsx";
import { version1 } from "./profile-fixture.ts";

// The venue form shows the measures the profile declares (建筑高度 in 米 …)
// and sends them as numbers by measure id.

afterEach(() => resetSession());

const withMeasures: ProfileVersion = {
  ...version1,
  profile: {
    ...version1.profile,
    venues: {
      ...version1.profile.venues,
      kinds: [{ id: "office", name: { zh: "办公楼", en: "Office" }, flags: [], sourceRef: "xinhe 三", text: "办公楼" }],
      keyUnitLevels: [{ id: "level_1", name: { zh: "一级重点单位", en: "Level-1 key unit" }, sourceRef: "xinhe 三", text: "一级重点单位" }],
      measures: [
        { id: "height_m", name: { zh: "建筑高度", en: "Building height" }, unit: { zh: "米", en: "m" } },
        { id: "beds", name: { zh: "床位数", en: "Beds" }, unit: { zh: "张", en: "beds" } },
      ],
    } as never,
  },
};

const openForm = (create: Parameters<typeof fakeApi>[0][string]) => openNewVenueForm(withMeasures, "办公楼", create);

describe("新增场所: the profile's measures", () => {
  it("labels each measure with its unit and sends the numbers typed by measure id, leaving empty ones out", async () => {
    const { api, view } = await openForm(() => json(201, { venueId: "v-new" }));
    fireEvent.input(screen.getByLabelText("场所名称"), { target: { value: "高层办公楼" } });
    fireEvent.change(screen.getByLabelText("所在节点"), { target: { value: dongHe.nodeId } });
    fireEvent.click(screen.getByLabelText("办公楼"));
    expect(screen.getByLabelText(/^床位数（张）/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/^建筑高度（米）/), { target: { value: "60" } });
    fireEvent.click(screen.getByRole("button", { name: "保存场所" }));
    await waitFor(() => expect(view.history.get()).toBe("/venues/v-new"));
    const [call] = api.calls("POST /v1/venues");
    expect(call!.body).toMatchObject({ name: "高层办公楼", kinds: ["office"], measures: { height_m: 60 } });
  });

  it("shows the API's message next to the measure at fault", async () => {
    await openForm(() => problem(400, "request.invalid", "请求参数有误", [{ path: "body.measures.height_m", code: "too_small", message: "计量值不能为负数" }]));
    fireEvent.input(screen.getByLabelText("场所名称"), { target: { value: "高层办公楼" } });
    fireEvent.input(screen.getByLabelText(/^建筑高度（米）/), { target: { value: "-5" } });
    fireEvent.click(screen.getByRole("button", { name: "保存场所" }));
    const message = await screen.findByText("计量值不能为负数");
    expect(message.closest(".field")?.querySelector("input")?.getAttribute("name")).toBe("measure.height_m");
  });
});

describe("a venue's page: its numbers and the key-unit level they gave it", () => {
  it("shows each recorded measure with its unit, and a level from the classify rule as such", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: admin })) });
    await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
    const venue: Venue = {
      venueId: "v-7", name: "高层办公楼", nodeId: dongHe.nodeId, path: `${admin.scopePath}/${dongHe.nodeId}`, kinds: ["office"], flags: [], features: [], supervisor: "county_brigade", categories: [],
      measures: { height_m: 60 }, classified: { keyUnitLevel: "level_1", policies: ["tall_building_key_unit"] },
      profileVersion: 2, status: "active", version: 1, createdAt: "2026-11-20T02:00:00.000Z", updatedAt: "2026-11-20T02:00:00.000Z",
    };
    fakeApi({
      "GET /v1/profile": () => json(200, withMeasures),
      "GET /v1/venues/v-7/self-check": () => json(200, { enabled: false }),
      "GET /v1/venues/v-7": () => json(200, venue),
      "GET /v1/venues/v-7/inspections": () => json(200, { items: [], cursor: null }),
      "GET /v1/venues/v-7/history": () => json(200, { items: [], cursor: null }),
    });
    renderAt("/venues/v-7", () => <Route path="/venues/:venueId" component={VenuePage} />);
    expect(await screen.findByTestId("measure-height_m")).toHaveTextContent("60 米");
    expect(screen.queryByTestId("measure-beds")).toBeNull();
    expect(screen.getByTestId("key-unit-level")).toHaveTextContent("一级重点单位 · 按政策档案分类规则判定");
  });
});
