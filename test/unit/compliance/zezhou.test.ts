import { describe, expect, it } from "vitest";
import { zezhou } from "@firegov/profiles/presets/zezhou";
import { evaluate, expectFinding, expectOnlyChange, withoutPosition, org, people, record, reaching, FIVE_INTO, statuses, with_ } from "./fixtures.ts";

const EIGHT = ["premises", "sign", "seal", "rules", "funding", "equipment", "uniform", "work_archive"];
const items = (ids: string[], metOn: string) => ids.map((itemId) => ({ standardId: "eight_haves", itemId, metOn }));
const station = (total: number, onPayroll: number) => [
  ...people(onPayroll, { bodyId: "town_office", employment: "on_payroll", roles: ["office_staff"] }),
  ...people(total - onPayroll, { bodyId: "town_office", employment: "auxiliary", roles: ["office_staff"] }),
];
const leadership = () => [
  ...people(1, { bodyId: "town_office", employment: "on_payroll", positions: ["station_head", "committee_deputy"], roles: ["fire_lead"] }),
  ...people(2, { positions: ["committee_director"], roles: ["town_head"] }),
];

describe("zezhou: a town (巴公镇, one of the six planning towns)", () => {
  const town = (extra = {}) => with_(org("town", { name: "巴公镇" }), extra);

  it("meets every rule once set up, its station standard met in time and its milestones done", () => {
    const data = town({
      people: [...leadership(), ...station(3, 2)],
      standardItems: items(EIGHT, "2023-09-20"),
      coverage: [{ brigadeId: "z1", name: "片区一级队", force: "full_time_brigade", grade: "grade_1" }],
      milestones: [
        { milestoneId: "town_committee", metOn: "2023-09-01" },
        { milestoneId: "town_fire_special_plan", metOn: "2023-12-01" },
      ],
      records: [record("analysis", "2024-02-01"), ...reaching("publicity", "2024-01-15", FIVE_INTO)],
    });
    expect(statuses(evaluate(zezhou, data, "2024-03-01"))).toEqual({
      "composition.station_head": "met",
      "composition.committee_director": "met",
      "composition.committee_deputy": "met",
      "staffing.station_total": "met",
      "staffing.station_on_payroll": "met",
      "brigades.zone_brigade": "met",
      "standard.eight_haves": "met",
      "milestone.town_committee": "met",
      "milestone.town_fire_special_plan": "met",
      "obligation.risk_evaluation": "met",
      "obligation.five_into_publicity": "met",
    });
  });

  it.each([
    ["station_head", "zezhou 三(二)"],
    ["committee_director", "zezhou 三(三)"],
    ["committee_deputy", "zezhou 三(三)"],
  ])("without the %s, exactly that finding is unmet (%s)", (position, clause) => {
    const good = town({ people: [...leadership(), ...station(3, 2)], standardItems: items(EIGHT, "2023-09-20") });
    expectOnlyChange(zezhou, good, withoutPosition(good, position), `composition.${position}`, "unmet", clause, "2024-03-01");
  });

  it("三(一): the 八有 standard incomplete after 2023-09-30 is overdue", () => {
    const f = expectFinding(evaluate(zezhou, town({ standardItems: items(EIGHT.slice(0, 5), "2023-09-01") }), "2023-10-08"), "standard.eight_haves", "overdue", "zezhou 三(一)");
    expect(f.evidence.zh).toBe("“八有”建设标准已达标 5/8 项，缺：有装备、有统一服装、有工作档案，期限 2023-09-30，已逾期 8 天");
    expect(f.severity).toBe("high");
  });

  it("三(一): incomplete within 30 days of the deadline is due soon; earlier it is unmet", () => {
    const data = town({ standardItems: items(EIGHT.slice(0, 7), "2023-08-20") });
    expectFinding(evaluate(zezhou, data, "2023-09-10"), "standard.eight_haves", "due_soon", "zezhou 三(一)");
    expectFinding(evaluate(zezhou, data, "2023-08-10"), "standard.eight_haves", "unmet", "zezhou 三(一)");
  });

  it("三(一): all eight met, but after the deadline, is met and says so", () => {
    const f = expectFinding(evaluate(zezhou, town({ standardItems: items(EIGHT, "2023-10-15") }), "2024-01-01"), "standard.eight_haves", "met", "zezhou 三(一)");
    expect(f.evidence.zh).toContain("晚于期限 2023-09-30");
  });

  it("三(二): a station of 2 staff, and of 6", () => {
    expectFinding(evaluate(zezhou, town({ people: station(2, 2) })), "staffing.station_total", "unmet", "zezhou 三(二)");
    expectFinding(evaluate(zezhou, town({ people: station(6, 2) })), "staffing.station_total", "unmet", "zezhou 三(二)");
  });

  it("三(二): a station of 4 with one on-payroll member, and no head", () => {
    const findings = evaluate(zezhou, town({ people: station(4, 1) }));
    expectFinding(findings, "staffing.station_on_payroll", "unmet", "zezhou 三(二)");
    expectFinding(findings, "composition.station_head", "unmet", "zezhou 三(二)");
  });

  it("三(三): no committee by 2023-09-30: the milestone is overdue and the director missing", () => {
    const findings = evaluate(zezhou, town(), "2023-11-01");
    expectFinding(findings, "milestone.town_committee", "overdue", "zezhou 三(三)");
    expectFinding(findings, "composition.committee_director", "unmet", "zezhou 三(三)");
  });

  it("三(三): three directors are too many (党政主要负责人: 1–2)", () => {
    expectFinding(evaluate(zezhou, town({ people: people(3, { positions: ["committee_director"] }) })), "composition.committee_director", "unmet", "zezhou 三(三)");
  });

  it("三(五): the six named towns owe a fire special plan, the other ten a chapter", () => {
    const named = evaluate(zezhou, town(), "2024-01-15");
    expectFinding(named, "milestone.town_fire_special_plan", "overdue", "zezhou 三(五)");
    expect(named.some((f) => f.ruleId === "milestone.town_fire_chapter")).toBe(false);
    const other = evaluate(zezhou, org("town", { name: "南村镇" }), "2023-12-15");
    expectFinding(other, "milestone.town_fire_chapter", "due_soon", "zezhou 三(五)");
    expect(other.some((f) => f.ruleId === "milestone.town_fire_special_plan")).toBe(false);
  });

  it("三(六): a town in no zone of a grade-1 brigade or integrated team", () => {
    expectFinding(evaluate(zezhou, town({ coverage: [{ brigadeId: "g2", name: "二级队", force: "full_time_brigade", grade: "grade_2" }] })), "brigades.zone_brigade", "unmet", "zezhou 三(六)");
    expectFinding(evaluate(zezhou, town({ coverage: [{ brigadeId: "i1", name: "整合队伍", force: "integrated_team" }] })), "brigades.zone_brigade", "met", "zezhou 三(六)");
  });
});

