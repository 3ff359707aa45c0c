import { describe, it, expect } from "vitest";
import { parseProfile, type PolicyProfile, type ProfileIssue } from "@firegov/core/profile/index";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { yancheng } from "@firegov/profiles/presets/yancheng";
import { zezhou } from "@firegov/profiles/presets/zezhou";

/** A copy of a valid profile with one thing broken. */
function broken(profile: PolicyProfile, breakIt: (draft: PolicyProfile) => void): PolicyProfile {
  const draft = structuredClone(profile);
  breakIt(draft);
  return draft;
}

function issuesOf(input: unknown): ProfileIssue[] {
  const result = parseProfile(input);
  if (result.ok) throw new Error("expected the profile to be rejected");
  return result.issues;
}

function pathsAndCodes(input: unknown): [string, string][] {
  return issuesOf(input).map((found) => [found.path, found.code]);
}

describe("parseProfile: references", () => {
  it("names an industry-department rule whose venue kind or department does not exist, and a forward with no target", () => {
    const input = broken(yancheng, (p) => {
      p.venues.industryDepartments![1]!.kinds = ["spaceport"];
      p.venues.industryDepartments![2]!.department = "ministry_of_magic";
      const forward = p.venues.policies.find((x) => x.kind === "report_unassigned")!;
      if (forward.kind === "report_unassigned") delete forward.byVenueKind;
    });
    const forward = yancheng.venues.policies.findIndex((x) => x.kind === "report_unassigned");
    expect(pathsAndCodes(input)).toEqual([
      ["$.venues.industryDepartments[1].kinds[0]", "profile.reference_missing"],
      ["$.venues.industryDepartments[2].department", "profile.reference_missing"],
      [`$.venues.policies[${forward}].forwardTo`, "profile.forward_missing"],
    ]);
  });

  it("names a safety-evaluation policy whose hazard code or severity does not exist", () => {
    const input = broken(yancheng, (p) => {
      p.venues.policies.push({ id: "evaluation", kind: "safety_evaluation", match: { kinds: ["school"] }, onFailure: "must_not_operate", hazardCode: "nope", severity: "catastrophic", sourceRef: null, assumption: { zh: "测试" } });
    });
    const at = yancheng.venues.policies.length;
    expect(pathsAndCodes(input)).toEqual([
      [`$.venues.policies[${at}].hazardCode`, "profile.reference_missing"],
      [`$.venues.policies[${at}].severity`, "profile.reference_missing"],
    ]);
  });

  it("names a checklist item whose hazard code does not exist", () => {
    const input = broken(songjiang, (p) => {
      p.inspectionCategories[1]!.checklist[0]!.hazardCode = "unknown_hazard";
    });
    expect(pathsAndCodes(input)).toEqual([["$.inspectionCategories[1].checklist[0].hazardCode", "profile.reference_missing"]]);
  });

  it("yancheng (十): names a patrol-plan rule whose id is also an inspection category's (their tasks would share keys)", () => {
    const input = broken(yancheng, (p) => {
      const i = p.venues.policies.findIndex((x) => x.kind === "patrol_plan");
      p.venues.policies[i]!.id = p.inspectionCategories[0]!.id;
    });
    const i = yancheng.venues.policies.findIndex((x) => x.kind === "patrol_plan");
    expect(pathsAndCodes(input)).toEqual([[`$.venues.policies[${i}].id`, "profile.plan_id_is_category"]]);
  });

  it("names a venue kind whose inspection category does not exist", () => {
    const input = broken(songjiang, (p) => {
      p.venues.kinds[0]!.category = "fourth_category";
    });
    expect(pathsAndCodes(input)).toEqual([["$.venues.kinds[0].category", "profile.reference_missing"]]);
  });

  it("names a supervision rule whose supervising body does not exist", () => {
    const input = broken(yancheng, (p) => {
      p.venues.supervision.rules[2]!.supervisor = "township_police";
    });
    expect(pathsAndCodes(input)).toEqual([["$.venues.supervision.rules[2].supervisor", "profile.reference_missing"]]);
  });

  it("names an escalation whose target does not exist", () => {
    const input = broken(qidong, (p) => {
      p.hazards.escalations[1]!.to = "city_brigade";
    });
    expect(pathsAndCodes(input)).toEqual([["$.hazards.escalations[1].to", "profile.reference_missing"]]);
  });

  it("names a force requirement whose brigade grade does not exist", () => {
    const input = broken(zezhou, (p) => {
      p.brigades.requirements[0]!.grade = "grade_9";
    });
    expect(pathsAndCodes(input)).toEqual([["$.brigades.requirements[0].grade", "profile.reference_missing"]]);
  });

  it("names a category whose responsible role does not exist", () => {
    const input = broken(songjiang, (p) => {
      p.inspectionCategories[2]!.responsibleRole = "fire_marshal";
    });
    expect(pathsAndCodes(input)).toEqual([["$.inspectionCategories[2].responsibleRole", "profile.reference_missing"]]);
  });

  it("names a level used by a body but absent from the profile's levels", () => {
    const input = broken(yancheng, (p) => {
      p.bodies[0]!.level = "grid";
    });
    expect(pathsAndCodes(input)).toEqual([["$.bodies[0].level", "profile.reference_missing"]]);
  });

  it("explains the missing reference in zh and en", () => {
    const [found] = issuesOf(
      broken(qidong, (p) => {
        p.hazards.escalations[1]!.to = "city_brigade";
      }),
    );
    expect(found?.message.zh).toContain("city_brigade");
    expect(found?.message.en).toBe('body "city_brigade" does not exist');
  });
});

