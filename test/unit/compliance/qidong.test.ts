import { describe, expect, it } from "vitest";
import { qidong } from "@firegov/profiles/presets/qidong";
import { evaluate, expectFinding, expectOnlyChange, withoutPosition, org, people, reaching, record, statuses, with_, dutyReports } from "./fixtures.ts";

const committee = () => [
  ...people(1, { positions: ["committee_director"], roles: ["town_head"] }),
  ...people(1, { positions: ["committee_deputy"], roles: ["fire_lead"] }),
  ...people(1, { positions: ["committee_member_police"], employment: "seconded", secondedFrom: "police_station", roles: ["police_station_head"] }),
  ...people(3, { positions: ["committee_member_agencies"], roles: ["functional_agency_head"] }),
];
const office = (contracted = 2) => [
  ...people(1, { bodyId: "town_office", positions: ["office_director"], roles: ["safety_bureau_head"] }),
  ...people(1, { bodyId: "town_office", positions: ["office_deputy_cadre"], roles: ["office_cadre"] }),
  ...people(1, { bodyId: "town_office", employment: "seconded", secondedFrom: "police_station", positions: ["office_deputy_police"], roles: ["police_deputy_head"] }),
  ...people(1, { bodyId: "town_office", positions: ["office_deputy_brigade"], roles: ["brigade_captain"] }),
  ...people(contracted, { bodyId: "town_office", employment: "contracted", roles: ["office_staff"] }),
];
const liaison = (count = 1) => people(count, { bodyId: "county_brigade", employment: "seconded", secondedFrom: "county_brigade", roles: ["liaison_cadre"] });
const brigade = { brigadeId: "b1", name: "甲镇政府专职消防救援队", force: "full_time_brigade" as const, memberCount: 12, vehicles: [], publicInstitution: true };
const town = (extra = {}, unit = "镇") => with_(org("town", { unit }), extra);

