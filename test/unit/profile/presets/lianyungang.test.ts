import { describe, it, expect } from "vitest";
import { lianyungang as p } from "@firegov/profiles/presets/lianyungang";
import { byId } from "../by-id.ts";

describe("lianyungang preset: 连政办发〔2021〕60号", () => {
  it("document: 连政办发〔2021〕60号 of 2021-12-31; levels city → 县区 → 乡镇/街道 (parks alike) → 村/社区 → 网格", () => {
    expect(p.document).toMatchObject({ number: "连政办发〔2021〕60号", date: "2021-12-31" });
    expect(p.levels.map((level) => level.id)).toEqual(["city", "county", "town", "village", "grid"]);
    expect(byId(p.levels, "town")).toMatchObject({ units: ["乡镇", "街道", "园区"], sourceRef: "lianyungang 四(一)" });
    expect(byId(p.levels, "city")).toMatchObject({ sourceRef: null });
  });

  it("lianyungang 一: 乡镇街道统一领导、监管机构分工负责、基层组织自我管理、网格力量全面排查", () => {
    const holders = ["town_leads", "supervisors_divide_work", "villages_self_manage", "grid_screens_all"].map((id) => byId(p.responsibilities, id));
    expect(holders.map((responsibility) => responsibility.holder)).toEqual(["town_committee", "town_office", "village_committee", "grid"]);
    expect(holders.every((responsibility) => responsibility.sourceRef === "lianyungang 一")).toBe(true);
    expect(byId(p.inspectionCategories, "grid_screening")).toMatchObject({ responsibleRole: "grid_worker", sourceRef: "lianyungang 一" });
  });

  it("lianyungang 三(一): committee director = administrative head; executive deputy = fire lead; deputies = police and departments", () => {
    expect(byId(p.composition, "committee_director")).toMatchObject({ filledBy: "town_head", sourceRef: "lianyungang 三(一)" });
    expect(byId(p.composition, "committee_executive_deputy")).toMatchObject({ title: { zh: "常务副主任" }, filledBy: "fire_lead", sourceRef: "lianyungang 三(一)" });
    expect(byId(p.composition, "committee_deputy_police")).toMatchObject({ filledBy: "police_deputy_head", sourceRef: "lianyungang 三(一)" });
    expect(byId(p.composition, "committee_deputy_departments")).toMatchObject({ filledBy: "department_deputy_head", sourceRef: "lianyungang 三(一)" });
  });

  it("lianyungang 三(二): 消防工作站 in the enforcement bureau with ≥2 on-payroll + auxiliary staff, guided by the county brigade", () => {
    expect(byId(p.bodies, "town_office")).toMatchObject({
      name: { zh: "消防工作站" },
      within: "enforcement_bureau",
      guidedBy: "county_brigade",
      sourceRef: "lianyungang 三(二)",
    });
    expect(byId(p.staffing.rules, "station_on_payroll")).toMatchObject({ employment: "on_payroll", requirement: { min: 2 }, sourceRef: "lianyungang 三(二)" });
    expect(byId(p.staffing.rules, "station_auxiliary")).toMatchObject({ employment: "auxiliary", sourceRef: "lianyungang 三(二)" });
  });

  it("lianyungang 三(二): station duties — meetings, analysis, infrastructure review, drills, rescue coordination, work notices", () => {
    for (const [id, kind] of [
      ["station_meeting", "meeting"],
      ["situation_analysis", "analysis"],
      ["infrastructure_review", "analysis"],
      ["drill", "drill"],
      ["work_notice", "work_notice"],
    ] as const) {
      expect(byId(p.obligations, id)).toMatchObject({ kind, organiser: "town_office", sourceRef: "lianyungang 三(二)" });
    }
    expect(byId(p.responsibilities, "rescue_coordination")).toMatchObject({ holder: "town_office", sourceRef: "lianyungang 三(二)" });
  });

  it("lianyungang 三(三): priority venue kinds; converted self-built houses and industrial buildings need a safety evaluation or must not operate", () => {
    const priority = p.venues.kinds.filter((kind) => kind.flags.includes("priority_governance")).map((kind) => kind.id);
    expect(priority).toEqual([
      "industrial_park",
      "featured_town",
      "tourist_homestay",
      "small_micro_enterprise",
      "high_rise",
      "off_campus_training",
      "street_shop",
      "converted_self_built_house",
    ]);
    const evaluated = p.venues.kinds.filter((kind) => kind.flags.includes("safety_evaluation"));
    expect(evaluated.map((kind) => kind.id)).toEqual(["converted_self_built_house", "converted_industrial_building"]);
    expect(evaluated.every((kind) => kind.sourceRef === "lianyungang 三(三)")).toBe(true);
    expect(byId(p.venues.policies, "safety_evaluation")).toMatchObject({
      kind: "safety_evaluation",
      match: { flags: ["safety_evaluation"] },
      onFailure: "must_not_operate",
      hazardCode: "safety_evaluation_failed",
      severity: "major",
      sourceRef: "lianyungang 三(三)",
    });
    expect(byId(p.hazards.codes, "safety_evaluation_failed")).toMatchObject({ sourceRef: "lianyungang 三(三)", text: expect.stringContaining("不得经营使用") });
  });

  it("lianyungang 三(四): 一级 brigade ≥15 people, ≥1 water tanker + ≥1 other engine", () => {
    expect(byId(p.brigades.grades, "grade_1")).toMatchObject({
      name: { zh: "一级乡镇专职消防队" },
      minStaff: 15,
      minEngines: [
        { type: "water_tanker", min: 1 },
        { type: "other_firefighting", min: 1 },
      ],
      sourceRef: "lianyungang 三(四)",
    });
  });

  it("lianyungang 三(四): 二级 brigade ≥1 water tanker, ≥10 people", () => {
    expect(byId(p.brigades.grades, "grade_2")).toMatchObject({
      minStaff: 10,
      minEngines: [{ type: "water_tanker", min: 1 }],
      sourceRef: "lianyungang 三(四)",
    });
  });

  it("lianyungang 三(四): town brigades per the national standard, registered as public institutions; villages build micro stations", () => {
    expect(byId(p.brigades.requirements, "town_brigade")).toMatchObject({ per: "town", publicInstitution: true, sourceRef: "lianyungang 三(四)" });
    expect(byId(p.brigades.requirements, "village_micro_station")).toMatchObject({ force: "micro_station", per: "village", sourceRef: "lianyungang 三(四)" });
    expect(byId(p.responsibilities, "joint_training_dispatch")).toMatchObject({ holder: "county_brigade", sourceRef: "lianyungang 三(四)" });
  });

  it("lianyungang 三(五): 五进 publicity; training of key groups; enterprise training on hiring, periodically and on job change", () => {
    expect(byId(p.obligations, "five_into_publicity")).toMatchObject({ targets: ["企业", "农村", "社区", "学校", "家庭"], sourceRef: "lianyungang 三(五)" });
    expect(byId(p.obligations, "key_group_training")).toMatchObject({
      covers: ["village_committee_member", "grid_worker", "property_manager", "rental_landlord", "crowded_venue_manager"],
      sourceRef: "lianyungang 三(五)",
    });
    expect(byId(p.obligations, "enterprise_training")).toMatchObject({ events: ["hire", "job_change"], sourceRef: "lianyungang 三(五)" });
  });

  it("lianyungang 四(三): town fire work enters the annual work-safety and fire assessment", () => {
    expect(byId(p.assessment.schemes, "annual")).toMatchObject({
      assessedLevels: ["town"],
      frequency: { every: 1, unit: "year" },
      partOf: "安全生产和消防工作年度考核",
      sourceRef: "lianyungang 四(三)",
    });
  });

  it("hazard grading is absent from the document, so both severities are marked defaults", () => {
    for (const severity of p.hazards.severities) {
      expect(severity.sourceRef).toBeNull();
      expect(severity.assumption?.zh).toContain("未对隐患分级");
    }
  });
});
