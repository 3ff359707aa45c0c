import { describe, expect, it } from "vitest";
import { Assessment, Compliance } from "@firegov/core";
import { lianyungang } from "@firegov/profiles/presets/lianyungang";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { zezhou } from "@firegov/profiles/presets/zezhou";
import { at, dutyReports, org, people, reaching, FIVE_INTO, with_ } from "../compliance/fixtures.ts";

// Scorecards as pure functions: indicators scored from findings, hazard
// counters or the assessor's entries; weighted totals; ranks; lagging units.

type Profile = typeof songjiang;
const schemeOf = (profile: Profile, id: string) => profile.assessment.schemes.find((s) => s.id === id)!;
const town = (nodeId: string, name: string, parentId = "county"): Assessment.AssessedNode => ({ nodeId, name, path: `/county/${nodeId}`, level: "town", parentId });
const entry = (nodeId: string, indicatorId: string, score: number): Assessment.EnteredScore => ({ nodeId, indicatorId, score, note: "依据检查记录", enteredBy: "u-assessor", enteredAt: "2025-12-20T02:00:00.000Z" });
const indicator = (card: Assessment.Scorecard, id: string) => card.indicators.find((i) => i.indicatorId === id)!;

/** A songjiang town fully set up: committee and its office, office, trained leaders, the forces plan, 五进 publicity, duty reports. */
function songjiangTown(nodeId: string) {
  const staff = [
    ...people(1, { positions: ["committee_director"], roles: ["town_head", "town_leader"] }),
    ...people(1, { positions: ["committee_deputy_fire_lead", "committee_office_director"], roles: ["fire_lead", "town_leader"] }),
    ...people(1, { positions: ["committee_deputy_police"], employment: "seconded", secondedFrom: "police_station", roles: ["police_station_head"] }),
    ...people(14, { positions: ["committee_member_units"], roles: ["member_unit_head"] }),
    ...people(1, { bodyId: "town_office", positions: ["office_director"], roles: ["office_head"] }),
    ...people(1, { bodyId: "town_office", employment: "auxiliary", roles: ["office_staff"] }),
  ];
  const plan = { recordId: "plan-2025", kind: "annual_plan" as const, date: "2025-02-20", workNotices: 0, obligationId: "force_building_plan" };
  const trained = staff.filter((p) => p.roles.some((r) => ["town_leader", "office_staff"].includes(r)));
  return with_(org("town", { nodeId }), {
    people: staff,
    attendance: trained.map((p) => ({ personId: p.personId, recordId: "t1", kind: "training" as const, date: "2025-04-10" })),
    records: [plan, ...reaching("publicity", "2025-03-01", FIVE_INTO), ...dutyReports(["town_committee_duties", "town_office_duties"], "2025-03-01")],
  });
}

