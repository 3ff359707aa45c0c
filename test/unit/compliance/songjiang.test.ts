import { describe, expect, it } from "vitest";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { evaluate, expectFinding, expectOnlyChange, withoutPosition, org, people, reaching, FIVE_INTO, statuses, with_, dutyReports } from "./fixtures.ts";

const committee = (memberUnits = 14) => [
  ...people(1, { positions: ["committee_director"], roles: ["town_head", "town_leader"] }),
  ...people(1, { positions: ["committee_deputy_fire_lead", "committee_office_director"], roles: ["fire_lead", "town_leader"] }),
  ...people(1, { positions: ["committee_deputy_police"], employment: "seconded", secondedFrom: "police_station", roles: ["police_station_head"] }),
  ...people(memberUnits, { positions: ["committee_member_units"], roles: ["member_unit_head"] }),
];
const office = (onPayroll = 1, auxiliary = 1) => [
  ...people(1, { bodyId: "town_office", positions: ["office_director"], roles: ["office_head"] }),
  ...people(onPayroll - 1, { bodyId: "town_office", roles: ["office_staff"] }),
  ...people(auxiliary, { bodyId: "town_office", employment: "auxiliary", roles: ["office_staff"] }),
];
const attend = (personId: string, date: string, obligationId?: string) => ({ personId, recordId: `t-${date}`, kind: "training" as const, date, ...(obligationId ? { obligationId } : {}) });

const plan = (date: string) => ({ recordId: `plan-${date}`, kind: "annual_plan" as const, date, workNotices: 0, obligationId: "force_building_plan" });

describe("songjiang: a town", () => {
  it("meets every rule with its committee, office and trained leaders", () => {
    const staff = [...committee(), ...office()];
    const covered = staff.filter((p) => p.roles.some((r) => ["town_leader", "office_staff"].includes(r)));
    const data = with_(org("town"), { people: staff, attendance: covered.map((p) => attend(p.personId, "2025-04-10")), records: [plan("2025-02-20"), ...reaching("publicity", "2025-03-01", FIVE_INTO), ...dutyReports(["town_committee_duties", "town_office_duties"], "2025-03-01")] });
    expect(statuses(evaluate(songjiang, data))).toEqual({
      "composition.committee_director": "met",
      "composition.committee_deputy_fire_lead": "met",
      "composition.committee_deputy_police": "met",
      "composition.committee_office_director": "met",
      "composition.committee_member_units": "met",
      "composition.office_director": "met",
      "staffing.office_on_payroll": "met",
      "staffing.office_auxiliary": "met",
      "obligation.force_building_plan": "met",
      "obligation.five_into_publicity": "met",
      "obligation.annual_training": "met",
      "duty.town_committee_duties": "met",
      "duty.town_office_duties": "met",
    });
  });

  it.each([
    ["committee_director", "songjiang 四(一)"],
    ["committee_deputy_fire_lead", "songjiang 四(一)"],
    ["committee_deputy_police", "songjiang 四(一)"],
    ["committee_member_units", "songjiang 四(一)"],
    ["office_director", "songjiang 四(二)"],
  ])("without the %s, exactly that finding is unmet (%s)", (position, clause) => {
    const good = with_(org("town"), { people: [...committee(), ...office()] });
    expectOnlyChange(songjiang, good, withoutPosition(good, position), `composition.${position}`, "unmet", clause);
  });

  it("四(一): a committee with 13 of its 14 member units", () => {
    const f = expectFinding(evaluate(songjiang, with_(org("town"), { people: committee(13) })), "composition.committee_member_units", "unmet", "songjiang 四(一)");
    expect(f.evidence.zh).toContain("成员部门 13 人，要求 ≥14 人");
  });

  it("四(一): the 消防委办 is directed by the town leader in charge of fire, and without that director it is unmet", () => {
    const good = with_(org("town"), { people: [...committee(), ...office()] });
    const director = good.people.find((p) => p.positions.includes("committee_office_director"))!;
    expect(director.roles).toContain("fire_lead");
    expectOnlyChange(songjiang, good, withoutPosition(good, "committee_office_director"), "composition.committee_office_director", "unmet", "songjiang 四(一)");
  });

  it("五(一)3: the year's plan for building the fire forces, missing this year and last (overdue), then made", () => {
    expectFinding(evaluate(songjiang, org("town")), "obligation.force_building_plan", "overdue", "songjiang 五(一)3");
    expectFinding(evaluate(songjiang, with_(org("town"), { records: [plan("2025-02-20")] })), "obligation.force_building_plan", "met", "songjiang 五(一)3");
  });

  it("四(二): an office with no on-payroll and no auxiliary staff", () => {
    const findings = evaluate(songjiang, with_(org("town"), { people: people(1, { bodyId: "town_office", employment: "contracted", positions: ["office_director"] }) }));
    expectFinding(findings, "staffing.office_on_payroll", "unmet", "songjiang 四(二)");
    expectFinding(findings, "staffing.office_auxiliary", "unmet", "songjiang 四(二)");
    expectFinding(findings, "composition.office_director", "met", "songjiang 四(二)");
  });
});

