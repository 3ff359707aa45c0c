import { describe, expect, it } from "vitest";
import { Inspections } from "@firegov/core";
import { getPreset } from "@firegov/profiles";

const TZ = "Asia/Shanghai";
const songjiang = getPreset("songjiang")!;
const yancheng = getPreset("yancheng")!;
// county / town / village / grid
const GRID = "/county/town1/village1/grid1";
const venue = (venueId: string, categories: string[], extra: Partial<Inspections.ScheduledVenue> = {}): Inspections.ScheduledVenue => ({ venueId, name: venueId, nodeId: "grid1", path: GRID, categories, status: "active", ...extra });

describe("periods in the tenant's time zone", () => {
  it("puts 23:30 UTC on 31 March in April in Shanghai, and in Q2", () => {
    const at = new Date("2026-03-31T16:30:00Z");
    expect(Inspections.periodOf({ every: 1, unit: "month" }, at, TZ)).toMatchObject({ key: "2026-04", start: "2026-04-01", end: "2026-04-30" });
    expect(Inspections.periodOf({ every: 1, unit: "quarter" }, at, TZ)).toMatchObject({ key: "2026-Q2", start: "2026-04-01", end: "2026-06-30" });
    expect(Inspections.periodOf({ every: 1, unit: "month" }, at, "UTC").key).toBe("2026-03");
  });

  it("ends a period at local midnight of the next one", () => {
    expect(Inspections.periodOf({ every: 1, unit: "half_year" }, new Date("2026-11-23T02:00:00Z"), TZ)).toEqual({ key: "2026-H2", start: "2026-07-01", end: "2026-12-31", dueAt: "2026-12-31T16:00:00.000Z" });
    expect(Inspections.periodOf({ every: 1, unit: "day" }, new Date("2026-11-23T17:00:00Z"), TZ)).toMatchObject({ key: "2026-11-24", dueAt: "2026-11-24T16:00:00.000Z" });
  });

  it("handles weeks (from Monday), years and multiples", () => {
    expect(Inspections.periodOf({ every: 1, unit: "week" }, new Date("2026-11-26T04:00:00Z"), TZ)).toMatchObject({ key: "W2026-11-23", start: "2026-11-23", end: "2026-11-29" });
    expect(Inspections.periodOf({ every: 1, unit: "year" }, new Date("2026-06-01T00:00:00Z"), TZ)).toMatchObject({ key: "2026", end: "2026-12-31" });
    expect(Inspections.periodOf({ every: 2, unit: "month" }, new Date("2026-04-10T00:00:00Z"), TZ)).toMatchObject({ start: "2026-03-01", end: "2026-04-30" });
  });
});

describe("songjiang 六(一): what is due in a profile with three categories", () => {
  const now = new Date("2026-11-23T01:00:00Z"); // 09:00 in Shanghai
  const tasks = Inspections.dueTasks(songjiang, [venue("home", ["residential"]), venue("shop", ["street"]), venue("shop2", ["street"]), venue("plant", ["major_unit"])], now, TZ);

  it("六(一)1 category 1: each venue once a month, by the village committee's fire staff, listed where the venue is (so its grid sees it too)", () => {
    expect(tasks.filter((t) => t.category === "residential")).toEqual([
      expect.objectContaining({ kind: "coverage", subjectId: "home", period: "2026-11", dueAt: "2026-11-30T16:00:00.000Z", responsibleRole: "village_fire_staff", nodeId: "village1", path: GRID }),
    ]);
  });

  it("六(一)2 category 2: full coverage per quarter for each venue, plus one daily patrol for the town's patrol staff", () => {
    const street = tasks.filter((t) => t.category === "street");
    expect(street.filter((t) => t.kind === "coverage").map((t) => [t.subjectId, t.period])).toEqual([["shop", "2026-Q4"], ["shop2", "2026-Q4"]]);
    expect(street.filter((t) => t.kind === "patrol")).toEqual([expect.objectContaining({ subjectId: "town1", period: "2026-11-23", responsibleRole: "town_patroller", path: "/county/town1" })]);
  });

  it("六(一)3 category 3: full coverage every half year, by the fire-safety office", () => {
    expect(tasks.filter((t) => t.category === "major_unit")).toEqual([expect.objectContaining({ subjectId: "plant", period: "2026-H2", responsibleRole: "office_staff", nodeId: "town1" })]);
  });

  it("has nothing due for a retired venue", () => {
    expect(Inspections.dueTasks(songjiang, [venue("gone", ["residential", "street"], { status: "retired" })], now, TZ)).toEqual([]);
  });

  it("gives the same task ids on a second run (deterministic keys)", () => {
    const again = Inspections.dueTasks(songjiang, [venue("home", ["residential"]), venue("shop", ["street"]), venue("shop2", ["street"]), venue("plant", ["major_unit"])], new Date("2026-11-23T09:00:00Z"), TZ);
    expect(again.map(Inspections.taskIdOf)).toEqual(tasks.map(Inspections.taskIdOf));
    expect(Inspections.parseTaskId(Inspections.taskIdOf(tasks[0]!))).toEqual({ subjectId: "home", category: "residential", period: "2026-11" });
  });

  it("moves to the next month's task at local midnight", () => {
    const before = Inspections.dueTasks(songjiang, [venue("home", ["residential"])], new Date("2026-11-30T15:59:59Z"), TZ);
    const after = Inspections.dueTasks(songjiang, [venue("home", ["residential"])], new Date("2026-11-30T16:00:00Z"), TZ);
    expect([before[0]!.period, after[0]!.period]).toEqual(["2026-11", "2026-12"]);
  });
});

