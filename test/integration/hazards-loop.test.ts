import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json, type World } from "./hazards-fixtures.ts";

const app = testApp(testDb());

/** Asserts a step succeeded and returns the hazard after it. */
async function step(call: Promise<{ status: number; body: Json }>, status = 200): Promise<Json> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

async function actions(w: World, hazardId: string): Promise<string[]> {
  const { body } = await w.users.admin!.api.timeline(hazardId);
  return body.events.map((e: Json) => e.action);
}

describe("the closed loop, county by county", () => {
  it("songjiang 六(二)1: a general hazard goes 发现 → 立案 → 派遣 → 处置 → 核查 → 结案, handled by the town office", async () => {
    const w = await world(app, "songjiang");
    const grid = w.users["officer@grid"]!;
    const town = w.users["officer@town"]!;
    const created = await step(grid.api.create(report(w, w.at.grid!)), 201);
    expect(created).toMatchObject({ state: "discovered", severity: "general", handling: { body: "town_office", level: "town" }, source: "grid_patrol", reopened: false });
    // 15 days by default, ending at the end of a Shanghai day (16:00 UTC is 24:00 in UTC+8).
    expect(created.deadline).toMatch(/T15:59:59\.999Z$/);
    const id = created.hazardId;

    // The grid worker found it but does not register it: the town office does.
    expect((await grid.api.act(id, { action: "register" })).status).toBe(403);
    await step(town.api.act(id, { action: "register" }));
    await step(town.api.act(id, { action: "dispatch", assigneeId: grid.userId, responsibleParty: { name: "某小区物业" } }));
    await step(grid.api.act(id, { action: "start" }));
    await step(grid.api.act(id, { action: "submit", photos: [`t/${w.tenantId}/hazards/test/after.jpg`], note: "已清理" }));
    const closed = await step(town.api.act(id, { action: "close" }));
    expect(closed).toMatchObject({ state: "closed", assigneeId: grid.userId });
    expect(await actions(w, id)).toEqual(["create", "register", "dispatch", "start", "submit", "close"]);

    const { body: timeline } = await town.api.timeline(id);
    expect(timeline.events.map((e: Json) => [e.from, e.to])).toEqual([
      ["discovered", "discovered"],
      ["discovered", "registered"],
      ["registered", "dispatched"],
      ["dispatched", "rectifying"],
      ["rectifying", "verifying"],
      ["verifying", "closed"],
    ]);
    expect(timeline.events[4]).toMatchObject({ actorId: grid.userId, note: "已清理", photos: [`t/${w.tenantId}/hazards/test/after.jpg`] });

    // A long timeline pages on: the hazard comes with the first page only.
    const first = (await town.api.get(`/v1/hazards/${id}?limit=4`)).body;
    expect([first.hazard.state, first.events.length, typeof first.cursor]).toEqual(["closed", 4, "string"]);
    const rest = (await town.api.get(`/v1/hazards/${id}?limit=4&cursor=${first.cursor}`)).body;
    expect(rest.hazard).toBeUndefined();
    expect(rest.events.map((e: Json) => e.seq)).toEqual([5, 6]);
    expect((await w.users["officer@otherTown"]!.api.get(`/v1/hazards/${id}?limit=4&cursor=${first.cursor}`)).status).toBe(403);
  });

  it("zezhou 三(七): a general hazard stays inside the grid — registered, dispatched and verified by the grid, not the town", async () => {
    const w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    const town = w.users["officer@town"]!;
    const created = await step(grid.api.create(report(w, w.at.grid!)), 201);
    expect(created.handling).toEqual({ body: "grid", level: "grid" });
    const id = created.hazardId;
    const refused = await town.api.act(id, { action: "register" });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("hazard.not_handler");
    await step(grid.api.act(id, { action: "register" }));
    expect((await town.api.act(id, { action: "dispatch", assigneeId: town.userId })).status).toBe(403);
    await step(grid.api.act(id, { action: "dispatch" }));
    await step(grid.api.act(id, { action: "start" }));
    await step(grid.api.act(id, { action: "submit" }));
    expect((await town.api.act(id, { action: "close" })).status).toBe(403);
    expect((await step(grid.api.act(id, { action: "close" }))).state).toBe("closed");
  });

  it("zezhou: a general hazard fixed on the spot goes 发现 → 核查 → 结案", async () => {
    const w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    const id = (await step(grid.api.create(report(w, w.at.grid!)), 201)).hazardId;
    await step(grid.api.act(id, { action: "fix_on_spot", photos: [`t/${w.tenantId}/hazards/test/fixed.jpg`] }));
    await step(grid.api.act(id, { action: "close" }));
    expect(await actions(w, id)).toEqual(["create", "fix_on_spot", "close"]);
  });

  it("zezhou: a general hazard cannot be reported at the town above its grid", async () => {
    const w = await world(app, "zezhou");
    const res = await w.users["officer@town"]!.api.create(report(w, w.at.town!));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path)).toEqual(["body.nodeId"]);
  });

  it("yancheng (十二): a major hazard is reported to the industry department of its venue's kind, which acknowledges (报到) and handles it", async () => {
    const w = await world(app, "yancheng");
    const town = w.users["officer@town"]!;
    const liaison = w.users["liaison@county"]!;
    const site = (await step(w.users.admin!.api.call("POST", "/v1/venues", { name: "在建工地", nodeId: w.at.village!.nodeId, kinds: ["construction_site"] }), 201)).venueId;
    const created = await step(town.api.create(report(w, w.at.village!, { severity: "major", venueId: site })), 201);
    expect(created.handling).toEqual({ body: "county_housing", level: "county" });
    const id = created.hazardId;
    // 镇街吹哨: the town registers it, and the profile's rule reports it to the department.
    expect((await w.users["officer@village"]!.api.act(id, { action: "register" })).status).toBe(403);
    const registered = await step(town.api.act(id, { action: "register" }));
    expect(registered.pendingAcks).toMatchObject([{ body: "county_housing", late: false, basis: { rule: "report_to_industry", sourceRef: "yancheng (十二)" } }]);

    const awaiting = await liaison.api.get(`/v1/hazards/awaiting-ack?bodyId=county_housing`);
    expect(awaiting.body.items.map((h: Json) => h.hazardId)).toContain(id);
    expect((await town.api.act(id, { action: "acknowledge" })).status).toBe(403);
    const acknowledged = await step(liaison.api.act(id, { action: "acknowledge" }));
    expect(acknowledged.pendingAcks).toEqual([]);
    expect(acknowledged.acks).toMatchObject([{ body: "county_housing", by: liaison.userId }]);
    expect((await liaison.api.get(`/v1/hazards/awaiting-ack?bodyId=county_housing`)).body.items.map((h: Json) => h.hazardId)).not.toContain(id);

    await step(liaison.api.act(id, { action: "dispatch", assigneeId: town.userId }));
    await step(town.api.act(id, { action: "start" }));
    await step(town.api.act(id, { action: "submit" }));
    expect((await step(liaison.api.act(id, { action: "close" }))).state).toBe("closed");
    expect(await actions(w, id)).toEqual(["create", "register", "escalated", "acknowledge", "dispatch", "start", "submit", "close"]);
  });

  it("qidong 二(四)/二(五): a major hazard found by the grid is copied to the command centre, handed to the town, reported to the brigade and put under key supervision", async () => {
    const w = await world(app, "qidong");
    const grid = w.users["officer@grid"]!;
    const liaison = w.users["liaison@county"]!;
    const town = w.users["officer@town"]!;
    const id = (await step(grid.api.create(report(w, w.at.grid!, { severity: "major" })), 201)).hazardId;
    const registered = await step(town.api.act(id, { action: "register" }));
    expect(registered.reports.map((r: Json) => [r.action, r.to, r.copy])).toEqual([
      ["report", "county_brigade", false],
      ["report", "command_centre", true],
      ["hand_over", "town_office", false],
    ]);
    expect(registered.handling).toEqual({ body: "town_office", level: "town" });
    expect(registered.listings).toMatchObject([{ levelId: "city_key_supervision", listedBy: "county_brigade", trigger: "major_industry_hazard", by: "system" }]);
    expect(registered.pendingAcks.map((p: Json) => p.body)).toEqual(["county_brigade"]);
    await step(liaison.api.act(id, { action: "acknowledge" }));
    await step(town.api.act(id, { action: "dispatch" }));
    await step(town.api.act(id, { action: "start" }));
    await step(town.api.act(id, { action: "submit" }));
    const closed = await step(town.api.act(id, { action: "close" }));
    expect(closed.listings).toEqual([]);
    expect(await actions(w, id)).toEqual(["create", "register", "escalated", "escalated", "escalated", "listed", "acknowledge", "dispatch", "start", "submit", "close", "delisted"]);
  });

  it("lianyungang 三(二): a general hazard is handled by the town's fire work station", async () => {
    const w = await world(app, "lianyungang");
    const town = w.users["officer@town"]!;
    const id = (await step(w.users["officer@village"]!.api.create(report(w, w.at.village!)), 201)).hazardId;
    for (const action of ["register", "dispatch", "start", "submit", "close"]) await step(town.api.act(id, { action }));
    expect((await town.api.timeline(id)).body.hazard.state).toBe("closed");
  });

  it("a failed verification sends the hazard back to rectifying with a new deadline", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const created = await step(town.api.create(report(w, w.at.village!)), 201);
    const id = created.hazardId;
    for (const action of ["register", "dispatch", "start", "submit"]) await step(town.api.act(id, { action }));
    const rejected = await step(town.api.act(id, { action: "reject", reason: "通道仍有杂物", deadline: "2099-12-31" }));
    expect(rejected).toMatchObject({ state: "rectifying", deadline: "2099-12-31T15:59:59.999Z", overdue: false });
    const { body } = await town.api.timeline(id);
    expect(body.events.at(-1)).toMatchObject({ action: "reject", from: "verifying", to: "rectifying", note: "通道仍有杂物", deadlineBefore: created.deadline, deadlineAfter: "2099-12-31T15:59:59.999Z" });
    const again = await step(town.api.act(id, { action: "submit" }));
    expect(again.state).toBe("verifying");
    const defaultDeadline = await step(town.api.act(id, { action: "reject", reason: "仍未整改" }));
    expect(defaultDeadline.deadline).toMatch(/T15:59:59\.999Z$/);
    expect(defaultDeadline.deadline < "2099-12-31").toBe(true);
  });
});
