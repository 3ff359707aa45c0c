import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import MapSettingsPage from "../../web/src/pages/map/settings.tsx";
import NodePage from "../../web/src/pages/node/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, organisation, profileVersion } from "./organisation-fixture.ts";

// The one map's admin side (一张图, songjiang 八(三)): the basemap and a node's boundary, set from the web.

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const KEY = "0123456789abcdef0123456789abcdef";
const square = [[[121.2, 31.0], [121.3, 31.0], [121.3, 31.1], [121.2, 31.1], [121.2, 31.0]]];
const feature = (uploadedAt: string) => ({ type: "Feature", id: dongHe.nodeId, geometry: { type: "Polygon", coordinates: square }, properties: { nodeId: dongHe.nodeId, name: "东河乡", level: "town", role: "self", uploadedAt } });
const none = { kind: "none", layers: [] };
const fileOf = (text: string, name = "donghe.geojson") => new File([text], name, { type: "application/geo+json" });

afterEach(resetSession);

describe("map settings: the basemap (天地图 with the county's key, a WGS-84 tile URL, or none)", () => {
  it("songjiang 八(三): the county admin sets 天地图 with a key; a bad key is named next to the key field, then the saved setting shows", async () => {
    await signInAs(admin);
    let attempt = 0;
    const api = fakeApi({
      "GET /v1/map/basemap": () => json(200, none),
      "GET /v1/map/boundaries": () => json(200, { type: "FeatureCollection", features: [feature("2026-12-01T02:00:00.000Z")] }),
      "PUT /v1/map/basemap": () =>
        ++attempt === 1
          ? problem(400, "request.invalid", "请求参数有误", [{ path: "body.key", code: "validation.invalid_format", message: "天地图密钥应为 32 位十六进制字符（在天地图控制台申请的“浏览器端”密钥）" }])
          : json(200, { kind: "tianditu", key: KEY, style: "img", layers: [], updatedAt: "2026-12-07T01:00:00.000Z" }),
    });
    renderAt("/map/settings", () => <Route path="/map/settings" component={MapSettingsPage} />);
    expect(await screen.findByTestId("basemap-current")).toHaveTextContent("当前底图：不使用底图");
    // Which nodes have a boundary, each linked to its node page's boundary tab.
    expect(await screen.findByRole("link", { name: "东河乡：上传或删除" })).toHaveAttribute("href", `/nodes/${dongHe.nodeId}?tab=boundary`);
    expect(screen.getByText(/GCJ-02（“火星坐标”）/)).toBeInTheDocument();

    const form = screen.getByRole("form", { name: "底图" });
    fireEvent.click(within(form).getByLabelText("天地图"));
    fireEvent.input(within(form).getByLabelText("天地图密钥"), { target: { value: "not-a-key" } });
    fireEvent.submit(form);
    const key = within(form).getByLabelText("天地图密钥");
    expect(await within(form).findByText(/天地图密钥应为 32 位十六进制字符/)).toHaveAttribute("id", expect.stringMatching(/-error$/));
    expect(key).toHaveAttribute("aria-invalid", "true");
    expect(key.getAttribute("aria-describedby")).toContain(within(form).getByText(/天地图密钥应为 32 位/).id);

    fireEvent.input(within(form).getByLabelText("天地图密钥"), { target: { value: KEY } });
    fireEvent.change(within(form).getByLabelText("图层"), { target: { value: "img" } });
    fireEvent.submit(form);
    expect(await screen.findByText("底图已保存。")).toBeInTheDocument();
    expect(screen.getByTestId("basemap-current")).toHaveTextContent(`当前底图：天地图 · 密钥：${KEY}`);
    expect(api.calls("PUT /v1/map/basemap").map((c) => c.body)).toEqual([
      { kind: "tianditu", key: "not-a-key", style: "vec" },
      { kind: "tianditu", key: KEY, style: "img" },
    ]);
  });

  it("shows the API's refusal of a GCJ-02 tile host (高德) next to the tile URL, and sends only the URL kind's fields", async () => {
    await signInAs(admin);
    const refusal = "该瓦片使用 GCJ-02（火星坐标）或 BD-09，场所坐标为 WGS-84，会整体偏移数百米；请改用天地图或 WGS-84 瓦片";
    const api = fakeApi({
      "GET /v1/map/basemap": () => json(200, none),
      "GET /v1/map/boundaries": () => json(200, { type: "FeatureCollection", features: [] }),
      "PUT /v1/map/basemap": () => problem(400, "request.invalid", "请求参数有误", [{ path: "body.template", code: "custom", message: refusal }]),
    });
    renderAt("/map/settings", () => <Route path="/map/settings" component={MapSettingsPage} />);
    expect(await screen.findByText("本辖区和下级节点都还没有上传边界。")).toBeInTheDocument();
    const form = screen.getByRole("form", { name: "底图" });
    fireEvent.click(within(form).getByLabelText("其他瓦片地址"));
    expect(within(form).queryByLabelText("天地图密钥")).toBeNull();
    fireEvent.input(within(form).getByLabelText("瓦片地址模板"), { target: { value: "https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}" } });
    fireEvent.input(within(form).getByLabelText("版权说明"), { target: { value: "© 高德" } });
    fireEvent.submit(form);
    const template = within(form).getByLabelText("瓦片地址模板");
    await waitFor(() => expect(template).toHaveAttribute("aria-invalid", "true"));
    expect(within(form).getByText(refusal)).toBeInTheDocument();
    // Above the form only the summary: the refusal is not repeated there.
    expect(within(form).getByRole("alert")).not.toHaveTextContent("GCJ-02");
    expect(api.calls("PUT /v1/map/basemap").map((c) => c.body)).toEqual([{ kind: "url", template: "https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}", attribution: "© 高德" }]);
  });

  it("a town officer sees the setting with the key masked as the API gives it, and no form", async () => {
    await signInAs({ ...admin, role: "town_officer" });
    fakeApi({
      "GET /v1/map/basemap": () => json(200, { kind: "tianditu", key: "0123••••••••••••••••••••••••cdef", style: "vec", layers: [] }),
      "GET /v1/map/boundaries": () => json(200, { type: "FeatureCollection", features: [] }),
    });
    renderAt("/map/settings", () => <Route path="/map/settings" component={MapSettingsPage} />);
    expect(await screen.findByTestId("basemap-current")).toHaveTextContent("密钥：0123••••••••••••••••••••••••cdef");
    expect(screen.getByText("只有管理员可以修改底图。")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "底图" })).toBeNull();
  });
});

