import { beforeAll, describe, expect, it } from "vitest";
import { getPreset } from "@firegov/profiles";
import { Hazards } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

// The one map (一张图, songjiang 八(三) "推动消防安全要素在社会治理一张图全面落图"): points of a subtree by
// layer and filter, their GeoJSON export, node boundaries, the basemap.

const app = testApp(testDb());
type County = Awaited<ReturnType<typeof county>>;

const put = (token: string, path: string, payload: unknown, lang = "zh-CN") =>
  app.request(path, { method: "PUT", headers: { "content-type": "application/json", "accept-language": lang, authorization: `Bearer ${token}` }, body: typeof payload === "string" ? payload : JSON.stringify(payload) });

async function allPoints(client: County["admin"]["client"], query: string): Promise<Json[]> {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Json[]; cursor: string | null } = await expectStatus(client.get(`/v1/map/points?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), 200);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

const square = (lng: number, lat: number, d = 0.01) => [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]];

describe("songjiang 八(三): fire-safety elements drawn on the one map (社会治理一张图)", () => {
  let c: County;
  let other: County;
  const venues: Json[] = [];
  beforeAll(async () => {
    [c, other] = [await county(app), await county(app)];
    const add = async (who: County, name: string, nodeId: string, kinds: string[], at?: [number, number]) =>
      expectStatus<Json>(who.admin.client.post("/v1/venues", { name, nodeId, kinds, ...(at ? { lat: at[0], lng: at[1] } : {}) }), 201);
    venues.push(await add(c, "沿街商铺一", c.grid1.nodeId, ["street_shop"], [31.01, 121.21]));
    venues.push(await add(c, "住宅小区二", c.grid2.nodeId, ["residential_compound"], [31.02, 121.22]));
    venues.push(await add(c, "无坐标商铺", c.grid1.nodeId, ["street_shop"]));
    for (let i = 0; i < 7; i++) venues.push(await add(c, `商铺${i}`, c.grid2.nodeId, ["street_shop"], [31.03 + i / 1000, 121.23]));
    await add(other, "他县商铺", other.grid1.nodeId, ["street_shop"], [32.5, 120.5]);
  }, 120_000);

  it("draws a subtree's venues with coordinates, page by page, and never another tenant's", async () => {
    const all = await allPoints(c.admin.client, "layer=venues&limit=3");
    expect(all.map((p) => p.name).sort()).toEqual(venues.filter((v) => v.lat !== undefined).map((v) => v.name).sort());
    expect(all.find((p) => p.name === "沿街商铺一")).toMatchObject({ id: venues[0]!.venueId, lat: 31.01, lng: 121.21, kinds: ["street_shop"], categories: ["street"] });
    expect(all.some((p) => p.name === "他县商铺")).toBe(false);
    const theirs = await allPoints(other.admin.client, "layer=venues");
    expect(theirs.map((p) => p.name)).toEqual(["他县商铺"]);
    // Another tenant's node is simply not there, and a grid worker sees only their grid.
    expect((await body(other.admin.client.get(`/v1/map/points?nodeId=${c.grid1.nodeId}`))).status).toBe(404);
    const mine = await allPoints(c.worker1.client, `layer=venues&nodeId=${c.grid1.nodeId}`);
    expect(mine.map((p) => p.name)).toEqual(["沿街商铺一"]);
    expect((await body(c.worker1.client.get(`/v1/map/points?nodeId=${c.grid2.nodeId}`))).status).toBe(403);
  });

  it("filters venues by kind and category, and names a bad filter in both languages", async () => {
    const estates = await allPoints(c.admin.client, "layer=venues&kind=residential_compound");
    expect(estates.map((p) => p.name)).toEqual(["住宅小区二"]);
    const street = await allPoints(c.admin.client, "layer=venues&category=street");
    expect(street.length).toBe(8);
    const bad = await body(c.admin.client.get("/v1/map/points?layer=rivers&limit=99999"));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path).sort()).toEqual(["query.layer", "query.limit"]);
  });

  it("filters venues by the profile's risk grade (a county whose document grades risk)", async () => {
    const graded = await county(app, "qidong");
    const [grade] = getPreset("qidong")!.venues.riskGrades;
    const kind = getPreset("qidong")!.venues.kinds[0]!.id;
    const add = (name: string, at: [number, number], riskGrade?: string) =>
      expectStatus<Json>(graded.admin.client.post("/v1/venues", { name, nodeId: graded.grid1.nodeId, kinds: [kind], lat: at[0], lng: at[1], ...(riskGrade ? { riskGrade } : {}) }), 201);
    const high = await add("高风险场所", [31.1, 121.1], grade!.id);
    await add("普通场所", [31.2, 121.2]);
    const only = await allPoints(graded.admin.client, `layer=venues&risk=${grade!.id}`);
    expect(only.map((p) => [p.id, p.risk])).toEqual([[high.venueId, grade!.id]]);
    expect((await allPoints(graded.admin.client, "layer=venues")).length).toBe(2);
  });

  it("places open hazards at their venue, filters by severity and overdue, and counts those it cannot place", async () => {
    const report = (venue: Json | undefined, severity: string) => ({ nodeId: venue?.nodeId ?? c.grid1.nodeId, ...(venue ? { venueId: venue.venueId } : {}), code: "three_in_one", severity, description: "二楼住人", source: "grid_patrol", photos: [] });
    const general = await expectStatus<Json>(c.admin.client.post("/v1/hazards", report(venues[0], "general")), 201);
    const major = await expectStatus<Json>(c.admin.client.post("/v1/hazards", report(venues[1], "major")), 201);
    await expectStatus<Json>(c.admin.client.post("/v1/hazards", report(undefined, "general")), 201);
    const page = await expectStatus<Json>(c.admin.client.get("/v1/map/points?layer=hazards"), 200);
    expect(page.items.map((p: Json) => p.id).sort()).toEqual([general.hazardId, major.hazardId].sort());
    expect(page.unplaced).toBe(1);
    expect(page.items.find((p: Json) => p.id === major.hazardId)).toMatchObject({ lat: 31.02, lng: 121.22, severity: "major", overdue: false, venueId: venues[1]!.venueId });
    expect((await allPoints(c.admin.client, "layer=hazards&severity=major")).map((p) => p.id)).toEqual([major.hazardId]);
    expect(await allPoints(c.admin.client, "layer=hazards&overdue=true")).toEqual([]);
    expect(await allPoints(other.admin.client, "layer=hazards")).toEqual([]);
    // A year on, the sweep has found them past their deadlines: the overdue ones come marked, and alone under the filter.
    await Hazards.sweepTenant(c.tenantId, "Asia/Shanghai", new Date(Date.now() + 400 * 86_400_000));
    const overdue = await allPoints(c.admin.client, "layer=hazards&overdue=true");
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((p) => p.overdue === true)).toBe(true);
    const notOverdue = await allPoints(c.admin.client, "layer=hazards&overdue=false");
    expect(notOverdue.every((p) => p.overdue === false)).toBe(true);
    expect([...overdue, ...notOverdue].map((p) => p.id).sort()).toEqual([general.hazardId, major.hazardId].sort());
  });

  it("shows open venue tasks due by the day asked (today by default), at their venue", async () => {
    const later = await allPoints(c.admin.client, "layer=tasks&dueBy=2999-12-31");
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(later.map((t) => t.venueId)).has(venues[2]!.venueId)).toBe(false);
    for (const t of later) expect(venues.some((v) => v.venueId === t.venueId && v.lat === t.lat && v.lng === t.lng)).toBe(true);
    const yesterday = await allPoints(c.admin.client, "layer=tasks&dueBy=2000-01-01");
    expect(yesterday).toEqual([]);
  });

  it("exports the same points as an RFC 7946 FeatureCollection ([lng, lat], WGS-84)", async () => {
    const res = await c.admin.client.get("/v1/export/map-points?layer=venues&kind=street_shop");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    const fc = (await res.json()) as Json;
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.length).toBe(8);
    const shop = fc.features.find((f: Json) => f.id === venues[0]!.venueId);
    expect(shop).toEqual({ type: "Feature", id: venues[0]!.venueId, geometry: { type: "Point", coordinates: [121.21, 31.01] }, properties: { layer: "venues", name: "沿街商铺一", kinds: ["street_shop"], categories: ["street"] } });
    expect(fc.firegov).toMatchObject({ layer: "venues", truncated: false, crs: "WGS-84" });
  });

  it("stores a node's boundary from a Feature or FeatureCollection and serves it with its children's", async () => {
    const town = await expectStatus<Json>(put(c.admin.token, `/v1/nodes/${c.town.nodeId}/boundary`, { type: "Feature", properties: { name: "甲镇" }, geometry: { type: "Polygon", coordinates: square(121.2, 31.0, 0.1) } }), 200);
    expect(town).toMatchObject({ nodeId: c.town.nodeId, bbox: [121.2, 31.0, 121.3, 31.1], positions: 5 });
    await expectStatus(put(c.admin.token, `/v1/nodes/${c.village.nodeId}/boundary`, { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Polygon", coordinates: square(121.2, 31.0) } }, { type: "Feature", geometry: { type: "Polygon", coordinates: square(121.25, 31.05) } }] }), 200);
    const fc = await expectStatus<Json>(c.admin.client.get(`/v1/map/boundaries?nodeId=${c.town.nodeId}`), 200);
    expect(fc.features.map((f: Json) => [f.id, f.properties.role, f.geometry.type])).toEqual([[c.town.nodeId, "self", "Polygon"], [c.village.nodeId, "child", "MultiPolygon"]]);
    expect(fc.features[1].properties.name).toBe("甲村");
    // Another tenant neither sees nor writes it.
    expect((await body(other.admin.client.get(`/v1/map/boundaries?nodeId=${c.town.nodeId}`))).status).toBe(404);
    expect((await body(put(other.admin.token, `/v1/nodes/${c.town.nodeId}/boundary`, { type: "Polygon", coordinates: square(120, 30) }))).status).toBe(404);
    expect((await body(put(c.worker1.token, `/v1/nodes/${c.grid1.nodeId}/boundary`, { type: "Polygon", coordinates: square(120, 30) }))).status).toBe(403);
    expect((await expectStatus<Json>(other.admin.client.get("/v1/map/boundaries"), 200)).features).toEqual([]);
  });

  it("refuses bad GeoJSON with a 400 naming the problem in Chinese and English, and keeps the boundary before", async () => {
    const url = `/v1/nodes/${c.town.nodeId}/boundary`;
    // Each field error in both languages: the same request asked in Chinese and in English.
    const problem = async (payload: unknown) => {
      const [zh, en] = [await body(put(c.admin.token, url, payload)), await body(put(c.admin.token, url, payload, "en"))];
      expect([zh.status, en.status]).toEqual([400, 400]);
      return (zh.body.errors as { path: string; message: string }[]).map((e, i) => ({ path: e.path, message: { zh: e.message, en: en.body.errors[i].message as string } }));
    };
    const swapped = await problem({ type: "Polygon", coordinates: [[[31, 121], [31.1, 121], [31.1, 121.1], [31, 121]]] });
    expect(swapped[0]).toMatchObject({ path: "body.coordinates[0][0][1]" });
    expect(swapped[0]!.message.zh).toMatch(/纬度/);
    expect(swapped[0]!.message.en).toMatch(/swapped/);
    const open = await problem({ type: "Polygon", coordinates: [[[121, 31], [121.1, 31], [121.1, 31.1], [121.2, 31.2]]] });
    expect(open[0]).toMatchObject({ path: "body.coordinates[0]" });
    expect(open[0]!.message.en).toMatch(/not closed/);
    const line = await problem({ type: "LineString", coordinates: [[121, 31], [121.1, 31.1]] });
    expect(line[0]!.path).toBe("body.type");
    expect(line[0]!.message.zh).toMatch(/Polygon/);
    const points = await problem({ type: "Feature", geometry: { type: "Point", coordinates: [121, 31] } });
    expect(points[0]!.message.en).toMatch(/Polygon or MultiPolygon/);
    const big = square(121, 31, 0.1)[0]!;
    const ring = Array.from({ length: 21_000 }, (_, i) => [121 + Math.cos((i / 21_000) * 2 * Math.PI) / 10, 31 + Math.sin((i / 21_000) * 2 * Math.PI) / 10]);
    ring.push(ring[0]!);
    const tooBig = await problem({ type: "Polygon", coordinates: [ring] });
    expect(tooBig[0]!.path).toBe("body");
    expect(tooBig[0]!.message.en).toMatch(/limit/);
    expect(big.length).toBe(5);
    const malformed = await body(put(c.admin.token, url, "{\"type\": \"Polygon\","));
    expect(malformed.status).toBe(400);
    const kept = await expectStatus<Json>(c.admin.client.get(`/v1/map/boundaries?nodeId=${c.town.nodeId}`), 200);
    expect(kept.features[0].geometry.coordinates).toEqual(square(121.2, 31.0, 0.1));
  });

  it("keeps the basemap as tenant configuration: none by default, 天地图 with the tenant's key (masked to non-admins), or a WGS-84 tile URL", async () => {
    expect(await expectStatus<Json>(c.viewer.client.get("/v1/map/basemap"), 200)).toEqual({ kind: "none", layers: [] });
    const key = "0123456789abcdef0123456789abcdef";
    const set = await expectStatus<Json>(put(c.admin.token, "/v1/map/basemap", { kind: "tianditu", key }), 200);
    expect(set).toMatchObject({ kind: "tianditu", key, style: "vec" });
    expect(set.layers.map((l: Json) => new URL(l.url.replace("{s}", "0")).pathname)).toEqual(["/vec_w/wmts", "/cva_w/wmts"]);
    const seen = await expectStatus<Json>(c.viewer.client.get("/v1/map/basemap"), 200);
    expect(seen.key).toBe("0123••••••••••••••••••••••••cdef");
    expect((await expectStatus<Json>(c.admin.client.get("/v1/map/basemap"), 200)).key).toBe(key);
    expect((await expectStatus<Json>(other.admin.client.get("/v1/map/basemap"), 200)).kind).toBe("none");
    // Only the tenant's admin sets it.
    expect((await body(put(c.viewer.token, "/v1/map/basemap", { kind: "none" }))).status).toBe(403);
    const badKey = await body(put(c.admin.token, "/v1/map/basemap", { kind: "tianditu", key: "not-a-key" }));
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors[0]).toMatchObject({ path: "body.key" });
    expect(badKey.body.errors[0].message).toMatch(/32 位/);
    const gcj = await body(put(c.admin.token, "/v1/map/basemap", { kind: "url", template: "https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}", attribution: "高德" }, "en"));
    expect(gcj.status).toBe(400);
    expect(gcj.body.errors[0]).toMatchObject({ path: "body.template" });
    expect(gcj.body.errors[0].message).toMatch(/GCJ-02/);
    const noXyz = await body(put(c.admin.token, "/v1/map/basemap", { kind: "url", template: "https://tiles.example.org/tile.png", attribution: "x" }));
    expect(noXyz.body.errors.map((e: Json) => e.path)).toEqual(["body.template", "body.template", "body.template"]);
    const url = await expectStatus<Json>(put(c.admin.token, "/v1/map/basemap", { kind: "url", template: "https://tiles.example.org/{z}/{x}/{y}.png", attribution: "© 本县测绘" }), 200);
    expect(url.layers).toEqual([{ url: "https://tiles.example.org/{z}/{x}/{y}.png", attribution: "© 本县测绘", maxZoom: 18 }]);
    expect((await expectStatus<Json>(c.viewer.client.get("/v1/map/basemap"), 200)).kind).toBe("url");
  });
});