describe("qidong: a town", () => {
  const kept = () => [record("analysis", "2025-04-10"), record("meeting", "2025-05-12"), ...reaching("training", "2025-03-01", ["村（社区）", "辖区单位场所"])];

  it("meets every rule once its committee, office, liaison cadre and brigade are in place and its regular work is recorded", () => {
    const data = town({ people: [...committee(), ...office(), ...liaison()], brigades: [brigade], records: [...kept(), ...dutyReports(["committee_duties", "office_duties"], "2025-01-20")] });
    expect(statuses(evaluate(qidong, data))).toEqual({
      "composition.committee_director": "met",
      "composition.committee_deputy": "met",
      "composition.committee_member_police": "met",
      "composition.committee_member_agencies": "met",
      "composition.office_director": "met",
      "composition.office_deputy_cadre": "met",
      "composition.office_deputy_police": "met",
      "composition.office_deputy_brigade": "met",
      "staffing.office_contracted": "met",
      "staffing.liaison_cadre_per_town": "met",
      "brigades.town_brigade": "met",
      "brigades.town_brigade.public_institution": "met",
      "brigades.personnel.pay_floor@b1": "not_applicable",
      "brigades.personnel.long_service_subsidy@b1": "met",
      "obligation.committee_situation_analysis": "met",
      "obligation.office_meeting": "met",
      "obligation.office_training": "met",
      "duty.committee_duties": "met",
      "duty.office_duties": "met",
    });
  });

  it("一(二): the office's regular (定期) fire work meeting is judged quarterly: a quarter without one is a finding", () => {
    // Judged 2025-06-15: nothing since March, Q1 had none either.
    const missed = expectFinding(evaluate(qidong, town({ records: [record("meeting", "2024-12-02")] })), "obligation.office_meeting", "overdue", "qidong 一(二)");
    expect(missed.evidence.zh).toBe("消防工作会议：2025-04-01 起 0 次，要求每季度至少 1 次；上一周期（2025-01-01 至 2025-03-31）未完成");
    expect(missed.text).toBe("定期牵头召开消防工作会议，部署开展消防工作");
    expectFinding(evaluate(qidong, town({ records: [record("meeting", "2025-02-20")] }), "2025-05-10"), "obligation.office_meeting", "unmet", "qidong 一(二)");
    expectFinding(evaluate(qidong, town({ records: [record("meeting", "2025-02-20")] }), "2025-06-05"), "obligation.office_meeting", "due_soon", "qidong 一(二)");
    expectFinding(evaluate(qidong, town({ records: [record("meeting", "2025-04-20")] })), "obligation.office_meeting", "met", "qidong 一(二)");
  });

  it("一(二): the office's routine (常态化) training reaches villages and local units each year: a target not reached is named", () => {
    const f = expectFinding(evaluate(qidong, town({ records: reaching("training", "2025-03-01", ["村（社区）"]) }), "2025-05-10"), "obligation.office_training", "overdue", "qidong 一(二)");
    expect(f.evidence.zh).toContain("已覆盖 1/2 个对象，未覆盖：辖区单位场所（要求每个对象每年至少 1 次）");
    const both = town({ records: reaching("training", "2025-03-01", ["村（社区）", "辖区单位场所"]) });
    expectFinding(evaluate(qidong, both, "2025-05-10"), "obligation.office_training", "met", "qidong 一(二)");
  });

  it("一(二): the committee's regular (定期) situation analysis is judged quarterly", () => {
    expectFinding(evaluate(qidong, town()), "obligation.committee_situation_analysis", "overdue", "qidong 一(二)");
    expectFinding(evaluate(qidong, town({ records: [record("analysis", "2025-06-01")] })), "obligation.committee_situation_analysis", "met", "qidong 一(二)");
  });

  it.each([
    "committee_director",
    "committee_deputy",
    "committee_member_police",
    "committee_member_agencies",
    "office_director",
    "office_deputy_cadre",
    "office_deputy_police",
    "office_deputy_brigade",
  ])("一(一): without the %s, exactly that finding is unmet", (position) => {
    const good = town({ people: [...committee(), ...office(), ...liaison()], brigades: [brigade] });
    expectOnlyChange(qidong, good, withoutPosition(good, position), `composition.${position}`, "unmet", "qidong 一(一)");
  });

  it("一(一): an office with only 1 contracted staff member", () => {
    const f = expectFinding(evaluate(qidong, town({ people: office(1) })), "staffing.office_contracted", "unmet", "qidong 一(一)");
    expect(f.evidence).toEqual({ zh: "政府购买服务人员 1 人，要求 ≥2 人", en: "contracted staff 1, required ≥2" });
  });

  it("一(一): an office without its deputy from the brigade, a committee without the police member", () => {
    const findings = evaluate(qidong, town({ people: [...committee().filter((p) => !p.positions.includes("committee_member_police")), ...office().filter((p) => !p.positions.includes("office_deputy_brigade"))] }));
    expectFinding(findings, "composition.office_deputy_brigade", "unmet", "qidong 一(一)");
    expectFinding(findings, "composition.committee_member_police", "unmet", "qidong 一(一)");
  });

  it("二(六): no liaison cadre from the brigade, and two", () => {
    expectFinding(evaluate(qidong, town()), "staffing.liaison_cadre_per_town", "unmet", "qidong 二(六)");
    expectFinding(evaluate(qidong, town({ people: liaison(2) })), "staffing.liaison_cadre_per_town", "unmet", "qidong 二(六)");
  });

  it("三(七): a town (镇) without a government full-time brigade", () => {
    expectFinding(evaluate(qidong, town()), "brigades.town_brigade", "unmet", "qidong 三(七)");
  });

  it("三(七): the brigade rule names towns only, not industrial parks (园区)", () => {
    const f = expectFinding(evaluate(qidong, town({}, "园区")), "brigades.town_brigade", "not_applicable", "qidong 三(七)");
    expect(f.evidence.zh).toContain("园区");
  });
});

