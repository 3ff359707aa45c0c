import { describe, expect, it } from "vitest";
import { Profiles, SpotChecks } from "@firegov/core";
import { getPreset } from "@firegov/profiles";

const venues = Array.from({ length: 40 }, (_, i) => ({ venueId: `v-${String(i).padStart(2, "0")}-${(i * 7919) % 97}`, name: `单位${i}` }));
const inspectors = Array.from({ length: 9 }, (_, i) => ({ userId: `u-${i}-${(i * 31) % 17}`, displayName: `检查员${i}` }));
const tenPercent = { measure: "share", percent: 10, min: 1 } as const;
const draw = (seed: string, v = venues, u = inspectors, size: SpotChecks.DrawSize = tenPercent, per = 2) => SpotChecks.drawSpotCheck({ seed, venues: v, inspectors: u, size, inspectorsPerVenue: per });
const ids = (picks: ReturnType<typeof draw>) => picks.map((p) => [p.venue.venueId, p.inspectors.map((i) => i.userId)]);
const shuffled = <T>(list: readonly T[]) => [...list].reverse().sort((a, b) => (JSON.stringify(a).length % 3) - (JSON.stringify(b).length % 3));

describe("the seeded generator", () => {
  it("is SFC32 as PractRand defines it (the reference outputs of Apache Commons RNG's test)", () => {
    const next = SpotChecks.sfc32([0xbb3c4104, 0x02294965, 0xda1ce2a9]);
    expect(Array.from({ length: 8 }, () => next())).toEqual([0x89b5c414, 0x7ee57639, 0xdbe18f7b, 0x94aa0162, 0xa22bff0a, 0x21c91fb8, 0x2c6fd6fe, 0xcda90d13]);
  });

  it("draws below n without bias (every value reached, none outside), the same from the same seed", () => {
    const a = SpotChecks.generatorOf("seed");
    const seen = new Set(Array.from({ length: 600 }, () => SpotChecks.below(a, 6)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const [x, y] = [SpotChecks.generatorOf("same"), SpotChecks.generatorOf("same")];
    expect(Array.from({ length: 20 }, () => x())).toEqual(Array.from({ length: 20 }, () => y()));
  });
});

describe("zezhou 三(四) 双随机: the draw", () => {
  it("zezhou 三(四): the same seed and the same pools give the same venues and the same inspectors", () => {
    expect(ids(draw("4f3c9a1e"))).toEqual(ids(draw("4f3c9a1e")));
  });

  it("zezhou 三(四): a different seed gives a different draw", () => {
    const first = ids(draw("seed-a", venues, inspectors, { measure: "count", count: 8 }));
    const others = ["seed-b", "seed-c", "seed-d"].map((s) => ids(draw(s, venues, inspectors, { measure: "count", count: 8 })));
    for (const other of others) expect(other).not.toEqual(first);
  });

  it("zezhou 三(四): the order the pools were read in does not matter (they are sorted by id)", () => {
    expect(ids(draw("order", shuffled(venues), shuffled(inspectors)))).toEqual(ids(draw("order")));
    expect(shuffled(venues)).not.toEqual(venues);
  });

  it("zezhou 三(四): counts are respected: a share rounded up, at least min, two distinct inspectors per venue, no venue twice", () => {
    const picks = draw("counts");
    expect(picks).toHaveLength(4); // 10% of 40
    expect(new Set(picks.map((p) => p.venue.venueId)).size).toBe(4);
    for (const p of picks) {
      expect(p.inspectors).toHaveLength(2);
      expect(new Set(p.inspectors.map((i) => i.userId)).size).toBe(2);
      expect(inspectors.map((i) => i.userId)).toEqual(expect.arrayContaining(p.inspectors.map((i) => i.userId)));
    }
    expect(draw("small", venues.slice(0, 3))).toHaveLength(1); // 10% of 3 is 0.3: rounded up, and at least one
    expect(draw("all", venues.slice(0, 3), inspectors, { measure: "count", count: 10 })).toHaveLength(3); // never more than the pool
    expect(draw("three", venues, inspectors, tenPercent, 3).every((p) => p.inspectors.length === 3)).toBe(true);
    expect(SpotChecks.drawCount({ measure: "share", percent: 10 }, 41)).toBe(5);
    expect(SpotChecks.drawCount({ measure: "share", percent: 10 }, 40)).toBe(4);
  });

  it("zezhou 三(四): refuses to draw from fewer inspectors than a venue needs", () => {
    expect(() => draw("few", venues, inspectors.slice(0, 1))).toThrow(/inspectors/);
  });

  it("zezhou 三(四): the preset draws 10% of key units per quarter, two brigade members each, counted under the spot-check category", () => {
    const zezhou = getPreset("zezhou")!;
    const rule = zezhou.venues.policies.find((p) => p.kind === "random_spot_check");
    expect(rule).toMatchObject({
      id: "key_unit_random_draw",
      match: { keyUnitLevels: ["key_unit"] },
      by: "county_brigade",
      category: "key_unit_spot_check",
      frequency: { value: { every: 1, unit: "quarter" }, sourceRef: null },
      draw: { value: { measure: "share", percent: 10, min: 1 }, sourceRef: null },
      inspectorRoles: { value: ["brigade_member"], sourceRef: "zezhou 三(四)" },
      inspectorsPerVenue: { value: 2, sourceRef: null },
      sourceRef: "zezhou 三(四)",
    });
    expect(Profiles.validateProfile(zezhou)).toEqual([]);
  });

  it("zezhou 三(四): a profile whose spot-check category is also scheduled by period is refused (the task keys would collide)", () => {
    const zezhou = structuredClone(getPreset("zezhou")!);
    const category = zezhou.inspectionCategories.find((c) => c.id === "key_unit_spot_check")!;
    category.coveragePeriod = { every: 1, unit: "year" };
    const issues = Profiles.validateProfile(zezhou);
    expect(issues).toContainEqual(expect.objectContaining({ code: "profile.spot_check_category_scheduled", path: expect.stringMatching(/venues\.policies\[0\]\.category/) }));
  });
});
