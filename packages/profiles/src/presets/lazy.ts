import type { PolicyProfile } from "@firegov/core/profile/index";
import { BLANK_PRESET_ID } from "../blank-id.ts";

// The presets one dynamic import each, for the api Lambda: its bundle makes
// each preset a chunk that loads when a request first names it (signup, a
// diff against a preset, the preset list), not at every cold start. The
// package index keeps the eager record for scripts and tests; a unit test
// checks that both hold the same presets. By id, the order in which Node
// lists the index's namespace import (and so GET /v1/presets always did).
const loaders: Readonly<Record<string, () => Promise<PolicyProfile>>> = {
  lianyungang: async () => (await import("./lianyungang.ts")).lianyungang,
  qidong: async () => (await import("./qidong.ts")).qidong,
  songjiang: async () => (await import("./songjiang.ts")).songjiang,
  yancheng: async () => (await import("./yancheng.ts")).yancheng,
  zezhou: async () => (await import("./zezhou.ts")).zezhou,
};

export const lazyPresetIds: readonly string[] = Object.keys(loaders);

/** The built-in preset with this id, or the blank starting point (`blank`), loaded on first use. */
export async function loadPreset(id: string): Promise<PolicyProfile | undefined> {
  if (id === BLANK_PRESET_ID) return (await import("../blank.ts")).blankPreset();
  return Object.hasOwn(loaders, id) ? loaders[id]!() : undefined;
}

/** Every built-in preset, by id. */
export function loadPresets(): Promise<PolicyProfile[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

/** What GET /v1/presets lists beside the presets for the blank starting point. */
export async function loadBlankSummary() {
  const { id, name, document } = (await import("../blank.ts")).blankPreset();
  return { id, name, document, blank: true as const };
}
