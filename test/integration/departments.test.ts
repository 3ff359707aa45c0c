import { describe, expect, it, vi } from "vitest";
import { tenantDb, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { logIn, USER_PASSWORD } from "../support/tenants.ts";
import { footprint, hazardApi, partition, report, world, type Json, type World } from "./hazards-fixtures.ts";

// Industry departments as real bodies, chosen by the venue's kind (yancheng
// (十二), qidong 二(四)); users bound to the body they act for; the joint
// supervisor of a listing; and the safety evaluation of lianyungang 三(三).

// Each test builds a county with a user per role (password hashing): generous on a shared machine.
vi.setConfig({ testTimeout: 240_000 });

const app = testApp(testDb());
let seq = 0;

async function ok(call: Promise<{ status: number; body: Json }>, status = 200): Promise<Json> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A venue of these kinds at a node, registered by the county's admin. */
async function venue(w: World, node: { nodeId: string }, kinds: string[], name = "场所"): Promise<string> {
  return (await ok(w.users.admin!.api.call("POST", "/v1/venues", { name: `${name}${++seq}`, nodeId: node.nodeId, kinds }), 201)).venueId;
}

/** A department liaison at the county node, bound to a body by the admin, signed in. */
async function liaison(w: World, bodyId: string) {
  const username = `dept${++seq}-${bodyId.replace(/_/g, "-")}`;
  const user = await ok(w.users.admin!.api.call("POST", "/v1/users", { username, displayName: username, role: "department_liaison", scopeNodeId: w.at.county!.nodeId, password: USER_PASSWORD, bodyId }), 201);
  expect(user.bodyId).toBe(bodyId);
  const { body } = await logIn(app, w.tenantId, username, USER_PASSWORD);
  return { userId: user.userId as string, token: body.accessToken as string, api: hazardApi(app, body.accessToken as string) };
}

describe("yancheng (十二) 镇街吹哨、部门报到: by industry, to the real department", () => {
  it("yancheng (十二): a major hazard at a school goes to the education department, which its own liaison acknowledges; a building site's goes to housing", async () => {
    const w = await world(app, "yancheng");
    const town = w.users["officer@town"]!;
    const education = await liaison(w, "county_education");
    const housing = await liaison(w, "county_housing");
    const school = await venue(w, w.at.village!, ["school"], "实验小学");

    const created = await ok(town.api.create(report(w, w.at.village!, { severity: "major", venueId: school })), 201);
    expect(created).toMatchObject({ venueKinds: ["school"], handling: { body: "county_education", level: "county" } });
    const registered = await ok(town.api.act(created.hazardId, { action: "register" }));
    expect(registered.reports).toMatchObject([{ action: "report", to: "county_education", copy: false }]);
    expect(registered.pendingAcks).toMatchObject([{ body: "county_education", basis: { rule: "report_to_industry", sourceRef: "yancheng (十二)" } }]);
    const { body: timeline } = await town.api.timeline(created.hazardId);
    expect(timeline.events.find((e: Json) => e.action === "escalated").details).toMatchObject({ to: "county_education", routedBy: { rule: "education", sourceRef: "yancheng (十二)" } });

    // Told and listed for the education department only; its liaison sees its own list without naming it.
    expect((await education.api.get("/v1/inbox")).body.items.map((n: Json) => n.kind)).toContain("escalated");
    expect((await housing.api.get("/v1/inbox")).body.items).toEqual([]);
    expect((await education.api.get("/v1/hazards/awaiting-ack")).body.items.map((h: Json) => h.hazardId)).toEqual([created.hazardId]);
    expect((await housing.api.get("/v1/hazards/awaiting-ack")).body.items).toEqual([]);
    const acked = await ok(education.api.act(created.hazardId, { action: "acknowledge" }));
    expect(acked.acks).toMatchObject([{ body: "county_education", by: education.userId }]);

    const site = await venue(w, w.at.village!, ["construction_site"], "在建工地");
    const other = await ok(town.api.create(report(w, w.at.village!, { severity: "violation", venueId: site })), 201);
    expect((await ok(town.api.act(other.hazardId, { action: "register" }))).pendingAcks.map((p: Json) => p.body)).toEqual(["county_housing"]);
  });

  it("yancheng (十二): a liaison of the housing department cannot acknowledge for education — 403 in both languages, nothing written", async () => {
    const w = await world(app, "yancheng");
    const town = w.users["officer@town"]!;
    const housing = await liaison(w, "county_housing");
    const school = await venue(w, w.at.village!, ["school"]);
    const id = (await ok(town.api.create(report(w, w.at.village!, { severity: "major", venueId: school })), 201)).hazardId;
    await ok(town.api.act(id, { action: "register" }));
    const before = await footprint(w.tenantId, id);

    const refused = await housing.api.act(id, { action: "acknowledge", body: "county_education" });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "hazard.ack_other_body", detail: "您是县级住房和城乡建设部门的联络员，只能为本部门报到，不能代县级教育部门报到。" });
    const english = await app.request(`/v1/hazards/${id}/transitions`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en", authorization: `Bearer ${housing.token}` },
      body: JSON.stringify({ action: "acknowledge" }),
    });
    expect(english.status).toBe(403);
    expect(((await english.json()) as Json).detail).toBe("You are a liaison of County housing and urban-rural development department: you acknowledge for your own department only, not for County education department.");
    expect(await footprint(w.tenantId, id)).toBe(before);
    const { body } = await town.api.timeline(id);
    expect(body.hazard.pendingAcks.map((p: Json) => p.body)).toEqual(["county_education"]);
    expect(body.hazard.acks).toEqual([]);
    expect(body.events.map((e: Json) => e.action)).toEqual(["create", "register", "escalated"]);
  });

  it("another tenant's hazard is not there for a bound liaison (404)", async () => {
    const w = await world(app, "yancheng");
    const other = await world(app, "yancheng");
    const school = await venue(other, other.at.village!, ["school"]);
    const id = (await ok(other.users["officer@town"]!.api.create(report(other, other.at.village!, { severity: "major", venueId: school })), 201)).hazardId;
    await ok(other.users["officer@town"]!.api.act(id, { action: "register" }));
    const education = await liaison(w, "county_education");
    expect((await education.api.act(id, { action: "acknowledge" })).status).toBe(404);
  });
});

