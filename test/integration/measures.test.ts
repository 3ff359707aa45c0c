import { describe, expect, it, vi } from "vitest";
import { Inspections, type Profiles } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { withMeasures } from "../support/measures-profile.ts";
import { upload } from "../support/org.ts";
import { ADMIN_PASSWORD, logIn } from "../support/tenants.ts";
import { report, world, type Json } from "./hazards-fixtures.ts";

// Rules that measure (issue 14, Build 4), through the API only: a county adds
// to its preset, in the draft, "高度 ≥ 50 米 → 一级重点单位", a key-unit
// category inspected twice a month, a meeting twice a month and a 4-hour
// acknowledgement window, publishes it, and the product follows.

vi.setConfig({ testTimeout: 240_000 });

const app = testApp(testDb());
const TZ = "Asia/Shanghai";

async function ok(call: Promise<{ status: number; body: Json }>, status = 200): Promise<Json> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());

describe("a county's rules that measure, through the draft and publish API", () => {
  it("classifies venues by height, makes two key-unit tasks a month judged by count, counts a twice-monthly meeting to two, and acknowledges within the profile's hours", async () => {
    const w = await world(app, "yancheng");
    const admin = w.users.admin!.api;
    const town = w.users["officer@town"]!.api;
    const village = w.at.village!;

    // Under the preset: no measures, and an acknowledgement by the end of the next day.
    const refused = await admin.call("POST", "/v1/venues", { name: "高楼", nodeId: village.nodeId, kinds: ["organisation"], measures: { height_m: 60 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "body.measures.height_m", code: "venue.measure_unknown" })]);
    const school = (await ok(admin.call("POST", "/v1/venues", { name: "实验小学", nodeId: village.nodeId, kinds: ["school"] }), 201)).venueId;
    const before = await ok(town.create(report(w, village, { severity: "major", venueId: school })), 201);
    const beforeAck = (await ok(town.act(before.hazardId, { action: "register" }))).pendingAcks[0];
    expect(Date.parse(beforeAck.dueAt) - Date.parse(beforeAck.requestedAt)).toBeGreaterThan(20 * 3_600_000);

    // The admin adds the rules in the draft and publishes.
    const draft = await ok(admin.get("/v1/profile/draft"));
    const profile: Profiles.PolicyProfile = withMeasures(draft.profile, { keyUnitLevel: "level_1", checklistFrom: "fire_safety_check", meetingLevel: "town", acknowledgeHours: 4 });
    await ok(admin.call("PUT", "/v1/profile/draft", { profile, rev: draft.rev }));
    await ok(admin.call("POST", "/v1/profile/publish", { note: "高度≥50米为一级重点单位；重点单位每月检查两次" }), 201);

    // 30 m and 60 m classify differently: the tall one is a level-1 key unit, supervised by the brigade, in the key-unit category.
    const low = await ok(admin.call("POST", "/v1/venues", { name: "多层办公楼", nodeId: village.nodeId, kinds: ["organisation"], measures: { height_m: 30, storeys: 9 } }), 201);
    const tall = await ok(admin.call("POST", "/v1/venues", { name: "高层办公楼", nodeId: village.nodeId, kinds: ["organisation"], measures: { height_m: 60, storeys: 20 } }), 201);
    expect(low).toMatchObject({ measures: { height_m: 30, storeys: 9 }, supervisor: "town_office", categories: ["fire_safety_check"] });
    expect(low.classified).toBeUndefined();
    expect(tall).toMatchObject({ classified: { keyUnitLevel: "level_1", policies: ["tall_building_key_unit"] }, supervisor: "county_brigade", categories: ["fire_safety_check", "key_unit_check"] });
    expect((await admin.call("POST", "/v1/venues", { name: "某楼", nodeId: village.nodeId, kinds: ["organisation"], measures: { depth_m: 3 } })).body.errors).toEqual([
      expect.objectContaining({ path: "body.measures.depth_m", code: "venue.measure_unknown" }),
    ]);
    expect((await admin.call("POST", "/v1/venues", { name: "某楼", nodeId: village.nodeId, kinds: ["organisation"], measures: { height_m: -1 } })).status).toBe(400);

    // Raised to 55 m, the low one is reclassified (its history says so) and joins the category.
    const raised = await ok(admin.call("PATCH", `/v1/venues/${low.venueId}`, { measures: { height_m: 55, storeys: 18 } }));
    expect(raised).toMatchObject({ classified: { keyUnitLevel: "level_1" }, categories: ["fire_safety_check", "key_unit_check"] });
    const history = await ok(admin.get(`/v1/venues/${low.venueId}/history`));
    expect(history.items.at(-1)).toMatchObject({ action: "reclassify", before: { measures: { height_m: 30 } }, after: { measures: { height_m: 55 }, classified: { keyUnitLevel: "level_1" } } });
    await ok(admin.call("PATCH", `/v1/venues/${low.venueId}`, { measures: { height_m: 30, storeys: 9 } }));

    // The ledger import (in another town) reads a column per measure, named by the profile (建筑高度（米）), and names a bad cell's column.
    const csv = ["外部编号,场所名称,所在网格,场所类型,建筑高度（米）", `EXT-T,导入高楼,${w.otherTown.nodeId},organisation,80`, `EXT-L,导入低楼,${w.otherTown.nodeId},organisation,12`, `EXT-B,导入某楼,${w.otherTown.nodeId},organisation,很高`].join("\n");
    const adminToken = (await logIn(app, w.tenantId, "admin", ADMIN_PASSWORD)).body.accessToken;
    const imported = await upload(app, adminToken, "/v1/import/venues?mode=skip_bad_rows", new TextEncoder().encode(csv), "csv");
    const importReport = (await imported.json()) as Json;
    expect(imported.status, JSON.stringify(importReport)).toBe(200);
    expect(importReport).toMatchObject({ created: 2, skipped: 1, errors: [expect.objectContaining({ column: "建筑高度（米）", code: "import.measure_invalid" })] });
    const listed = ((await ok(admin.get(`/v1/venues?nodeId=${w.otherTown.nodeId}&limit=200`))).items as Json[]).filter((v) => v.externalId?.startsWith("EXT-"));
    expect(Object.fromEntries(listed.map((v) => [v.externalId, [v.measures?.height_m, v.classified?.keyUnitLevel ?? null]]))).toEqual({ "EXT-T": [80, "level_1"], "EXT-L": [12, null] });
    const exported = await app.request(`/v1/export/venues?format=csv&nodeId=${w.otherTown.nodeId}`, { headers: { authorization: `Bearer ${adminToken}` } });
    const exportedText = await exported.text();
    expect(exportedText).toContain("建筑高度（米）");
    expect(exportedText.split("\n").find((line) => line.startsWith("EXT-T"))).toContain(",80,");

    // 2 per month: two tasks of the month for the tall venue at once, each with its own key.
    const keyUnitTasks = async (venueId: string) =>
      ((await ok(admin.get(`/v1/inspection-tasks?nodeId=${village.nodeId}&limit=200`))).items as Json[]).filter((t) => t.venueId === venueId && t.category === "key_unit_check");
    const period = Inspections.periodOf({ every: 1, unit: "month" }, new Date(), TZ).key;
    expect((await keyUnitTasks(tall.venueId)).map((t) => t.period).sort()).toEqual([period, `${period}~2`]);
    expect(await keyUnitTasks(low.venueId)).toEqual([]);

    // The daily job of a later month makes that month's two, and run again makes nothing.
    const later = new Date(Date.now() + 40 * 86_400_000);
    const next = Inspections.periodOf({ every: 1, unit: "month" }, later, TZ).key;
    const first = await Inspections.scheduleTenant(w.tenantId, TZ, later);
    const again = await Inspections.scheduleTenant(w.tenantId, TZ, new Date(later.getTime() + 1000));
    expect(first.created).toBeGreaterThanOrEqual(2);
    expect(again.created).toBe(0);
    expect((await keyUnitTasks(tall.venueId)).filter((t) => t.period.startsWith(next)).map((t) => t.period).sort()).toEqual([next, `${next}~2`]);

    // A month with one inspection is unmet, with two met.
    const answers = Inspections.checklistFor(profile, tall.categories).map((e) => ({ category: e.category, itemId: e.itemId, result: "pass" }));
    const coverage = async () => ((await ok(admin.get(`/v1/coverage/nodes/${village.nodeId}`))).items as Json[]).find((r) => r.category === "key_unit_check" && r.period === period);
    await ok(town.call("POST", `/v1/venues/${tall.venueId}/inspections`, { items: answers }), 201);
    expect(await coverage()).toMatchObject({ due: 2, inspected: 1, percent: 50, met: false });
    // The visit settled the first of the month's two; the second stays open.
    expect((await keyUnitTasks(tall.venueId)).filter((t) => t.period.startsWith(period)).map((t) => t.period)).toEqual([`${period}~2`]);
    await ok(town.call("POST", `/v1/venues/${tall.venueId}/inspections`, { items: answers }), 201);
    expect(await coverage()).toMatchObject({ due: 2, inspected: 2, percent: 100, met: true });
    // A third visit counts no further.
    await ok(town.call("POST", `/v1/venues/${tall.venueId}/inspections`, { items: answers }), 201);
    expect(await coverage()).toMatchObject({ due: 2, inspected: 2 });

    // An obligation of 2 a month with one record is unmet; with two, met.
    const meeting = async () => ((await ok(admin.get(`/v1/compliance/nodes/${w.at.town!.nodeId}`))).findings as Json[]).find((f) => f.ruleId === "obligation.twice_monthly_meeting")!;
    await ok(admin.call("POST", `/v1/nodes/${w.at.town!.nodeId}/records`, { kind: "meeting", date: today() }), 201);
    const once = await meeting();
    expect(once.status).not.toBe("met");
    expect(once.evidence.zh).toContain("起 1 次，要求每月至少 2 次");
    await ok(admin.call("POST", `/v1/nodes/${w.at.town!.nodeId}/records`, { kind: "meeting", date: today() }), 201);
    expect((await meeting()).status).toBe("met");

    // The profile's 4-hour window sets the acknowledgement's deadline.
    const after = await ok(town.create(report(w, village, { severity: "major", venueId: school })), 201);
    const ack = (await ok(town.act(after.hazardId, { action: "register" }))).pendingAcks[0];
    expect(ack.body).toBe("county_education");
    expect(Date.parse(ack.dueAt) - Date.parse(ack.requestedAt)).toBe(4 * 3_600_000);
  });
});