describe("parseProfile: periods and ranges", () => {
  it("rejects a patrol less frequent than the full-coverage period", () => {
    const input = broken(songjiang, (p) => {
      p.inspectionCategories[1]!.patrolFrequency = { every: 1, unit: "half_year" };
    });
    expect(pathsAndCodes(input)).toEqual([["$.inspectionCategories[1].patrolFrequency", "profile.frequency_inconsistent"]]);
  });

  it("rejects a staffing range whose minimum exceeds its maximum", () => {
    const input = broken(zezhou, (p) => {
      p.staffing.rules[0]!.requirement = { measure: "count", min: 6, max: 5 };
    });
    expect(pathsAndCodes(input)).toEqual([["$.staffing.rules[0].requirement.max", "profile.range_inverted"]]);
  });

  it("rejects a position count whose minimum exceeds its maximum", () => {
    const input = broken(zezhou, (p) => {
      p.composition[1]!.count = { min: 3, max: 2 };
    });
    expect(pathsAndCodes(input)).toEqual([["$.composition[1].count.max", "profile.range_inverted"]]);
  });

  it("rejects a percentage above 100", () => {
    const input = broken(yancheng, (p) => {
      p.staffing.rules[3]!.requirement = { measure: "share_of_total", minPercent: 120 };
    });
    expect(pathsAndCodes(input)).toEqual([["$.staffing.rules[3].requirement.minPercent", "validation.too_big"]]);
  });

  it("rejects a frequency unit outside the vocabulary", () => {
    const input = broken(songjiang, (p) => {
      (p.inspectionCategories[0]!.coveragePeriod as { unit: string }).unit = "fortnight";
    });
    expect(pathsAndCodes(input)).toEqual([["$.inspectionCategories[0].coveragePeriod.unit", "validation.invalid_value"]]);
  });

  it("rejects indicator weights that do not add up to 100", () => {
    const input = broken(songjiang, (p) => {
      p.assessment.schemes[0]!.indicators[0]!.weight = 20;
    });
    expect(pathsAndCodes(input)).toEqual([["$.assessment.schemes[0].indicators", "profile.weights_sum"]]);
  });

  it("rejects a force requirement limited to a unit kind its level does not have", () => {
    const input = broken(qidong, (p) => {
      p.brigades.requirements[0]!.units = ["街道"];
    });
    expect(pathsAndCodes(input)).toEqual([["$.brigades.requirements[0].units[0]", "profile.unit_unknown"]]);
  });
});

