import { describe, expect, it } from "vitest";
import { qidong } from "@firegov/profiles/presets/qidong";
import { dutyReports, evaluate, expectFinding, expectOnlyChange, withoutPosition, org, people, statuses, with_ } from "./fixtures.ts";

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
const brigade = { brigadeId: "b1", name: "甲镇政府专职消防救援队", force: "full_time_brigade" as const, memberCount: 12, vehicles: [] };
const town = (extra = {}, unit = "镇") => with_(org("town", { unit }), extra);

describe("qidong: a town", () => {
  it("meets every rule once its committee, office, liaison cadre and brigade are in place", () => {
    const data = town({ people: [...committee(), ...office(), ...liaison()], brigades: [brigade], records: dutyReports(["committee_duties", "office_duties"], "2025-01-20") });
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
      "obligation.committee_situation_analysis": "not_applicable",
      "obligation.office_meeting": "not_applicable",
      "obligation.office_training": "not_applicable",
      "duty.committee_duties": "met",
      "duty.office_duties": "met",
    });
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

  it("二(五): grid workers are covered by the brigade's periodic training, which sets no period", () => {
    const data = with_(org("village"), { people: people(2, { roles: ["grid_worker"] }) });
    expectFinding(evaluate(qidong, data), "obligation.grid_training", "not_applicable", "qidong 二(五)");
  });
});
