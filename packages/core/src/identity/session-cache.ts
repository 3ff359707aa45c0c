/**
 * Sessions this container has seen live, so that a signed-in request needs
 * no read of its session on the hot path. A session is trusted for at most
 * SESSION_CHECK_SECONDS after it was last read live: that is the bound on how
 * long a revocation made in another container (logout, password reset,
 * disabling a user, refresh-token reuse) takes to reach this one. A
 * revocation made in this container takes effect here at once.
 */
export const SESSION_CHECK_SECONDS = 60;

/** Enough for every session a warm container serves; the oldest go first. */
const MAX_ENTRIES = 10_000;

const checkedAt = new Map<string, number>();

const keyOf = (tenantId: string, sessionId: string) => `${tenantId}\u0000${sessionId}`;

/** Whether the session was read live within the bound (as of `now`). */
export function seenLive(tenantId: string, sessionId: string, now: Date): boolean {
  const at = checkedAt.get(keyOf(tenantId, sessionId));
  return at !== undefined && now.getTime() - at >= 0 && now.getTime() - at < SESSION_CHECK_SECONDS * 1000;
}

export function rememberLive(tenantId: string, sessionId: string, now: Date): void {
  const key = keyOf(tenantId, sessionId);
  checkedAt.delete(key); // re-insert: the map's order is its age
  checkedAt.set(key, now.getTime());
  if (checkedAt.size > MAX_ENTRIES) checkedAt.delete(checkedAt.keys().next().value!);
}

export function forgetSessions(tenantId: string, sessionIds: readonly string[]): void {
  for (const id of sessionIds) checkedAt.delete(keyOf(tenantId, id));
}
