import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { branch, ctx, found, preset, user } from "./fixtures.ts";

// availableActions tries every action and drops the refused ones without
// capturing their stacks; errors anywhere else keep theirs.

describe("the actions offered on a hazard", () => {
  const profile = preset("songjiang");
  const nodes = branch(profile);
  const town = user("town_officer", nodes.town!.path);

  it("are found without changing how the rest of the process captures stacks", () => {
    const limit = Error.stackTraceLimit;
    const hazard = found(profile, nodes.grid!);
    const offered = Hazards.availableActions(ctx(profile, town), hazard);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThan(Hazards.ACTIONS.length);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error("elsewhere").stack?.split("\n").length).toBeGreaterThan(1);
    // Each action offered is one decide accepts (or asks only for input); each one left out, decide refuses otherwise.
    for (const action of Hazards.ACTIONS) {
      let kind: string | undefined;
      try {
        Hazards.decide(ctx(profile, town), hazard, { action } as never);
      } catch (err) {
        kind = (err as { kind?: string }).kind;
      }
      expect([action, offered.includes(action)]).toEqual([action, kind === undefined || kind === "validation"]);
    }
  });
});
