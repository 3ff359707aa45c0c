import { Hazards, type Profiles } from "@firegov/core";
import { getPreset } from "@firegov/profiles";

// Pure hazard fixtures: a profile, a clock, a branch of the tree and actors on it.

export type Profile = Profiles.PolicyProfile;
export const TZ = "Asia/Shanghai";
export const DAY = 86_400_000;
/** Noon in Shanghai, 2026-03-02. */
export const T0 = new Date("2026-03-02T04:00:00Z");

export const preset = (id: string): Profile => structuredClone(getPreset(id)!);

/** One node per level of the profile, named after its level: `/county/town/village/grid`. */
export function branch(profile: Profile): Record<string, { nodeId: string; path: string }> {
  const nodes: Record<string, { nodeId: string; path: string }> = {};
  let path = "";
  for (const level of profile.levels) {
    path += `/${level.id}`;
    nodes[level.id] = { nodeId: level.id, path };
  }
  return nodes;
}

export function user(role: string, scopePath: string, userId = `${role}@${scopePath}`): Hazards.RuleActor {
  return { type: "user", userId, role: role as never, scopePath };
}

export function ctx(profile: Profile, actor: Hazards.RuleActor, now = T0): Hazards.Context {
  return { profile, profileVersion: 1, timeZone: TZ, now, actor };
}

let seq = 0;

/** A hazard found at a node by a user, in the profile's first state. */
export function found(profile: Profile, at: { nodeId: string; path: string }, extra: Partial<Hazards.NewHazard> = {}, now = T0, by = user("grid_worker", at.path)) {
  return Hazards.discover(ctx(profile, by, now), {
    hazardId: `h${++seq}`,
    place: at,
    code: Hazards.OTHER_CODE,
    codeText: "楼道堆物",
    severity: "general",
    description: "楼道堆放杂物",
    photos: [],
    source: "inspection",
    reporter: { type: "user", id: by.type === "user" ? by.userId : undefined },
    priorOccurrences: [],
    ...extra,
  }).hazard;
}

/** Applies actions in turn, each as the given actor at the given time; returns the last outcome. */
export function run(profile: Profile, hazard: Hazards.Hazard, steps: [Hazards.RuleActor, Hazards.ResolvedAction, Date?][]) {
  let current = hazard;
  let last: Hazards.Outcome | undefined;
  for (const [actor, input, now] of steps) {
    last = Hazards.decide(ctx(profile, actor, now ?? T0), current, input);
    current = last.hazard;
  }
  return { hazard: current, last: last! };
}

/** The error a call throws, or undefined. */
export function thrown(fn: () => unknown): { kind: string; code: string; params: Record<string, unknown>; fields: { path: string }[] } | undefined {
  try {
    fn();
  } catch (err) {
    return err as never;
  }
  return undefined;
}
