import { Route } from "@solidjs/router";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { IotDevice, JurisdictionNode, ProfileVersion } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import IotDevicesPage from "../../web/src/pages/iot/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { version1 } from "./profile-fixture.ts";

const withIot: ProfileVersion = {
  ...version1,
  profile: {
    ...version1.profile,
    iot: {
      deviceTypes: [
        { id: "smoke_detector", name: { zh: "独立式烟感探测器", en: "Smoke detector" }, sourceRef: "songjiang 六(三)", text: "发挥消防物联感知、监测、分析等设备系统效能" },
        { id: "water_pressure_sensor", name: { zh: "消防水压传感器", en: "Water pressure sensor" }, sourceRef: "songjiang 六(三)", text: "发挥消防物联感知、监测、分析等设备系统效能" },
      ],
      alarmTypes: [{ id: "smoke", name: { zh: "烟感报警", en: "Smoke alarm" }, action: "notify", sourceRef: null, assumption: { zh: "默认" } }],
      attachWindowMinutes: { value: 60, sourceRef: null, assumption: { zh: "默认" } },
      heartbeatSilenceMinutes: { value: 1440, sourceRef: "songjiang 六(三)", text: "发挥消防物联感知、监测、分析等设备系统效能", assumption: { zh: "24 小时" } },
    },
  },
};

const town: JurisdictionNode = { nodeId: "n-town", parentId: admin.scopeNodeId, path: `${admin.scopePath}/n-town`, level: "town", name: "泗泾镇", status: "active" };

const device = (over: Partial<IotDevice> = {}): IotDevice => ({
  deviceId: "SJ-0001",
  name: "一楼烟感",
  type: "smoke_detector",
  typeName: { zh: "独立式烟感探测器", en: "Smoke detector" },
  nodeId: town.nodeId,
  lat: 31.03,
  lng: 121.22,
  status: "active",
  ownKey: true,
  registeredAt: "2026-11-20T02:00:00.000Z",
  lastSeenAt: "2026-12-01T02:00:00.000Z",
  alarms: 12,
  falseAlarms: 3,
  connection: { state: "online", since: "2026-12-01T02:00:00.000Z", silenceMinutes: 1440 },
  ...over,
});

const offline = device({
  deviceId: "SJ-0002",
  name: "水泵房水压",
  type: "water_pressure_sensor",
  typeName: { zh: "消防水压传感器", en: "Water pressure sensor" },
  alarms: 0,
  falseAlarms: 0,
  lastSeenAt: undefined,
  connection: { state: "offline", since: "2026-11-20T02:00:00.000Z", offlineAt: "2026-11-21T02:00:00.000Z", silenceMinutes: 1440, basis: { rule: "iot.heartbeatSilenceMinutes", sourceRef: "songjiang 六(三)", text: "发挥消防物联感知" } },
});

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "songjiang-demo", username: "admin", password: "Fire-safe-2026" });
}

afterEach(() => resetSession());

describe("物联网设备 (对接与推送)", () => {
  it("songjiang 六(三): lists each device with online/offline (citing the heartbeat rule), last heard, alarms and false alarms", async () => {
    await signInAsAdmin();
    fakeApi({
      "GET /v1/iot/devices": () => json(200, { items: [device(), offline] }),
      "GET /v1/profile": () => json(200, withIot),
      "GET /v1/nodes": () => json(200, { items: [town], cursor: null }),
    });
    renderAt("/iot", () => <Route path="/iot" component={IotDevicesPage} />);
    const table = await screen.findByTestId("iot-devices");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent))).toEqual([
      ["独立式烟感探测器", "在线", "2026年12月1日", "12", "3"],
      ["消防水压传感器", "离线依据：songjiang 六(三)", "从未", "0", "0"],
    ]);
    expect(within(rows[0]!).getByRole("rowheader").textContent).toContain("一楼烟感");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("物联网设备");
  });

  it("registers a device and shows its key's secret once; a field error names the field", async () => {
    await signInAsAdmin();
    let listed: IotDevice[] = [];
    const api = fakeApi({
      "GET /v1/iot/devices": () => json(200, { items: listed }),
      "GET /v1/profile": () => json(200, withIot),
      "GET /v1/nodes": () => json(200, { items: [town], cursor: null }),
      "POST /v1/iot/devices": async (call) => {
        const body = call.body as { deviceId: string };
        if (body.deviceId === "BAD") return problem(400, "request.invalid", "设备编号须为 1–64 位字母、数字或 . _ : -", [{ path: "body.deviceId", code: "validation.invalid_format", message: "设备编号须为 1–64 位字母、数字或 . _ : -" }], "/v1/iot/devices");
        listed = [device({ deviceId: body.deviceId, name: undefined })];
        return json(201, { device: listed[0], key: { keyId: "songjiang-demo.0123456789abcdef0123", secret: "s3cr3t-shown-once-ABCDEFGHIJKLMNOPQRSTUVWXYZ", deviceId: body.deviceId } });
      },
    });
    renderAt("/iot", () => <Route path="/iot" component={IotDevicesPage} />);
    await screen.findByText("登记设备");
    await screen.findByRole("option", { name: "独立式烟感探测器" });
    await screen.findByRole("option", { name: "泗泾镇" });
    const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label, { exact: false }), { target: { value } });
    fill("设备编号", "BAD");
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "smoke_detector" } });
    fireEvent.change(screen.getByLabelText("所在辖区"), { target: { value: town.nodeId } });
    fill("纬度", "31.03");
    fill("经度", "121.22");
    fireEvent.click(screen.getByRole("button", { name: "登记" }));
    expect((await screen.findAllByText("设备编号须为 1–64 位字母、数字或 . _ : -")).length).toBeGreaterThan(0);
    expect(screen.queryByTestId("iot-secret")).toBeNull();

    fill("设备编号", "SJ-0100");
    fireEvent.click(screen.getByRole("button", { name: "登记" }));
    const secret = await screen.findByTestId("iot-secret");
    expect(within(secret).getByText("s3cr3t-shown-once-ABCDEFGHIJKLMNOPQRSTUVWXYZ")).toBeTruthy();
    const [, sent] = api.calls("POST /v1/iot/devices");
    expect(sent!.body).toEqual({ deviceId: "SJ-0100", type: "smoke_detector", nodeId: town.nodeId, lat: 31.03, lng: 121.22 });
    expect(await screen.findByText("SJ-0100")).toBeTruthy();
    fireEvent.click(within(secret).getByRole("button", { name: "我已保存" }));
    expect(screen.queryByTestId("iot-secret")).toBeNull();
    expect(screen.queryByText("s3cr3t-shown-once-ABCDEFGHIJKLMNOPQRSTUVWXYZ")).toBeNull();
  });
});
