import { describe, expect, it } from "vitest";
import { lianyungang } from "@firegov/profiles/presets/lianyungang";
import { evaluate, expectFinding, expectOnlyChange, withoutPosition, org, people, record, reaching, FIVE_INTO, statuses, with_, dutyReports } from "./fixtures.ts";

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
  publicInstitution: true,
  memberCount: members,
  vehicles,
});
const compliantTown = () =>
  with_(org("town"), {
    people: [...committee(), ...station()],
    brigades: [grade1(15, [{ type: "water_tanker", count: 1 }, { type: "other_firefighting", count: 1 }])],
    // The quarter's meeting, which issued a work notice, the year's analysis, review and drill, the year's publicity, and the duties reported.
    records: [record("meeting", "2025-04-08", { workNotices: 1 }), record("analysis", "2025-03-02", { obligationId: "situation_analysis" }), record("analysis", "2025-03-03", { obligationId: "infrastructure_review" }), record("drill", "2025-05-20"), ...reaching("publicity", "2025-03-15", FIVE_INTO), ...dutyReports(["town_leads", "supervisors_divide_work", "rescue_coordination"], "2025-02-01")],
  });

describe("lianyungang: a town", () => {
  it("meets every organisation rule when fully set up and its regular work is recorded; the duties with no period at all are judged yearly", () => {
    expect(statuses(evaluate(lianyungang, compliantTown()))).toEqual({
      "composition.committee_director": "met",
      "composition.committee_executive_deputy": "met",
      "composition.committee_deputy_police": "met",
      "composition.committee_deputy_departments": "met",
      "staffing.station_on_payroll": "met",
      "staffing.station_auxiliary": "met",
      "brigades.town_brigade": "met",
      "brigades.town_brigade.public_institution": "met",
      "brigades.grade.grade_1.staff@b1": "met",
      "brigades.grade.grade_1.engines.water_tanker@b1": "met",
      "brigades.grade.grade_1.engines.other_firefighting@b1": "met",
      "obligation.station_meeting": "met",
      "obligation.situation_analysis": "met",
      "obligation.infrastructure_review": "met",
      "obligation.drill": "met",
      "obligation.work_notice": "met",
      "obligation.five_into_publicity": "met",
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

  it("三(二): the station's regular (定期) meeting and work notices are judged quarterly: a quarter without them is a finding", () => {
    const lastYear = with_(org("town"), { records: [record("meeting", "2024-11-20", { workNotices: 2 })] });
    const findings = evaluate(lianyungang, lastYear);
    const meeting = expectFinding(findings, "obligation.station_meeting", "overdue", "lianyungang 三(二)");
    expect(meeting.evidence.en).toBe("Fire work meeting: 0 since 2025-04-01, required at least once per quarter; the previous period (2025-01-01 to 2025-03-31) was missed");
    expectFinding(findings, "obligation.work_notice", "overdue", "lianyungang 三(二)");
    // A notice issued on its own counts for work notices, not for the meeting.
    const notice = evaluate(lianyungang, with_(lastYear, { records: [record("work_notice", "2025-05-06")] }));
    expectFinding(notice, "obligation.work_notice", "met", "lianyungang 三(二)");
    expectFinding(notice, "obligation.station_meeting", "overdue", "lianyungang 三(二)");
  });

  it("三(五): 五进 publicity is judged per target: the finding names the targets not reached this year", () => {
    const data = with_(org("town"), { records: [...reaching("publicity", "2024-10-01", FIVE_INTO), ...reaching("publicity", "2025-03-15", ["企业", "社区"]), record("publicity", "2025-04-01")] });
    const f = expectFinding(evaluate(lianyungang, data), "obligation.five_into_publicity", "unmet", "lianyungang 三(五)");
    expect(f.evidence.zh).toBe("消防安全宣传“五进”：2025-01-01 起已覆盖 2/5 个对象，未覆盖：农村、学校、家庭（要求每个对象每年至少 1 次）；另有 1 次未注明对象，不计入");
    // Last year a school was not reached either: that target is overdue, and so is the finding.
    const lastYearMissed = with_(org("town"), { records: reaching("publicity", "2024-10-01", ["企业", "农村", "社区", "家庭"]) });
    const late = expectFinding(evaluate(lianyungang, lastYearMissed), "obligation.five_into_publicity", "overdue", "lianyungang 三(五)");
    expect(late.evidence.zh).toContain("上一周期（2024-01-01 至 2024-12-31）未完成");
    expectFinding(evaluate(lianyungang, with_(org("town"), { records: reaching("publicity", "2025-02-01", FIVE_INTO) })), "obligation.five_into_publicity", "met", "lianyungang 三(五)");
  });

  it("三(四): a town without a full-time brigade", () => {
    expectFinding(evaluate(lianyungang, org("town")), "brigades.town_brigade", "unmet", "lianyungang 三(四)");
  });
});

describe("lianyungang 三(五): enterprises train on hire and on change of post (入职必训、转岗轮训)", () => {
  const attend = (personId: string, date: string) => ({ personId, recordId: `t-${date}-${personId}`, kind: "training" as const, date, obligationId: "enterprise_training" });

  it("lianyungang 三(五): a person hired or moved since their last training, untrained 30 days on, is a finding", () => {
    const [trained] = people(1, { roles: ["enterprise_employee"], hiredOn: "2025-06-01" });
    const [moved] = people(1, { roles: ["enterprise_employee"], hiredOn: "2019-03-01", jobChangedOn: "2025-04-01" });
    const [recent] = people(1, { roles: ["enterprise_employee"], hiredOn: "2025-06-10" });
    const data = with_(org("town"), { people: [trained!, moved!, recent!], attendance: [attend(trained!.personId, "2025-06-05"), attend(moved!.personId, "2025-03-01")] });
    const f = expectFinding(evaluate(lianyungang, data), "obligation.enterprise_training.events", "overdue", "lianyungang 三(五)");
    expect(f.evidence.zh).toBe(
      `企业全员消防培训（入职、转岗后 30 天内培训）：2024-01-01 起入职或转岗 3 人，未培训 2 人：${moved!.name}（2025-04-01 转岗，期限 2025-05-01，已逾期 45 天）、${recent!.name}（2025-06-10 入职，2025-07-10 前）`,
    );
    expect(f.severity).toBe("high");
  });

  it("lianyungang 三(五): trained after the move, and a hire still within the window, are not overdue", () => {
    const [moved] = people(1, { roles: ["enterprise_employee"], jobChangedOn: "2025-04-01" });
    const [recent] = people(1, { roles: ["enterprise_employee"], hiredOn: "2025-06-10" });
    const data = with_(org("town"), { people: [moved!, recent!], attendance: [attend(moved!.personId, "2025-04-20")] });
    expectFinding(evaluate(lianyungang, data), "obligation.enterprise_training.events", "due_soon", "lianyungang 三(五)");
    const all = with_(data, { attendance: [attend(recent!.personId, "2025-06-12")] });
    expectFinding(evaluate(lianyungang, all), "obligation.enterprise_training.events", "met", "lianyungang 三(五)");
  });

  it("lianyungang 三(五): the window is the profile's marked default (30 days)", () => {
    expect(lianyungang.obligations.find((o) => o.id === "enterprise_training")?.eventWindowDays).toMatchObject({ value: 30, sourceRef: null });
  });
});

describe("lianyungang: a village", () => {
  it("三(四): has a micro fire station, or has not", () => {
    const station = { brigadeId: "m1", name: "甲村微型消防站", force: "micro_station" as const, memberCount: 6, vehicles: [] };
    expectFinding(evaluate(lianyungang, with_(org("village"), { brigades: [station] })), "brigades.village_micro_station", "met", "lianyungang 三(四)");
    expectFinding(evaluate(lianyungang, org("village")), "brigades.village_micro_station", "unmet", "lianyungang 三(四)");
  });

  it("三(五): grid workers are covered by key-group training, which sets no period: judged yearly, untrained this year and last is overdue", () => {
    const data = with_(org("village"), { people: people(2, { roles: ["grid_worker"] }) });
    const f = expectFinding(evaluate(lianyungang, data), "obligation.key_group_training", "overdue", "lianyungang 三(五)");
    expect(f.evidence.zh).toContain("应参训 2 人");
  });

  it("judges no town rule at a village", () => {
    const ids = evaluate(lianyungang, org("village")).map((f) => f.ruleId);
    expect(ids).toEqual(["brigades.village_micro_station", "duty.villages_self_manage"]);
  });
});