describe("qidong 三(九): what full-time firefighters are owed, judged per brigade", () => {
  const crew = (pays: number[], extra = {}) => pays.map((annualPay) => people(1, { annualPay, ...extra })[0]!);
  const withCrew = (members: ReturnType<typeof crew>, more: Partial<Parameters<typeof with_>[1]> = {}, benchmark: { year: number; amount: number } | null = { year: 2024, amount: 120_000 }) => ({
    ...town({ people: members, brigades: [{ ...brigade, memberIds: members.map((p) => p.personId), memberCount: members.length }], ...more }),
    ...(benchmark ? { wageBenchmark: { nodeId: "city-1", ...benchmark } } : {}),
  });

  it("qidong 三(九): members' average pay at or above last year's local average wage meets the floor; below it is a finding", () => {
    expectFinding(evaluate(qidong, withCrew(crew([110_000, 140_000]))), "brigades.personnel.pay_floor", "met", "qidong 三(九)", "b1");
    const f = expectFinding(evaluate(qidong, withCrew(crew([100_000, 125_000, 110_000]))), "brigades.personnel.pay_floor", "unmet", "qidong 三(九)", "b1");
    expect(f.evidence.zh).toBe("甲镇政府专职消防救援队：队员人均年工资 111,667 元（3 人），基准（上年度当地城镇非私营单位在岗职工平均工资，2024 年）120,000 元；低于基准 2 人");
  });

  it("qidong 三(九): without last year's benchmark figure, or without any member's pay, it cannot be judged and says what is missing", () => {
    const none = expectFinding(evaluate(qidong, withCrew(crew([130_000]), {}, null)), "brigades.personnel.pay_floor", "not_applicable", "qidong 三(九)", "b1");
    expect(none.evidence.zh).toContain("2024 年");
    expect(none.evidence.zh).toContain("尚未录入");
    expectFinding(evaluate(qidong, withCrew(crew([130_000]), {}, { year: 2023, amount: 100_000 })), "brigades.personnel.pay_floor", "not_applicable", "qidong 三(九)", "b1");
    expectFinding(evaluate(qidong, withCrew(people(2, {}))), "brigades.personnel.pay_floor", "not_applicable", "qidong 三(九)", "b1");
  });

  it("qidong 三(九): a member who left after 12 years' continuous service, not retiring, without the subsidy recorded, is a finding", () => {
    const [owed] = people(1, { hiredOn: "2010-03-01", leftOn: "2024-05-01", leftFor: "other" });
    const [retired] = people(1, { hiredOn: "2005-01-01", leftOn: "2024-06-01", leftFor: "retirement" });
    const [short] = people(1, { hiredOn: "2012-06-02", leftOn: "2024-06-01", leftFor: "other" });
    const [paid] = people(1, { hiredOn: "2008-01-01", leftOn: "2023-01-01", leftFor: "other", longServiceBenefitOn: "2023-03-01" });
    const leavers = [owed!, retired!, short!, paid!];
    const data = { ...town({ brigades: [{ ...brigade, memberIds: [], formerMemberIds: leavers.map((p) => p.personId) }] }), leavers };
    const f = expectFinding(evaluate(qidong, data), "brigades.personnel.long_service_subsidy", "unmet", "qidong 三(九)", "b1");
    expect(f.evidence.zh).toBe(`甲镇政府专职消防救援队：连续工作满 12 年退出（非退休）的队员 2 人，未落实（不符合退休条件自主就业的，可以按照规定给予补助）：${owed!.name}`);
    const settled = { ...data, leavers: leavers.map((p) => (p === owed ? { ...p, longServiceBenefitOn: "2024-07-01" } : p)) };
    expectFinding(evaluate(qidong, settled), "brigades.personnel.long_service_subsidy", "met", "qidong 三(九)", "b1");
  });

  it("qidong 三(九): a leaver without a hire date cannot be counted and is named", () => {
    const [undated] = people(1, { leftOn: "2024-05-01", leftFor: "other" });
    const data = { ...town({ brigades: [{ ...brigade, formerMemberIds: [undated!.personId] }] }), leavers: [undated!] };
    const f = expectFinding(evaluate(qidong, data), "brigades.personnel.long_service_subsidy", "met", "qidong 三(九)", "b1");
    expect(f.evidence.zh).toContain(`缺入职或离队日期、无法计算年限：${undated!.name}`);
  });
});

