import { describe, expect, it } from "vitest";
import { Assessment, Incidents, Profiles } from "@firegov/core";
import { presets } from "@firegov/profiles";

// The pure rules of fire incidents: distances, the nearest forces, the review
// window, how a past hazard reads in a review, and the assessment's measure.

describe("incident rules", () => {
  it("haversine: one degree of latitude is about 111.2 km; a point is 0 km from itself", () => {
    expect(Incidents.haversineKm({ lat: 31, lng: 121 }, { lat: 32, lng: 121 })).toBeCloseTo(111.2, 1);
    expect(Incidents.haversineKm({ lat: 31, lng: 121 }, { lat: 31, lng: 121 })).toBe(0);
  });

  it("zezhou 三(六): the nearest forces come nearest first, at most the limit, those with no position counted apart", () => {
    const forces = [
      { name: "远", lat: 31.2, lng: 121 },
      { name: "无位置" },
      { name: "近", lat: 31.01, lng: 121 },
      { name: "中", lat: 31.05, lng: 121 },
    ];
    const { items, withoutPosition } = Incidents.nearest({ lat: 31, lng: 121 }, forces, 2);
    expect(items.map((f) => f.name)).toEqual(["近", "中"]);
    expect(items[0]!.distanceKm).toBeCloseTo(1.11, 1);
    expect(withoutPosition).toBe(1);
  });

  it("the review window goes back whole calendar months, the day kept (or the month's last)", () => {
    expect(Incidents.windowStart("2026-12-07T02:00:00.000Z", 12)).toBe("2025-12-07T02:00:00.000Z");
    expect(Incidents.windowStart("2026-03-31T00:00:00.000Z", 1)).toBe("2026-02-28T00:00:00.000Z");
  });

  it("a past hazard reads as overdue, still overdue, closed late or open at the fire", () => {
    const base = { hazardId: "h", description: "x", createdAt: "2026-01-01T00:00:00.000Z", deadline: "2026-01-16T00:00:00.000Z", overdue: false };
    const fire = "2026-06-01T00:00:00.000Z";
    const now = "2026-06-02T00:00:00.000Z";
    expect(Incidents.reviewHazard({ ...base, state: "rectifying", updatedAt: "2026-01-02T00:00:00.000Z" }, fire, now)).toMatchObject({ overdue: true, overdueNow: true, closedLate: false, openAtIncident: true });
    expect(Incidents.reviewHazard({ ...base, state: "closed", updatedAt: "2026-03-01T00:00:00.000Z" }, fire, now)).toMatchObject({ overdue: true, overdueNow: false, closedLate: true, openAtIncident: false });
    expect(Incidents.reviewHazard({ ...base, state: "closed", updatedAt: "2026-01-10T00:00:00.000Z" }, fire, now)).toMatchObject({ overdue: false, closedLate: false });
  });

  it("songjiang 七(一): the 火灾事故处置 indicator is 100 − 10 per incident of the period, not below 0", () => {
    const scheme = presets.songjiang!.assessment.schemes.find((s) => s.id === "town_annual")!;
    const measure = scheme.indicators.find((i) => i.id === "incident_handling")!.measures!;
    expect(measure).toEqual({ kind: "incidents", deductPerIncident: 10 });
    const score = (ids: string[] | undefined) => Assessment.scoreNode(presets.songjiang!, scheme, { nodeId: "t", name: "甲镇", path: "/c/t", level: "town", parentId: "c" }, { ...(ids ? { incidents: ids } : {}) }, []).indicators.find((i) => i.indicatorId === "incident_handling")!;
    expect(score([]).score).toBe(100);
    expect(score(["a", "b"]).score).toBe(80);
    expect(score(Array.from({ length: 12 }, (_, i) => String(i))).score).toBe(0);
    expect(score(undefined).score).toBeNull();
  });

  it("the profile's incident rules are applied (npm run rules counts them), the defaults marked as defaults", () => {
    for (const id of ["qidong", "lianyungang", "zezhou", "songjiang"]) {
      const rows = Profiles.ruleCoverage(presets[id]!).filter((r) => r.section.startsWith("incidents"));
      expect(rows.length, id).toBeGreaterThan(0);
      expect(rows.filter((r) => r.dataOnly), id).toEqual([]);
    }
    const causes = Profiles.defaultIncidentCauses();
    expect(causes.every((c) => c.sourceRef === null && (c.assumption?.zh.length ?? 0) > 0)).toBe(true);
    expect(Profiles.incidentsPolicy(presets.yancheng!).reviewWindowMonths.value).toBe(12);
    expect(Profiles.ruleCoverage(presets.zezhou!).find((r) => r.path === "incidents.dispatch")).toMatchObject({ clause: "zezhou 三(六)", code: "incidents/review.ts nearestForcesOf" });
  });
});