describe("node page: the node's boundary for the one map", () => {
  const base = { "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes/n-donghe/organisation": () => json(200, organisation) };
  const renderBoundary = () => renderAt(`/nodes/${dongHe.nodeId}?tab=boundary`, () => <Route path="/nodes/:nodeId" component={NodePage} />);

  it("songjiang 八(三): shows the API's error for swapped lat/lng in Chinese under the file input, then uploads and says when it was set", async () => {
    await signInAs(admin);
    let stored: unknown[] = [];
    let attempt = 0;
    const api = fakeApi({
      ...base,
      "GET /v1/map/boundaries": () => json(200, { type: "FeatureCollection", features: stored }),
      "PUT /v1/nodes/n-donghe/boundary": () => {
        if (++attempt === 1) return problem(400, "request.invalid", "请求参数有误", [{ path: "body.coordinates[0][0][1]", code: "too_big", message: "纬度应在 -90 到 90 之间（经纬度是否写反了？）" }]);
        stored = [feature("2026-12-07T01:05:00.000Z")];
        return json(200, { nodeId: dongHe.nodeId, bbox: [121.2, 31.0, 121.3, 31.1], positions: 5, bytes: 120, uploadedAt: "2026-12-07T01:05:00.000Z" });
      },
    });
    renderBoundary();
    expect(await screen.findByTestId("boundary-status")).toHaveTextContent("尚未上传边界");
    const form = screen.getByRole("form", { name: "上传边界" });
    const input = within(form).getByLabelText("边界文件（.geojson / .json）");

    // Nothing chosen: said next to the input, nothing sent.
    fireEvent.submit(form);
    expect(await within(form).findByText("请先选择边界文件")).toBeInTheDocument();
    expect(api.calls("PUT /v1/nodes/n-donghe/boundary")).toEqual([]);

    const swapped = JSON.stringify({ type: "Polygon", coordinates: [[[31, 121], [31.1, 121], [31.1, 121.1], [31, 121]]] });
    fireEvent.change(input, { target: { files: [fileOf(swapped)] } });
    fireEvent.submit(form);
    expect(await within(form).findByText("位置 coordinates[0][0][1]：纬度应在 -90 到 90 之间（经纬度是否写反了？）")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(api.calls("PUT /v1/nodes/n-donghe/boundary")[0]!.body).toEqual(JSON.parse(swapped));

    const good = JSON.stringify({ type: "Feature", properties: { name: "东河乡" }, geometry: { type: "Polygon", coordinates: square } });
    fireEvent.change(input, { target: { files: [fileOf(good)] } });
    fireEvent.submit(form);
    expect(await screen.findByText("边界已上传（5 个坐标点）。")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("boundary-status")).toHaveTextContent(/已上传边界（5 个坐标点），设置于 2026/));
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("removes a boundary after a confirmation, and the node shows none", async () => {
    await signInAs(admin);
    let stored: unknown[] = [feature("2026-12-01T02:00:00.000Z")];
    const api = fakeApi({
      ...base,
      "GET /v1/map/boundaries": () => json(200, { type: "FeatureCollection", features: stored }),
      "DELETE /v1/nodes/n-donghe/boundary": () => {
        stored = [];
        return json(200, { nodeId: dongHe.nodeId, removed: true });
      },
    });
    renderBoundary();
    expect(await screen.findByTestId("boundary-status")).toHaveTextContent("已上传边界（5 个坐标点）");
    fireEvent.click(screen.getByRole("button", { name: "删除边界" }));
    expect(api.calls("DELETE /v1/nodes/n-donghe/boundary")).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "确认删除边界" }));
    expect(await screen.findByText("边界已删除。")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("boundary-status")).toHaveTextContent("尚未上传边界"));
    expect(api.calls("DELETE /v1/nodes/n-donghe/boundary")).toHaveLength(1);
  });

  it("a grid worker sees whether a boundary is set but has no upload", async () => {
    await signInAs({ ...admin, role: "grid_worker" });
    fakeApi({ ...base, "GET /v1/map/boundaries": () => json(200, { type: "FeatureCollection", features: [] }) });
    renderBoundary();
    expect(await screen.findByTestId("boundary-status")).toHaveTextContent("尚未上传边界");
    expect(screen.getByText("只有管理辖区树的人员可以上传或删除边界。")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "上传边界" })).toBeNull();
  });
});