describe("songjiang 五(一)7: the committee's 五进 publicity", () => {
  it("songjiang 五(一)7: each of the five targets once a year (the system's period); a target left out last year is overdue", () => {
    const data = with_(org("town"), { records: [...reaching("publicity", "2024-04-01", ["企业", "农村", "社区", "学校"]), ...reaching("publicity", "2025-03-01", ["企业"])] });
    const f = expectFinding(evaluate(songjiang, data), "obligation.five_into_publicity", "overdue", "songjiang 五(一)7");
    expect(f.evidence.zh).toContain("未覆盖：农村、社区、学校、家庭");
    expect(f.severity).toBe("high");
  });
});

describe("songjiang: a residents' / villagers' committee", () => {
  const heads = () => [
    ...people(1, { positions: ["village_responsible"], roles: ["village_head"] }),
    ...people(1, { positions: ["village_fire_manager"], roles: ["village_committee_member", "village_fire_manager"] }),
  ];
  const micro = { brigadeId: "m1", name: "微型消防站", force: "micro_station" as const, memberCount: 5, vehicles: [] };

  it("四(一): its head, one fire-safety manager, and a micro fire station (五(三)3)", () => {
    const findings = evaluate(songjiang, with_(org("village"), { people: heads(), brigades: [micro] }));
    expectFinding(findings, "composition.village_responsible", "met", "songjiang 四(一)");
    expectFinding(findings, "composition.village_fire_manager", "met", "songjiang 四(一)");
    expectFinding(findings, "brigades.village_micro_station", "met", "songjiang 五(三)3");
  });

  it("四(一): two fire-safety managers where the document names one", () => {
    const data = with_(org("village"), { people: [...heads(), ...people(1, { positions: ["village_fire_manager"] })] });
    expectFinding(evaluate(songjiang, data), "composition.village_fire_manager", "unmet", "songjiang 四(一)");
  });

  it("五(三)3: no micro fire station", () => {
    expectFinding(evaluate(songjiang, org("village")), "brigades.village_micro_station", "unmet", "songjiang 五(三)3");
  });
});

describe("songjiang 八(三): training at least once a year", () => {
  it("a grid worker not trained this year, while the fire-safety manager was", () => {
    const [grid] = people(1, { roles: ["grid_worker"] });
    const [manager] = people(1, { roles: ["village_fire_manager"] });
    const data = with_(org("village"), { people: [grid!, manager!], attendance: [attend(manager!.personId, "2025-03-03"), attend(grid!.personId, "2024-12-30")] });
    const f = expectFinding(evaluate(songjiang, data), "obligation.annual_training", "unmet", "songjiang 八(三)");
    expect(f.evidence.en).toContain(`1 of 2 covered people trained since 2025-01-01; not yet: ${grid!.name}`);
  });

  it("full-time firefighters need their own centralised rotation: other training does not count", () => {
    const [firefighter] = people(1, { roles: ["full_time_firefighter"] });
    // A town recorded this year: last year is not held against it.
    const other = with_(org("town", { createdOn: "2025-01-01" }), { people: [firefighter!], attendance: [attend(firefighter!.personId, "2025-03-03", "annual_training")] });
    expectFinding(evaluate(songjiang, other), "obligation.firefighter_rotation", "unmet", "songjiang 八(三)");
    const own = with_(org("town"), { people: [firefighter!], attendance: [attend(firefighter!.personId, "2025-03-03", "firefighter_rotation")] });
    expectFinding(evaluate(songjiang, own), "obligation.firefighter_rotation", "met", "songjiang 八(三)");
  });

  it("still untrained in December: due soon (trained last year), overdue (not trained last year either)", () => {
    const [worker] = people(1, { roles: ["grid_worker"] });
    const trainedLastYear = with_(org("village"), { people: [worker!], attendance: [attend(worker!.personId, "2024-05-06")] });
    expectFinding(evaluate(songjiang, trainedLastYear, "2025-12-05"), "obligation.annual_training", "due_soon", "songjiang 八(三)");
    const f = expectFinding(evaluate(songjiang, with_(org("village"), { people: [worker!] }), "2025-12-05"), "obligation.annual_training", "overdue", "songjiang 八(三)");
    expect(f.evidence.zh).toContain("上一周期（2024-01-01 至 2024-12-31）未完成");
  });

  it("a worker hired this year is not held to last year's training", () => {
    const hired = people(1, { roles: ["grid_worker"], hiredOn: "2025-03-01" });
    expectFinding(evaluate(songjiang, with_(org("village"), { people: hired }), "2025-06-15"), "obligation.annual_training", "unmet", "songjiang 八(三)");
  });
});
