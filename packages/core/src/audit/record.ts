import { randomUUID } from "node:crypto";
import { actorRef, useActor, useRequestMeta } from "../context/actor.ts";
import type { TxEntities } from "../db/transact.ts";

export interface AuditFacts {
  action: string;
  targetType: string;
  targetId: string;
  /** Safe facts only: never a password, hash or token. */
  details?: Record<string, unknown>;
}

const SECRET_FIELDS = /password|token|secret|hash/i;

/**
 * The audit entry of a write, as a transaction item to commit with the write
 * itself. Keys that look secret are dropped even if a caller passes them.
 */
export function auditItem(tx: Pick<TxEntities, "audit">, facts: AuditFacts, now = new Date()) {
  const actor = useActor();
  const details = Object.fromEntries(Object.entries(facts.details ?? {}).filter(([k]) => !SECRET_FIELDS.test(k)));
  return tx.audit
    .create({
      tenantId: actor.tenantId,
      auditId: randomUUID(),
      at: now.toISOString(),
      actorType: actor.type,
      actorId: actorRef(actor),
      action: facts.action,
      targetType: facts.targetType,
      targetId: facts.targetId,
      requestId: useRequestMeta().requestId,
      details,
    })
    .commit();
}
