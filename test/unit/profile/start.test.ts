import { describe, expect, it } from "vitest";
import { borrowedFor, forkProfile, ownProfileId, parseProfile, reciteProfile, type PolicyProfile } from "@firegov/core/profile/index";
import { BLANK_PRESET_ID, blankPreset, blankProfile, getPreset, presetIds } from "@firegov/profiles";
import { qidong } from "@firegov/profiles/presets/qidong";

const issuesOf = (profile: unknown) => {
  const parsed = parseProfile(profile);
  return parsed.ok ? [] : parsed.issues;
};

/** Every sourceRef in a document. */
const sourceRefs = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(sourceRefs)
    : typeof value === "object" && value !== null
      ? Object.entries(value).flatMap(([key, child]) => (key === "sourceRef" && typeof child === "string" ? [child] : sourceRefs(child)))
      : [];

describe("the blank starting profile", () => {
  const blank = blankProfile({ id: "new_county", name: { zh: "新县", en: "New county" }, year: 2026 });

  it("validates under any county id, with three levels, the baseline hazard codes and no county rules", () => {
    expect(issuesOf(blank)).toEqual([]);
    expect(blank.levels.map((l) => l.id)).toEqual(["county", "town", "village"]);
    expect(blank.hazards.codes.length).toBeGreaterThan(10);
    expect(blank.hazards.codes.every((c) => c.sourceRef !== null && !c.sourceRef.startsWith("new_county "))).toBe(true);
    for (const empty of [blank.composition, blank.staffing.rules, blank.brigades.requirements, blank.obligations, blank.milestones, blank.assessment.schemes, blank.inspectionCategories, blank.venues.policies]) {
      expect(empty).toEqual([]);
    }
    expect(issuesOf(blankPreset())).toEqual([]);
  });

  it("marks every rule it states as a default: nothing cites a county's document", () => {
    // Its only citations are national norms' (the hazard codes); every other rule is sourceRef null with an assumption.
    expect(sourceRefs(blank).every((ref) => !ref.startsWith("new_county ") && !ref.startsWith("blank "))).toBe(true);
    expect(blank.levels.every((l) => l.sourceRef === null && l.assumption !== undefined)).toBe(true);
    expect(blank.hazards.workflow.sourceRef).toBeNull();
    expect(blank.venues.kinds.map((k) => [k.id, k.sourceRef])).toEqual([["general_venue", null]]);
    expect(blank.hazards.severities.every((s) => s.sourceRef === null && s.rectificationDays.sourceRef === null)).toBe(true);
  });

  it("is what the preset lookup gives for `blank`, yet not one of the presets (no county rules to count)", () => {
    expect(getPreset(BLANK_PRESET_ID)?.id).toBe("blank");
    expect(presetIds).not.toContain("blank");
  });
});

describe("forking a preset: its citations kept as borrowed (借用)", () => {
  const forked = forkProfile(qidong, { id: "haimen_x", name: { zh: "某县", en: "Some county" } });

  it("fails every inherited citation without the borrowed list, and validates with it", () => {
    const bare = { ...structuredClone(qidong), id: "haimen_x" };
    expect(issuesOf(bare).filter((i) => i.code === "profile.source_ref_foreign").length).toBeGreaterThan(20);
    expect(issuesOf(forked)).toEqual([]);
    expect(forked.id).toBe("haimen_x");
    expect(forked.borrowed).toEqual([{ profileId: "qidong", document: qidong.document }]);
    expect(sourceRefs(forked)).toEqual(sourceRefs(qidong));
  });

  it("marks a citation of the borrowed document as borrowed, and no other", () => {
    const ref = sourceRefs(forked).find((r) => r.startsWith("qidong "))!;
    expect(borrowedFor(forked, ref)?.profileId).toBe("qidong");
    expect(borrowedFor(forked, "消防法 第二十八条")).toBeUndefined();
    expect(borrowedFor(forked, null)).toBeUndefined();
    expect(borrowedFor(qidong, ref)).toBeUndefined();
  });

  it("refuses a citation of a document the profile neither is nor borrows, and borrowing its own id", () => {
    const other = structuredClone(forked);
    other.hazards.workflow = { ...other.hazards.workflow, sourceRef: "zezhou 三(七)", text: "x" };
    expect(issuesOf(other).map((i) => [i.path, i.code])).toEqual([["$.hazards.workflow.sourceRef", "profile.source_ref_foreign"]]);
    const self = structuredClone(forked);
    self.borrowed!.push({ profileId: "haimen_x", document: qidong.document });
    expect(issuesOf(self).map((i) => i.code)).toEqual(["profile.borrowed_self"]);
  });

  it("forking onto the preset's own id is a plain copy; a fork of a fork keeps the first borrowing", () => {
    expect(forkProfile(qidong, { id: "qidong" })).toEqual(qidong);
    const again = forkProfile(forked, { id: "third" });
    expect(again.borrowed?.map((b) => b.profileId)).toEqual(["qidong"]);
    expect(issuesOf(again)).toEqual([]);
  });

  it("turns a county code into a profile id", () => {
    expect(ownProfileId("new-county-2")).toBe("new_county_2");
  });
});

describe("re-citing a borrowed document in one step", () => {
  const forked = forkProfile(qidong, { id: "haimen_x" });

  it("rewrites every citation of the borrowed document to the county's own, clause for clause, and drops the borrowing", () => {
    const recited = reciteProfile(forked, "qidong")!;
    expect(recited.borrowed).toBeUndefined();
    const before = sourceRefs(forked);
    const after = sourceRefs(recited);
    expect(after).toEqual(before.map((ref) => (ref.startsWith("qidong ") ? `haimen_x ${ref.slice("qidong ".length)}` : ref)));
    expect(after.some((ref) => ref.startsWith("qidong "))).toBe(false);
    expect(issuesOf(recited)).toEqual([]);
    // National norms are left alone.
    expect(after.filter((ref) => !ref.startsWith("haimen_x "))).toEqual(before.filter((ref) => !ref.startsWith("qidong ")));
  });

  it("answers undefined for a document the profile does not borrow", () => {
    expect(reciteProfile(forked, "zezhou")).toBeUndefined();
    expect(reciteProfile(reciteProfile(forked, "qidong")!, "qidong")).toBeUndefined();
  });

  it("leaves the input untouched", () => {
    const copy: PolicyProfile = structuredClone(forked);
    reciteProfile(forked, "qidong");
    expect(forked).toEqual(copy);
  });
});
