import { describe, it, expect } from "vitest";
import { NATIONAL_REF, parseProfile, type PolicyProfile } from "@firegov/core/profile/index";
import {
  BASELINE_CODES,
  BASELINE_ITEMS,
  BASELINE_SETS,
  NATIONAL_NORMS,
  adoptBaseline,
  adoptBaselineSet,
  baselineCodes,
  normOf,
  withBaselineCodes,
} from "@firegov/profiles/baseline/index";
import { songjiang } from "@firegov/profiles/presets/songjiang";

// The national baseline library: product data every county may adopt, each
// item and code cited to a national norm.

describe("the baseline library", () => {
  it("cites every item and code to a clause of a national norm it names, with the norm's words", () => {
    for (const entry of [...BASELINE_ITEMS, ...BASELINE_CODES]) {
      expect(entry.sourceRef, entry.id).toMatch(NATIONAL_REF);
      expect(normOf(entry.sourceRef), entry.sourceRef).toBeDefined();
      expect(entry.text.length, entry.id).toBeGreaterThan(4);
      expect(entry.name.zh && entry.name.en, entry.id).toBeTruthy();
    }
    // Every norm listed is cited by something.
    for (const norm of NATIONAL_NORMS) expect(BASELINE_ITEMS.some((item) => item.sourceRef.startsWith(`${norm.ref} `)), norm.ref).toBe(true);
  });

  it("has unique ids, and every item raises a code of the library", () => {
    expect(new Set(BASELINE_ITEMS.map((i) => i.id)).size).toBe(BASELINE_ITEMS.length);
    expect(new Set(BASELINE_CODES.map((c) => c.id)).size).toBe(BASELINE_CODES.length);
    const codes = new Set(BASELINE_CODES.map((c) => c.id));
    for (const item of BASELINE_ITEMS) expect(codes.has(item.hazardCode), item.id).toBe(true);
  });

  it("covers the well-known requirements: exits, equipment, e-bikes, 三合一, LPG, control room, patrols, training, fire use, hot work, flammables, lodging, fire doors, lighting", () => {
    const ids = BASELINE_ITEMS.map((i) => i.id);
    for (const id of ["exit_blocked", "equipment_working", "ebike_not_indoors", "ebike_not_in_escape_route", "three_in_one_separated", "lpg_cylinders", "control_room_certified", "patrol_records", "staff_training", "fire_electricity_use", "hot_work_approved", "hazardous_goods_stored", "no_illegal_lodging", "fire_door_closed", "emergency_lighting", "no_group_renting"]) {
      expect(ids).toContain(id);
    }
  });

  it("GB 35181-2017: the direct major-hazard criteria (chapter 6) say so in the item's name", () => {
    const direct = BASELINE_ITEMS.filter((item) => /^GB 35181-2017 6\./.test(item.sourceRef));
    expect(direct.map((item) => item.sourceRef).sort()).toEqual(["GB 35181-2017 6.2", "GB 35181-2017 6.4", "GB 35181-2017 6.8"]);
    expect(direct.every((item) => item.name.zh.includes("重大火灾隐患直接判定要素"))).toBe(true);
  });

  it("e-bikes: 应急管理部令第5号 第三十七条 in the norm's own words", () => {
    expect(BASELINE_ITEMS.find((i) => i.id === "ebike_not_indoors")).toMatchObject({
      hazardCode: "ebike_charging",
      sourceRef: "应急管理部令第5号 第三十七条",
      text: "禁止在高层民用建筑公共门厅、疏散走道、楼梯间、安全出口停放电动自行车或者为电动自行车充电",
    });
  });

  it("names only library items in its sets (九小场所, 住宅小区, 三合一, 出租屋, 高层, 厂房仓库, 建筑工地 …)", () => {
    const ids = new Set(BASELINE_ITEMS.map((i) => i.id));
    for (const [set, members] of Object.entries(BASELINE_SETS)) {
      expect(members.length, set).toBeGreaterThan(0);
      for (const id of members) expect(ids.has(id), `${set}: ${id}`).toBe(true);
    }
  });
});

