import { describe, it, expect } from "vitest";
import { Inspections, Venues } from "@firegov/core";
import { NATIONAL_REF } from "@firegov/core/profile/index";
import { BASELINE_ITEMS, normOf } from "@firegov/profiles/baseline/index";
import { getPreset, presetIds, presets } from "@firegov/profiles";
import { byId } from "./by-id.ts";

// Every rule runs, in every county: each inspection category of each preset
// has a checklist whose failed items raise coded hazards and a period that
// makes tasks, and every venue kind a preset lists lands in a category.

const each = presetIds.map((id) => [id, presets[id]!] as const);
const categoriesOf = (id: string, kinds: string[]) => Venues.classify(getPreset(id)!, { kinds, flags: [] }).categories;

describe.each(each)("%s: inspection categories and venue kinds", (_id, p) => {
  it("every inspection category has a non-empty checklist", () => {
    for (const category of p.inspectionCategories) expect(category.checklist.length, category.id).toBeGreaterThan(0);
  });

  it("every category has a coverage period, cited or a marked default (random spot checks: their tasks come from the draw)", () => {
    for (const category of p.inspectionCategories) {
      if (category.method === "random_spot_check") continue;
      const period = category.coveragePeriod;
      expect(period, category.id).toBeDefined();
      if (period!.sourceRef === null) expect(period!.assumption?.zh, category.id).toBeTruthy();
      else expect([period!.sourceRef, period!.text], category.id).toEqual([expect.stringMatching(/\S/), expect.stringMatching(/\S/)]);
    }
  });

  it("every checklist item raises a hazard code of the profile", () => {
    const codes = new Set(p.hazards.codes.map((code) => code.id));
    for (const category of p.inspectionCategories) {
      for (const item of category.checklist) expect(codes.has(item.hazardCode), `${category.id}/${item.id} → ${item.hazardCode}`).toBe(true);
    }
  });

  it("every checklist item cites its county's clause or a national norm, with the clause's words", () => {
    for (const category of p.inspectionCategories) {
      for (const item of category.checklist) {
        const where = `${category.id}/${item.id}`;
        expect(item.sourceRef, where).not.toBeNull();
        expect(item.text, where).toBeTruthy();
        const national = NATIONAL_REF.test(item.sourceRef!);
        expect(national ? normOf(item.sourceRef!) !== undefined : item.sourceRef!.startsWith(`${p.id} `), `${where}: ${item.sourceRef}`).toBe(true);
      }
    }
  });

  it("a baseline item is the library's item, citation and all", () => {
    for (const category of p.inspectionCategories) {
      for (const item of category.checklist.filter((i) => i.baseline !== undefined)) {
        const { id, ...library } = BASELINE_ITEMS.find((b) => b.id === item.baseline)!;
        expect(item, `${category.id}/${item.id}`).toMatchObject({ ...library, id });
      }
    }
  });

  it("every venue kind falls in at least one inspection category", () => {
    for (const kind of p.venues.kinds) expect(categoriesOf(p.id, [kind.id]), kind.id).not.toEqual([]);
  });

  it("every category has a venue kind in it, so every checklist can be used", () => {
    const reached = new Set(p.venues.kinds.flatMap((kind) => categoriesOf(p.id, [kind.id])));
    const includedOnly = new Set(p.inspectionCategories.flatMap((c) => c.includes));
    for (const category of p.inspectionCategories) expect(reached.has(category.id) || includedOnly.has(category.id), category.id).toBe(true);
  });
});

describe("clauses made behaviour", () => {
  const qidong = presets.qidong!;
  const yancheng = presets.yancheng!;
  const songjiang = presets.songjiang!;

  it("qidong 二(四): 九小场所 and 三合一 venues fall in the grid's patrol and the office's routine checks", () => {
    expect(categoriesOf("qidong", ["nine_small"])).toEqual(["office_routine", "grid_patrol"]);
    expect(categoriesOf("qidong", ["three_in_one"])).toEqual(["office_routine", "grid_patrol"]);
    expect(byId(qidong.inspectionCategories, "grid_patrol").coveragePeriod).toMatchObject({ every: 1, unit: "month", sourceRef: null });
  });

  it("qidong 二(三): units in the police's daily-check scope fall in the police's checks", () => {
    expect(categoriesOf("qidong", ["police_daily_check_unit"])).toEqual(["police_daily"]);
    expect(Venues.classify(qidong, { kinds: ["police_daily_check_unit"], flags: [] }).supervisor).toBe("police_station");
  });

  it("zezhou 三(四): a venue of the key-unit kind falls in the brigade's spot checks, under the brigade", () => {
    expect(Venues.classify(presets.zezhou!, { kinds: ["key_unit"], flags: [] })).toMatchObject({ categories: ["key_unit_spot_check"], supervisor: "county_brigade" });
  });

  it("yancheng (十一): one visit, full check — the enterprise check includes the fire-safety list, so one visit answers both", () => {
    const category = byId(yancheng.inspectionCategories, "enterprise_check");
    expect(category).toMatchObject({ method: "full_check", includes: ["fire_safety_check"], sourceRef: "yancheng (十一)" });
    const checklist = Inspections.checklistFor(yancheng, categoriesOf("yancheng", ["industrial_trade_enterprise"]));
    expect([...new Set(checklist.map((e) => e.category))]).toEqual(["enterprise_check", "fire_safety_check"]);
    expect(checklist.find((e) => e.itemId === "risk_assessment")).toMatchObject({ hazardCode: "risk_assessment_missing", sourceRef: "yancheng (十)" });
    expect(checklist.find((e) => e.itemId === "exit_blocked")).toMatchObject({ sourceRef: "消防法 第二十八条" });
  });

  it("songjiang 五(二)6: the supervised objects it lists are venue kinds, each citing 五(二)6 and in a category", () => {
    const listed: [string, string, string][] = [
      ["high_rise", "高层民用建筑", "major_unit"],
      ["rural_self_built_house", "农村自建房", "residential"],
      ["factory_warehouse", "厂房仓库", "major_unit"],
      ["rental_apartment", "规模租赁公寓", "major_unit"],
      ["flammable_explosive", "易燃易爆场所", "major_unit"],
      ["heritage_building", "文物古建筑", "major_unit"],
      ["industrial_park", "园区", "major_unit"],
      ["homestay", "民宿", "street"],
    ];
    for (const [id, zh, category] of listed) {
      const kind = byId(songjiang.venues.kinds, id);
      expect(kind).toMatchObject({ name: { zh }, sourceRef: "songjiang 五(二)6" });
      expect(kind.text).toContain(zh);
      expect(kind.assumption?.zh, id).toBeTruthy();
      expect(categoriesOf("songjiang", [id])).toEqual([category]);
    }
    // The clause's other objects (建筑工地、地下空间、沿街商铺) were kinds already, from 六(一).
    for (const id of ["construction_site", "underground_space", "street_shop"]) expect(categoriesOf("songjiang", [id]).length).toBe(1);
  });

  it("songjiang 五(二)6: gas use in eateries is checked on the street patrol", () => {
    expect(byId(byId(songjiang.inspectionCategories, "street").checklist, "catering_gas")).toMatchObject({ hazardCode: "lpg_misuse", sourceRef: "songjiang 五(二)6" });
  });
});
