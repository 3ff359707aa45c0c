import { beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { Hazards, tenantDb, withActor, withRequest, type Actor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { partition } from "./hazards-fixtures.ts";
import { county, type Json } from "./venues-fixtures.ts";

// Fire incidents (火灾事故): an incident at a venue shows the venue's past
// year of inspections and hazards (qidong 四(十二), lianyungang 四(三),
// zezhou 四(三): a fire after failed duties is reviewed first by what the
// venue's record was), the nearest forces (zezhou 三(六) 火警派警), and the
// town's annual assessment counts it (songjiang 七(一)).

const app = testApp(testDb());
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
type County = Awaited<ReturnType<typeof county>>;
type Card = { nodeId: string; indicators: { indicatorId: string; method: string; score: number | null; evidence?: { zh: string }; link?: Json }[] };

/**
 * A hazard at the town's venue, reported by the town's officer (walked to closed when asked), then its
 * row in the venue's list dated `daysBack` earlier, as if reported then: the profile a tenant signed up
 * with is not in effect before the signup, so a report cannot be made in the past through the use case.
 */
async function hazardAt(c: County, venueId: string, code: string, daysBack: number, close = false): Promise<string> {
  const officer: Actor = { type: "user", tenantId: c.tenantId, userId: `officer-${c.town.nodeId}`, role: "town_officer", scopeNodeId: c.town.nodeId, scopePath: c.town.path, sessionId: "incidents" };
  const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: `incidents-${code}` }, () => withActor(officer, fn));
  const created = await as(() => Hazards.createHazard({ nodeId: c.town.nodeId, venueId, code, severity: "general", description: `${code} 隐患`, source: "inspection" }));
  if (close) for (const action of ["register", "dispatch", "start", "submit", "close"] as const) await as(() => Hazards.actOnHazard({ action }, created.hazardId));
  if (daysBack > 0) {
    await withActor({ type: "system", tenantId: c.tenantId, job: "incidents-test" }, async () => {
      const { hazardEntry } = tenantDb().service.entities;
      const { data } = await hazardEntry.query.byList({ tenantId: c.tenantId, list: `venue:${venueId}` }).go({ pages: "all" });
      const row = data.find((r) => r.hazardId === created.hazardId)!;
      const back = (iso: string) => new Date(Date.parse(iso) - daysBack * DAY).toISOString();
      const summary: Json = { ...(row.summary as Json), createdAt: back(row.summary.createdAt), deadline: back(row.summary.deadline) };
      if (!close) summary.updatedAt = back(row.summary.updatedAt);
      await hazardEntry.delete({ tenantId: c.tenantId, list: row.list, order: row.order }).go();
      await hazardEntry.put({ tenantId: c.tenantId, list: row.list, order: `${summary.createdAt}#${created.hazardId}`, hazardId: created.hazardId, path: row.path, summary }).go();
    });
  }
  return created.hazardId;
}

const brigade = (c: County, name: string, extra: Json) => expectStatus<Json>(c.admin.client.post(`/v1/nodes/${c.town.nodeId}/brigades`, { name, force: "full_time_brigade", ...extra }), 201);
const townCard = async (c: County) => {
  const sheet = await expectStatus<{ cards: Card[] }>(c.admin.client.get("/v1/assessment/schemes/town_annual/scorecards"), 200);
  return sheet.cards.find((x) => x.nodeId === c.town.nodeId)!.indicators.find((i) => i.indicatorId === "incident_handling")!;
};

