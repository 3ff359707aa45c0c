import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { world, type Json, type World } from "./hazards-fixtures.ts";

// Answering the public (issue 16, Build 7 and 8): a tip lands at the node its
// position or picked place names and tells that node's officers; the tipster
// follows it by the receipt code and sees the stage and the public notes only;
// an officer registers a tip with a code, a severity and a node of their scope.

const app = testApp(testDb());
let ip = 0;

/** A square boundary, [lng, lat] rings, `size` degrees a side from its south-west corner. */
const square = (lng: number, lat: number, size: number) => [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]];

async function tip(slug: string, extra: Json = {}) {
  const res = await app.request(`/v1/public/${slug}/tips`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-test-client-ip": `198.51.100.${++ip}` },
    body: JSON.stringify({ locationText: "幸福小区3号楼", description: "楼道里堆满纸箱，还有电动车在充电", contact: "13900000000", ...extra }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}
async function status(slug: string, code: string) {
  const res = await app.request(`/v1/public/${slug}/tips/${code}`);
  return { status: res.status, body: (await res.json()) as Json };
}
const notices = async (w: World, who: string, hazardId: string) => ((await w.users[who]!.api.get("/v1/inbox")).body.items as Json[]).filter((n) => n.subjectId === hazardId);

describe("public tips: routing, following, registering", () => {
  let w: World;
  let other: World;
  beforeAll(async () => {
    w = await world(app, "songjiang");
    other = await world(app, "songjiang");
    const admin = w.users.admin!.api;
    // 甲 town at 121.2–121.3 E, its village in its south-west corner; 乙 town at 121.5–121.6 E.
    for (const [nodeId, coordinates] of [
      [w.at.town!.nodeId, square(121.2, 31.0, 0.1)],
      [w.at.village!.nodeId, square(121.2, 31.0, 0.03)],
      [w.otherTown.nodeId, square(121.5, 31.0, 0.1)],
    ] as const) {
      const res = await admin.call("PUT", `/v1/nodes/${nodeId}/boundary`, { type: "Polygon", coordinates });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  }, 180_000);

  it("places a tip whose position lies inside town 乙's boundary at 乙, and 乙's officer gets the notice (甲's does not)", async () => {
    const res = await tip(w.tenantId, { lat: 31.05, lng: 121.55 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { body } = await w.users["officer@otherTown"]!.api.timeline(res.body.hazardId);
    expect(body.hazard).toMatchObject({ nodeId: w.otherTown.nodeId, path: w.otherTown.path, state: "discovered", lat: 31.05, lng: 121.55 });
    expect((await notices(w, "officer@otherTown", res.body.hazardId)).map((n) => n.kind)).toEqual(["create"]);
    expect(await notices(w, "officer@town", res.body.hazardId)).toEqual([]);
    // 乙's officer may act on it now: it is in their subtree.
    expect(body.allowedActions).toContain("register");
  });

  it("places a tip at the deepest node whose boundary holds its position (the village inside the town)", async () => {
    const res = await tip(w.tenantId, { lat: 31.01, lng: 121.21 });
    const { body } = await w.users.admin!.api.timeline(res.body.hazardId);
    expect(body.hazard.nodeId).toBe(w.at.village!.nodeId);
    expect((await notices(w, "officer@village", res.body.hazardId)).map((n) => n.kind)).toEqual(["create"]);
  });

  it("places a tip at the place the tipster picked when it has no position, and refuses a place not of the county", async () => {
    const picked = await tip(w.tenantId, { placeId: w.otherTown.nodeId });
    expect((await w.users.admin!.api.timeline(picked.body.hazardId)).body.hazard.nodeId).toBe(w.otherTown.nodeId);
    expect((await notices(w, "officer@otherTown", picked.body.hazardId)).map((n) => n.kind)).toEqual(["create"]);
    // A position inside the picked town is more exact: the village; one outside it: the picked place wins.
    const inside = await tip(w.tenantId, { placeId: w.at.town!.nodeId, lat: 31.01, lng: 121.21 });
    expect((await w.users.admin!.api.timeline(inside.body.hazardId)).body.hazard.nodeId).toBe(w.at.village!.nodeId);
    const outside = await tip(w.tenantId, { placeId: w.at.town!.nodeId, lat: 31.05, lng: 121.55 });
    expect((await w.users.admin!.api.timeline(outside.body.hazardId)).body.hazard.nodeId).toBe(w.at.town!.nodeId);
    // Another county's node is no place of this one: 400 naming the field, nothing written.
    const foreign = await tip(w.tenantId, { placeId: other.otherTown.nodeId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: Json) => e.path)).toEqual(["body.placeId"]);
    expect(foreign.body.errors[0].message).toMatch(/地点/);
  });

  it("leaves a tip with no position and no place, or a position outside every boundary, at the county's root", async () => {
    const none = await tip(w.tenantId);
    expect((await w.users.admin!.api.timeline(none.body.hazardId)).body.hazard.nodeId).toBe(w.root.nodeId);
    const away = await tip(w.tenantId, { lat: 30.0, lng: 120.0 });
    expect((await w.users.admin!.api.timeline(away.body.hazardId)).body.hazard.nodeId).toBe(w.root.nodeId);
    expect(await notices(w, "officer@town", none.body.hazardId)).toEqual([]);
  });

  it("lists the county's towns and villages for the tip form: ids and names only, no grids, and only its own", async () => {
    const res = await app.request(`/v1/public/${w.tenantId}/places`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Json[] };
    const ids = items.map((p) => p.nodeId);
    expect(ids).toEqual(expect.arrayContaining([w.at.town!.nodeId, w.otherTown.nodeId, w.at.village!.nodeId]));
    expect(ids).not.toContain(w.root.nodeId);
    if (w.at.grid) expect(ids).not.toContain(w.at.grid.nodeId);
    expect(items.find((p) => p.nodeId === w.at.village!.nodeId)).toEqual({ nodeId: w.at.village!.nodeId, name: expect.any(String), parentId: w.at.town!.nodeId });
    for (const p of items) expect(Object.keys(p).every((k) => ["nodeId", "name", "parentId"].includes(k))).toBe(true);
    const theirs = (await (await app.request(`/v1/public/${other.tenantId}/places`)).json()) as { items: Json[] };
    expect(theirs.items.map((p) => p.nodeId)).not.toContain(w.otherTown.nodeId);
    expect((await app.request("/v1/public/no-such-county/places")).status).toBe(404);
  });

  it("answers the tipster the stage, the dates and the public notes in order, and nothing internal (no staff, no internal notes, no ids)", async () => {
    const { body: receipt } = await tip(w.tenantId, { placeId: w.otherTown.nodeId });
    const officer = w.users["officer@otherTown"]!;
    const registered = await officer.api.act(receipt.hazardId, { action: "register", code: "combustible_storage", severity: "general", note: "内部：联系物业王经理", publicNote: "您反映的问题已受理" });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect((await officer.api.act(receipt.hazardId, { action: "dispatch", note: "内部：派张三跟进", publicNote: "已派专人跟进" })).status).toBe(200);
    const seen = await status(w.tenantId, receipt.receiptCode);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ stage: "confirmed", receivedAt: expect.any(String), updatedAt: expect.any(String), deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), publicNote: "已派专人跟进" });
    expect(seen.body.notes.map((n: Json) => [n.stage, n.note])).toEqual([
      ["confirmed", "您反映的问题已受理"],
      ["confirmed", "已派专人跟进"],
    ]);
    expect(Object.keys(seen.body.notes[0]).sort()).toEqual(["at", "note", "stage"]);
    const text = JSON.stringify(seen.body);
    for (const secret of ["内部", "王经理", "张三", officer.userId, w.users.admin!.userId, receipt.hazardId, w.otherTown.nodeId, "13900000000", "combustible_storage"]) expect(text).not.toContain(secret);
    expect(Object.keys(seen.body).every((k) => ["stage", "receivedAt", "updatedAt", "deadline", "closedAt", "publicNote", "notes", "reward"].includes(k))).toBe(true);
  });

  it("registers a tip with a code, a severity and a node of the officer's scope: placed there, its deadline set from the severity", async () => {
    const { body: receipt } = await tip(w.tenantId, { placeId: w.at.town!.nodeId });
    const town = w.users["officer@town"]!;
    // A node outside the officer's subtree is refused, naming the field, and nothing moves.
    const outside = await town.api.act(receipt.hazardId, { action: "register", code: "combustible_storage", severity: "general", nodeId: w.otherTown.nodeId });
    expect(outside.status).toBe(400);
    expect(outside.body.errors.map((e: Json) => e.path)).toEqual(["body.nodeId"]);
    const before = Date.now();
    // The page fills what it knows of a picked template; the body and the deadline the registration sets are filled here.
    const template = w.profile.hazards.publicResponses!.find((r) => r.action === "register")!.message.zh;
    const res = await town.api.act(receipt.hazardId, { action: "register", code: "combustible_storage", severity: "general", nodeId: w.at.village!.nodeId, publicNote: template });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: "registered", nodeId: w.at.village!.nodeId, path: w.at.village!.path, code: "combustible_storage", severity: "general" });
    const days = w.profile.hazards.severities.find((s) => s.id === "general")!.rectificationDays.value;
    const deadline = Date.parse(res.body.deadline);
    expect(deadline).toBeGreaterThan(before + (days - 1) * 86_400_000);
    expect(deadline).toBeLessThan(before + (days + 2) * 86_400_000);
    const note = (await status(w.tenantId, receipt.receiptCode)).body.notes[0].note as string;
    expect(note).toMatch(new RegExp(`^您反映的问题已受理，编号${receipt.hazardId.slice(-8).toUpperCase()}，由[^{}]+负责办理，我们将在\\d{4}年\\d{1,2}月\\d{1,2}日前督促整改到位。$`));
    expect(note).not.toContain("{");
    // The village's list now holds it.
    const list = await town.api.get(`/v1/hazards?state=registered&path=${encodeURIComponent(w.at.village!.path)}`);
    expect(list.body.items.map((h: Json) => h.hazardId)).toContain(receipt.hazardId);
  });
});