describe("users bound to the body they act for", () => {
  it("GET /v1/me names the body the user acts for (id and name); none for an unbound user", async () => {
    const w = await world(app, "yancheng");
    const education = await liaison(w, "county_education");
    const me = await ok(education.api.get("/v1/me"));
    expect(me.user.bodyId).toBe("county_education");
    expect(me.body).toEqual({ id: "county_education", name: { zh: "县级教育部门", en: "County education department" }, kind: "industry_department", level: "county" });
    expect((await ok(w.users["officer@town"]!.api.get("/v1/me"))).body).toBeNull();
  });

  it("an admin sets and clears a user's body; an unknown body or one at another level is refused naming the field", async () => {
    const w = await world(app, "yancheng");
    const admin = w.users.admin!.api;
    const id = w.users["liaison@county"]!.userId;
    const unknown = await admin.call("PATCH", `/v1/users/${id}`, { bodyId: "no_such_body" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toMatchObject([{ path: "body.bodyId", code: "user.body_unknown" }]);
    const elsewhere = await admin.call("PATCH", `/v1/users/${id}`, { bodyId: "police_station" });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toMatchObject([{ path: "body.bodyId", code: "user.body_level_mismatch" }]);
    const badCreate = await admin.call("POST", "/v1/users", { username: `x${++seq}-user`, displayName: "x", role: "department_liaison", scopeNodeId: w.at.county!.nodeId, password: USER_PASSWORD, bodyId: "" });
    expect(badCreate.status).toBe(400);
    expect(badCreate.body.errors.map((e: Json) => e.path)).toEqual(["body.bodyId"]);
    expect((await admin.get(`/v1/users/${id}`)).body.bodyId).toBeUndefined();

    expect((await ok(admin.call("PATCH", `/v1/users/${id}`, { bodyId: "county_health" }))).bodyId).toBe("county_health");
    // Moving a bound user to a node of another level is refused on the node.
    const moved = await admin.call("PATCH", `/v1/users/${id}`, { scopeNodeId: w.at.town!.nodeId });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toMatchObject([{ path: "body.scopeNodeId", code: "user.body_level_mismatch" }]);
    const cleared = await ok(admin.call("PATCH", `/v1/users/${id}`, { bodyId: null }));
    expect(cleared.bodyId).toBeUndefined();
  });
});

describe("qidong 二(四) 重点督办: the industry department supervises jointly", () => {
  it("qidong 二(四): a major hazard at a heritage building is listed with the culture-and-tourism bureau as joint supervisor, which must acknowledge", async () => {
    const w = await world(app, "qidong");
    const town = w.users["officer@town"]!;
    const brigade = await liaison(w, "county_brigade");
    const culture = await liaison(w, "county_culture_tourism");
    const temple = await venue(w, w.at.town!, ["heritage_building"], "古寺");
    const id = (await ok(town.api.create(report(w, w.at.town!, { severity: "major", venueId: temple })), 201)).hazardId;
    const registered = await ok(town.api.act(id, { action: "register" }));
    expect(registered.listings).toMatchObject([{ levelId: "city_key_supervision", listedBy: "county_brigade", jointly: ["county_culture_tourism"], by: "system" }]);
    expect(registered.pendingAcks.map((p: Json) => [p.body, p.basis.rule])).toEqual([
      ["county_brigade", "major_report"],
      ["county_culture_tourism", "city_key_supervision"],
    ]);
    const { body } = await town.api.timeline(id);
    expect(body.events.find((e: Json) => e.action === "listed").details).toMatchObject({ jointly: ["county_culture_tourism"] });
    expect((await culture.api.get("/v1/inbox")).body.items.map((n: Json) => n.title.zh ?? n.title)).toContain("隐患已列入市消防救援大队会同行业主管部门重点督办，请会同督办");

    // Each department acknowledges for itself only.
    expect((await brigade.api.act(id, { action: "acknowledge", body: "county_culture_tourism" })).status).toBe(403);
    await ok(brigade.api.act(id, { action: "acknowledge" }));
    const done = await ok(culture.api.act(id, { action: "acknowledge" }));
    expect(done.acks.map((a: Json) => [a.body, a.by])).toEqual([
      ["county_brigade", brigade.userId],
      ["county_culture_tourism", culture.userId],
    ]);
    expect(done.pendingAcks).toEqual([]);
  });
});

describe("lianyungang 三(三): safety evaluation, or must not operate", () => {
  const evaluations = (w: World, venueId: string, body: Json) => w.users.admin!.api.call("POST", `/v1/venues/${venueId}/safety-evaluations`, body);

  it("lianyungang 三(三): a failed evaluation sets must_not_operate and raises a coded hazard in one write; the town's list shows it; a later pass clears the status", async () => {
    const w = await world(app, "lianyungang");
    const house = await venue(w, w.at.grid!, ["converted_self_built_house"], "自建房民宿");
    const shop = await venue(w, w.at.grid!, ["street_shop"], "沿街店");
    const missing = await ok(w.users["officer@town"]!.api.get(`/v1/venue-evaluations?nodeId=${w.at.town!.nodeId}`));
    expect(missing.items).toMatchObject([{ venueId: house, status: "missing", rule: { id: "safety_evaluation", sourceRef: "lianyungang 三(三)" } }]);

    const failed = await ok(evaluations(w, house, { result: "failed", date: "2026-01-05", evaluator: "县消防救援大队", note: "疏散通道不足" }), 201);
    expect(failed.venue).toMatchObject({ operatingStatus: "must_not_operate", safetyEvaluation: { result: "failed", date: "2026-01-05", evaluator: "县消防救援大队", hazardId: failed.hazardId }, version: 2 });
    // The venue, its history entry, the hazard and its first event were written together.
    const venueItems = await partition(`T#${w.tenantId}#V#${house}`);
    expect(venueItems.find((i) => i.sk?.S === "VENUE")).toMatchObject({ operatingStatus: { S: "must_not_operate" } });
    expect(venueItems.filter((i) => i.action?.S === "evaluate")).toHaveLength(1);
    const hazard = await ok(w.users["officer@town"]!.api.timeline(failed.hazardId));
    expect(hazard.hazard).toMatchObject({ venueId: house, code: "safety_evaluation_failed", severity: "major", nodeId: w.at.grid!.nodeId });
    expect(hazard.events[0]).toMatchObject({ action: "create", details: { safetyEvaluation: "safety_evaluation", sourceRef: "lianyungang 三(三)" } });
    expect(hazard.events[0].at).toBe(failed.evaluation.recordedAt);
    expect(venueItems.find((i) => i.action?.S === "evaluate")!.at!.S).toBe(failed.evaluation.recordedAt);
    expect((await ok(w.users["officer@town"]!.api.get(`/v1/venue-evaluations?nodeId=${w.at.town!.nodeId}`))).items).toMatchObject([{ venueId: house, status: "failed", operatingStatus: "must_not_operate" }]);
    expect((await ok(w.users.admin!.api.get(`/v1/venues/${house}`))).operatingStatus).toBe("must_not_operate");

    const passed = await ok(evaluations(w, house, { result: "passed", date: "2026-02-01", evaluator: "县消防救援大队" }), 201);
    expect(passed.venue.operatingStatus).toBeUndefined();
    expect(passed.hazardId).toBeUndefined();
    expect((await ok(w.users.admin!.api.get(`/v1/venues/${house}`))).operatingStatus).toBeUndefined();
    expect((await ok(w.users["officer@town"]!.api.get(`/v1/venue-evaluations?nodeId=${w.at.town!.nodeId}`))).items).toEqual([]);
    // The hazard follows its own closed loop: still open.
    expect((await ok(w.users["officer@town"]!.api.timeline(failed.hazardId))).hazard.state).toBe("discovered");
    // A venue the policy does not match needs no evaluation.
    expect((await evaluations(w, shop, { result: "passed", date: "2026-02-01", evaluator: "x" })).status).toBe(409);
  });

  it("lianyungang 三(三): when the write cannot complete, neither the status nor the hazard is written", async () => {
    const w = await world(app, "lianyungang");
    const house = await venue(w, w.at.grid!, ["converted_industrial_building"]);
    const before = JSON.stringify(await partition(`T#${w.tenantId}#V#${house}`));
    const open = JSON.stringify(await partition(`T#${w.tenantId}#HZL#open`));
    // The venue's grid is being moved: the transaction's place check fails.
    await withActor({ type: "system", tenantId: w.tenantId, job: "test" }, () => tenantDb().service.entities.node.patch({ tenantId: w.tenantId, nodeId: w.at.grid!.nodeId }).set({ moving: "test" }).go());
    const res = await evaluations(w, house, { result: "failed", date: "2026-01-05", evaluator: "评估机构" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("node.moving");
    expect(JSON.stringify(await partition(`T#${w.tenantId}#V#${house}`))).toBe(before);
    expect(JSON.stringify(await partition(`T#${w.tenantId}#HZL#open`))).toBe(open);
  });

  it("bad input is refused naming the field; another tenant's venue is not there (404)", async () => {
    const w = await world(app, "lianyungang");
    const house = await venue(w, w.at.grid!, ["converted_self_built_house"]);
    const wrong = await evaluations(w, house, { result: "maybe", date: "2026-13-01", evaluator: "" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: Json) => e.path).sort()).toEqual(["body.date", "body.evaluator", "body.result"]);
    const future = await evaluations(w, house, { result: "passed", date: "2999-01-01", evaluator: "x" });
    expect(future.status).toBe(400);
    expect(future.body.errors).toMatchObject([{ path: "body.date", code: "venue.evaluation_date_future" }]);
    expect((await ok(w.users.admin!.api.get(`/v1/venues/${house}`))).safetyEvaluation).toBeUndefined();

    const other = await world(app, "lianyungang");
    expect((await evaluations(other, house, { result: "failed", date: "2026-01-05", evaluator: "x" })).status).toBe(404);
  });
});
