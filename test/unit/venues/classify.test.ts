import { describe, expect, it } from "vitest";
import { Venues } from "@firegov/core";
import { getPreset } from "@firegov/profiles";

const yancheng = getPreset("yancheng")!;
const songjiang = getPreset("songjiang")!;
const facts = (f: Partial<Venues.VenueFacts>): Venues.VenueFacts => ({ kinds: ["organisation"], flags: [], ...f });

describe("supervision split by key-unit level and enterprise grade (yancheng (四))", () => {
  it("gives graded industrial and trade enterprises to emergency management", () => {
    const c = Venues.classify(yancheng, facts({ kinds: ["industrial_trade_enterprise"], enterpriseGrade: "b" }));
    expect(c.supervisor).toBe("county_emergency_management");
    expect(c.supervisionRule).toBe("graded_enterprise");
    expect(c.basis.sourceRef).toMatch(/^yancheng /);
  });

  it("gives level-1 and level-2 key units to the fire-rescue brigade and level-3 to the police station", () => {
    expect(Venues.classify(yancheng, facts({ keyUnitLevel: "level_1" })).supervisor).toBe("county_brigade");
    expect(Venues.classify(yancheng, facts({ keyUnitLevel: "level_2" })).supervisor).toBe("county_brigade");
    expect(Venues.classify(yancheng, facts({ keyUnitLevel: "level_3" })).supervisor).toBe("police_station");
  });

  it("gives venues on the police daily-check list to the police station", () => {
    expect(Venues.classify(yancheng, facts({ flags: ["police_daily_check"] })).supervisor).toBe("police_station");
  });

  it("keeps the order of the rules: an enterprise grade wins over a key-unit level", () => {
    expect(Venues.classify(yancheng, facts({ enterpriseGrade: "a", keyUnitLevel: "level_1" })).supervisor).toBe("county_emergency_management");
  });

  it("gives every other unit to the town office (the fallback)", () => {
    const c = Venues.classify(yancheng, facts({}));
    expect(c.supervisor).toBe("town_office");
    expect(c.supervisionRule).toBeUndefined();
    expect(c.basis.rule).toBe("fallback");
  });

  it("takes the category and flags of the kind", () => {
    const c = Venues.classify(yancheng, facts({ kinds: ["small_venue"] }));
    expect(c.categories).toEqual(["small_venue_patrol"]);
    expect(c.flags).toContain("small_venue");
  });

  it("reclassifies when the level changes, and cites the reclassify-on-change policy", () => {
    const before = Venues.classify(yancheng, facts({ keyUnitLevel: "level_3" }));
    const after = Venues.classify(yancheng, facts({ keyUnitLevel: "level_1" }));
    expect(Venues.classificationChanged(before, after)).toBe(true);
    expect(Venues.classificationChanged(before, Venues.classify(yancheng, facts({ keyUnitLevel: "level_3", address: "x" } as never)))).toBe(false);
    expect(Venues.reclassifyBasis(yancheng)?.sourceRef).toMatch(/^yancheng /);
  });
});

describe("classification in a profile with three inspection categories (songjiang 六(一))", () => {
  it("puts residential kinds in category 1 under the village committee", () => {
    const c = Venues.classify(songjiang, facts({ kinds: ["self_built_rental"] }));
    expect(c).toMatchObject({ supervisor: "village_committee", categories: ["residential"] });
  });

  it("puts street shops in category 2 and large units in category 3, both under the town office", () => {
    expect(Venues.classify(songjiang, facts({ kinds: ["street_shop"] }))).toMatchObject({ supervisor: "town_office", categories: ["street"] });
    expect(Venues.classify(songjiang, facts({ kinds: ["underground_space"] }))).toMatchObject({ supervisor: "town_office", categories: ["major_unit"] });
  });

  it("gives a venue of two kinds the categories of both, in the profile's order", () => {
    expect(Venues.classify(songjiang, facts({ kinds: ["construction_site", "street_shop"] })).categories).toEqual(["street", "major_unit"]);
  });
});

describe("checking a venue's facts against the profile", () => {
  it("names unknown kinds and flags, and levels or grades the profile does not have", () => {
    const problems = Venues.checkFacts(songjiang, { kinds: ["spaceport"], flags: ["nope"], keyUnitLevel: "level_1", enterpriseGrade: "a" });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ["kinds", "venue.kind_unknown"],
      ["flags", "venue.flag_unknown"],
      ["keyUnitLevel", "venue.key_unit_level_not_applicable"],
      ["enterpriseGrade", "venue.enterprise_grade_not_applicable"],
    ]);
    expect(problems[0]!.message.zh).toContain("住宅小区");
  });

  it("accepts what the profile knows", () => {
    expect(Venues.checkFacts(yancheng, { kinds: ["organisation"], flags: ["police_daily_check"], keyUnitLevel: "level_2", enterpriseGrade: "c", riskGrade: "high" })).toEqual([]);
  });

  it("reads flags and features from the profile's vocabulary: a county's own word is known, a kernel word it dropped is not", () => {
    const own = { ...yancheng, vocabulary: { ...yancheng.vocabulary, venueFlags: [{ id: "night_market", name: { zh: "夜市", en: "Night market" } }], venueFeatures: [{ id: "old_town", name: { zh: "老街区", en: "Old town" } }] } };
    expect(Venues.venueFlagsOf(own)).toEqual(["night_market"]);
    expect(Venues.checkFacts(own, { kinds: ["organisation"], flags: ["night_market"], features: ["old_town"] })).toEqual([]);
    expect(Venues.checkFacts(own, { kinds: ["organisation"], flags: ["police_daily_check"], features: ["heritage"] }).map((p) => [p.field, p.code])).toEqual([
      ["flags", "venue.flag_unknown"],
      ["features", "venue.feature_unknown"],
    ]);
    expect(Venues.flagName(own, "night_market").zh).toBe("夜市");
  });
});

describe("yancheng (十): who patrols a small venue, and where other units are reported", () => {
  const duties = (kinds: string[], more: Partial<Venues.VenueFacts> = {}) => {
    const f = facts({ kinds, ...more });
    return Venues.venueDuties(yancheng, f, Venues.classify(yancheng, f));
  };

  it("gives a small venue's patrol duty to the department its kind chooses, else to its supervisor", () => {
    expect(duties(["small_venue", "catering"])).toEqual({ patrolBy: { body: "county_market_regulation", policy: "small_venue_patrol_assignment" } });
    expect(duties(["small_venue"])).toEqual({ patrolBy: { body: "town_office", policy: "small_venue_patrol_assignment" } });
  });

  it("reports a unit no rule assigns to the county committee office, to push on to its kind's department", () => {
    expect(duties(["school"])).toEqual({ reportTo: { to: "county_committee_office", forwardTo: "county_education", policy: "report_other_units" } });
    expect(duties(["organisation"]).reportTo).toEqual({ to: "county_committee_office", policy: "report_other_units" });
  });

  it("reports nothing for a unit a supervision rule assigns (yancheng (四))", () => {
    expect(duties(["industrial_trade_enterprise"], { enterpriseGrade: "b" })).toEqual({});
  });
});
