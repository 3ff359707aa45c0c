import { describe, expect, it } from "vitest";
import { checklistFor } from "@firegov/core/inspections/index";
import { OWN_LIST, selfCheckList, selfCheckPeriod } from "@firegov/core/self-checks/index";
import { getPreset, presetIds } from "@firegov/profiles";

const songjiang = getPreset("songjiang")!;
const yancheng = getPreset("yancheng")!;

describe("what a venue checks itself against, and when", () => {
  it("yancheng (十六): the self-check is cited to the clause asking small-venue owners to check themselves routinely, monthly as a stated reading", () => {
    expect(yancheng.selfCheck).toMatchObject({ sourceRef: "yancheng (十六)", text: expect.stringContaining("自查自改"), frequency: { every: 1, unit: "month" }, assumption: { zh: expect.stringContaining("未规定频次") } });
  });

  it.each(presetIds.filter((id) => id !== "yancheng"))("%s: a document that asks for no self-check gets a marked monthly default", (id) => {
    expect(getPreset(id)!.selfCheck).toMatchObject({ sourceRef: null, frequency: { every: 1, unit: "month" }, assumption: { zh: expect.any(String), en: expect.any(String) } });
  });

  it("is the checklists of the venue's inspection categories (and those they include: songjiang 六(一)3 includes category 2), each item once, when the profile gives no list of its own", () => {
    const list = selfCheckList(songjiang, ["major_unit", "street"]);
    expect(list.map((e) => `${e.category}/${e.itemId}`)).toEqual(checklistFor(songjiang, ["major_unit", "street"]).map((e) => `${e.category}/${e.itemId}`));
    expect(new Set(list.map((e) => `${e.category}/${e.itemId}`)).size).toBe(list.length);
    expect(list[0]!.categoryName.zh).toBe(songjiang.inspectionCategories.find((c) => c.id === list[0]!.category)!.name.zh);
  });

  it("is the profile's own list, whatever the venue's categories, when it gives one", () => {
    const own = { ...songjiang, selfCheck: { ...songjiang.selfCheck!, checklist: [{ id: "exits_clear", name: { zh: "疏散通道畅通", en: "Escape routes clear" }, hazardCode: songjiang.hazards.codes[0]!.id, sourceRef: null, assumption: { zh: "测试" } }] } };
    expect(selfCheckList(own, ["street"]).map((e) => [e.category, e.itemId])).toEqual([[OWN_LIST, "exits_clear"]]);
  });

  it("falls in the period of the profile's frequency, in the county's time zone; none when the profile sets no self-check", () => {
    // 2026-03-31 17:00 UTC is already April 1st in Shanghai.
    expect(selfCheckPeriod(songjiang, new Date("2026-03-31T17:00:00Z"), "Asia/Shanghai")).toMatchObject({ key: "2026-04", start: "2026-04-01", end: "2026-04-30" });
    const quarterly = { ...songjiang, selfCheck: { ...songjiang.selfCheck!, frequency: { every: 1, unit: "quarter" as const } } };
    expect(selfCheckPeriod(quarterly, new Date("2026-05-10T00:00:00Z"), "Asia/Shanghai")?.key).toBe("2026-Q2");
    const { selfCheck: _none, ...without } = songjiang;
    expect(selfCheckPeriod(without, new Date(), "Asia/Shanghai")).toBeUndefined();
  });
});
