import { describe, expect, it } from "vitest";
import { lianyungang } from "@firegov/profiles/presets/lianyungang";
import { dutyReports, evaluate, expectFinding, expectOnlyChange, withoutPosition, org, people, statuses, with_ } from "./fixtures.ts";

const committee = () => [
  ...people(1, { positions: ["committee_director"], roles: ["town_head"] }),
  ...people(1, { positions: ["committee_executive_deputy"], roles: ["fire_lead"] }),
  ...people(1, { positions: ["committee_deputy_police"], employment: "seconded", secondedFrom: "police_station" }),
  ...people(2, { positions: ["committee_deputy_departments"] }),
];
const station = (onPayroll = 2, auxiliary = 1) => [
  ...people(onPayroll, { bodyId: "town_office", employment: "on_payroll", roles: ["office_staff"] }),
  ...people(auxiliary, { bodyId: "town_office", employment: "auxiliary", roles: ["office_staff"] }),
];
const grade1 = (members: number, vehicles: { type: "water_tanker" | "other_firefighting"; count: number }[]) => ({
  brigadeId: "b1",
  name: "甲镇专职消防队",
  force: "full_time_brigade" as const,
  grade: "grade_1",
  memberCount: members,
  vehicles,
});
const compliantTown = () =>
  with_(org("town"), {
    people: [...committee(), ...station()],
    brigades: [grade1(15, [{ type: "water_tanker", count: 1 }, { type: "other_firefighting", count: 1 }])],
    records: dutyReports(["town_leads", "supervisors_divide_work", "rescue_coordination"], "2025-02-01"),
  });

describe("lianyungang: a town", () => {
  it("meets every organisation rule when fully set up; rules without a period are not judged", () => {
    expect(statuses(evaluate(lianyungang, compliantTown()))).toEqual({
      "composition.committee_director": "met",
      "composition.committee_executive_deputy": "met",
      "composition.committee_deputy_police": "met",
      "composition.committee_deputy_departments": "met",
      "staffing.station_on_payroll": "met",
      "staffing.station_auxiliary": "met",
      "brigades.town_brigade": "met",
      "brigades.grade.grade_1.staff@b1": "met",
      "brigades.grade.grade_1.engines.water_tanker@b1": "met",
      "brigades.grade.grade_1.engines.other_firefighting@b1": "met",
      "obligation.station_meeting": "not_applicable",
      "obligation.situation_analysis": "not_applicable",
      "obligation.infrastructure_review": "not_applicable",
      "obligation.drill": "not_applicable",
      "obligation.work_notice": "not_applicable",
      "obligation.five_into_publicity": "not_applicable",
      "duty.town_leads": "met",
      "duty.supervisors_divide_work": "met",
      "duty.rescue_coordination": "met",
    });
  });

  it.each(["committee_director", "committee_executive_deputy", "committee_deputy_police", "committee_deputy_departments"])(
    "三(一): without the %s, exactly that finding is unmet",
    (position) => {
      expectOnlyChange(lianyungang, compliantTown(), withoutPosition(compliantTown(), position), `composition.${position}`, "unmet", "lianyungang 三(一)");
    },
  );

  it("三(一): a committee without its executive deputy director", () => {
    const data = with_(org("town"), { people: committee().filter((p) => !p.positions.includes("committee_executive_deputy")) });
    const f = expectFinding(evaluate(lianyungang, data), "composition.committee_executive_deputy", "unmet", "lianyungang 三(一)");
    expect(f.evidence.zh).toContain("常务副主任 0 人");
  });

  it("三(二): a fire work station with 1 on-payroll staff member", () => {
    const f = expectFinding(evaluate(lianyungang, with_(org("town"), { people: station(1, 1) })), "staffing.station_on_payroll", "unmet", "lianyungang 三(二)");
    expect(f.evidence).toEqual({ zh: "在编人员 1 人，要求 ≥2 人", en: "on-payroll staff 1, required ≥2" });
    expect(f.severity).toBe("medium");
  });

  it("三(二): a fire work station with no auxiliary staff (若干名 read as ≥1)", () => {
    expectFinding(evaluate(lianyungang, with_(org("town"), { people: station(2, 0) })), "staffing.station_auxiliary", "unmet", "lianyungang 三(二)");
  });

  it("三(四): a grade-1 brigade with 14 members and no second engine", () => {
    const data = with_(org("town"), { brigades: [grade1(14, [{ type: "water_tanker", count: 2 }])] });
    const findings = evaluate(lianyungang, data);
    expectFinding(findings, "brigades.grade.grade_1.staff", "unmet", "lianyungang 三(四)", "b1");
    expectFinding(findings, "brigades.grade.grade_1.engines.water_tanker", "met", "lianyungang 三(四)", "b1");
    expectFinding(findings, "brigades.grade.grade_1.engines.other_firefighting", "unmet", "lianyungang 三(四)", "b1");
  });

  it("三(四): a grade-2 brigade with 10 members and a water tanker", () => {
    const data = with_(org("town"), { brigades: [{ ...grade1(10, [{ type: "water_tanker", count: 1 }]), grade: "grade_2" }] });
    const findings = evaluate(lianyungang, data);
    expectFinding(findings, "brigades.grade.grade_2.staff", "met", "lianyungang 三(四)", "b1");
    expectFinding(findings, "brigades.grade.grade_2.engines.water_tanker", "met", "lianyungang 三(四)", "b1");
  });

  it("三(四): a town without a full-time brigade", () => {
    expectFinding(evaluate(lianyungang, org("town")), "brigades.town_brigade", "unmet", "lianyungang 三(四)");
  });
});

describe("lianyungang: a village", () => {
  it("三(四): has a micro fire station, or has not", () => {
    const station = { brigadeId: "m1", name: "甲村微型消防站", force: "micro_station" as const, memberCount: 6, vehicles: [] };
    expectFinding(evaluate(lianyungang, with_(org("village"), { brigades: [station] })), "brigades.village_micro_station", "met", "lianyungang 三(四)");
    expectFinding(evaluate(lianyungang, org("village")), "brigades.village_micro_station", "unmet", "lianyungang 三(四)");
  });

  it("三(五): grid workers are covered by key-group training, which sets no period", () => {
    const data = with_(org("village"), { people: people(2, { roles: ["grid_worker"] }) });
    const f = expectFinding(evaluate(lianyungang, data), "obligation.key_group_training", "not_applicable", "lianyungang 三(五)");
    expect(f.evidence.zh).toContain("应参训 2 人");
  });

  it("judges no town rule at a village", () => {
    const ids = evaluate(lianyungang, org("village")).map((f) => f.ruleId);
    expect(ids).toEqual(["brigades.village_micro_station", "duty.villages_self_manage"]);
  });
});
