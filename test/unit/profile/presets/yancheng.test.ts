import { describe, it, expect } from "vitest";
import { yancheng as p } from "@firegov/profiles/presets/yancheng";
import { byId } from "../by-id.ts";

describe("yancheng preset: 关于进一步强化基层安全生产和消防工作的实施办法", () => {
  it("document has no number or day; levels city → 县(市、区) → 镇/街道 → 村/社区", () => {
    expect(p.document).toMatchObject({ number: null, date: "2025" });
    expect(p.levels.map((level) => level.id)).toEqual(["city", "county", "town", "village"]);
  });

  it("yancheng (二): the 综合行政执法和应急管理办公室 does work safety and fire, co-locating dispatched staff, fire forces and police", () => {
    expect(byId(p.bodies, "town_office")).toMatchObject({ name: { zh: "综合行政执法和应急管理办公室" }, kind: "fire_office", sourceRef: "yancheng (二)" });
    expect(byId(p.responsibilities, "integrated_office")).toMatchObject({ holder: "town_office", sourceRef: "yancheng (二)" });
  });

  it("yancheng (三): duty lists; a named person for disaster prevention; disaster information officers", () => {
    expect(byId(p.responsibilities, "duty_lists")).toMatchObject({ sourceRef: "yancheng (三)" });
    expect(byId(p.staffing.rules, "disaster_prevention_lead")).toMatchObject({ role: "disaster_prevention_lead", requirement: { min: 1 }, sourceRef: "yancheng (三)" });
    expect(byId(p.roles, "disaster_info_officer")).toMatchObject({ sourceRef: "yancheng (三)" });
  });

  it("yancheng (四): supervision by grade — A–D → emergency management, 一/二级 key units → fire service, 三级 → police station, others → town office", () => {
    const rules = p.venues.supervision.rules;
    expect(rules.map((rule) => [rule.match, rule.supervisor])).toEqual([
      [{ enterpriseGrades: ["a", "b", "c", "d"] }, "county_emergency_management"],
      [{ keyUnitLevels: ["level_1", "level_2"] }, "county_brigade"],
      [{ keyUnitLevels: ["level_3"] }, "police_station"],
      [{ flags: ["police_daily_check"] }, "police_station"],
    ]);
    expect(rules.every((rule) => rule.sourceRef === "yancheng (四)")).toBe(true);
    expect(p.venues.supervision.fallback).toMatchObject({ supervisor: "town_office", sourceRef: "yancheng (四)" });
    expect(p.venues.enterpriseGrades.map((grade) => grade.name.zh)).toEqual(["A级", "B级", "C级", "D级"]);
    expect(p.venues.keyUnitLevels.map((level) => level.name.zh)).toEqual(["一级消防安全重点单位", "二级消防安全重点单位", "三级消防安全重点单位"]);
  });

  it("yancheng (六): developed towns ≥5 on-payroll, fire 1–2, police 1–2, other staff ≥20%", () => {
    const developed = p.staffing.rules.filter((rule) => rule.tier === "developed");
    expect(developed.map((rule) => [rule.employment, rule.from ?? null, rule.requirement])).toEqual([
      ["on_payroll", null, { measure: "count", min: 5 }],
      ["seconded", "county_brigade", { measure: "count", min: 1, max: 2 }],
      ["seconded", "police_station", { measure: "count", min: 1, max: 2 }],
      ["other", null, { measure: "share_of_total", minPercent: 20 }],
    ]);
    expect(developed.every((rule) => rule.body === "town_office" && rule.sourceRef === "yancheng (六)")).toBe(true);
    expect(byId(p.staffing.tiers, "developed")).toMatchObject({ name: { zh: "经济发达镇和监管任务重的镇（街道）" }, sourceRef: "yancheng (六)" });
  });

  it("yancheng (六): other towns ≥3 on-payroll, fire 1, police 1, other staff ≥10%", () => {
    const other = p.staffing.rules.filter((rule) => rule.tier === "other");
    expect(other.map((rule) => [rule.employment, rule.from ?? null, rule.requirement])).toEqual([
      ["on_payroll", null, { measure: "count", min: 3 }],
      ["seconded", "county_brigade", { measure: "count", min: 1, max: 1 }],
      ["seconded", "police_station", { measure: "count", min: 1, max: 1 }],
      ["other", null, { measure: "share_of_total", minPercent: 10 }],
    ]);
    expect(other.every((rule) => rule.sourceRef === "yancheng (六)")).toBe(true);
  });

  it("yancheng (七): brigade staff quotas 特勤 45, 化工园区特勤 60, 一级 16, 二级 11, 小型 10", () => {
    expect(p.brigades.grades.map((grade) => [grade.name.zh, grade.staffQuota])).toEqual([
      ["特勤队", 45],
      ["化工园区特勤队", 60],
      ["一级队", 16],
      ["二级队", 11],
      ["小型队", 10],
    ]);
    expect(p.brigades.grades.every((grade) => grade.sourceRef === "yancheng (七)")).toBe(true);
  });

  it("yancheng (九): a regular meeting chaired by the leader in charge with office, dispatched, police and fire-force staff", () => {
    expect(byId(p.obligations, "town_regular_meeting")).toMatchObject({
      kind: "meeting",
      chair: "fire_lead",
      covers: ["office_staff", "seconded_staff", "police_officer", "town_fire_force"],
      sourceRef: "yancheng (九)",
    });
  });

  it("yancheng (十): inventory; small venues patrolled by kind and risk; high-risk venues name patroller, frequency, method; others reported up; re-classify on change", () => {
    expect(byId(p.venues.policies, "inventory")).toMatchObject({ kind: "inventory", sourceRef: "yancheng (十)" });
    expect(byId(p.venues.policies, "small_venue_patrol_assignment")).toMatchObject({ assignBy: ["kind", "risk_grade"], sourceRef: "yancheng (十)" });
    expect(byId(p.venues.policies, "high_risk_patrol_plan")).toMatchObject({
      match: { riskGrades: ["high"] },
      mustName: ["patroller", "frequency", "method"],
      sourceRef: "yancheng (十)",
    });
    expect(byId(p.venues.policies, "report_other_units")).toMatchObject({ to: "county_committee_office", byVenueKind: true, sourceRef: "yancheng (十)" });
    expect(byId(p.venues.policies, "reclassify_on_change")).toMatchObject({ kind: "reclassify_on_change", sourceRef: "yancheng (十)" });
  });

  it("yancheng (十一): an inspection-item list; one visit, full check; an annual plan", () => {
    expect(byId(p.responsibilities, "enterprise_check_list")).toMatchObject({ holder: "county_emergency_management", sourceRef: "yancheng (十一)" });
    expect(byId(p.inspectionCategories, "enterprise_check")).toMatchObject({ method: "full_check", sourceRef: "yancheng (十一)" });
    expect(byId(p.obligations, "annual_plan")).toMatchObject({ kind: "annual_plan", frequency: { every: 1, unit: "year" }, sourceRef: "yancheng (十一)" });
  });

  it("yancheng (十二): general hazards handled by the town; major hazards and violations reported to the industry department", () => {
    expect(byId(p.hazards.severities, "general")).toMatchObject({ handledBy: { level: "town", body: "town_office" }, sourceRef: "yancheng (十二)" });
    expect(byId(p.hazards.severities, "major")).toMatchObject({ handledBy: { body: "county_committee_office", byVenueKind: true }, sourceRef: "yancheng (十二)" });
    expect(byId(p.hazards.escalations, "report_to_industry")).toMatchObject({
      from: "town_office",
      when: [{ kind: "severity", severities: ["major", "violation"] }],
      action: "report",
      to: "county_committee_office",
      byVenueKind: true,
      sourceRef: "yancheng (十二)",
    });
    expect(byId(p.hazards.escalations, "report_to_industry").assumption?.zh).toContain("安委办");
    expect(byId(p.responsibilities, "rotating_campaigns")).toMatchObject({ holder: "county_committee", sourceRef: "yancheng (十二)" });
  });

  it("yancheng (十二): 按照行业类别 — real industry departments, each venue kind naming its own", () => {
    const departments = p.bodies.filter((b) => b.kind === "industry_department");
    expect(departments.map((b) => b.name.zh)).toEqual(["县级住房和城乡建设部门", "县级市场监督管理部门", "县级教育部门", "县级文化广电和旅游部门", "县级商务部门", "县级卫生健康部门", "县级交通运输部门"]);
    expect(departments.every((b) => b.level === "county" && b.sourceRef === "yancheng (十二)" && b.assumption !== undefined)).toBe(true);
    expect(p.bodies.some((b) => b.id === "industry_department")).toBe(false);
    expect((p.venues.industryDepartments ?? []).map((r) => [r.kinds.join(), r.department])).toEqual([
      ["industrial_trade_enterprise", "county_emergency_management"],
      ["construction_site", "county_housing"],
      ["catering", "county_market_regulation"],
      ["school", "county_education"],
      ["hotel_tourism", "county_culture_tourism"],
      ["shopping_centre", "county_commerce"],
      ["medical_institution", "county_health"],
      ["passenger_station", "county_transport"],
    ]);
    expect(byId(p.venues.industryDepartments ?? [], "industrial_trade")).toMatchObject({ sourceRef: "yancheng (四)" });
  });

  it("yancheng (十三): 特勤 / 一级 teams may be centre teams; the others are satellites", () => {
    const deployment = Object.fromEntries(p.brigades.grades.map((grade) => [grade.id, grade.deployment?.value]));
    expect(deployment).toEqual({
      special: ["centre"],
      chemical_park_special: ["centre"],
      grade_1: ["centre", "satellite"],
      grade_2: ["satellite"],
      small: ["satellite"],
    });
    expect(p.brigades.grades.every((grade) => grade.deployment?.sourceRef === "yancheng (十三)")).toBe(true);
  });

  it("yancheng (十四): an annual rotation-training plan covering all grassroots safety staff", () => {
    expect(byId(p.obligations, "rotation_training")).toMatchObject({
      kind: "training",
      frequency: { every: 1, unit: "year" },
      covers: ["seconded_staff", "office_staff", "full_time_firefighter", "grid_worker", "disaster_info_officer"],
      sourceRef: "yancheng (十四)",
    });
  });

  it("yancheng (十五): drills ≥1 a year per town and per village; emergency plans at both levels; special drills in high-risk areas", () => {
    expect(byId(p.obligations, "comprehensive_drill")).toMatchObject({
      kind: "drill",
      frequency: { every: 1, unit: "year" },
      levels: ["town", "village"],
      sourceRef: "yancheng (十五)",
    });
    expect(byId(p.obligations, "emergency_plans")).toMatchObject({ kind: "emergency_plan", levels: ["town", "village"], sourceRef: "yancheng (十五)" });
    expect(byId(p.obligations, "special_drills")).toMatchObject({ kind: "drill", sourceRef: "yancheng (十五)" });
  });

  it("yancheng (十六): campaign days 全国防灾减灾日, 安全生产月, 消防宣传月", () => {
    expect(byId(p.obligations, "campaign_publicity")).toMatchObject({
      kind: "publicity",
      sourceRef: "yancheng (十六)",
    });
    expect(byId(p.obligations, "campaign_publicity").occasions?.map((o) => o.name.zh)).toEqual(["全国防灾减灾日", "安全生产月", "消防宣传月"]);
  });

  it("yancheng (二十): brigade members with ≥12 years' service are recommended to enterprise safety jobs", () => {
    expect(byId(p.brigades.personnel, "long_service_placement")).toMatchObject({ kind: "long_service", minServiceYears: 12, sourceRef: "yancheng (二十)" });
  });
});
