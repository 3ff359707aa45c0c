import { describe, expect, it } from "vitest";
import { Assessment } from "@firegov/core";
import { parseProfile, type PolicyProfile } from "@firegov/core/profile/index";
import { presets } from "@firegov/profiles";

// What each preset makes of its assessment, incentive and duty clauses: a
// scheme is applied when it assesses some level; an incentive's candidates
// come from data or, chosen by people, say what data is missing; every duty
// is judged at its holder's level with a report period.

const byPreset = (pick: (p: PolicyProfile) => [string, string][]) => Object.fromEntries(Object.values(presets).map((p) => [p.id, pick(p)]));

describe("the presets' assessment, incentives and duties", () => {
  it("schemes: applied where the clause names who is assessed (qidong 一(二) names nobody: data only)", () => {
    expect(byPreset((p) => p.assessment.schemes.map((s) => [s.id, Assessment.assessedLevelsOf(p, s).join("+") || "data only"]))).toEqual({
      lianyungang: [["annual", "town"]],
      qidong: [["city_annual", "town+village"], ["committee_assessment", "data only"]],
      songjiang: [["town_annual", "town"], ["member_units_and_committees", "village"]],
      yancheng: [],
      zezhou: [["annual", "town"]],
    });
  });

  it("every applied scheme has indicators that say what they measure or are the assessor's, weights adding to 100, and a lagging rule", () => {
    for (const p of Object.values(presets)) {
      for (const scheme of p.assessment.schemes.filter((s) => Assessment.assessedLevelsOf(p, s).length)) {
        expect(scheme.indicators.reduce((sum, i) => sum + i.weight, 0), `${p.id} ${scheme.id}`).toBeCloseTo(100);
        expect(scheme.lagging, `${p.id} ${scheme.id}`).toBeDefined();
        expect(scheme.indicators.some((i) => i.measures), `${p.id} ${scheme.id}`).toBe(true);
      }
    }
  });

  it("songjiang 七(二)/七(三), zezhou 四(三), lianyungang 四(三): incentives' candidates come from the ranking or from major-hazard leads; the rest say why they are chosen by people", () => {
    expect(byPreset((p) => p.assessment.incentives.map((i) => [i.id, i.candidates?.from === "lagging_units" ? `lagging_units:${i.candidates.scheme}` : (i.candidates?.from ?? "none")]))).toEqual({
      lianyungang: [["accountability", "manual"], ["lagging_sanction", "lagging_units:annual"]],
      qidong: [["accountability", "manual"]],
      songjiang: [
        ["property_warning_talk", "manual"],
        ["property_credit_deduction", "manual"],
        ["property_ordered_exit", "manual"],
        ["reward_major_hazard_lead", "major_hazard_leads"],
        ["reward_micro_station_fire", "early_fire_saves"],
        ["lagging_town_talk", "lagging_units:town_annual"],
      ],
      yancheng: [["effective_units_reward", "manual"], ["duties_unmet_criticism", "manual"]],
      zezhou: [["lagging_criticised", "lagging_units:annual"], ["accountability", "manual"]],
    });
    for (const p of Object.values(presets)) {
      for (const i of p.assessment.incentives.filter((x) => x.candidates?.from === "manual")) expect(i.candidates, `${p.id} ${i.id}`).toHaveProperty("why.zh");
    }
  });

  it("yancheng (三), songjiang 五(一)–(三), zezhou 三(六)/(七), qidong 一(二), lianyungang 一: every duty is reported yearly, a marked default", () => {
    for (const p of Object.values(presets)) {
      for (const duty of p.responsibilities) {
        expect(duty.report, `${p.id} ${duty.id}`).toMatchObject({ frequency: { every: 1, unit: "year" }, sourceRef: null });
        expect(p.bodies.some((b) => b.id === duty.holder), `${p.id} ${duty.id}`).toBe(true);
      }
    }
  });

  it("a lagging rule needs a criterion, an incentive's scheme and severities must exist", () => {
    const draft = structuredClone(presets.songjiang!);
    draft.assessment.schemes[0]!.lagging = { sourceRef: null, assumption: { zh: "空" } };
    draft.assessment.incentives.find((i) => i.id === "lagging_town_talk")!.candidates = { from: "lagging_units", scheme: "nowhere" };
    draft.assessment.incentives.find((i) => i.id === "reward_major_hazard_lead")!.candidates = { from: "major_hazard_leads", severities: ["grave"], sources: ["public_tip"] };
    const result = parseProfile(draft);
    expect(result.ok).toBe(false);
    const shape = !result.ok ? result.issues.map((i) => [i.path, i.code]) : [];
    expect(shape).toEqual([["$.assessment.schemes[0].lagging", "profile.lagging_empty"]]);
    draft.assessment.schemes[0]!.lagging = { bottom: 1, sourceRef: null, assumption: { zh: "末位" } };
    const refs = parseProfile(draft);
    expect(!refs.ok && refs.issues.map((i) => [i.path, i.code])).toEqual([
      ["$.assessment.incentives[3].candidates.severities[0]", "profile.reference_missing"],
      ["$.assessment.incentives[5].candidates.scheme", "profile.reference_missing"],
    ]);
  });
});