describe("zezhou: regular (常态化, 定期) work read with the system's default period", () => {
  it("三(四): the seasonal risk evaluation is judged quarterly; a missed quarter is overdue", () => {
    const town = (records: ReturnType<typeof record>[]) => with_(org("town"), { records });
    expectFinding(evaluate(zezhou, town([record("analysis", "2024-11-01")]), "2025-02-10"), "obligation.risk_evaluation", "unmet", "zezhou 三(四)");
    expectFinding(evaluate(zezhou, town([record("analysis", "2024-11-01")]), "2025-04-10"), "obligation.risk_evaluation", "overdue", "zezhou 三(四)");
  });

  it("三(八): 五进 publicity names the targets missing this year", () => {
    const data = with_(org("town", { createdOn: "2025-01-01" }), { records: reaching("publicity", "2025-05-04", ["学校"]) });
    const f = expectFinding(evaluate(zezhou, data, "2025-12-10"), "obligation.five_into_publicity", "due_soon", "zezhou 三(八)");
    expect(f.evidence.en).toBe("Fire-safety publicity “five into”: 1 of 5 targets reached since 2025-01-01; not reached: 企业, 农村, 社区, 家庭 (each required at least once per year); this period ends 2025-12-31, 21 days left");
  });

  it("三(八): an employee moved to a new post without training after it is a finding (转岗轮训)", () => {
    const [moved] = people(1, { roles: ["enterprise_employee"], jobChangedOn: "2025-01-10" });
    const data = with_(org("town"), { people: [moved!], attendance: [{ personId: moved!.personId, recordId: "t", kind: "training" as const, date: "2024-12-01" }] });
    expectFinding(evaluate(zezhou, data, "2025-03-01"), "obligation.enterprise_training.events", "overdue", "zezhou 三(八)");
  });

  it("四(二): periodic training and assessment of grassroots fire staff, once a year each", () => {
    const staff = people(2, { roles: ["grassroots_fire_staff"] });
    const attend = (personId: string, date: string) => ({ personId, recordId: `t-${date}`, kind: "training" as const, date, obligationId: "staff_training_assessment" });
    const data = with_(org("county"), { people: staff, attendance: [attend(staff[0]!.personId, "2025-03-01")] });
    const f = expectFinding(evaluate(zezhou, data), "obligation.staff_training_assessment", "overdue", "zezhou 四(二)");
    expect(f.evidence.zh).toContain(`未参训：${staff[1]!.name}`);
  });
});

describe("zezhou: a village", () => {
  const village = (extra = {}) => with_(org("village", { name: "东村" }), extra);

  it("三(三): the first responsible person and the leading group with its leader and members", () => {
    const data = village({
      people: [
        ...people(1, { positions: ["village_first_responsible"], roles: ["village_head"] }),
        ...people(1, { positions: ["village_group_leader"], roles: ["village_party_secretary"] }),
        ...people(3, { positions: ["village_group_members"], roles: ["village_committee_member"] }),
      ],
    });
    const findings = evaluate(zezhou, data);
    for (const id of ["village_first_responsible", "village_group_leader", "village_group_members"]) expectFinding(findings, `composition.${id}`, "met", "zezhou 三(三)");
    const empty = evaluate(zezhou, village());
    for (const id of ["village_first_responsible", "village_group_leader", "village_group_members"]) expectFinding(empty, `composition.${id}`, "unmet", "zezhou 三(三)");
  });
});

describe("zezhou: the county", () => {
  it("三(五)/三(六): the county plan by 2023-12-31 and full rescue coverage by 2025-12-31", () => {
    const data = with_(org("county", { name: "县" }), { milestones: [{ milestoneId: "county_fire_plan", metOn: "2023-12-20" }] });
    const findings = evaluate(zezhou, data, "2025-12-05");
    expectFinding(findings, "milestone.county_fire_plan", "met", "zezhou 三(五)");
    expectFinding(findings, "milestone.rescue_coverage", "due_soon", "zezhou 三(六)");
    expectFinding(evaluate(zezhou, data, "2026-01-02"), "milestone.rescue_coverage", "overdue", "zezhou 三(六)");
  });
});
