import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { branch, ctx, found, preset, run, thrown, user } from "./fixtures.ts";

// Duplicates in the state machine (issue 16, Build 5): `duplicate` is a final
// state an officer merges an open hazard into; the original records it; a
// corroboration adds to an open hazard without moving it.

const profile = preset("songjiang");
const nodes = branch(profile);
const town = user("town_officer", nodes.town!.path);
const grid = user("grid_worker", nodes.grid!.path);

describe("merge", () => {
  it("moves an open hazard to duplicate, pointing at the original, and offers nothing after", () => {
    const original = found(profile, nodes.grid!);
    const dup = found(profile, nodes.grid!);
    expect(Hazards.availableActions(ctx(profile, town), dup)).toContain("merge");
    const { hazard } = run(profile, dup, [[town, { action: "merge", into: original }]]);
    expect(hazard).toMatchObject({ state: "duplicate", duplicateOf: original.hazardId, version: dup.version + 1 });
    expect(Hazards.isOpen(hazard.state)).toBe(false);
    expect(Hazards.availableActions(ctx(profile, town), hazard)).toEqual([]);
    // Final: it leaves the open counters.
    expect(Hazards.standingMetrics(hazard)).toEqual([]);
  });

  it("is the handler's to make, names the original, and never into itself or a finished hazard", () => {
    const original = found(profile, nodes.grid!);
    const dup = found(profile, nodes.grid!);
    expect(Hazards.availableActions(ctx(profile, grid), dup)).not.toContain("merge");
    expect(thrown(() => Hazards.decide(ctx(profile, grid), dup, { action: "merge", into: original }))?.kind).toBe("forbidden");
    expect(thrown(() => Hazards.decide(ctx(profile, town), dup, { action: "merge" }))?.fields.map((f) => f.path)).toEqual(["body.intoId"]);
    expect(thrown(() => Hazards.decide(ctx(profile, town), dup, { action: "merge", into: dup }))).toMatchObject({ kind: "validation", fields: [{ path: "body.intoId", code: "hazard.merge_into_self" }] });
    const withdrawn = run(profile, original, [[town, { action: "withdraw", reason: "无效线索" }]]).hazard;
    expect(thrown(() => Hazards.decide(ctx(profile, town), dup, { action: "merge", into: withdrawn }))).toMatchObject({ kind: "validation", fields: [{ path: "body.intoId", code: "hazard.merge_into_not_open" }] });
  });

  it("records the duplicate on the original with an event, leaving its state, and tells its handler", () => {
    const original = found(profile, nodes.grid!);
    const dup = found(profile, nodes.grid!);
    const out = Hazards.absorb(ctx(profile, town), original, dup);
    expect(out.hazard).toMatchObject({ state: original.state, duplicates: [dup.hazardId], version: original.version + 1 });
    expect(out.events).toEqual([expect.objectContaining({ action: "merged", from: original.state, to: original.state, details: { duplicateId: dup.hazardId } })]);
    expect(out.intents[0]!.to).toEqual([{ type: "handler", handling: original.handling }]);
  });
});

describe("corroborate", () => {
  it("adds the photos and a timeline event to an open hazard without moving it, and tells its handler", () => {
    const h = found(profile, nodes.grid!);
    const out = Hazards.corroborate(ctx(profile, grid), h, { note: "我也看到了", photos: ["t/x/hazards/a.jpg"] });
    expect(out.hazard).toMatchObject({ state: h.state, photos: ["t/x/hazards/a.jpg"], version: h.version + 1 });
    expect(out.events).toEqual([expect.objectContaining({ action: "corroborate", from: h.state, to: h.state, note: "我也看到了", photos: ["t/x/hazards/a.jpg"] })]);
    expect(out.intents[0]!.to).toContainEqual({ type: "handler", handling: h.handling });
  });

  it("refuses a closed or merged hazard with 409", () => {
    const original = found(profile, nodes.grid!);
    const merged = run(profile, found(profile, nodes.grid!), [[town, { action: "merge", into: original }]]).hazard;
    expect(thrown(() => Hazards.corroborate(ctx(profile, grid), merged, { photos: [], note: "x" }))).toMatchObject({ kind: "conflict", code: "hazard.transition_not_allowed" });
  });
});
