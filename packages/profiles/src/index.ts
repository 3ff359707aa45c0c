import type { PolicyProfile } from "@firegov/core/profile/index";
import { BLANK_PRESET_ID, blankPreset } from "./blank.ts";
import * as builtIn from "./presets/index.ts";

export { BLANK_PRESET_ID, blankPreset, blankProfile } from "./blank.ts";

// The five built-in policy profiles, keyed by profile id.

const list: readonly PolicyProfile[] = Object.values(builtIn);

export const presets: Readonly<Record<string, PolicyProfile>> = Object.fromEntries(list.map((profile) => [profile.id, profile]));

export const presetIds: readonly string[] = list.map((profile) => profile.id);

/** A built-in preset, or the blank starting point (`blank`, not among `presets`: it has no county rules to count). */
export function getPreset(id: string): PolicyProfile | undefined {
  if (id === BLANK_PRESET_ID) return blankPreset();
  return Object.hasOwn(presets, id) ? presets[id] : undefined;
}