describe("what is due in a profile whose categories set no frequency (yancheng)", () => {
  it("materialises nothing when a category has neither a coverage period nor a patrol frequency", () => {
    const silent = structuredClone(yancheng);
    for (const category of silent.inspectionCategories) delete category.coveragePeriod;
    expect(Inspections.dueTasks(silent, [venue("v", ["enterprise_check", "small_venue_patrol"])], new Date("2026-11-23T01:00:00Z"), TZ)).toEqual([]);
  });

  it("yancheng (十一): the document leaves the period to the annual plan, so the marked default makes a task per venue and category", () => {
    const due = Inspections.dueTasks(yancheng, [venue("v", ["enterprise_check", "small_venue_patrol"])], new Date("2026-11-23T01:00:00Z"), TZ);
    expect(due.map((t) => [t.kind, t.category, t.period])).toEqual([
      ["coverage", "enterprise_check", "2026-H2"],
      ["coverage", "small_venue_patrol", "2026-11"],
    ]);
    expect(yancheng.inspectionCategories.every((c) => c.coveragePeriod?.sourceRef === null && c.coveragePeriod.assumption?.zh)).toBe(true);
  });
});

describe("coverage counters", () => {
  it("counts a venue for its node and every node above, summed per counter", () => {
    const deltas = Inspections.coverageDeltas([
      { venuePath: "/c/t/v/g1", category: "street", period: "2026-Q4", due: 1, inspected: 0 },
      { venuePath: "/c/t/v/g2", category: "street", period: "2026-Q4", due: 1, inspected: 1 },
    ]);
    const by = Object.fromEntries(deltas.map((d) => [d.nodeId, [d.due, d.inspected]]));
    expect(by).toEqual({ c: [2, 1], t: [2, 1], v: [2, 1], g1: [1, 0], g2: [1, 1] });
    expect(deltas.find((d) => d.nodeId === "g2")!.path).toBe("/c/t/v/g2");
  });

  it("reports per cent covered, a period with nothing due as fully covered", () => {
    expect(Inspections.percentCovered(3, 1)).toBe(33.3);
    expect(Inspections.percentCovered(0, 0)).toBe(100);
    expect(Inspections.percentCovered(2, 5)).toBe(100);
  });
});

describe("the checklist of one visit", () => {
  it("covers a category's own items and those of the categories it includes, each once", () => {
    const items = Inspections.checklistFor(songjiang, ["major_unit"]);
    const categories = [...new Set(items.map((i) => i.category))];
    expect(categories).toEqual(["major_unit", "street"]);
    const street = songjiang.inspectionCategories.find((c) => c.id === "street")!.checklist.length;
    const major = songjiang.inspectionCategories.find((c) => c.id === "major_unit")!.checklist.length;
    expect(items).toHaveLength(street + major);
    expect(Inspections.checklistFor(songjiang, ["major_unit", "street"])).toHaveLength(street + major);
    expect(items.every((i) => i.hazardCode.length > 0)).toBe(true);
  });
});
