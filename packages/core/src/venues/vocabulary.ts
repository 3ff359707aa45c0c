import { z } from "zod";
import { wordName, type PolicyProfile } from "../profile/index.ts";

// A venue's flags and features are words of the profile's vocabulary
// (vocabulary.venueFlags, vocabulary.venueFeatures): ids at the boundary are
// checked against the profile in effect (classify.ts checkFacts), labels come
// from it too.

/** A flag or feature id as the API takes it: its shape here, its meaning from the profile. */
export const Feature = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a snake_case id");

export const venueFlagsOf = (profile: PolicyProfile): string[] => profile.vocabulary.venueFlags.map((entry) => entry.id);
export const venueFeaturesOf = (profile: PolicyProfile): string[] => profile.vocabulary.venueFeatures.map((entry) => entry.id);

/** A flag's or feature's labels from the profile; an unknown id as itself. */
export const flagName = (profile: PolicyProfile, id: string) => wordName(profile, "venueFlags", id);
export const featureName = (profile: PolicyProfile, id: string) => wordName(profile, "venueFeatures", id);
