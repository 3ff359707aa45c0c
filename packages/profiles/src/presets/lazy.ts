import type { PolicyProfile } from "@firegov/core/profile/index";

// The presets one dynamic import each, for the api Lambda: its bundle makes
// each preset a chunk that loads when a request first names it (signup, a
// diff against a preset, the preset list), not at every cold start. The
// package index keeps the eager record for scripts and tests; a unit test
// checks that both hold the same presets. Same order as index.ts.
const loaders: Readonly<Record<string, () => Promise<PolicyProfile>>> = {
  qidong: async () => (await import("./qidong.ts")).qidong,
  lianyungang: async () => (await import("./lianyungang.ts")).lianyungang,
  yancheng: async () => (await import("./yancheng.ts")).yancheng,
  zezhou: async () => (await import("./zezhou.ts")).zezhou,
  songjiang: async () => (await import("./songjiang.ts")).songjiang,
};

export const lazyPresetIds: readonly string[] = Object.keys(loaders);

/** The built-in preset with this id, loaded on first use. */
export async function loadPreset(id: string): Promise<PolicyProfile | undefined> {
  return Object.hasOwn(loaders, id) ? loaders[id]!() : undefined;
}

/** Every built-in preset, in the package's order. */
export function loadPresets(): Promise<PolicyProfile[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}
