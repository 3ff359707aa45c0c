import { describe, it, expect } from "vitest";
import { parseProfile } from "@firegov/core/profile/index";
import { getPreset, presetIds, presets } from "@firegov/profiles";
import { lazyPresetIds, loadPreset, loadPresets } from "@firegov/profiles/presets/lazy";

describe("built-in presets", () => {
  it("are the five documents, keyed by id", () => {
    expect([...presetIds].sort()).toEqual(["lianyungang", "qidong", "songjiang", "yancheng", "zezhou"]);
    for (const id of presetIds) expect(presets[id]?.id).toBe(id);
  });

  it.each(presetIds)("%s passes parseProfile with no issues", (id) => {
    expect(parseProfile(getPreset(id))).toEqual({ ok: true, profile: presets[id] });
  });

  it("getPreset answers undefined for an unknown id, including inherited keys", () => {
    expect(getPreset("nowhere")).toBeUndefined();
    expect(getPreset("toString")).toBeUndefined();
  });

  it("load lazily (the api Lambda's way) as the same presets, by id", async () => {
    const byId = [...presetIds].sort();
    expect(lazyPresetIds).toEqual(byId);
    expect(await loadPresets()).toEqual(byId.map((id) => presets[id]));
    for (const id of presetIds) expect(await loadPreset(id)).toBe(getPreset(id));
    expect(await loadPreset("toString")).toBeUndefined();
  });
});
