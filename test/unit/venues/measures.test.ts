import { describe, expect, it } from "vitest";
import { Compliance, Hazards, Inspections, Profiles, Venues } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { withMeasures } from "../../support/measures-profile.ts";
import { dutyReports, evaluate, one, org, record, with_ } from "../compliance/fixtures.ts";

// Rules that measure (issue 14, Build 4): numbers in venue matches, classify
// policies, categories by their own match, N times per period, and the
// windows and roll-up level as profile settings.

const TZ = "Asia/Shanghai";
const yancheng = getPreset("yancheng")!;
const profile = withMeasures(yancheng, { keyUnitLevel: "level_1", checklistFrom: "fire_safety_check", meetingLevel: "town", acknowledgeHours: 4 });
const facts = (f: Partial<Venues.VenueFacts>): Venues.VenueFacts => ({ kinds: ["organisation"], flags: [], ...f });

describe("number matches", () => {
  const match = { numbers: [{ measure: "height_m", min: 24, max: 50 }] };
  it("holds from min inclusive to max exclusive, and never for a venue without the measure", () => {
    expect(Venues.matchesVenue(match, facts({ measures: { height_m: 24 } }))).toBe(true);
    expect(Venues.matchesVenue(match, facts({ measures: { height_m: 49.9 } }))).toBe(true);
    expect(Venues.matchesVenue(match, facts({ measures: { height_m: 50 } }))).toBe(false);
    expect(Venues.matchesVenue(match, facts({ measures: { height_m: 23 } }))).toBe(false);
    expect(Venues.matchesVenue(match, facts({ measures: { storeys: 30 } }))).toBe(false);
    expect(Venues.matchesVenue(match, facts({}))).toBe(false);
  });

  it("needs every number criterion together with the other criteria", () => {
    const both = { kinds: ["hotel_tourism"], numbers: [{ measure: "beds", min: 50 }, { measure: "storeys", max: 10 }] };
    expect(Venues.matchesVenue(both, facts({ kinds: ["hotel_tourism"], measures: { beds: 80, storeys: 6 } }))).toBe(true);
    expect(Venues.matchesVenue(both, facts({ kinds: ["hotel_tourism"], measures: { beds: 80, storeys: 12 } }))).toBe(false);
    expect(Venues.matchesVenue(both, facts({ kinds: ["school"], measures: { beds: 80, storeys: 6 } }))).toBe(false);
  });
});

describe("classify policies: 高度 ≥ 50 米 → 一级重点单位", () => {
  it("classifies a 60 m building as a level-1 key unit and a 30 m one not, and the key-unit rules follow", () => {
    const tall = Venues.classify(profile, facts({ measures: { height_m: 60 } }));
    const low = Venues.classify(profile, facts({ measures: { height_m: 30 } }));
    expect(tall).toMatchObject({ keyUnitLevel: "level_1", classified: { keyUnitLevel: "level_1", policies: ["tall_building_key_unit"] } });
    expect(low.keyUnitLevel).toBeUndefined();
    expect(low.classified).toBeUndefined();
    // yancheng (四): level-1 key units are the fire brigade's; other units the town office's.
    expect(tall.supervisor).toBe("county_brigade");
    expect(low.supervisor).toBe("town_office");
    // The category matched by key-unit level takes the tall one besides its kind's category.
    expect(tall.categories).toEqual(["fire_safety_check", "key_unit_check"]);
    expect(low.categories).toEqual(["fire_safety_check"]);
  });

  it("keeps the venue's own key-unit level before the policy's", () => {
    expect(Venues.classify(profile, facts({ keyUnitLevel: "level_3", measures: { height_m: 60 } })).keyUnitLevel).toBe("level_3");
  });

  it("is a reclassification when the height crosses the line", () => {
    const before = Venues.classify(profile, facts({ measures: { height_m: 30 } }));
    const after = Venues.classify(profile, facts({ measures: { height_m: 55 } }));
    expect(Venues.classificationChanged(before, after)).toBe(true);
  });

  it("refuses a measure the profile does not declare, naming the field", () => {
    expect(Venues.checkFacts(profile, facts({ measures: { height_m: 60, depth_m: 3 } }))).toEqual([
      expect.objectContaining({ field: "measures.depth_m", code: "venue.measure_unknown" }),
    ]);
    expect(Venues.checkFacts(yancheng, facts({ measures: { height_m: 60 } }))[0]).toMatchObject({ field: "measures.height_m", code: "venue.measure_unknown" });
  });
});