describe("songjiang 七(一): the annual assessment of towns on eight items", () => {
  const scheme = schemeOf(songjiang, "town_annual");

  it("songjiang 七(一): data-backed items are computed (责任制落实, 计划实施, 组织运行, 火灾隐患治理, 宣传教育培训), the rest wait for the assessor", () => {
    const findings = Compliance.evaluateNode(songjiang, songjiangTown("a"), at("2025-06-15"));
    // Two quarters of coverage: 9 of 10, then 12 visits to 10 venues due (the extra visits count once): 19 / 20.
    const coverage = [
      { category: "street_shops", period: "2025-Q1", due: 10, inspected: 9 },
      { category: "street_shops", period: "2025-Q2", due: 10, inspected: 12 },
    ];
    const card = Assessment.scoreNode(songjiang, scheme, town("a", "甲镇"), { findings, closure: { closed: 8, late: 2, overdueNow: 0 }, coverage }, []);
    expect(card.indicators.map((i) => [i.indicatorId, i.method, i.score])).toEqual([
      ["responsibility_system", "compliance", 100],
      ["work_plan", "inspection_coverage", 95],
      ["management_rules", "manual", null],
      ["organisation", "compliance", 100],
      ["funding", "manual", null],
      ["hazard_governance", "hazard_closure_on_time", 75],
      ["publicity_training", "compliance", 100],
      ["incident_handling", "incidents", null],
    ]);
    expect(indicator(card, "hazard_governance").evidence?.zh).toBe("本期结案 8 件，其中按期 6 件");
    expect(indicator(card, "responsibility_system").sourceRef).toBe("songjiang 七(一)");
    expect(indicator(card, "work_plan")).toMatchObject({ evidence: { zh: "本期应检 20 家次，已检 19 家次" }, link: { kind: "coverage", nodeId: "a" } });
    // Weighted over what is scored: (100 + 95 + 100 + 75 + 100) / 5.
    expect({ total: card.total, complete: card.complete, scoredWeight: card.scoredWeight, totalWeight: card.totalWeight }).toEqual({ total: 94, complete: false, scoredWeight: 62.5, totalWeight: 100 });
  });

  it("songjiang 七(一): the assessor's scores complete the card; an unreported duty and an untrained leader lower the computed items", () => {
    const base = songjiangTown("b");
    const data = { ...base, records: base.records.filter((r) => r.responsibilityId !== "town_office_duties"), attendance: base.attendance.slice(1) };
    const findings = Compliance.evaluateNode(songjiang, data, at("2025-06-15"));
    const manual = ["work_plan", "management_rules", "funding", "incident_handling"].map((id) => entry("b", id, 80));
    const card = Assessment.scoreNode(songjiang, scheme, town("b", "乙镇"), { findings, closure: { closed: 0, late: 0, overdueNow: 0 } }, manual);
    expect(indicator(card, "responsibility_system")).toMatchObject({ score: 50, failing: ["duty.town_office_duties"], evidence: { zh: "合规检查达标 1/2 项" } });
    // The 五进 publicity was done (songjiang 五(一)7); the leader's training was not.
    expect(indicator(card, "publicity_training")).toMatchObject({ score: 50, failing: ["obligation.annual_training"] });
    expect(indicator(card, "hazard_governance")).toMatchObject({ score: null, evidence: { zh: "本期无结案或逾期的隐患" } });
    expect(indicator(card, "work_plan").entered).toMatchObject({ score: 80, note: "依据检查记录" });
    // (50 + 80 + 80 + 100 + 80 + 50 + 80) / 7 of the 8 equal weights.
    expect(card.total).toBe(74.3);
  });

  it("an assessor's score overrides a computed one, and the card keeps both", () => {
    const card = Assessment.scoreNode(songjiang, scheme, town("c", "丙镇"), { closure: { closed: 4, late: 4, overdueNow: 0 } }, [entry("c", "hazard_governance", 90)]);
    expect(indicator(card, "hazard_governance")).toMatchObject({ computed: 0, score: 90, entered: { score: 90 } });
  });

  it("songjiang 七(一)/七(三): towns are ranked among their siblings; the last, and any below 60, lag", () => {
    const cards = Assessment.rankAndFlag(
      [
        { ...Assessment.scoreNode(songjiang, scheme, town("a", "甲镇"), {}, []), total: 92 },
        { ...Assessment.scoreNode(songjiang, scheme, town("b", "乙镇"), {}, []), total: 75 },
        { ...Assessment.scoreNode(songjiang, scheme, town("c", "丙镇"), {}, []), total: 81 },
        { ...Assessment.scoreNode(songjiang, scheme, town("d", "丁镇", "other-county"), {}, []), total: 55 },
        Assessment.scoreNode(songjiang, scheme, town("e", "戊镇"), {}, []),
      ],
      scheme.lagging,
    );
    expect(cards.map((c) => [c.name, c.rank, c.ranked, c.lagging, c.laggingReasons])).toEqual([
      ["甲镇", 1, 3, false, []],
      ["乙镇", 3, 3, true, ["bottom"]],
      ["丙镇", 2, 3, false, []],
      // Alone under its parent: no ranking to be last in, but below the line.
      ["丁镇", 1, 1, true, ["below_score"]],
      // Nothing scored: neither ranked nor flagged.
      ["戊镇", null, 0, false, []],
    ]);
    expect(scheme.lagging).toMatchObject({ bottom: 1, belowScore: 60, sourceRef: "songjiang 七(三)" });
  });
});

