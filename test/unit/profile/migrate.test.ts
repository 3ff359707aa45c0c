import { describe, expect, it } from "vitest";
import { BASELINE_VOCABULARY, migrateProfile, parseProfile, PROFILE_SCHEMA_VERSION, schemaVersionOf, type PolicyProfile } from "@firegov/core/profile/index";
import { presets } from "@firegov/profiles";

// A wave-1 profile (no schemaVersion, no vocabulary: the closed lists were the
// schema's) is lifted to today's shape by a versioned, pure migration.

/** A preset as wave 1 stored and exported it. */
function waveOne(profile: PolicyProfile): Record<string, unknown> {
  const { schemaVersion: _, vocabulary: __, ...old } = structuredClone(profile);
  return old;
}

describe("profile migration", () => {
  it.each(Object.keys(presets))("%s: its wave-1 shape migrates to exactly today's preset", (id) => {
    const old = waveOne(presets[id]!);
    expect(schemaVersionOf(old)).toBe(1);
    const migrated = migrateProfile(old);
    expect(schemaVersionOf(migrated)).toBe(PROFILE_SCHEMA_VERSION);
    expect(migrated).toEqual(presets[id]);
    expect(parseProfile(old).ok).toBe(true);
  });

  it("writes every baseline word with its labels, so the web reads labels from the profile", () => {
    const migrated = migrateProfile(waveOne(presets.qidong!)) as PolicyProfile;
    expect(migrated.vocabulary.bodyKinds.find((k) => k.id === "fire_office")?.name).toEqual(BASELINE_VOCABULARY.bodyKinds.fire_office);
    expect(migrated.vocabulary.platformRoles.map((r) => r.id)).toContain("grid_worker");
  });

  it("leaves the input untouched, a current profile as it is, and a non-object for the schema to refuse", () => {
    const old = waveOne(presets.songjiang!);
    const before = JSON.stringify(old);
    migrateProfile(old);
    expect(JSON.stringify(old)).toBe(before);
    expect(migrateProfile(presets.songjiang)).toBe(presets.songjiang);
    expect(migrateProfile("nope")).toBe("nope");
    expect(parseProfile(null).ok).toBe(false);
  });

  it("refuses a schema version it does not know, naming the field", () => {
    const future = { ...structuredClone(presets.qidong!), schemaVersion: 3 };
    const result = parseProfile(future);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain("$.schemaVersion");
  });
});
