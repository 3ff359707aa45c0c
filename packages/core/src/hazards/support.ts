import { can } from "../access/index.ts";
import type { Actor } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import type { Context } from "./machine.ts";
import { loadHazard, STALE } from "./store.ts";
import { STATE_NAMES } from "./labels.ts";
import { currentFields } from "./problems.ts";
import type { Hazard, RuleActor } from "./types.ts";

// What the hazard use cases share: the rules' view of the actor, the context
// a decision is made in, and the answers to a lost race.

export function ruleActor(actor: Actor): RuleActor {
  if (actor.type === "user") return { type: "user", userId: actor.userId, role: actor.role, scopePath: actor.scopePath, ...(actor.bodyId ? { bodyId: actor.bodyId } : {}) };
  return actor.type === "system" ? { type: "system" } : { type: "public" };
}

/** The profile in effect at `now` and the tenant's time zone: what every decision is made with. */
export async function contextFor(actor: Actor, now: Date): Promise<Context> {
  const [timeZone, { version, profile }] = await Promise.all([tenantTimeZone(), profileAt(now)]);
  return { profile, profileVersion: version, timeZone, now, actor: ruleActor(actor) };
}

/** The caller's tenant's hazard, or 404: another tenant's id is simply not there. */
export async function hazardOrNotFound(hazardId: string): Promise<Hazard> {
  const hazard = await loadHazard(hazardId);
  if (!hazard) throw new AppError("not_found", "hazard.not_found");
  return hazard;
}

/** A lost race answers 409 with the hazard's current state and version. */
export async function staleAnswer(hazardId: string, err: unknown): Promise<never> {
  if (err instanceof AppError && err.code === STALE) {
    const current = await loadHazard(hazardId);
    if (current) throw conflictWith(current);
  }
  throw err;
}

export function conflictWith(current: Hazard): AppError {
  const names = STATE_NAMES[current.state];
  return new AppError("conflict", STALE, { state: current.state, stateZh: names.zh, stateEn: names.en, version: current.version }, currentFields(current));
}

/** Contacts left by residents are for those who act on hazards. */
export const seesContact = (actor: Actor) => can(actor, "hazard.act");
