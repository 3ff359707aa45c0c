import fc from "fast-check";
import { AppError, Hazards, withActor, withRequest, type Actor } from "@firegov/core";
import { addNode } from "./tenants.ts";

// Random sequences of hazard operations for the property tests of what the
// writes maintain (counters, dashboard figures): reports at three levels of
// a fresh town, moves along the loop (sometimes any move, to be refused),
// listings, waits and sweeps, played through the use cases with a clock
// that only runs forward.

const HOUR = 3_600_000;

export type HazardOp =
  | { kind: "create"; node: 0 | 1 | 2; severity: "general" | "major"; venue: number | null }
  | { kind: "act"; target: number; choice: number; wild: boolean }
  | { kind: "list"; target: number; off: boolean }
  | { kind: "wait"; hours: number }
  | { kind: "sweep" };

const ACTIONS = ["register", "dispatch", "start", "submit", "close", "reject", "fix_on_spot", "withdraw", "reopen"] as const;
/** Mostly the moves a hazard's state allows, so that sequences get somewhere (the first one forward); sometimes any move, to be refused. */
const NEXT: Record<string, readonly (typeof ACTIONS)[number][]> = {
  discovered: ["register", "register", "fix_on_spot", "withdraw"],
  registered: ["dispatch", "dispatch", "withdraw"],
  dispatched: ["start", "start", "withdraw"],
  rectifying: ["submit", "submit", "withdraw"],
  verifying: ["close", "close", "reject"],
  closed: ["reopen"],
  withdrawn: ["reopen"],
};
const REASONED = new Set<string>(["reject", "withdraw", "reopen"]);

/** The operations drawn: how often reports come, the longest wait, and whether hazards are listed for supervision. */
export function hazardOp(opts: { createWeight: number; maxWaitHours: number; listings: boolean }): fc.Arbitrary<HazardOp> {
  return fc.oneof(
    { weight: opts.createWeight, arbitrary: fc.record({ kind: fc.constant("create" as const), node: fc.constantFrom(0 as const, 1 as const, 2 as const), severity: fc.constantFrom("general" as const, "major" as const), venue: fc.option(fc.nat(2)) }) },
    { weight: 14, arbitrary: fc.record({ kind: fc.constant("act" as const), target: fc.nat(), choice: fc.nat(), wild: fc.nat(9).map((n) => n === 0) }) },
    ...(opts.listings ? [{ weight: 2, arbitrary: fc.record({ kind: fc.constant("list" as const), target: fc.nat(), off: fc.boolean() }) }] : []),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: opts.maxWaitHours }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: "sweep" as const }) },
  );
}

/** `times` moves forward of the hazard `target` (the first move NEXT offers), for hand-made sequences. */
export const forward = (target: number, times: number): HazardOp[] => Array.from({ length: times }, () => ({ kind: "act" as const, target, choice: 0, wild: false }));

export interface PlayedRun {
  /** The fresh town, its village and its grid. */
  places: { nodeId: string; path: string }[];
  timelines: Hazards.Timeline[];
  /** The clock after the last step. */
  clock: number;
  as: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Plays one sequence in a fresh town under `root` (run `run`), and reads every hazard's timeline at the end. */
export async function playHazardOps(tenantId: string, timeZone: string, root: { nodeId: string; path: string }, run: number, ops: readonly HazardOp[]): Promise<PlayedRun> {
  const town = await addNode(tenantId, root, "town", `镇${run}`);
  const village = await addNode(tenantId, town, "village", `村${run}`);
  const grid = await addNode(tenantId, village, "grid", `网格${run}`);
  const places = [town, village, grid];
  const officer: Actor = { type: "user", tenantId, userId: `officer-${run}`, role: "town_officer", scopeNodeId: town.nodeId, scopePath: town.path, sessionId: "property" };
  // The profile is in effect from signup, so the clock runs forward from now.
  let clock = Date.now() + 1000;
  const ids: string[] = [];
  const states = new Map<string, string>();
  const as = <T>(fn: () => Promise<T>) => withRequest({ requestId: `property-${run}` }, () => withActor(officer, fn));
  const refusedOk = (err: unknown) => {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
  };
  for (const step of ops) {
    clock += 1000;
    const now = new Date(clock);
    if (step.kind === "wait") clock += step.hours * HOUR;
    else if (step.kind === "sweep") await Hazards.sweepTenant(tenantId, timeZone, now);
    else if (step.kind === "create") {
      const input = { nodeId: places[step.node]!.nodeId, code: "ebike_charging", severity: step.severity, description: "属性测试隐患", source: "inspection", ...(step.venue === null ? {} : { venueId: `r${run}-v${step.venue}` }) };
      const created = await as(() => Hazards.createHazard(input, { now })).catch(refusedOk);
      if (created && !ids.includes(created.hazardId)) ids.push(created.hazardId);
      if (created) states.set(created.hazardId, created.state);
    } else if (ids.length) {
      const id = ids[step.target % ids.length]!;
      const body =
        step.kind === "list"
          ? step.off
            ? { action: "delist", level: "town", reason: "属性测试摘牌" }
            : { action: "list", level: "town", trigger: "hard_to_fix", criteria: ["难以推动整改"], reason: "属性测试挂牌" }
          : (() => {
              const moves = step.wild ? ACTIONS : NEXT[states.get(id)!]!;
              const action = moves[step.choice % moves.length]!;
              return { action, ...(REASONED.has(action) ? { reason: "属性测试" } : {}) };
            })();
      const after = await as(() => Hazards.actOnHazard(body, id, { now })).catch(refusedOk);
      if (after) states.set(id, after.state);
    }
  }
  const timelines = await as(() => Promise.all(ids.map((id) => Hazards.getTimeline({ limit: 200 }, id))));
  return { places, timelines, clock, as };
}

/** Withdraws what a run left open, so later runs' sweeps have only their own hazards to look at. */
export async function withdrawOpen({ timelines, clock, as }: PlayedRun): Promise<void> {
  for (const { hazard } of timelines) {
    if (Hazards.isOpen(hazard!.state)) await as(() => Hazards.actOnHazard({ action: "withdraw", reason: "测试结束" }, hazard!.hazardId, { now: new Date(clock + 1000) }));
  }
}
