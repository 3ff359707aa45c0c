import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json } from "./hazards-fixtures.ts";

const app = testApp(testDb());

async function ok(call: Promise<{ status: number; body: Json }>, status = 200): Promise<Json> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

describe("escalation and listed supervision", () => {
  it("lists a hazard raised a second time at the same venue within 180 days at the town level, by itself", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const at = { venueId: "venue-1", code: "ebike_charging" };
    const first = await ok(town.api.create(report(w, w.at.village!, at)), 201);
    await ok(town.api.act(first.hazardId, { action: "register" }));
    const second = await ok(town.api.create(report(w, w.at.village!, at)), 201);
    expect(second.occurrences).toHaveLength(2);
    const registered = await ok(town.api.act(second.hazardId, { action: "register" }));
    expect(registered.listings).toMatchObject([{ levelId: "town", level: "town", listedBy: "town_government", trigger: "recurring", by: "system" }]);
    const { body: timeline } = await town.api.timeline(second.hazardId);
    expect(timeline.events.at(-1)).toMatchObject({ action: "listed", basis: { rule: "recurring", sourceRef: "songjiang 六(二)2", assumption: { zh: expect.stringContaining("180") } } });
    const listed = await town.api.get(`/v1/hazards/listed?path=${encodeURIComponent(w.at.town!.path)}`);
    expect(listed.body.items.map((h: Json) => h.hazardId)).toEqual([second.hazardId]);
    // Another code at the same venue is no recurrence.
    const other = await ok(town.api.create(report(w, w.at.village!, { venueId: "venue-1", code: "fireworks" })), 201);
    expect((await ok(town.api.act(other.hazardId, { action: "register" }))).listings).toEqual([]);
  });

  it("reopens a hazard found again within the reopen window, and lists it as recurring", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const at = { venueId: "shop-9", code: "escape_route_blocked" };
    const first = await ok(town.api.create(report(w, w.at.village!, at)), 201);
    for (const action of ["register", "dispatch", "start", "submit", "close"]) await ok(town.api.act(first.hazardId, { action }));
    const again = await ok(w.users["officer@grid"]!.api.create(report(w, w.at.grid!, { ...at, description: "通道又被堵" })), 200);
    expect(again).toMatchObject({ hazardId: first.hazardId, reopened: true, state: "rectifying", reopenCount: 1 });
    expect(again.listings).toMatchObject([{ levelId: "town", trigger: "recurring" }]);
    const { body } = await town.api.timeline(first.hazardId);
    expect(body.events.slice(-2).map((e: Json) => e.action)).toEqual(["reopen", "listed"]);
    expect(body.events.at(-2)).toMatchObject({ from: "closed", to: "rectifying", note: "通道又被堵", details: { foundAgain: true } });
  });

  it("lists a major hazard at the district level on the county committee's decision, and delists it with a reason", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const county = w.users.admin!;
    const id = (await ok(town.api.create(report(w, w.at.village!, { severity: "major" })), 201)).hazardId;
    const registered = await ok(town.api.act(id, { action: "register" }));
    expect(registered.reports).toMatchObject([{ action: "request_listing", to: "county_committee" }]);

    // The town cannot list at the district level; the county can, stating what it decides and why.
    expect((await town.api.act(id, { action: "list", level: "district", criteria: ["整改难度大"], reason: "涉及多个部门" })).status).toBe(403);
    const missing = await county.api.act(id, { action: "list", level: "district", reason: "整改周期长" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe("body.criteria");
    const listed = await ok(county.api.act(id, { action: "list", level: "district", criteria: ["整改难度大", "资金投入大"], reason: "需区政府协调资金" }));
    expect(listed.listings).toMatchObject([{ levelId: "district", level: "county", listedBy: "county_government", via: "county_committee", trigger: "major_and_hard", reason: "需区政府协调资金", by: county.userId }]);
    expect(listed.decisions).toMatchObject([{ by: "county_committee", criteria: ["整改难度大", "资金投入大"] }]);
    expect((await county.api.act(id, { action: "list", level: "district", criteria: ["整改难度大"], reason: "再挂" })).status).toBe(409);

    const delisted = await ok(county.api.act(id, { action: "delist", level: "district", reason: "已协调到位" }));
    expect(delisted.listings).toEqual([]);
    const { body } = await county.api.timeline(id);
    expect(body.events.slice(-2).map((e: Json) => [e.action, e.note])).toEqual([
      ["list", "需区政府协调资金"],
      ["delist", "已协调到位"],
    ]);
  });

  it("refuses a listing whose conditions do not hold, naming each one", async () => {
    const w = await world(app, "songjiang");
    const id = (await ok(w.users["officer@town"]!.api.create(report(w, w.at.village!)), 201)).hazardId;
    await ok(w.users["officer@town"]!.api.act(id, { action: "register" }));
    const res = await w.users.admin!.api.act(id, { action: "list", level: "district", criteria: ["整改难度大"], reason: "试图挂牌" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("hazard.listing_not_triggered");
    expect(res.body.errors).toEqual([{ path: "triggers.major_and_hard", code: "hazard.condition_unmet", message: "隐患等级为重大火灾隐患" }]);
  });

  it("lets the town list a hard-to-fix hazard on its own decision", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const id = (await ok(town.api.create(report(w, w.at.village!)), 201)).hazardId;
    await ok(town.api.act(id, { action: "register" }));
    const listed = await ok(town.api.act(id, { action: "list", level: "town", trigger: "hard_to_fix", reason: "多次督促未整改" }));
    expect(listed.listings).toMatchObject([{ levelId: "town", trigger: "hard_to_fix", nodeId: w.at.town!.nodeId }]);
  });

  it("hands a multi-department hazard to the town committee for joint enforcement", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const id = (await ok(town.api.create(report(w, w.at.village!)), 201)).hazardId;
    await ok(town.api.act(id, { action: "register" }));
    const assessed = await ok(town.api.act(id, { action: "assess", departments: ["market", "housing"] }));
    expect(assessed.handling).toEqual({ body: "town_committee", level: "town" });
    expect(assessed.reports).toMatchObject([{ action: "joint_enforcement", to: "town_committee" }]);
  });

  it("escalates a zezhou grid hazard to the township station by hand, after which the grid no longer handles it", async () => {
    const w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    const town = w.users["officer@town"]!;
    const id = (await ok(grid.api.create(report(w, w.at.grid!)), 201)).hazardId;
    await ok(grid.api.act(id, { action: "register" }));
    expect((await grid.api.act(id, { action: "escalate", to: "grid", reason: "x" })).status).toBe(400);
    const escalated = await ok(grid.api.act(id, { action: "escalate", to: "town_office", reason: "网格内无法解决" }));
    expect(escalated.handling).toEqual({ body: "town_office", level: "town" });
    expect((await grid.api.act(id, { action: "dispatch" })).status).toBe(403);
    await ok(town.api.act(id, { action: "dispatch" }));
  });
});
