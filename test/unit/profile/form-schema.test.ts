import { describe, expect, it } from "vitest";
import { profileFormSchema, type FormNode, type FormObject } from "@firegov/core/profile/index";

const field = (node: FormNode, key: string): FormNode => {
  if (node.kind !== "object") throw new Error(`not an object: ${node.kind}`);
  const found = node.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found.node;
};
const items = (node: FormNode): FormNode => {
  if (node.kind !== "array") throw new Error(`not a list: ${node.kind}`);
  return node.of;
};

describe("the profile's form description (profile/form-schema.ts)", () => {
  const root: FormObject = profileFormSchema();

  it("has a field for every part of the profile, optional parts marked optional", () => {
    const keys = root.fields.map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(["levels", "bodies", "roles", "composition", "staffing", "obligations", "milestones", "platforms", "selfCheck", "iot"]));
    expect(root.fields.find((f) => f.key === "iot")!.optional).toBe(true);
    expect(root.fields.find((f) => f.key === "bodies")!.optional).toBe(false);
  });

  it("marks a rule cited and leaves its citation fields to the 出处 block; names are zh/en labels", () => {
    const body = items(field(root, "bodies"));
    expect(body).toMatchObject({ kind: "object", cited: true });
    expect(body.kind === "object" && body.fields.map((f) => f.key)).not.toContain("sourceRef");
    expect(field(body, "name")).toEqual({ kind: "label", enOptional: false });
    // A body's kind is a word of the county's vocabulary: a picker over vocabulary.bodyKinds, not a closed enum.
    expect(field(body, "kind")).toMatchObject({ kind: "text", ref: "bodyKind" });
  });

  it("makes a discriminated union a kind with its variants' fields", () => {
    const requirement = field(items(field(field(root, "staffing"), "rules")), "requirement");
    expect(requirement.kind).toBe("union");
    if (requirement.kind !== "union") return;
    expect(requirement.discriminator).toBe("measure");
    expect(requirement.variants.map((v) => v.value)).toEqual(["count", "share_of_total"]);
    expect(requirement.variants[1]!.node.fields.map((f) => [f.key, f.optional])).toEqual([["measure", false], ["minPercent", false], ["maxPercent", true]]);
  });

  it("keeps null as 'not set' and a reference's non-id values beside its picker", () => {
    const obligation = items(field(root, "obligations"));
    expect(field(obligation, "frequency")).toMatchObject({ kind: "nullable", of: { kind: "object" } });
    const per = field(items(field(field(root, "brigades"), "requirements")), "per");
    expect(per).toMatchObject({ ref: "level", except: ["key_unit", "zone"] });
    expect(items(field(obligation, "covers"))).toMatchObject({ ref: "role" });
  });
});
