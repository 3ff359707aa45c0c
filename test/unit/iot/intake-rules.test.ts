import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Iot } from "@firegov/core";
import { getPreset } from "@firegov/profiles";

// The pure rules of the IoT intake: what a signature is, which key ids name
// which county, when an alarm attaches, when a device is offline.

describe("IoT signatures and key ids", () => {
  it("signs hex HMAC-SHA256 over `${timestamp}\\n${rawBody}`, as an integrator computes it", () => {
    const raw = JSON.stringify({ deviceId: "SJ-1", alarmType: "smoke", occurredAt: "2026-12-07T01:00:00Z" });
    expect(Iot.sign("secret", "1796605200", raw)).toBe(createHmac("sha256", "secret").update(`1796605200\n${raw}`).digest("hex"));
    expect(Iot.sign("secret", "1796605200", raw)).not.toBe(Iot.sign("secret", "1796605201", raw));
  });

  it("a key id names its county; anything else names none", () => {
    const { keyId, secret } = Iot.newKey("sj-demo");
    expect(Iot.tenantOfKeyId(keyId)).toBe("sj-demo");
    expect(secret.length).toBeGreaterThanOrEqual(43);
    for (const bad of [undefined, "", "sj-demo", "SJ.0123456789abcdef01", "sj-demo.short", "sj-demo.0123456789abcdef01/x", "T#sj.0123456789abcdef01"]) expect(Iot.tenantOfKeyId(bad)).toBeUndefined();
  });
});

describe("songjiang 六(三): alarm episodes and heartbeats under the profile's windows", () => {
  const iot = getPreset("songjiang")!.iot!;
  const at = (iso: string) => new Date(iso);

  it("songjiang 六(三): a repeat of the same type within the attach window attaches; another type, or past the window, does not", () => {
    const open = { episodeId: "e1", alarmType: "ebike_in_lift", hazardId: "h1", lastAt: "2026-12-07T01:00:00.000Z" };
    const window = iot.attachWindowMinutes.value;
    expect(window).toBe(60);
    expect(Iot.attachTo(open, "ebike_in_lift", at("2026-12-07T02:00:00.000Z"), window)).toBe(open);
    expect(Iot.attachTo(open, "ebike_in_lift", at("2026-12-07T02:00:01.000Z"), window)).toBeUndefined();
    expect(Iot.attachTo(open, "illegal_lodging", at("2026-12-07T01:10:00.000Z"), window)).toBeUndefined();
    expect(Iot.attachTo(undefined, "ebike_in_lift", at("2026-12-07T01:10:00.000Z"), window)).toBeUndefined();
  });

  it("songjiang 六(三): a device silent past the heartbeat window is offline, citing the rule; retired devices are never offline", () => {
    const profile = getPreset("songjiang")!;
    const d = { status: "active" as const, registeredAt: "2026-12-01T00:00:00.000Z", lastSeenAt: "2026-12-06T00:00:00.000Z" };
    expect(Iot.deviceStatus(d, profile, at("2026-12-06T23:59:00.000Z")).state).toBe("online");
    const offline = Iot.deviceStatus(d, profile, at("2026-12-07T00:01:00.000Z"));
    expect(offline).toMatchObject({ state: "offline", offlineAt: "2026-12-07T00:00:00.000Z", basis: { rule: "iot.heartbeatSilenceMinutes", sourceRef: "songjiang 六(三)" } });
    expect(Iot.deviceStatus({ ...d, lastSeenAt: undefined }, profile, at("2026-12-03T00:00:00.000Z")).state).toBe("offline");
    expect(Iot.deviceStatus({ ...d, status: "retired" }, profile, at("2027-01-01T00:00:00.000Z")).state).toBe("retired");
    const { iot: _none, ...withoutIot } = profile;
    expect(Iot.deviceStatus(d, withoutIot as typeof profile, at("2027-01-01T00:00:00.000Z")).state).toBe("unknown");
  });

  it("songjiang 六(三): the preset's alarm types each raise a coded hazard or only notify, the clause quoted or the default marked", () => {
    expect(iot.alarmTypes.map((t) => [t.id, t.action, t.hazardCode ?? null])).toEqual([
      ["ebike_in_lift", "hazard", "ebike_charging"],
      ["indoor_battery_charging", "hazard", "ebike_charging"],
      ["illegal_lodging", "hazard", "illegal_lodging"],
      ["electrical_fault", "hazard", "unsafe_fire_electricity"],
      ["low_water_pressure", "hazard", "equipment_faulty"],
      ["smoke", "notify", null],
    ]);
    for (const t of iot.alarmTypes) expect(t.sourceRef === null ? Boolean(t.assumption) : Boolean(t.text)).toBe(true);
  });
});