describe("validation of the new rules", () => {
  const issuesOf = (p: unknown) => {
    const r = Profiles.parseProfile(p);
    return r.ok ? [] : r.issues.map((i) => [i.path, i.code]);
  };

  it("accepts the preset with the rules that measure, and every preset still validates", () => {
    expect(issuesOf(profile)).toEqual([]);
    for (const id of ["qidong", "lianyungang", "yancheng", "zezhou", "songjiang"]) expect(issuesOf(getPreset(id)), id).toEqual([]);
  });

  it("names the path of a number on an undeclared measure, a classify policy's unknown level, and a roll-up level that is not one of the profile's", () => {
    const bad = structuredClone(profile) as any;
    bad.venues.policies.at(-1).match.numbers[0].measure = "depth_m";
    bad.venues.policies.at(-1).set.keyUnitLevel = "level_9";
    bad.settings.rollupLevel = { value: "district", sourceRef: null, assumption: { zh: "按区汇总" } };
    const n = bad.venues.policies.length - 1;
    expect(issuesOf(bad)).toEqual(
      expect.arrayContaining([
        [`$.venues.policies[${n}].match.numbers[0].measure`, "profile.reference_missing"],
        [`$.venues.policies[${n}].set.keyUnitLevel`, "profile.reference_missing"],
        ["$.settings.rollupLevel.value", "profile.reference_missing"],
      ]),
    );
  });

  it("refuses an empty number range and a classify policy that sets nothing", () => {
    const bad = structuredClone(profile) as any;
    bad.venues.policies.at(-1).match.numbers[0] = { measure: "height_m" };
    expect(Profiles.parseProfile(bad).ok).toBe(false);
    const none = structuredClone(profile) as any;
    none.venues.policies.at(-1).set = {};
    expect(Profiles.parseProfile(none).ok).toBe(false);
  });
});

describe("N times per period: 2 per month", () => {
  const now = new Date("2026-11-23T01:00:00Z");
  const venue = (venueId: string, categories: string[]): Inspections.ScheduledVenue => ({ venueId, name: venueId, nodeId: "v1", path: "/c/t1/v1", categories, status: "active" });

  it("makes two tasks a month for each venue of the category, each with a key of its own, and one for a once-a-month category", () => {
    const tasks = Inspections.dueTasks(profile, [venue("tall", ["fire_safety_check", "key_unit_check"]), venue("tall2", ["key_unit_check"])], now, TZ);
    const keyUnit = tasks.filter((t) => t.category === "key_unit_check");
    expect(keyUnit.map((t) => [t.subjectId, t.period])).toEqual([["tall", "2026-11"], ["tall", "2026-11~2"], ["tall2", "2026-11"], ["tall2", "2026-11~2"]]);
    expect(new Set(keyUnit.map(Inspections.taskIdOf)).size).toBe(4);
    expect(keyUnit.every((t) => t.dueAt === "2026-11-30T16:00:00.000Z")).toBe(true);
    expect(tasks.filter((t) => t.category === "fire_safety_check")).toHaveLength(1);
  });

  it("counts both visits of a venue in the period's one coverage counter: one of two is unmet", () => {
    const deltas = Inspections.coverageDeltas([
      { venuePath: "/c/t1/v1", category: "key_unit_check", period: "2026-11", due: 1, inspected: 1 },
      { venuePath: "/c/t1/v1", category: "key_unit_check", period: "2026-11~2", due: 1, inspected: 0 },
    ]);
    expect(deltas.find((d) => d.nodeId === "v1")).toMatchObject({ period: "2026-11", due: 2, inspected: 1 });
    expect(Inspections.percentCovered(2, 1)).toBe(50);
    expect(Inspections.basePeriod("2026-11~2")).toBe("2026-11");
    expect(Inspections.slotPeriod("2026-Q4", 1)).toBe("2026-Q4");
  });

  it("judges an obligation of 2 a month by its count: one meeting is not enough, two are met, and a month that had one is missed", () => {
    const town = (...dates: string[]) => with_(org("town", { createdOn: "2025-01-01" }), { records: dates.map((d) => record("meeting", d)) });
    const judged = (data: ReturnType<typeof town>, date: string) => one(evaluate(profile, data, date), "obligation.twice_monthly_meeting");
    // October had two; November so far one: to do (dueSoonDays 3 from the settings: not yet due soon on the 15th).
    const once = judged(town("2025-10-03", "2025-10-20", "2025-11-05"), "2025-11-15");
    expect(once.status).toBe("unmet");
    expect(once.evidence.zh).toContain("要求每月至少 2 次");
    expect(once.evidence.en).toContain("required at least twice per month");
    expect(judged(town("2025-10-03", "2025-10-20", "2025-11-05", "2025-11-12"), "2025-11-15").status).toBe("met");
    // October had only one of two: November starts overdue, October missed.
    const missed = judged(town("2025-10-03", "2025-11-05"), "2025-11-15");
    expect(missed.status).toBe("overdue");
    expect(missed.evidence.zh).toContain("上一周期");
    // The settings' window: due soon only within 3 days of the month's end.
    expect(judged(town("2025-10-03", "2025-10-20", "2025-11-05"), "2025-11-28").status).toBe("due_soon");
  });
});

