import { describe, expect, it } from "vitest";
import { Maps, Tenancy } from "@firegov/core";

const ring = (w: number, s: number, d: number) => [[w, s], [w + d, s], [w + d, s + d], [w, s + d], [w, s]];

describe("boundary GeoJSON (one map)", () => {
  it("merges a FeatureCollection's polygons into one MultiPolygon, drops altitudes, and gives its bbox and size", () => {
    const input = Maps.BoundaryInput.parse({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "甲" }, geometry: { type: "Polygon", coordinates: [ring(121, 31, 0.1).map(([x, y]) => [x, y, 12])] } },
        { type: "Feature", geometry: { type: "MultiPolygon", coordinates: [[ring(121.5, 31.5, 0.2)]] } },
      ],
    });
    const out = Maps.normaliseBoundary(input);
    expect(out.geometry.type).toBe("MultiPolygon");
    expect(out.geometry.coordinates).toEqual([[ring(121, 31, 0.1)], [ring(121.5, 31.5, 0.2)]]);
    expect(out.bbox).toEqual([121, 31, 121.7, 31.7]);
    expect(out.positions).toBe(10);
  });

  it("keeps a single polygon a Polygon", () => {
    expect(Maps.normaliseBoundary(Maps.BoundaryInput.parse({ type: "Feature", geometry: { type: "Polygon", coordinates: [ring(120, 30, 1)] } })).geometry.type).toBe("Polygon");
  });

  it("refuses open rings, too few positions, out-of-range coordinates and non-polygons", () => {
    const bad = (v: unknown) => Maps.BoundaryInput.safeParse(v).success;
    expect(bad({ type: "Polygon", coordinates: [[[120, 30], [121, 30], [121, 31], [120, 31]]] })).toBe(false);
    expect(bad({ type: "Polygon", coordinates: [[[120, 30], [121, 30], [120, 30]]] })).toBe(false);
    expect(bad({ type: "Polygon", coordinates: [ring(181, 30, 1)] })).toBe(false);
    expect(bad({ type: "Polygon", coordinates: [ring(30, 120, 1)] })).toBe(false);
    expect(bad({ type: "Point", coordinates: [120, 30] })).toBe(false);
    expect(bad({ type: "FeatureCollection", features: [] })).toBe(false);
    expect(bad({ type: "Polygon", coordinates: [ring(120, 30, 1)] })).toBe(true);
  });

  it("exports points as [longitude, latitude], rounded to 7 decimals", () => {
    expect(Maps.pointFeature("v1", 31.123456789, 121.987654321, { name: "场所" })).toEqual({ type: "Feature", id: "v1", geometry: { type: "Point", coordinates: [121.9876543, 31.1234568] }, properties: { name: "场所" } });
  });
});

describe("basemap configuration (one map)", () => {
  it("天地图: vec_w + cva_w (or img_w + cia_w) with the tenant's key; none draws nothing", () => {
    const key = "a".repeat(32);
    const vec = Tenancy.basemapLayers(Tenancy.BasemapInput.parse({ kind: "tianditu", key }));
    expect(vec.map((l) => /LAYER=(\w+)/.exec(l.url)![1])).toEqual(["vec", "cva"]);
    expect(vec.every((l) => l.url.endsWith(`tk=${key}`) && l.url.includes("TILEMATRIXSET=w"))).toBe(true);
    const img = Tenancy.basemapLayers(Tenancy.BasemapInput.parse({ kind: "tianditu", key, style: "img" }));
    expect(img.map((l) => /LAYER=(\w+)/.exec(l.url)![1])).toEqual(["img", "cia"]);
    expect(Tenancy.basemapLayers({ kind: "none" })).toEqual([]);
    expect(Tenancy.maskKey("0123456789abcdef0123456789abcdef")).toBe("0123••••••••••••••••••••••••cdef");
  });

  it("refuses GCJ-02 and BD-09 tile hosts, whose tiles would misplace WGS-84 points", () => {
    for (const template of ["https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}", "https://rt0.map.gtimg.com/tile?z={z}&x={x}&y={y}", "https://maponline0.bdimg.com/tile/?x={x}&y={y}&z={z}"])
      expect(Tenancy.BasemapInput.safeParse({ kind: "url", template, attribution: "x" }).success).toBe(false);
    expect(Tenancy.BasemapInput.safeParse({ kind: "url", template: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", attribution: "© OpenStreetMap" }).success).toBe(true);
  });
});

describe("points in boundaries (where a tip lands)", () => {
  it("holds a point inside a polygon, not one outside it nor one in its hole, and any polygon of a MultiPolygon", () => {
    const outer = ring(121, 31, 0.1);
    const hole = ring(121.04, 31.04, 0.02);
    const polygon = { type: "Polygon" as const, coordinates: [outer, hole] };
    expect(Maps.containsPoint(polygon, 121.01, 31.01)).toBe(true);
    expect(Maps.containsPoint(polygon, 121.05, 31.05)).toBe(false);
    expect(Maps.containsPoint(polygon, 121.2, 31.01)).toBe(false);
    const multi = { type: "MultiPolygon" as const, coordinates: [[outer], [ring(122, 32, 0.1)]] };
    expect(Maps.containsPoint(multi, 122.05, 32.05)).toBe(true);
    expect(Maps.containsPoint(multi, 121.5, 31.5)).toBe(false);
  });

  it("holds a point in a concave (L-shaped) town, not one in the notch", () => {
    const l = { type: "Polygon" as const, coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };
    expect(Maps.containsPoint(l, 0.5, 1.5)).toBe(true);
    expect(Maps.containsPoint(l, 1.5, 1.5)).toBe(false);
  });
});