describe("zezhou 四(三): annual assessment; towns that lag are named and criticised", () => {
  const scheme = schemeOf(zezhou, "annual");

  it("zezhou 四(三): default indicators score the tasks of section 三 (marked as an assumption)", () => {
    expect(scheme.indicators.map((i) => [i.id, i.weight, i.measures?.kind ?? "manual"])).toEqual([
      ["organisation", 30, "compliance"],
      ["planning", 15, "compliance"],
      ["forces", 15, "compliance"],
      ["hazard_governance", 25, "hazard_closure_on_time"],
      ["publicity_training", 15, "compliance"],
    ]);
    expect(scheme.indicators.every((i) => i.sourceRef === "zezhou 四(三)" && i.assumption?.zh.includes("默认"))).toBe(true);
  });

  it("zezhou 四(三): the town whose 八有 and committee are missing ranks last and lags; ties at the bottom lag together", () => {
    const set = with_(org("town", { name: "巴公镇" }), {
      people: [
        ...people(1, { bodyId: "town_office", employment: "on_payroll", positions: ["station_head", "committee_deputy"], roles: ["fire_lead"] }),
        ...people(2, { positions: ["committee_director"], roles: ["town_head"] }),
        ...people(2, { bodyId: "town_office", employment: "on_payroll", roles: ["office_staff"] }),
        ...people(1, { bodyId: "town_office", employment: "auxiliary", roles: ["office_staff"] }),
      ],
      standardItems: ["premises", "sign", "seal", "rules", "funding", "equipment", "uniform", "work_archive"].map((itemId) => ({ standardId: "eight_haves", itemId, metOn: "2023-09-01" })),
      coverage: [{ brigadeId: "z1", name: "片区一级队", force: "full_time_brigade", grade: "grade_1" }],
      milestones: [{ milestoneId: "town_committee", metOn: "2023-09-01" }, { milestoneId: "town_fire_special_plan", metOn: "2023-12-01" }],
    });
    const good = Compliance.evaluateNode(zezhou, set, at("2024-03-01"));
    const bare = Compliance.evaluateNode(zezhou, org("town", { name: "周村镇" }), at("2024-03-01"));
    const evidence = new Map<string, Assessment.NodeEvidence>([
      ["a", { findings: good, closure: { closed: 10, late: 1, overdueNow: 0 } }],
      ["b", { findings: bare, closure: { closed: 10, late: 5, overdueNow: 0 } }],
      ["c", { findings: bare, closure: { closed: 10, late: 5, overdueNow: 0 } }],
    ]);
    const cards = Assessment.scorecards(zezhou, scheme, [town("a", "巴公镇"), town("b", "周村镇"), town("c", "高都镇")], evidence, []);
    const [a, b, c] = cards;
    expect(a!.total!).toBeGreaterThan(b!.total!);
    expect([a!.rank, b!.rank, c!.rank]).toEqual([1, 2, 2]);
    expect(cards.map((card) => card.lagging)).toEqual([false, true, true]);
    expect(b!.laggingReasons).toContain("bottom");
    expect(a!.total).toBeGreaterThan(60);
  });

  it("a ranking where every town ties has nobody behind", () => {
    const cards = Assessment.rankAndFlag([town("a", "甲"), town("b", "乙")].map((n) => ({ ...Assessment.scoreNode(zezhou, scheme, n, {}, []), total: 70 })), scheme.lagging);
    expect(cards.map((c) => [c.rank, c.lagging])).toEqual([[1, false], [1, false]]);
  });
});

describe("schemes the documents give no indicators", () => {
  it("qidong 一(二): the committee's assessment names nobody assessed: data only", () => {
    expect(Assessment.assessedLevelsOf(qidong, schemeOf(qidong, "committee_assessment"))).toEqual([]);
  });

  it("a scheme without indicators is one overall score the assessor enters", () => {
    const bare = { ...schemeOf(qidong, "committee_assessment"), assessedLevels: ["town" as const], indicators: [] };
    expect(Assessment.indicatorsOf(bare).map((i) => [i.id, i.weight, i.measures])).toEqual([["overall", 100, undefined]]);
    const card = Assessment.scoreNode(qidong, bare, town("a", "甲镇"), {}, [entry("a", "overall", 66)]);
    expect({ total: card.total, complete: card.complete }).toEqual({ total: 66, complete: true });
  });

  it("qidong 四(十二): towns and villages are assessed; lianyungang 四(三): townships, with default indicators", () => {
    expect(Assessment.assessedLevelsOf(qidong, schemeOf(qidong, "city_annual"))).toEqual(["town", "village"]);
    expect(schemeOf(lianyungang, "annual").indicators.map((i) => i.measures?.kind)).toEqual(["compliance", "compliance", "compliance", "hazard_closure_on_time", "compliance"]);
  });

  it("songjiang 五(一)6: the committees (居村委) are assessed yearly by their town, scored on their duties and micro station", () => {
    const scheme = schemeOf(songjiang, "member_units_and_committees");
    expect(Assessment.frequencyOf(scheme)).toEqual({ every: 1, unit: "year" });
    expect(Assessment.assessedLevelsOf(songjiang, scheme)).toEqual(["village"]);
    const findings = Compliance.evaluateNode(songjiang, with_(org("village"), { records: dutyReports(["village_committee_duties"], "2025-02-01") }), at("2025-06-15"));
    const card = Assessment.scoreNode(songjiang, scheme, { nodeId: "v", name: "一村", path: "/county/a/v", level: "village", parentId: "a" }, { findings }, []);
    expect(indicator(card, "village_duties").score).toBe(100);
    expect(indicator(card, "micro_station").score).toBe(0);
  });
});
