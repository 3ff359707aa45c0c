import { baselineVocabulary } from "./kernel.ts";
import { PROFILE_SCHEMA_VERSION } from "./schema.ts";

// Profiles are stored and exported as JSON in the shape of their day. Each
// step lifts one schema version to the next; a document is migrated when it
// is read, imported or validated, so a wave-1 version published years ago
// still reads in today's shape (its stored bytes never change).

type Json = Record<string, unknown>;

/** One step: the version it lifts from, and what it does (pure: returns a new document). */
interface Step {
  from: number;
  why: string;
  up: (profile: Json) => Json;
}

export const MIGRATIONS: readonly Step[] = [
  {
    from: 1,
    why: "vocabularies became the profile's own: the closed lists of wave 1 are written out as the profile's vocabulary, with their labels",
    up: (profile) => {
      const { schemaVersion: _, vocabulary, ...rest } = profile;
      return { schemaVersion: 2, ...rest, vocabulary: isRecord(vocabulary) ? { ...baselineVocabulary(), ...vocabulary } : baselineVocabulary() };
    },
  },
];

/** The schema version a document claims: wave-1 documents carry none. */
export function schemaVersionOf(profile: unknown): number {
  if (!isRecord(profile)) return PROFILE_SCHEMA_VERSION;
  return typeof profile.schemaVersion === "number" ? profile.schemaVersion : 1;
}

/**
 * A profile document lifted to the current schema version; anything not an
 * object, or already current (or from the future), is returned as it is for
 * the schema to judge.
 */
export function migrateProfile<T>(profile: T): T {
  if (!isRecord(profile)) return profile;
  let current: Json = profile;
  for (let version = schemaVersionOf(profile); version < PROFILE_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((candidate) => candidate.from === version);
    if (!step) break;
    current = step.up(current);
  }
  return current as T;
}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
