import type { PolicyProfile } from "@firegov/core/profile/index";
import * as builtIn from "./presets/index.ts";

// The five built-in policy profiles, keyed by profile id.

const list: readonly PolicyProfile[] = Object.values(builtIn);

export const presets: Readonly<Record<string, PolicyProfile>> = Object.fromEntries(list.map((profile) => [profile.id, profile]));

export const presetIds: readonly string[] = list.map((profile) => profile.id);

export function getPreset(id: string): PolicyProfile | undefined {
  return Object.hasOwn(presets, id) ? presets[id] : undefined;
}