describe("qidong 三(七): a micro fire station at every key unit (消防安全重点单位)", () => {
  const station = (venueId: string) => ({ brigadeId: `m-${venueId}`, name: `${venueId}微型消防站`, force: "micro_station" as const, venueId, memberCount: 6, vehicles: [] });
  const keyUnit = (venueId: string, name: string) => ({ venueId, name, keyUnitLevel: "key_unit" });
  const grid = (extra: Partial<Parameters<typeof with_>[1]>, keyUnits: ReturnType<typeof keyUnit>[]) => ({ ...with_(org("grid"), extra), keyUnits });

  it("qidong 三(七): a key-unit venue without a micro station built at it is a finding, one per venue", () => {
    const findings = evaluate(qidong, grid({ brigades: [station("v-mall")] }, [keyUnit("v-mall", "东方商厦"), keyUnit("v-plant", "启东化工厂")]));
    expectFinding(findings, "brigades.key_unit_micro_station", "met", "qidong 三(七)", "v-mall");
    const f = expectFinding(findings, "brigades.key_unit_micro_station", "unmet", "qidong 三(七)", "v-plant");
    expect(f.evidence).toEqual({ zh: "重点单位“启东化工厂”未建微型消防站", en: "Key unit “启东化工厂” has no micro fire station" });
  });

  it("qidong 三(七): a station of the node not built at the venue, or of another kind, does not count", () => {
    const elsewhere = { ...station("v-other"), brigadeId: "m-x" };
    const volunteers = { ...station("v-plant"), brigadeId: "t-1", force: "volunteer_team" as const };
    const findings = evaluate(qidong, grid({ brigades: [elsewhere, volunteers] }, [keyUnit("v-plant", "启东化工厂")]));
    expectFinding(findings, "brigades.key_unit_micro_station", "unmet", "qidong 三(七)", "v-plant");
  });

  it("qidong 三(七): a node with no key unit has no such finding", () => {
    expect(evaluate(qidong, grid({}, [])).filter((f) => f.ruleId === "brigades.key_unit_micro_station")).toEqual([]);
  });
});

describe("qidong 三(八): the town's full-time brigade is registered as a public-institution legal person", () => {
  it("unmet, naming the brigade, until its registration is recorded; the finding cites 三(八), the brigade's own 三(七)", () => {
    const unregistered = { ...brigade, publicInstitution: undefined };
    const f = expectFinding(evaluate(qidong, town({ brigades: [unregistered] })), "brigades.town_brigade.public_institution", "unmet", "qidong 三(八)");
    expect(f.evidence.zh).toContain("甲镇政府专职消防救援队");
    expectFinding(evaluate(qidong, town({ brigades: [brigade] })), "brigades.town_brigade.public_institution", "met", "qidong 三(八)");
    expectFinding(evaluate(qidong, town({ brigades: [brigade] })), "brigades.town_brigade", "met", "qidong 三(七)");
  });

  it("says nothing of registration where the town has no such brigade (its absence is 三(七)'s finding)", () => {
    const findings = evaluate(qidong, town());
    expect(findings.some((f) => f.ruleId === "brigades.town_brigade.public_institution")).toBe(false);
  });
});

describe("qidong: a village", () => {
  const micro = { brigadeId: "m1", name: "甲村微型消防站", force: "micro_station" as const, memberCount: 6, vehicles: [] };
  const volunteers = { brigadeId: "v1", name: "甲村志愿消防队", force: "volunteer_team" as const, memberCount: 20, vehicles: [] };

  it("三(七): a micro fire station and a volunteer team", () => {
    const findings = evaluate(qidong, with_(org("village"), { brigades: [micro, volunteers] }));
    expectFinding(findings, "brigades.village_micro_station", "met", "qidong 三(七)");
    expectFinding(findings, "brigades.volunteer_team", "met", "qidong 三(七)");
  });

  it("三(七): neither", () => {
    const findings = evaluate(qidong, org("village"));
    expectFinding(findings, "brigades.village_micro_station", "unmet", "qidong 三(七)");
    expectFinding(findings, "brigades.volunteer_team", "unmet", "qidong 三(七)");
  });

  it("二(五): the brigade's periodic (定期) training of grid workers is judged once a year per worker", () => {
    const grid = people(2, { roles: ["grid_worker"] });
    const attend = (personId: string, date: string) => ({ personId, recordId: `t-${date}`, kind: "training" as const, date });
    const data = with_(org("village"), { people: grid, attendance: [attend(grid[0]!.personId, "2024-06-01"), attend(grid[0]!.personId, "2025-03-01"), attend(grid[1]!.personId, "2024-06-01")] });
    const f = expectFinding(evaluate(qidong, data), "obligation.grid_training", "unmet", "qidong 二(五)");
    expect(f.evidence.zh).toContain(`未参训：${grid[1]!.name}`);
  });
});