describe("adopting baseline items", () => {
  it("copies each item with its national citation and a baseline marker", () => {
    const [item] = adoptBaseline(["exit_blocked"]);
    expect(item).toEqual({
      id: "exit_blocked",
      name: BASELINE_ITEMS.find((i) => i.id === "exit_blocked")!.name,
      hazardCode: "escape_route_blocked",
      baseline: "exit_blocked",
      sourceRef: "消防法 第二十八条",
      text: "不得占用、堵塞、封闭疏散通道、安全出口、消防车通道",
    });
    // A copy: changing what a profile holds leaves the library as it was.
    item!.name.zh = "改过";
    expect(BASELINE_ITEMS.find((i) => i.id === "exit_blocked")!.name.zh).not.toBe("改过");
  });

  it("refuses an unknown id, naming it", () => {
    expect(() => adoptBaseline(["exit_blocked", "no_such_item"])).toThrow(/no_such_item/);
  });

  it("takes a set less the items a preset drops", () => {
    const items = adoptBaselineSet("nine_small", { except: ["lpg_cylinders"] });
    expect(items.map((i) => i.id)).toEqual(BASELINE_SETS.nine_small.filter((id) => id !== "lpg_cylinders"));
  });

  it("baselineCodes gives the library's codes for the ids asked, skipping unknown ones", () => {
    expect(baselineCodes(["ebike_charging", "not_a_code"]).map((c) => [c.id, c.sourceRef])).toEqual([["ebike_charging", "应急管理部令第5号 第三十七条"]]);
  });
});

describe("withBaselineCodes", () => {
  /** songjiang with one category's checklist replaced and its codes cut to `codes`. */
  function profileWith(checklist: PolicyProfile["inspectionCategories"][number]["checklist"], codes: string[]): PolicyProfile {
    const p: PolicyProfile = structuredClone(songjiang);
    for (const c of p.inspectionCategories) {
      c.checklist = [];
      c.includes = [];
    }
    p.inspectionCategories[0]!.checklist = checklist;
    // The home-visit checklist raises codes of its own too: out, like the other lists.
    delete p.homeVisits;
    p.hazards.codes = p.hazards.codes.filter((c) => codes.includes(c.id));
    // Only the checklist's codes are under test: the IoT alarm types' codes would be missing too.
    delete p.iot;
    return p;
  }

  it("adds the codes adopted items raise, so the profile is self-contained and valid", () => {
    const bare = profileWith(adoptBaseline(["fire_door_closed", "hot_work_approved"]), []);
    // The validator still checks each item's code: without the merge the profile is refused.
    const refused = parseProfile(bare);
    expect(refused.ok ? [] : refused.issues.map((i) => [i.path, i.code])).toEqual([
      ["$.inspectionCategories[0].checklist[0].hazardCode", "profile.reference_missing"],
      ["$.inspectionCategories[0].checklist[1].hazardCode", "profile.reference_missing"],
    ]);
    const merged = withBaselineCodes(bare);
    expect(merged.hazards.codes.map((c) => [c.id, c.sourceRef])).toEqual([
      ["fire_door_open", "公安部令第61号 第二十五条(四)"],
      ["illegal_hot_work", "消防法 第二十一条"],
    ]);
    expect(parseProfile(merged).ok).toBe(true);
  });

  it("keeps a code the profile defines itself (its own clause) and adds nothing twice", () => {
    const p = profileWith(adoptBaseline(["exit_blocked", "ebike_not_in_escape_route"]), ["escape_route_blocked"]);
    const merged = withBaselineCodes(p);
    expect(merged.hazards.codes.map((c) => [c.id, c.sourceRef])).toEqual([
      ["escape_route_blocked", "songjiang 六(一)2"],
      ["ebike_charging", "应急管理部令第5号 第三十七条"],
    ]);
    expect(withBaselineCodes(merged)).toBe(merged);
  });
});