describe("windows and the roll-up level are profile data", () => {
  it("reads the profile's settings, else marked defaults", () => {
    expect(Profiles.settingsOf(yancheng)).toMatchObject({
      acknowledgeHours: { value: null, sourceRef: null, default: true },
      dueSoonDays: { value: 30, default: true },
      rollupLevel: { value: "town", default: true },
    });
    expect(Profiles.settingsOf(yancheng).dueSoonDays.assumption?.zh).toBeTruthy();
    expect(Profiles.settingsOf(profile)).toMatchObject({ acknowledgeHours: { value: 4, default: false }, dueSoonDays: { value: 3, default: false } });
  });

  it("sets an acknowledgement due within the profile's hours, else by the end of the next day", () => {
    const now = new Date("2026-11-23T02:00:00Z"); // 10:00 in Shanghai
    expect(Hazards.acknowledgeBy(profile, now, TZ).toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(Hazards.acknowledgeBy(yancheng, now, TZ).toISOString()).toBe("2026-11-24T15:59:59.999Z");
  });

  it("judges dated targets due soon by the profile's window", () => {
    const withMilestone = (p: Profiles.PolicyProfile): Profiles.PolicyProfile => ({ ...p, milestones: [{ id: "m1", name: { zh: "建成", en: "Built" }, by: "2025-07-10", level: "town", sourceRef: null, assumption: { zh: "测试" } }] });
    const data = org("town");
    expect(one(evaluate(withMilestone(yancheng), data, "2025-06-15"), "milestone.m1").status).toBe("due_soon");
    expect(one(evaluate(withMilestone(profile), data, "2025-06-15"), "milestone.m1").status).toBe("unmet");
    expect(Compliance.DUE_SOON_DAYS).toBe(30);
  });
});

describe("the rule coverage report knows the new rules", () => {
  it("names the code that applies a classify policy and each setting: none is data only", () => {
    const rows = Profiles.ruleCoverage(profile);
    const row = (path: string) => rows.find((r) => r.path === path)!;
    expect(row("venues.policies.tall_building_key_unit")).toMatchObject({ code: "venues/classify.ts classifyByPolicies", dataOnly: false });
    expect(row("settings.acknowledgeHours")).toMatchObject({ code: "hazards/rules.ts acknowledgeBy", dataOnly: false });
    expect(row("settings.dueSoonDays")).toMatchObject({ dataOnly: false });
    expect(row("inspectionCategories.key_unit_check.coveragePeriod")).toMatchObject({ code: "inspections/schedule.ts dueTasks" });
  });
});

describe("a duty reported N times per period", () => {
  it("is met with two reports of a twice-yearly duty, not with one", () => {
    const twice = structuredClone(yancheng);
    const duty = twice.responsibilities.find((r) => r.id === "duty_lists")!;
    duty.report = { frequency: { every: 1, unit: "year", times: 2 }, sourceRef: null, assumption: { zh: "每年报告两次" } };
    const judged = (...dates: string[]) => one(evaluate(twice, with_(org("town"), { records: dates.flatMap((d) => dutyReports(["duty_lists"], d)) }), "2025-06-15"), "duty.duty_lists");
    const once = judged("2025-03-02");
    expect(once.status).toBe("unmet");
    expect(once.evidence.zh).toContain("已报告履职 1 次，要求每年至少 2 次");
    expect(judged("2025-03-02", "2025-05-20").status).toBe("met");
  });
});
