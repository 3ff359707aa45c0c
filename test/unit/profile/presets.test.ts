import { describe, it, expect } from "vitest";
import { parseProfile } from "@firegov/core/profile/index";
import { getPreset, presetIds, presets } from "@firegov/profiles";
import { lazyPresetIds, loadPreset, loadPresets } from "@firegov/profiles/presets/lazy";

describe("built-in presets", () => {
  it("are the five documents, keyed by id", () => {
    expect([...presetIds].sort()).toEqual(["lianyungang", "qidong", "songjiang", "yancheng", "zezhou"]);
    for (const id of presetIds) expect(presets[id]?.id).toBe(id);
  });

  it.each(presetIds)("%s passes parseProfile with no issues", (id) => {
    expect(parseProfile(getPreset(id))).toEqual({ ok: true, profile: presets[id] });
  });

  it("getPreset answers undefined for an unknown id, including inherited keys", () => {
    expect(getPreset("nowhere")).toBeUndefined();
    expect(getPreset("toString")).toBeUndefined();
  });

  it("load lazily (the api Lambda's way) as the same presets, by id", async () => {
    const byId = [...presetIds].sort();
    expect(lazyPresetIds).toEqual(byId);
    expect(await loadPresets()).toEqual(byId.map((id) => presets[id]));
    for (const id of presetIds) expect(await loadPreset(id)).toBe(getPreset(id));
    expect(await loadPreset("toString")).toBeUndefined();
  });
});

describe("obligations the documents ask for regularly (定期, 常态化, 例会, 经常性)", () => {
  // Each keeps its clause and takes the system's marked default period, so it is judged.
  const regular = {
    qidong: { committee_situation_analysis: "quarter", office_meeting: "quarter", office_training: "year", grid_training: "year" },
    lianyungang: { station_meeting: "quarter", work_notice: "quarter", five_into_publicity: "year", enterprise_training: "year" },
    yancheng: { town_regular_meeting: "quarter" },
    zezhou: { risk_evaluation: "quarter", five_into_publicity: "year", enterprise_training: "year", staff_training_assessment: "year" },
    songjiang: { five_into_publicity: "year" },
  } as const;

  it.each(Object.entries(regular))("%s: each is judged on the system's default period, cited to its clause, the frequency marked as the system's reading", (id, obligations) => {
    const profile = presets[id]!;
    for (const [obligationId, unit] of Object.entries(obligations)) {
      const ob = profile.obligations.find((o) => o.id === obligationId)!;
      expect(ob, obligationId).toMatchObject({ frequency: { every: 1, unit } });
      expect(ob.sourceRef, obligationId).toMatch(new RegExp(`^${id} `));
      // 五进 publicity is a standing duty of the songjiang committee (五(一)7) with no word on how often.
      if (`${id}.${obligationId}` !== "songjiang.five_into_publicity") expect(ob.text, obligationId).toMatch(/定期|常态化|例会|经常性/);
      expect(ob.assumption?.zh, obligationId).toContain("频次为系统的理解");
    }
  });

  it("no obligation is left without a period: one the document gives no period at all is judged yearly, marked as the system's reading", () => {
    const open = presetIds.flatMap((id) => presets[id]!.obligations.filter((o) => o.frequency === null).map((o) => `${id}.${o.id}`));
    expect(open).toEqual([]);
    const drill = presets.lianyungang!.obligations.find((o) => o.id === "drill")!;
    expect(drill).toMatchObject({ frequency: { every: 1, unit: "year" }, sourceRef: "lianyungang 三(二)", assumption: { zh: expect.stringContaining("未规定频次") } });
  });
});

describe("campaign occasions carry their date", () => {
  it("an occasion on a day its month lacks is refused, naming the field", () => {
    const yancheng = structuredClone(presets.yancheng!);
    const ob = yancheng.obligations.find((o) => o.id === "campaign_publicity")!;
    ob.occasions = [{ ...ob.occasions![0]!, month: 2, day: 30 }];
    const parsed = parseProfile(yancheng);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual([`$.obligations[${yancheng.obligations.indexOf(ob)}].occasions[0].day`]);
  });

  it("an occasion is a name with a month (and day), not bare text", () => {
    const yancheng = structuredClone(presets.yancheng!) as unknown as { obligations: { occasions?: unknown[] }[] };
    yancheng.obligations.find((o) => o.occasions)!.occasions = ["全国防灾减灾日"];
    expect(parseProfile(yancheng).ok).toBe(false);
  });
});
