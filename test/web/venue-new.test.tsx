import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { ProfileVersion } from "@firegov/core/contract";
import { fakeApi, json, problem, resetSession } from "./fake-api.tsx";
import { dongHe } from "./organisation-fixture.ts";
import { openNewVenueForm } from "./venue-form-fixture.tsx";
import { version1 } from "./profile-fixture.ts";

afterEach(() => resetSession());

const withKinds: ProfileVersion = {
  ...version1,
  profile: {
    ...version1.profile,
    venues: {
      ...version1.profile.venues,
      riskGrades: [{ id: "high", name: { zh: "高风险", en: "High" }, sourceRef: "xinhe 三", text: "高风险" }],
      kinds: [
        { id: "shop", name: { zh: "商店", en: "Shop" }, flags: [], sourceRef: "xinhe 三", text: "商店" },
        { id: "restaurant", name: { zh: "餐饮", en: "Restaurant" }, flags: [], sourceRef: "xinhe 三", text: "餐饮" },
      ],
    } as never,
  },
};

const openForm = (create: Parameters<typeof fakeApi>[0][string]) => openNewVenueForm(withKinds, "商店", create);

describe("新增场所 (add one venue by form)", () => {
  it("sends the venue with its node, kinds from the profile, grade, contact and WGS-84 point, with an Idempotency-Key, then opens it", async () => {
    const { api, view } = await openForm(() => json(201, { venueId: "v-new" }));
    fireEvent.input(screen.getByLabelText("场所名称"), { target: { value: "东街五金店" } });
    fireEvent.input(screen.getByLabelText(/^地址/), { target: { value: "东街 12 号" } });
    fireEvent.change(screen.getByLabelText("所在节点"), { target: { value: dongHe.nodeId } });
    fireEvent.click(screen.getByLabelText("商店"));
    fireEvent.change(screen.getByLabelText(/^风险等级/), { target: { value: "high" } });
    fireEvent.input(screen.getByLabelText(/^负责人/), { target: { value: "李店主" } });
    fireEvent.input(screen.getByLabelText(/^联系电话/), { target: { value: "13912345678" } });
    fireEvent.input(screen.getByLabelText(/^纬度/), { target: { value: "31.5" } });
    fireEvent.input(screen.getByLabelText(/^经度/), { target: { value: "121.2" } });
    fireEvent.click(screen.getByRole("button", { name: "保存场所" }));
    await waitFor(() => expect(view.history.get()).toBe("/venues/v-new"));
    const [call] = api.calls("POST /v1/venues");
    expect(call!.body).toEqual({ name: "东街五金店", address: "东街 12 号", nodeId: dongHe.nodeId, kinds: ["shop"], flags: [], features: [], riskGrade: "high", contactName: "李店主", contactPhone: "13912345678", lat: 31.5, lng: 121.2 });
    expect(call!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows the API's message next to the field at fault and keeps the same key for a retry of the same input", async () => {
    let attempts = 0;
    const { api } = await openForm(() => (++attempts === 1 ? problem(400, "request.invalid", "请求参数有误", [{ path: "body.kinds", code: "too_small", message: "请至少选择一种场所类型" }]) : json(201, { venueId: "v-new" })));
    fireEvent.input(screen.getByLabelText("场所名称"), { target: { value: "东街五金店" } });
    fireEvent.click(screen.getByRole("button", { name: "保存场所" }));
    expect(await screen.findByText("请至少选择一种场所类型")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "保存场所" }));
    await waitFor(() => expect(api.calls("POST /v1/venues")).toHaveLength(2));
    const [first, second] = api.calls("POST /v1/venues");
    expect(second!.headers.get("idempotency-key")).toBe(first!.headers.get("idempotency-key"));
  });
});
