import { describe, it, expect } from "vitest";
import { zezhou as p } from "@firegov/profiles/presets/zezhou";
import { byId } from "../by-id.ts";

const namedTowns = ["巴公", "周村", "北石店", "高都", "大阳", "大东沟"];

describe("zezhou preset: 泽政办发〔2023〕19号", () => {
  it("document: 泽政办发〔2023〕19号 of 2023-08-04; levels county → 乡镇 → 村/社区 → 网格", () => {
    expect(p.document).toMatchObject({ number: "泽政办发〔2023〕19号", date: "2023-08-04" });
    expect(p.levels.map((level) => level.id)).toEqual(["county", "town", "village", "grid"]);
  });

  it("zezhou 三(一): every town's 消防工作站(所) meets the 八有 standard by 2023-09-30", () => {
    const standard = byId(p.stationStandards, "eight_haves");
    expect(standard).toMatchObject({ body: "town_office", deadline: "2023-09-30", sourceRef: "zezhou 三(一)" });
    expect(standard.items.map((item) => item.name.zh)).toEqual(["有场所", "有牌子", "有印章", "有制度", "有经费", "有装备", "有统一服装", "有工作档案"]);
    expect(byId(p.bodies, "town_office").name.zh).toBe("乡镇消防工作站（所）");
  });

  it("zezhou 三(二): station staff 3 to 5, ≥2 on-payroll, head = the town leader in charge", () => {
    expect(byId(p.staffing.rules, "station_total")).toMatchObject({
      body: "town_office",
      employment: "any",
      requirement: { measure: "count", min: 3, max: 5 },
      sourceRef: "zezhou 三(二)",
    });
    expect(byId(p.staffing.rules, "station_on_payroll")).toMatchObject({ employment: "on_payroll", requirement: { min: 2 }, sourceRef: "zezhou 三(二)" });
    expect(byId(p.composition, "station_head")).toMatchObject({ filledBy: "fire_lead", count: { min: 1, max: 1 }, sourceRef: "zezhou 三(二)" });
  });

  it("zezhou 三(三): a town committee by 2023-09-30 led by the party and government heads; village first responsible and leading group", () => {
    expect(byId(p.milestones, "town_committee")).toMatchObject({ by: "2023-09-30", level: "town", sourceRef: "zezhou 三(三)" });
    expect(byId(p.composition, "committee_director")).toMatchObject({ filledBy: "town_head", sourceRef: "zezhou 三(三)" });
    expect(byId(p.composition, "village_first_responsible")).toMatchObject({ filledBy: "village_head", sourceRef: "zezhou 三(三)" });
    expect(byId(p.composition, "village_group_leader")).toMatchObject({ body: "village_fire_group", filledBy: "village_party_secretary", sourceRef: "zezhou 三(三)" });
  });

  it("zezhou 三(四): the county brigade spot-checks key units (双随机、一公开); towns govern homes, crowded venues, high-rise, self-built business, shops", () => {
    expect(byId(p.inspectionCategories, "key_unit_spot_check")).toMatchObject({ method: "random_spot_check", responsibleRole: "brigade_inspector", sourceRef: "zezhou 三(四)" });
    expect(byId(p.venues.supervision.rules, "key_units_by_brigade")).toMatchObject({ supervisor: "county_brigade", sourceRef: "zezhou 三(四)" });
    const governed = p.venues.kinds.filter((kind) => kind.category === "town_governance");
    expect(governed.map((kind) => kind.name.zh)).toEqual(["村（居）民住宅", "人员密集场所", "高层建筑", "民用自建房用作经营性场所", "沿街商铺"]);
    expect(governed.every((kind) => kind.sourceRef === "zezhou 三(四)")).toBe(true);
    // Key units are a kind of their own, so a venue can fall in the brigade's spot checks.
    expect(byId(p.venues.kinds, "key_unit")).toMatchObject({ category: "key_unit_spot_check", sourceRef: "zezhou 三(四)" });
    expect(byId(p.obligations, "risk_evaluation").text).toContain("季节周期");
  });

  it("zezhou 三(五): by 2023-12-31 the county fire plan; the 6 named towns a special plan, the other 10 a chapter", () => {
    expect(byId(p.milestones, "county_fire_plan")).toMatchObject({ by: "2023-12-31", level: "county", sourceRef: "zezhou 三(五)" });
    expect(byId(p.milestones, "town_fire_special_plan")).toMatchObject({ by: "2023-12-31", units: namedTowns, sourceRef: "zezhou 三(五)" });
    expect(byId(p.milestones, "town_fire_chapter")).toMatchObject({ by: "2023-12-31", exceptUnits: namedTowns, sourceRef: "zezhou 三(五)" });
  });

  it("zezhou 三(六): one 一级 brigade (or integrated team) per zone; forestry teams cover buildings; cloud platform; coverage by 2025-12-31", () => {
    expect(byId(p.brigades.requirements, "zone_brigade")).toMatchObject({
      per: "zone",
      grade: "grade_1",
      alternatives: ["integrated_team"],
      sourceRef: "zezhou 三(六)",
    });
    expect(byId(p.responsibilities, "forestry_building_fires")).toMatchObject({ holder: "forestry_team", sourceRef: "zezhou 三(六)" });
    expect(byId(p.platforms, "grassroots_cloud")).toMatchObject({
      functions: ["alarm_dispatch", "hazard_dispatch", "grassroots_feedback", "meeting_consultation"],
      sourceRef: "zezhou 三(六)",
    });
    expect(byId(p.milestones, "rescue_coverage")).toMatchObject({ by: "2025-12-31", sourceRef: "zezhou 三(六)" });
  });

  it("zezhou 三(七): 一般隐患不出网格 — general hazards are closed inside the grid", () => {
    expect(byId(p.hazards.severities, "general")).toMatchObject({
      handledBy: { level: "grid", body: "grid", role: "grid_worker" },
      sourceRef: "zezhou 三(七)",
    });
    expect(p.hazards.workflow.sourceRef).toBe("zezhou 三(七)");
    expect(byId(p.inspectionCategories, "grid_patrol")).toMatchObject({ responsibleRole: "grid_worker", sourceRef: "zezhou 三(七)" });
  });

  it("zezhou 三(八): 五进 publicity and training of key groups and enterprises", () => {
    expect(byId(p.obligations, "five_into_publicity")).toMatchObject({ targets: ["企业", "农村", "社区", "学校", "家庭"], sourceRef: "zezhou 三(八)" });
    expect(byId(p.obligations, "key_group_training")).toMatchObject({ covers: ["village_committee_member", "grid_worker", "property_manager", "venue_manager"], sourceRef: "zezhou 三(八)" });
    expect(byId(p.obligations, "enterprise_training")).toMatchObject({ events: ["hire", "job_change"], sourceRef: "zezhou 三(八)" });
  });

  it("zezhou 四(二): periodic training and assessment of grassroots fire staff", () => {
    expect(byId(p.obligations, "staff_training_assessment")).toMatchObject({ kind: "training", withAssessment: true, organiser: "county_brigade", sourceRef: "zezhou 四(二)" });
  });

  it("zezhou 四(三): annual assessment; towns that lag are named and criticised", () => {
    expect(byId(p.assessment.schemes, "annual")).toMatchObject({ frequency: { every: 1, unit: "year" }, assessedLevels: ["town"], sourceRef: "zezhou 四(三)" });
    expect(byId(p.assessment.incentives, "lagging_criticised")).toMatchObject({ kind: "sanction", sourceRef: "zezhou 四(三)" });
  });
});
