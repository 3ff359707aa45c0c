import type { Actor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { can } from "../identity/policy.ts";
import type { Context } from "./machine.ts";
import { loadHazard, profileAt, STALE, tenantOf } from "./store.ts";
import { STATE_NAMES } from "./labels.ts";
import { currentFields } from "./problems.ts";
import type { Hazard, RuleActor } from "./types.ts";

// What the hazard use cases share: the rules' view of the actor, the context
// a decision is made in, and the answers to a lost race.

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export function ruleActor(actor: Actor): RuleActor {
  if (actor.type === "user") return { type: "user", userId: actor.userId, role: actor.role, scopePath: actor.scopePath };
  return actor.type === "system" ? { type: "system" } : { type: "public" };
}

/** The profile in effect at `now` and the tenant's time zone: what every decision is made with. */
export async function contextFor(actor: Actor, now: Date): Promise<Context> {
  const [tenant, { version, profile }] = await Promise.all([tenantOf(actor.tenantId), profileAt(actor.tenantId, now)]);
  return { profile, profileVersion: version, timeZone: tenant?.timeZone ?? DEFAULT_TIME_ZONE, now, actor: ruleActor(actor) };
}

/** The caller's tenant's hazard, or 404: another tenant's id is simply not there. */
export async function hazardOrNotFound(tenantId: string, hazardId: string): Promise<Hazard> {
  const hazard = await loadHazard(tenantId, hazardId);
  if (!hazard) throw new AppError("not_found", "hazard.not_found");
  return hazard;
}

/** A lost race answers 409 with the hazard's current state and version. */
export async function staleAnswer(tenantId: string, hazardId: string, err: unknown): Promise<never> {
  if (err instanceof AppError && err.code === STALE) {
    const current = await loadHazard(tenantId, hazardId);
    if (current) throw conflictWith(current);
  }
  throw err;
}

export function conflictWith(current: Hazard): AppError {
  const names = STATE_NAMES[current.state];
  return new AppError("conflict", STALE, { state: current.state, stateZh: names.zh, stateEn: names.en, version: current.version }, currentFields(current));
}

/** The caller's node, or 404 (retired nodes take no new hazards). */
export async function nodeOrNotFound(tenantId: string, nodeId: string, opts: { allowRetired?: boolean } = {}) {
  const { data } = await tenantDb(tenantId).service.entities.node.get({ tenantId, nodeId }).go();
  if (!data || (data.status !== "active" && !opts.allowRetired)) throw new AppError("not_found", "node.not_found");
  return data;
}

/** Contacts left by residents are for those who act on hazards. */
export const seesContact = (actor: Actor) => can(actor, "hazard.act");
