import { describe, expect, it } from "vitest";
import { Assessment } from "@firegov/core";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { validateProfile } from "@firegov/core/profile/index";

// The automatic measures an indicator may name in the profile, each with the
// formula the profile states: inspection coverage of the period, hazards
// overdue now, the node's records in the period; and the link to the data.

type Profile = typeof songjiang;
type Scheme = Profile["assessment"]["schemes"][number];
const node = { nodeId: "t", name: "甲镇", path: "/c/t", level: "town", parentId: "c" };

const schemeWith = (measures: Scheme["indicators"][number]["measures"][]): Scheme => ({
  id: "test",
  name: { zh: "测试考核", en: "Test" },
  assessedLevels: ["town"],
  frequency: { every: 1, unit: "year" },
  indicators: measures.map((m, i) => ({ id: `i${i}`, name: { zh: `指标${i}`, en: `Item ${i}` }, weight: 100 / measures.length, ...(m ? { measures: m } : {}), sourceRef: null, assumption: { zh: "测试", en: "test" } })),
  sourceRef: null,
  assumption: { zh: "测试", en: "test" },
});

describe("automatic indicator measures", () => {
  it("inspection coverage: Σ min(inspected, due) / Σ due over the named categories; nothing due is nothing to judge", () => {
    const scheme = schemeWith([{ kind: "inspection_coverage", categories: ["a"] }, { kind: "inspection_coverage" }]);
    const coverage = [
      { category: "a", period: "2026-Q1", due: 4, inspected: 3 },
      { category: "a", period: "2026-Q2", due: 4, inspected: 9 },
      { category: "b", period: "2026-H1", due: 2, inspected: 0 },
    ];
    const card = Assessment.scoreNode(songjiang, scheme, node, { coverage }, []);
    // a only: (3 + 4) / 8; all: (3 + 4 + 0) / 10.
    expect(card.indicators.map((i) => [i.method, i.score])).toEqual([
      ["inspection_coverage", 87.5],
      ["inspection_coverage", 70],
    ]);
    expect(card.indicators[0]!.link).toEqual({ kind: "coverage", nodeId: "t", categories: ["a"] });
    expect(Assessment.scoreNode(songjiang, scheme, node, { coverage: [{ category: "a", period: "2026", due: 0, inspected: 0 }] }, []).indicators[0]).toMatchObject({ score: null, evidence: { zh: "本期无应检场所" } });
  });

  it("hazards overdue now: 100 − deduction × count, never below 0; unknown once the period is over", () => {
    const scheme = schemeWith([{ kind: "hazard_overdue", deductPerHazard: 15 }]);
    expect(Assessment.scoreNode(songjiang, scheme, node, { overdueNow: 2 }, []).indicators[0]).toMatchObject({ score: 70, evidence: { zh: "逾期未整改隐患 2 件，每件扣 15 分" }, link: { kind: "hazards", nodeId: "t", filter: "overdue" } });
    expect(Assessment.scoreNode(songjiang, scheme, node, { overdueNow: 9 }, []).indicators[0]!.score).toBe(0);
    expect(Assessment.scoreNode(songjiang, scheme, node, { overdueNow: 0 }, []).indicators[0]!.score).toBe(100);
    expect(Assessment.scoreNode(songjiang, scheme, node, {}, []).indicators[0]!.score).toBeNull();
  });

  it("hazards listed for supervision now: 100 − deduction × count, never below 0; unknown once the period is over", () => {
    const scheme = schemeWith([{ kind: "hazard_listed", deductPerHazard: 30 }]);
    expect(Assessment.scoreNode(songjiang, scheme, node, { listedNow: 2 }, []).indicators[0]).toMatchObject({ method: "hazard_listed", score: 40, evidence: { zh: "挂牌督办隐患 2 件，每件扣 30 分" }, link: { kind: "hazards", nodeId: "t", filter: "listed" } });
    expect(Assessment.scoreNode(songjiang, scheme, node, { listedNow: 4 }, []).indicators[0]!.score).toBe(0);
    expect(Assessment.scoreNode(songjiang, scheme, node, {}, []).indicators[0]!.score).toBeNull();
  });

  it("campaign progress: Σ done / Σ total of the node's share of each campaign of the period", () => {
    const campaigns = [
      // Over the whole county: the town's branch row counts.
      { campaignId: "c1", areaPath: "/c", rows: [{ nodeId: "t", total: 10, done: 7 }, { nodeId: "u", total: 5, done: 5 }] },
      // Within the town: counts whole.
      { campaignId: "c2", areaPath: "/c/t/v", rows: [{ nodeId: "g1", total: 4, done: 1 }, { nodeId: "g2", total: 6, done: 6 }] },
      // Over another town: not the node's.
      { campaignId: "c3", areaPath: "/c/u", rows: [{ nodeId: "x", total: 9, done: 0 }] },
    ];
    const shares = Assessment.campaignShares("/c/t", campaigns);
    expect(shares).toEqual([
      { campaignId: "c1", total: 10, done: 7 },
      { campaignId: "c2", total: 10, done: 7 },
    ]);
    // A village under the town's branch cannot be told apart from the branch: the county-wide campaign is left out.
    expect(Assessment.campaignShares("/c/t/v", campaigns).map((s) => s.campaignId)).toEqual(["c2"]);
    const scheme = schemeWith([{ kind: "campaign_progress" }]);
    expect(Assessment.scoreNode(songjiang, scheme, node, { campaigns: shares }, []).indicators[0]).toMatchObject({
      method: "campaign_progress",
      score: 70,
      evidence: { zh: "本期专项整治 2 项，应检 20 家，已检 14 家" },
      link: { kind: "campaigns", nodeId: "t", campaignIds: ["c1", "c2"] },
    });
    expect(Assessment.scoreNode(songjiang, scheme, node, { campaigns: [] }, []).indicators[0]!.score).toBeNull();
  });

  it("records: min(count, perPeriod) / perPeriod of the node's records of the kinds; the link names the records", () => {
    const scheme = schemeWith([{ kind: "records", recordKinds: ["training", "drill"], perPeriod: 4 }]);
    const records = [
      { recordId: "r1", kind: "training", date: "2026-02-01" },
      { recordId: "r2", kind: "drill", date: "2026-05-01" },
      { recordId: "r3", kind: "meeting", date: "2026-06-01" },
      { recordId: "r4", kind: "drill", date: "2026-07-01" },
    ];
    expect(Assessment.scoreNode(songjiang, scheme, node, { records }, []).indicators[0]).toMatchObject({
      method: "records",
      score: 75,
      evidence: { zh: "本期记录 3 次，应不少于 4 次" },
      link: { kind: "records", nodeId: "t", recordKinds: ["training", "drill"], recordIds: ["r1", "r2", "r4"] },
    });
    const many = Array.from({ length: 6 }, (_, i) => ({ recordId: `d${i}`, kind: "drill", date: "2026-03-01" }));
    expect(Assessment.scoreNode(songjiang, scheme, node, { records: many }, []).indicators[0]!.score).toBe(100);
    expect(Assessment.scoreNode(songjiang, scheme, node, {}, []).indicators[0]!.score).toBe(0);
  });

  it("a compliance score links to the rules not met", () => {
    const scheme = schemeWith([{ kind: "compliance", areas: ["duty"] }]);
    const findings = [
      { ruleId: "duty.a", status: "met" },
      { ruleId: "duty.b", status: "unmet" },
    ] as never;
    expect(Assessment.scoreNode(songjiang, scheme, node, { findings }, []).indicators[0]).toMatchObject({ score: 50, link: { kind: "findings", nodeId: "t", ruleIds: ["duty.b"] } });
  });

  it("the first day of every inspection period key", () => {
    expect(["2026", "2026-Q3", "2026-H2", "2026-11", "2026-M04x2", "2026-11-23", "W2026-11-23", "2026-11-23x3", "2026-Y2", "nonsense"].map(Assessment.periodKeyStart)).toEqual([
      "2026-01-01",
      "2026-07-01",
      "2026-07-01",
      "2026-11-01",
      "2026-04-01",
      "2026-11-23",
      "2026-11-23",
      "2026-11-23",
      "2026-01-01",
      undefined,
    ]);
  });

  it("songjiang 七(一), 五(三): work plan is scored by inspection coverage and the committees' publicity by their records (12 a year, 六(一)1)", () => {
    const town = songjiang.assessment.schemes.find((s) => s.id === "town_annual")!;
    expect(town.indicators.find((i) => i.id === "work_plan")).toMatchObject({ measures: { kind: "inspection_coverage" }, sourceRef: "songjiang 七(一)" });
    const villages = songjiang.assessment.schemes.find((s) => s.id === "member_units_and_committees")!;
    const publicity = villages.indicators.find((i) => i.id === "village_publicity")!;
    expect(publicity).toMatchObject({ measures: { kind: "records", recordKinds: ["publicity"], perPeriod: 12 }, sourceRef: "songjiang 五(三)" });
    expect(publicity.assumption?.zh).toContain("确保每月一次");
  });

  it("a profile naming an inspection category that does not exist in a coverage measure is refused", () => {
    const profile = structuredClone(songjiang);
    const indicator = profile.assessment.schemes[0]!.indicators.find((i) => i.id === "work_plan")!;
    indicator.measures = { kind: "inspection_coverage", categories: ["no_such_category"] };
    const issues = validateProfile(profile);
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: "profile.reference_missing" })]));
  });
});
