import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "../errors/app-error.ts";
import type { Role } from "./roles.ts";

/**
 * Who is acting, for which tenant. Set once per request by the auth
 * middleware (from the verified token) or per job run; data functions read it
 * here and never take a tenant id from their callers.
 */
export type Actor =
  | { type: "user"; tenantId: string; userId: string; role: Role; scopeNodeId: string; scopePath: string; sessionId: string; name?: string; /** The profile body the user acts for, when bound to one. */ bodyId?: string }
  | { type: "system"; tenantId: string; job: string }
  /** A public flow (signup, login) acting for the tenant it names, before anyone is known. */
  | { type: "public"; tenantId: string };

export interface RequestMeta {
  requestId: string;
  sourceIp?: string;
}

const actors = new AsyncLocalStorage<Actor>();
const requests = new AsyncLocalStorage<RequestMeta>();

export function withActor<T>(actor: Actor, fn: () => T): T {
  return actors.run(actor, fn);
}

/** Set per request by the HTTP layer (and per run by jobs), before anyone is known. */
export function withRequest<T>(meta: RequestMeta, fn: () => T): T {
  return requests.run(meta, fn);
}

export function useActor(): Actor {
  const actor = actors.getStore();
  if (!actor) throw new Error("no actor in context: wrap the call in withActor()");
  return actor;
}

export function useTenant(): string {
  return useActor().tenantId;
}

export function useRequestMeta(): RequestMeta {
  return requests.getStore() ?? { requestId: "none" };
}

/** The acting user, or 401 when the flow is not a signed-in user's. */
export function useUser(): Extract<Actor, { type: "user" }> {
  const actor = useActor();
  if (actor.type !== "user") throw new AppError("unauthorized", "auth.required");
  return actor;
}

/** How events and records name who acted: a user id, `system:<job>`, or `public`. */
export function actorRef(actor: Actor = useActor()): string {
  return actor.type === "user" ? actor.userId : actor.type === "system" ? `system:${actor.job}` : "public";
}