describe("parseProfile: order and cycles", () => {
  it("rejects an escalation cycle, naming the escalation that closes it", () => {
    const input = broken(songjiang, (p) => {
      p.hazards.escalations.push({
        id: "back_to_office",
        from: "county_committee",
        when: [],
        action: "hand_over",
        to: "town_office",
        sourceRef: "songjiang 五(一)5",
        text: "对构成重大火灾隐患的上报区消防委挂牌督办",
      });
    });
    expect(pathsAndCodes(input)).toEqual([["$.hazards.escalations[2]", "profile.escalation_cycle"]]);
  });

  it("rejects an escalation to itself", () => {
    const input = broken(qidong, (p) => {
      p.hazards.escalations[0]!.to = "safety_bureau";
    });
    expect(pathsAndCodes(input)).toEqual([["$.hazards.escalations[0]", "profile.escalation_cycle"]]);
  });

  it("rejects inspection categories that include each other", () => {
    const input = broken(songjiang, (p) => {
      p.inspectionCategories[1]!.includes = ["major_unit"];
    });
    expect(pathsAndCodes(input)).toEqual([["$.inspectionCategories[2].includes[0]", "profile.include_cycle"]]);
  });

  it("rejects levels out of order", () => {
    const input = broken(zezhou, (p) => {
      p.levels.reverse();
    });
    expect(pathsAndCodes(input)).toEqual([
      ["$.levels[1].id", "profile.order_invalid"],
      ["$.levels[2].id", "profile.order_invalid"],
      ["$.levels[3].id", "profile.order_invalid"],
    ]);
  });

  it("rejects a workflow that skips back or does not end at closed", () => {
    const input = broken(songjiang, (p) => {
      p.hazards.workflow.states = ["discovered", "verifying", "rectifying"];
    });
    expect(pathsAndCodes(input)).toEqual([
      ["$.hazards.workflow.states[2]", "profile.order_invalid"],
      ["$.hazards.workflow.states", "profile.workflow_incomplete"],
    ]);
  });

  it("rejects two rules with the same id in one list", () => {
    const input = broken(qidong, (p) => {
      p.bodies[1]!.id = "county_committee_office";
    });
    expect(pathsAndCodes(input)).toContainEqual(["$.bodies[1].id", "profile.duplicate_id"]);
  });
});

describe("parseProfile: citations", () => {
  it("requires an assumption when a scalar rule has no sourceRef", () => {
    const input = broken(qidong, (p) => {
      delete p.hazards.reopenWindowDays.assumption;
    });
    expect(pathsAndCodes(input)).toEqual([["$.hazards.reopenWindowDays.assumption", "profile.assumption_missing"]]);
  });

  it("requires an assumption when a list rule has no sourceRef", () => {
    const input = broken(songjiang, (p) => {
      delete p.hazards.severities[1]!.rectificationDays.assumption;
    });
    const [found] = issuesOf(input);
    expect(found).toEqual({
      path: "$.hazards.severities[1].rectificationDays.assumption",
      code: "profile.assumption_missing",
      message: {
        zh: "没有出处（sourceRef 为 null）的规则必须写明假设（assumption）",
        en: "a rule without sourceRef must state its assumption",
      },
    });
  });

  it("requires the clause text when a rule is cited", () => {
    const input = broken(zezhou, (p) => {
      delete p.stationStandards[0]!.text;
    });
    expect(pathsAndCodes(input)).toEqual([["$.stationStandards[0].text", "profile.text_missing"]]);
  });

  it("rejects a sourceRef not in `<profileId> <clause>` form", () => {
    const input = broken(songjiang, (p) => {
      p.levels[0]!.sourceRef = "songjiang 6.2.2";
    });
    expect(pathsAndCodes(input)).toEqual([["$.levels[0].sourceRef", "validation.invalid_format"]]);
  });

  it("rejects a sourceRef citing another profile's document", () => {
    const input = broken(qidong, (p) => {
      p.staffing.rules[0]!.sourceRef = "songjiang 四(二)";
    });
    expect(pathsAndCodes(input)).toEqual([["$.staffing.rules[0].sourceRef", "profile.source_ref_foreign"]]);
  });
});

describe("parseProfile: shape", () => {
  it("rejects unknown keys, naming the object that holds them", () => {
    const input = broken(qidong, (p) => {
      Object.assign(p.bodies[0]!, { colour: "red" });
    });
    expect(pathsAndCodes(input)).toEqual([["$.bodies[0]", "validation.unrecognized_keys"]]);
  });

  it("gives every shape issue a zh and an en message", () => {
    const issues = issuesOf({ id: "Bad Id", name: { zh: "" } });
    expect(issues.length).toBeGreaterThan(3);
    for (const found of issues) {
      expect(found.path.startsWith("$")).toBe(true);
      expect(found.code).toMatch(/^validation\.[a-z_]+$/);
      expect(found.message.zh.length).toBeGreaterThan(0);
      expect(found.message.en.length).toBeGreaterThan(0);
    }
    expect(issues.find((found) => found.path === "$.id")?.message).toEqual({ zh: "id 须为小写字母开头的 snake_case", en: "expected a snake_case id" });
    const tooShort = issues.find((found) => found.path === "$.name.zh");
    expect(tooShort?.message.zh).not.toBe(tooShort?.message.en);
  });
});
