import { describe, it, expect } from "vitest";
import { songjiang as p } from "@firegov/profiles/presets/songjiang";
import { byId } from "../by-id.ts";

describe("songjiang preset: 松江区基层消防治理体系建设实施意见", () => {
  it("levels district → 街镇/经开区 → 居委/村委 → 网格", () => {
    expect(p.levels.map((level) => [level.id, level.name.zh])).toEqual([
      ["county", "区"],
      ["town", "街镇（经开区）"],
      ["village", "居（村）委"],
      ["grid", "网格"],
    ]);
  });

  it("songjiang 四(一): 消防委 director = administrative head; deputies = leader in charge + police station head; 14 member units", () => {
    expect(byId(p.composition, "committee_director")).toMatchObject({ body: "town_committee", filledBy: "town_head", sourceRef: "songjiang 四(一)" });
    expect(byId(p.composition, "committee_deputy_fire_lead")).toMatchObject({ filledBy: "fire_lead", sourceRef: "songjiang 四(一)" });
    expect(byId(p.composition, "committee_deputy_police")).toMatchObject({ filledBy: "police_station_head", sourceRef: "songjiang 四(一)" });
    const members = byId(p.composition, "committee_member_units");
    expect(members.units).toHaveLength(14);
    expect(members.units).toContain("综合行政执法队");
    expect(members.sourceRef).toBe("songjiang 四(一)");
  });

  it("songjiang 四(一): 居(村)委 head is responsible; one member is 消防安全管理人; a fire-safety work group", () => {
    expect(byId(p.composition, "village_responsible")).toMatchObject({ filledBy: "village_head", sourceRef: "songjiang 四(一)" });
    expect(byId(p.composition, "village_fire_manager")).toMatchObject({ filledBy: "village_committee_member", count: { min: 1, max: 1 }, sourceRef: "songjiang 四(一)" });
    expect(byId(p.bodies, "village_fire_group")).toMatchObject({ kind: "work_group", within: "village_committee", sourceRef: "songjiang 四(一)" });
  });

  it("songjiang 四(二): a 消防办 with on-payroll full-time and auxiliary staff, which may share a sign with the 应急救援所", () => {
    expect(byId(p.bodies, "town_office")).toMatchObject({ name: { zh: "消防安全管理办公室（消防办）" }, sourceRef: "songjiang 四(二)" });
    expect(byId(p.bodies, "town_office").text).toContain("兼容挂牌");
    expect(byId(p.staffing.rules, "office_on_payroll")).toMatchObject({ employment: "on_payroll", sourceRef: "songjiang 四(二)" });
    expect(byId(p.staffing.rules, "office_auxiliary")).toMatchObject({ employment: "auxiliary", sourceRef: "songjiang 四(二)" });
  });

  it("songjiang 五(一)5: worrying venues are followed up; major hazards go to the district committee for listing", () => {
    expect(byId(p.venues.policies, "worrying_venues")).toMatchObject({ kind: "watchlist", keeper: "town_committee", sourceRef: "songjiang 五(一)5" });
    expect(byId(p.hazards.escalations, "major_to_district")).toMatchObject({
      when: [{ kind: "severity", severities: ["major"] }],
      action: "request_listing",
      to: "county_committee",
      sourceRef: "songjiang 五(一)5",
    });
  });

  it("songjiang 五(一)6: member units and 居村委 are assessed; negligent property companies get warning talks, credit deduction, ordered exit", () => {
    expect(byId(p.assessment.schemes, "member_units_and_committees")).toMatchObject({ assessor: "town_committee", sourceRef: "songjiang 五(一)6" });
    const sanctions = ["property_warning_talk", "property_credit_deduction", "property_ordered_exit"].map((id) => byId(p.assessment.incentives, id));
    expect(sanctions.every((sanction) => sanction.kind === "sanction" && sanction.sourceRef === "songjiang 五(一)6")).toBe(true);
  });

  it("songjiang 六(一): three inspection categories — monthly / daily patrol with quarterly coverage / half-yearly", () => {
    expect(p.inspectionCategories.map((category) => [category.id, category.responsibleRole, category.patrolFrequency ?? null, category.coveragePeriod])).toEqual([
      ["residential", "village_fire_staff", null, { every: 1, unit: "month", sourceRef: "songjiang 六(一)1", text: "确保每月一次" }],
      ["street", "town_patroller", { every: 1, unit: "day" }, { every: 1, unit: "quarter", sourceRef: "songjiang 六(一)2", text: "确保每季度全覆盖一次" }],
      ["major_unit", "office_staff", null, { every: 1, unit: "half_year", sourceRef: "songjiang 六(一)3", text: "确保每半年全覆盖一次" }],
    ]);
    expect(p.inspectionCategories.map((category) => category.sourceRef)).toEqual(["songjiang 六(一)1", "songjiang 六(一)2", "songjiang 六(一)3"]);
  });

  it("songjiang 六(一)1: residential checklist — basements, e-bikes, life passages, group renting, fireworks; rented houses' escape routes, combustibles, LPG, rules", () => {
    const category = byId(p.inspectionCategories, "residential");
    expect(category.checklist.map((item) => item.hazardCode)).toEqual([
      "basement_occupancy",
      "ebike_charging",
      "escape_route_blocked",
      "group_renting",
      "fireworks",
      "ebike_charging",
      "combustible_storage",
      "lpg_misuse",
      "management_rules_missing",
    ]);
    expect(category.checklist.every((item) => item.sourceRef === "songjiang 六(一)1")).toBe(true);
    expect(p.venues.kinds.filter((kind) => kind.category === "residential" && kind.sourceRef === "songjiang 六(一)1").map((kind) => kind.name.zh)).toEqual(["住宅小区", "农民自建出租房"]);
  });

  it("songjiang 六(一)3: category 3 checks category 2's items plus its own", () => {
    const category = byId(p.inspectionCategories, "major_unit");
    expect(category.includes).toEqual(["street"]);
    expect(category.checklist.map((item) => item.hazardCode)).toContain("illegal_hot_work");
    const own = category.checklist.filter((item) => item.baseline === undefined);
    expect(own.every((item) => item.sourceRef === "songjiang 六(一)3")).toBe(true);
    // The rest are national baseline items for the high-rise buildings 五(二)6 adds, each keeping its national clause.
    expect(category.checklist.filter((item) => item.baseline !== undefined).map((item) => [item.baseline, item.sourceRef])).toEqual([
      ["high_rise_control_room_duty", "应急管理部令第5号 第二十六条"],
      ["ebike_not_indoors", "应急管理部令第5号 第三十七条"],
    ]);
  });

  it("songjiang 六(二)1: the closed loop 发现 → 立案 → 派遣 → 处置 → 核查 → 结案; general hazards urged by grassroots staff; multi-department joint enforcement", () => {
    expect(p.hazards.workflow).toMatchObject({
      states: ["discovered", "registered", "dispatched", "rectifying", "verifying", "closed"],
      sourceRef: "songjiang 六(二)1",
    });
    expect(byId(p.hazards.severities, "general")).toMatchObject({ handledBy: { body: "town_office" }, sourceRef: "songjiang 六(二)1" });
    expect(byId(p.hazards.escalations, "multi_department_joint_enforcement")).toMatchObject({
      when: [{ kind: "multi_department" }],
      action: "joint_enforcement",
      to: "town_committee",
      sourceRef: "songjiang 六(二)1",
    });
  });

  it("songjiang 六(二)2: two-level listed supervision — the town lists hard or recurring hazards; the district government lists hard major ones via the committee", () => {
    const [town, district] = p.hazards.listedSupervision;
    expect(town).toMatchObject({ id: "town", level: "town", listedBy: "town_government", sourceRef: "songjiang 六(二)2" });
    expect(town?.triggers.map((trigger) => trigger.when[0]?.kind)).toEqual(["officer_decision", "recurring", "officer_decision"]);
    const recurring = byId(town?.triggers ?? [], "recurring");
    expect(recurring).toMatchObject({ when: [{ kind: "recurring", times: 2, withinDays: 180 }], sourceRef: "songjiang 六(二)2" });
    expect(recurring.assumption?.zh).toContain("未规定");
    expect(district).toMatchObject({ id: "district", level: "county", listedBy: "county_government", via: "county_committee", sourceRef: "songjiang 六(二)2" });
    expect(district?.triggers[0]?.when).toEqual([
      { kind: "severity", severities: ["major"] },
      { kind: "officer_decision", by: "county_committee", criteria: ["整改难度大", "涉及部门多", "资金投入大", "整改周期较长"] },
    ]);
  });

  it("songjiang 六(二)3: departments with fire remit support each step; heavier checks on high-risk areas, holidays and events", () => {
    expect(byId(p.responsibilities, "professional_support")).toMatchObject({ holder: "fire_departments", sourceRef: "songjiang 六(二)3" });
    expect(byId(p.responsibilities, "intensified_checks")).toMatchObject({ holder: "fire_departments", sourceRef: "songjiang 六(二)3" });
  });

  it("songjiang 六(三): fire IoT, 九小场所 enterprise codes, smart detection", () => {
    expect(byId(p.platforms, "fire_iot")).toMatchObject({ functions: ["iot_sensing", "venue_code", "smart_detection"], sourceRef: "songjiang 六(三)" });
  });

  it("songjiang 七(一): annual assessment of towns on eight items, equal weights as a marked default", () => {
    const scheme = byId(p.assessment.schemes, "town_annual");
    expect(scheme).toMatchObject({ assessor: "county_committee", frequency: { every: 1, unit: "year" }, sourceRef: "songjiang 七(一)" });
    expect(scheme.indicators.map((indicator) => indicator.name.zh)).toEqual([
      "消防安全责任制落实",
      "消防工作计划实施",
      "消防安全管理制度建立",
      "消防安全管理组织运行",
      "消防工作经费保障",
      "火灾隐患治理",
      "消防宣传教育培训",
      "火灾事故处置",
    ]);
    expect(scheme.indicators.every((indicator) => indicator.weight === 12.5 && indicator.assumption !== undefined)).toBe(true);
  });

  it("songjiang 七(二): rewards for major-hazard leads and micro stations putting out early fires", () => {
    expect(byId(p.assessment.incentives, "reward_major_hazard_lead")).toMatchObject({ kind: "reward", sourceRef: "songjiang 七(二)" });
    expect(byId(p.assessment.incentives, "reward_micro_station_fire")).toMatchObject({ kind: "reward", sourceRef: "songjiang 七(二)" });
  });

  it("songjiang 八(三): training ≥1 a year for town leaders, police, office staff, committee managers, grid workers", () => {
    expect(byId(p.obligations, "annual_training")).toMatchObject({
      kind: "training",
      frequency: { every: 1, unit: "year" },
      covers: ["town_leader", "police_officer", "office_staff", "village_fire_manager", "grid_worker"],
      sourceRef: "songjiang 八(三)",
    });
  });

  it("songjiang 八(三): full-time firefighters take ≥1 centralised rotation a year; fire elements on the 社会治理一张图", () => {
    expect(byId(p.obligations, "firefighter_rotation")).toMatchObject({ frequency: { every: 1, unit: "year" }, covers: ["full_time_firefighter"], sourceRef: "songjiang 八(三)" });
    expect(byId(p.platforms, "one_map")).toMatchObject({ functions: ["one_map"], sourceRef: "songjiang 八(三)" });
  });
});
