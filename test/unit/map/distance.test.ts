import { describe, expect, it } from "vitest";
import { Maps } from "@firegov/core";

// Great-circle distance (haversine) and "nearest first", which the nearby
// venues list and the 50 m duplicate check stand on.

describe("distanceMetres (haversine, WGS-84)", () => {
  it("gives 0 for one point, and is symmetric", () => {
    const p = { lat: 31.23, lng: 121.47 };
    expect(Maps.distanceMetres(p, p)).toBe(0);
    const q = { lat: 31.24, lng: 121.49 };
    expect(Maps.distanceMetres(p, q)).toBeCloseTo(Maps.distanceMetres(q, p), 9);
  });

  it("measures a degree of latitude as about 111.2 km, and a degree of longitude at 60° as half that", () => {
    expect(Maps.distanceMetres({ lat: 31, lng: 121 }, { lat: 32, lng: 121 })).toBeCloseTo(111_195, -1);
    expect(Maps.distanceMetres({ lat: 60, lng: 10 }, { lat: 60, lng: 11 })).toBeCloseTo(55_597, -1);
  });

  it("matches a known city distance (Shanghai People's Square to Hongqiao Airport ≈ 13.2 km) within 1 %", () => {
    const d = Maps.distanceMetres({ lat: 31.2304, lng: 121.4737 }, { lat: 31.1979, lng: 121.3363 });
    expect(d).toBeGreaterThan(13_200 * 0.99 - 150);
    expect(d).toBeLessThan(13_600);
  });

  it("tells 30 m from 80 m at street scale (the duplicate check's 50 m)", () => {
    const base = { lat: 31, lng: 121.2 };
    const at = (m: number) => ({ lat: base.lat + m / 111_195, lng: base.lng });
    expect(Math.round(Maps.distanceMetres(base, at(30)))).toBe(30);
    expect(Math.round(Maps.distanceMetres(base, at(80)))).toBe(80);
    expect(Maps.distanceMetres(base, at(30))).toBeLessThanOrEqual(Maps.SIMILAR_RADIUS_M);
    expect(Maps.distanceMetres(base, at(80))).toBeGreaterThan(Maps.SIMILAR_RADIUS_M);
  });
});

describe("boxAround", () => {
  it("holds every point within the radius, east, west, north and south", () => {
    const origin = { lat: 45, lng: 120 };
    const box = Maps.boxAround(origin, 1000);
    for (const [dLat, dLng] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      // A point 999 m away in each direction lies inside the box.
      const p = { lat: origin.lat + (dLat * 999) / 111_195, lng: origin.lng + (dLng * 999) / (111_195 * Math.cos((45 * Math.PI) / 180)) };
      expect(Maps.distanceMetres(origin, p)).toBeLessThan(1000);
      expect(p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng).toBe(true);
    }
  });
});

describe("nearestFirst", () => {
  const origin = { lat: 31, lng: 121.2 };
  const at = (id: string, m: number, east = false) => ({ id, lat: origin.lat + (east ? 0 : m / 111_195), lng: origin.lng + (east ? m / (111_195 * Math.cos((31 * Math.PI) / 180)) : 0) });

  it("sorts by distance, drops what lies beyond the radius, rounds to the metre and keeps `limit`", () => {
    const points = [at("far", 900), at("b", 300, true), at("a", 40), at("c", 450)];
    const got = Maps.nearestFirst(points, origin, 500, 10, (p) => p.id);
    expect(got.map((p) => [p.id, p.distance])).toEqual([["a", 40], ["b", 300], ["c", 450]]);
    expect(Maps.nearestFirst(points, origin, 500, 2, (p) => p.id).map((p) => p.id)).toEqual(["a", "b"]);
  });

  it("orders equal distances by id, so the list does not shuffle between calls", () => {
    const got = Maps.nearestFirst([at("z", 100), at("m", 100, true), at("a", 100)], origin, 200, 10, (p) => p.id);
    expect(got.map((p) => p.id)).toEqual(["a", "m", "z"]);
  });
});
