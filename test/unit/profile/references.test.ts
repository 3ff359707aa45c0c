import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  LEVEL_IDS,
  parseProfile,
  PolicyProfile,
  PROFILE_REFERENCES,
  profileFormSchema,
  referencesIn,
  referringPaths,
  type FormNode,
  type PolicyProfile as Profile,
} from "@firegov/core/profile/index";
import { lianyungang } from "@firegov/profiles/presets/lianyungang";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { yancheng } from "@firegov/profiles/presets/yancheng";
import { zezhou } from "@firegov/profiles/presets/zezhou";

const presets: Profile[] = [qidong, lianyungang, yancheng, zezhou, songjiang];
type Segment = string | number;
const pattern = (path: readonly Segment[]) => path.map((k) => (typeof k === "number" ? "*" : k)).join(".");
const jsonPath = (path: readonly Segment[]) => path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : `${acc}.${k}`), "$");

function setAt(value: unknown, path: readonly Segment[], next: unknown) {
  let at = value as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = next;
}

/** The paths (with `*` for list indexes) of the form fields that carry a picker's target. */
function pickerPaths(node: FormNode, path: string[] = []): string[] {
  const at = path.join(".");
  switch (node.kind) {
    case "text":
    case "enum":
      return node.ref ? [at] : [];
    case "object":
      return node.fields.flatMap((field) => pickerPaths(field.node, [...path, field.key]));
    case "array":
      return pickerPaths(node.of, [...path, "*"]);
    case "nullable":
      return pickerPaths(node.of, path);
    case "union":
      return node.variants.flatMap((variant) => pickerPaths(variant.node, path));
    case "choice":
      return node.options.flatMap((option) => pickerPaths(option, path));
    default:
      return [];
  }
}

/** String fields shaped as an id (snake_case pattern, or the level enum) that are not an entry's own `id`. */
function idShapedFields(schema: unknown, path: string[] = []): string[] {
  if (typeof schema !== "object" || schema === null) return [];
  const s = schema as Record<string, unknown>;
  const own = (s.pattern === "^[a-z][a-z0-9_]*$" || (Array.isArray(s.enum) && s.enum.includes("town"))) && path.at(-1) !== "id" ? [path.join(".")] : [];
  const nested = [
    ...Object.entries((s.properties as Record<string, unknown>) ?? {}).flatMap(([key, child]) => idShapedFields(child, [...path, key])),
    ...(s.items ? idShapedFields(s.items, [...path, "*"]) : []),
    ...[...((s.anyOf as unknown[]) ?? []), ...((s.oneOf as unknown[]) ?? [])].flatMap((option) => idShapedFields(option, path)),
  ];
  return [...new Set([...own, ...nested])];
}

/** Id-shaped fields that name nothing in the profile: the baseline library's ids, and ids within one entry. */
const NOT_REFERENCES = [
  "inspectionCategories.*.checklist.*.baseline",
  "selfCheck.checklist.*.baseline",
  "homeVisits.checklist.*.baseline",
  "stationStandards.*.items.*.id",
  // A word's or a level's kernel meaning names one of the product's own ids (profile/kernel.ts), not an entry of the profile.
  "levels.*.kernel",
  // A borrowed document's profile id names another county's document, not an entry of this profile.
  "borrowed.*.profileId",
  ...["bodyKinds", "employmentKinds", "venueFlags", "venueFeatures", "recordKinds", "hazardSources", "engineTypes", "forceKinds", "platformFunctions", "platformRoles"].map((key) => `vocabulary.${key}.*.means`),
];

describe("the reference table (profile/references.ts)", () => {
  it("names only fields the schema has, and the form description puts a picker on each of them", () => {
    const tablePaths = PROFILE_REFERENCES.map((entry) => entry.path).sort();
    expect([...new Set(pickerPaths(profileFormSchema()))].sort()).toEqual(tablePaths);
  });

  it("covers every id-shaped field of the schema (a new field that names another list must be added to the table)", () => {
    const table = new Set(PROFILE_REFERENCES.map((entry) => entry.path));
    const unclassified = idShapedFields(z.toJSONSchema(PolicyProfile, { io: "input", unrepresentable: "any" })).filter(
      (path) => !table.has(path) && !NOT_REFERENCES.includes(path),
    );
    expect(unclassified).toEqual([]);
  });

  it("every reference the table names is checked: a dangling id there is reference_missing at its JSON path", () => {
    const checked = new Set<string>();
    for (const entry of PROFILE_REFERENCES) {
      for (const preset of presets) {
        const found = [...referencesIn(preset)].find((ref) => pattern(ref.path) === entry.path);
        if (!found) continue;
        // A dangling value the shape accepts: a level the profile does not use, else an id of no entry.
        const dangling = found.target === "level" ? LEVEL_IDS.find((id) => !preset.levels.some((level) => level.id === id)) : "no_such_entry";
        if (dangling === undefined) continue;
        const draft = structuredClone(preset);
        setAt(draft, found.path, dangling);
        const result = parseProfile(draft);
        const issues = result.ok ? [] : result.issues.filter((i) => i.code === "profile.reference_missing").map((i) => i.path);
        expect(issues, entry.path).toContain(jsonPath(found.path));
        checked.add(entry.path);
        break;
      }
    }
    // The few the five presets never use are covered by the picker test above; most are exercised here. (venue measures, classify policies and the settings section are used by none of the five: 0.7)
    expect(checked.size).toBeGreaterThan(PROFILE_REFERENCES.length * 0.7);
  });

  it("finds the rules that still name an entry (what removing it would leave dangling)", () => {
    const body = [...referencesIn(qidong)].find((ref) => ref.target === "body")!.id;
    const paths = referringPaths(qidong, "body", body);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], qidong)).toBe(body);
    expect(referringPaths(qidong, "body", "no_such_body")).toEqual([]);
  });

  it("the five presets still validate", () => {
    for (const preset of presets) expect(parseProfile(preset).ok, preset.id).toBe(true);
  });
});