describe("a fire incident at a venue (songjiang)", () => {
  let c: County;
  let venue: Json;
  const h: Record<string, string> = {};
  const b = {} as Record<"near" | "far" | "mid" | "unplaced" | "micro", Json>;
  let before: Card["indicators"][number];
  let incident: Json;

  beforeAll(async () => {
    c = await county(app);
    venue = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "沿街商铺甲", nodeId: c.town.nodeId, kinds: ["street_shop"], address: "甲镇人民路1号", lat: 31.0, lng: 121.2 }), 201);
    // The venue's record: one hazard 14 months back (outside the year), one 6 months back still open (overdue),
    // one 3 months back closed only now (late), one reported yesterday (in time), and one found after the fire (not its record).
    h.old = await hazardAt(c, venue.venueId, "ebike_charging", 425);
    h.overdue = await hazardAt(c, venue.venueId, "escape_route_blocked", 180);
    h.late = await hazardAt(c, venue.venueId, "combustible_storage", 90, true);
    h.fresh = await hazardAt(c, venue.venueId, "three_in_one", 1);
    h.after = await hazardAt(c, venue.venueId, "lpg_misuse", 0);
    // Forces at ~1 km, ~5 km and ~20 km north of the venue, one with no position, and a micro station at the venue.
    b.near = await brigade(c, "甲镇专职消防队", { lat: 31.009, lng: 121.2 });
    b.far = await brigade(c, "县消防救援站", { lat: 31.18, lng: 121.2 });
    b.mid = await brigade(c, "乙镇专职消防队", { lat: 31.045, lng: 121.2 });
    b.unplaced = await brigade(c, "志愿消防队", { force: "volunteer_team" });
    b.micro = await brigade(c, "沿街商铺微型消防站", { force: "micro_station", lat: 31.0, lng: 121.2001 });
    before = await townCard(c);
    // The fire broke out an hour before the last hazard was reported (and before the incident is recorded).
    const fire = ago(0.05);
    incident = await expectStatus<Json>(
      c.admin.client.post("/v1/incidents", {
        occurredAt: fire.toISOString(),
        venueId: venue.venueId,
        cause: "electrical",
        description: "店内电动自行车充电起火",
        directLoss: 52000,
        injuries: 1,
        forces: [{ brigadeId: b.near.brigadeId, dispatchedAt: new Date(fire.getTime() + 60_000).toISOString(), arrivedAt: new Date(fire.getTime() + 9 * 60_000).toISOString() }],
        earlyFireSave: { brigadeId: b.micro.brigadeId },
      }),
      201,
    );
  }, 120_000);

  it("records it at the venue: its node, location and address from the venue, the cause named from the profile, the force's response time", () => {
    expect(incident).toMatchObject({
      nodeId: c.town.nodeId,
      path: c.town.path,
      venueId: venue.venueId,
      venueName: "沿街商铺甲",
      lat: 31.0,
      lng: 121.2,
      address: "甲镇人民路1号",
      cause: "electrical",
      causeName: { zh: "电气火灾", en: "Electrical" },
      directLoss: 52000,
      deaths: 0,
      injuries: 1,
      status: "reported",
      version: 1,
      earlyFireSave: { brigadeId: b.micro.brigadeId, name: "沿街商铺微型消防站" },
    });
    expect(incident.forces).toEqual([expect.objectContaining({ brigadeId: b.near.brigadeId, name: "甲镇专职消防队", force: "full_time_brigade", responseMinutes: 8 })]);
  });

  it("qidong 四(十二)/lianyungang 四(三)/zezhou 四(三): its page shows the venue's past-year hazards, which were overdue, still are, or closed late, and leaves out older ones", async () => {
    const detail = await expectStatus<Json>(c.admin.client.get(`/v1/incidents/${incident.incidentId}`), 200);
    const review = detail.review;
    expect(review).toMatchObject({ venueId: venue.venueId, windowMonths: 12, windowRule: { sourceRef: null } });
    const byId = new Map<string, Json>(review.hazards.map((x: Json) => [x.hazardId, x]));
    expect([...byId.keys()].sort()).toEqual([h.overdue, h.late, h.fresh].sort());
    expect(byId.has(h.old!)).toBe(false);
    expect(byId.has(h.after!)).toBe(false);
    expect(byId.get(h.overdue!)).toMatchObject({ state: "discovered", overdue: true, overdueNow: true, closedLate: false, openAtIncident: true });
    expect(byId.get(h.late!)).toMatchObject({ state: "closed", overdue: true, overdueNow: false, closedLate: true });
    expect(byId.get(h.fresh!)).toMatchObject({ overdue: false, overdueNow: false, closedLate: false });
    expect(review.totals).toMatchObject({ hazards: 3, overdue: 2, overdueNow: 1, closedLate: 1 });
    expect(review.since.slice(0, 7)).toBe(new Date(Date.UTC(new Date(incident.occurredAt).getUTCFullYear() - 1, new Date(incident.occurredAt).getUTCMonth(), 1)).toISOString().slice(0, 7));
    // songjiang's accountability clause (七(三): towns where fires are frequent are summoned) is cited on the page.
    expect(review.accountability).toEqual([expect.objectContaining({ id: "frequent_fires_talk", sourceRef: "songjiang 七(三)" })]);
  });

  it("zezhou 三(六): the nearest forces come sorted by straight-line distance, the unplaced one counted apart", async () => {
    const detail = await expectStatus<Json>(c.admin.client.get(`/v1/incidents/${incident.incidentId}`), 200);
    const forces = detail.nearestForces;
    expect(forces.from).toEqual({ lat: 31.0, lng: 121.2 });
    expect(forces.items.map((f: Json) => f.brigadeId)).toEqual([b.micro.brigadeId, b.near.brigadeId, b.mid.brigadeId, b.far.brigadeId]);
    const km = forces.items.map((f: Json) => f.distanceKm);
    expect(km).toEqual([...km].sort((x: number, y: number) => x - y));
    expect(km[1]).toBeCloseTo(1.0, 1);
    expect(km[3]).toBeCloseTo(20.0, 0);
    expect(forces.withoutPosition).toBe(1);
    expect(forces.basis.zh).toContain("直线距离");
    // At the alarm, before any record: the same suggestion from a point.
    const atAlarm = await expectStatus<Json>(c.admin.client.get("/v1/nearest-forces?lat=31.18&lng=121.2"), 200);
    expect(atAlarm.items[0].brigadeId).toBe(b.far.brigadeId);
  });

  it("songjiang 七(一): the town's 火灾事故处置 indicator goes down with one more incident", async () => {
    expect(before).toMatchObject({ method: "incidents", score: 100 });
    const after = await townCard(c);
    expect(after).toMatchObject({ method: "incidents", score: 90, evidence: { zh: "本期辖区火灾事故 1 起，每起扣 10 分" }, link: { kind: "incidents", nodeId: c.town.nodeId, incidentIds: [incident.incidentId] } });
  });

  it("songjiang 七(二): the micro station that put out the early fire is a reward candidate, recorded once", async () => {
    type Candidates = { incentives: { incentiveId: string; from: string; candidates: { nodeId: string; target: Json; source: Json; recorded: boolean }[] }[] };
    const read = async () => (await expectStatus<Candidates>(c.admin.client.get("/v1/assessment/incentives/candidates"), 200)).incentives.find((i) => i.incentiveId === "reward_micro_station_fire")!;
    const fires = await read();
    expect(fires.from).toBe("early_fire_saves");
    expect(fires.candidates).toEqual([expect.objectContaining({ nodeId: c.town.nodeId, target: { type: "unit", name: "沿街商铺微型消防站" }, source: { type: "early_fire_save", incidentId: incident.incidentId }, recorded: false })]);
    const reward = { incentiveId: "reward_micro_station_fire", nodeId: c.town.nodeId, target: fires.candidates[0]!.target, date: new Date().toISOString().slice(0, 10), note: "成功扑救初期火灾", source: fires.candidates[0]!.source };
    const wrongNode = await expectStatus<{ errors: { path: string }[] }>(c.admin.client.post("/v1/assessment/incentives", { ...reward, nodeId: c.village.nodeId }), 400);
    expect(wrongNode.errors.map((e) => e.path)).toEqual(["body.source.incidentId"]);
    await expectStatus(c.admin.client.post("/v1/assessment/incentives", reward), 201);
    expect((await read()).candidates[0]!.recorded).toBe(true);
    await expectStatus(c.admin.client.post("/v1/assessment/incentives", reward), 409);
  });

  it("lists it in the subtree and exports the list as xlsx that reads back", async () => {
    const list = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/incidents?nodeId=${c.town.nodeId}`), 200);
    expect(list.items.map((i) => i.incidentId)).toContain(incident.incidentId);
    const other = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/incidents?nodeId=${c.village.nodeId}`), 200);
    expect(other.items).toEqual([]);
    const res = await c.admin.client.get("/v1/export/incidents");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("incidents-");
    const rows = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(rows[0]).toEqual(["发生时间", "场所", "地址", "起火原因", "直接财产损失（元）", "死亡", "受伤", "出动力量", "首支到场（分钟）", "微型消防站初期扑救", "状态", "事故编号"]);
    const row = rows.find((r) => r[11] === incident.incidentId)!;
    expect(row.slice(1, 11)).toEqual(["沿街商铺甲", "甲镇人民路1号", "电气火灾", 52000, 0, 1, "甲镇专职消防队", 8, "沿街商铺微型消防站", "已报告"]);
  });

  it("refuses bad input naming each field, zh first, and writes nothing", async () => {
    const count = (await partition(`T#${c.tenantId}#AUDIT`)).length;
    const res = await c.admin.client.post("/v1/incidents", {
      occurredAt: ago(1).toISOString(),
      venueId: venue.venueId,
      cause: "meteor",
      forces: [{ brigadeId: b.near.brigadeId, dispatchedAt: ago(0.5).toISOString(), arrivedAt: ago(0.9).toISOString() }, { brigadeId: "no-such-brigade" }],
      earlyFireSave: { brigadeId: b.near.brigadeId },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string; code: string; message: string }[] };
    expect(problem.errors.map((e) => [e.path, e.code])).toEqual([
      ["body.cause", "incident.cause_unknown"],
      ["body.forces[0].arrivedAt", "incident.arrived_before_dispatch"],
      ["body.forces[1].brigadeId", "incident.force_unknown"],
      ["body.earlyFireSave.brigadeId", "incident.not_micro_station"],
    ]);
    expect(problem.errors[0]!.message).toMatch(/^“meteor”不是政策档案中的起火原因分类/);
    const noPlace = await expectStatus<{ errors: { path: string }[] }>(c.admin.client.post("/v1/incidents", { occurredAt: ago(1).toISOString(), cause: "electrical" }), 400);
    expect(noPlace.errors.map((e) => e.path)).toEqual(["body.nodeId"]);
    const future = await expectStatus<{ errors: { path: string }[] }>(c.admin.client.post("/v1/incidents", { occurredAt: new Date(Date.now() + DAY).toISOString(), nodeId: c.village.nodeId, cause: "electrical" }), 400);
    expect(future.errors.map((e) => e.path)).toEqual(["body.occurredAt"]);
    // A dispatch written in Beijing time (+08:00) two hours before the fire: compared as instants, not as text.
    const fire = ago(1);
    const beijing = new Date(fire.getTime() - 2 * 3_600_000 + 8 * 3_600_000).toISOString().replace("Z", "+08:00");
    const early = await expectStatus<{ errors: { path: string; code: string }[] }>(c.admin.client.post("/v1/incidents", { occurredAt: fire.toISOString(), nodeId: c.village.nodeId, cause: "electrical", forces: [{ brigadeId: b.near.brigadeId, dispatchedAt: beijing }] }), 400);
    expect(early.errors.map((e) => [e.path, e.code])).toEqual([["body.forces[0].dispatchedAt", "incident.dispatched_before_fire"]]);
    expect((await partition(`T#${c.tenantId}#AUDIT`)).length).toBe(count);
  });

  it("edits and closes it on the version read (a stale version answers 409), each write audited; a grid worker may not record one, a viewer reads", async () => {
    const stale = await c.admin.client.patch(`/v1/incidents/${incident.incidentId}`, { deaths: 1, version: 99 });
    expect(stale.status).toBe(409);
    const closed = await expectStatus<Json>(c.admin.client.patch(`/v1/incidents/${incident.incidentId}`, { status: "closed", directLoss: 60000, version: 1 }), 200);
    expect(closed).toMatchObject({ status: "closed", directLoss: 60000, version: 2, closedAt: expect.any(String) });
    const audit = (await partition(`T#${c.tenantId}#AUDIT`)).map((i) => i.action?.S);
    expect(audit).toEqual(expect.arrayContaining(["incident.create", "incident.close"]));
    await expectStatus(c.worker1.client.post("/v1/incidents", { occurredAt: ago(1).toISOString(), nodeId: c.grid1.nodeId, cause: "electrical" }), 403);
    await expectStatus(c.viewer.client.get(`/v1/incidents/${incident.incidentId}`), 200);
  });
});

describe("an incident away from any venue (zezhou)", () => {
  it("zezhou 三(六)/四(三): a place by node and location has no venue history, its nearest forces from its own point, and cites the county's clauses", async () => {
    const c = await county(app, "zezhou");
    const town = c.town;
    await expectStatus(c.admin.client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "乡镇专职消防队", force: "full_time_brigade", lat: 35.5, lng: 112.85 }), 201);
    const made = await expectStatus<Json>(c.admin.client.post("/v1/incidents", { occurredAt: ago(0.1).toISOString(), nodeId: c.village.nodeId, lat: 35.52, lng: 112.85, address: "村口麦秸垛", cause: "careless_fire_use" }), 201);
    const detail = await expectStatus<Json>(c.admin.client.get(`/v1/incidents/${made.incidentId}`), 200);
    expect(detail.review).toMatchObject({ venueId: null, hazards: [], inspections: [], accountability: [expect.objectContaining({ sourceRef: "zezhou 四(三)" })] });
    expect(detail.nearestForces).toMatchObject({ sourceRef: "zezhou 三(六)", items: [expect.objectContaining({ name: "乡镇专职消防队" })] });
    expect(detail.nearestForces.items[0].distanceKm).toBeCloseTo(2.2, 1);
  }, 60_000);
});
