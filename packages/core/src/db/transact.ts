import { createHash } from "node:crypto";
import { AppError } from "../errors/app-error.ts";
import { useTenant } from "../context/actor.ts";
import type { TenantDb } from "./tenant-db.ts";

type WriteFn = Parameters<TenantDb["service"]["transaction"]["write"]>[0];
/** The entities as a transaction callback receives them. */
export type TxEntities = Parameters<WriteFn>[0];

export interface CancelReason {
  index: number;
  code: string;
}

/**
 * One DynamoDB transaction, checked: ElectroDB reports a cancellation as data,
 * not an error, so every caller says what a cancellation means. With an
 * idempotency key the transaction carries a client request token derived from
 * it, so a retried request (by the SDK or the client) is not applied twice.
 */
export async function writeTransaction(
  db: TenantDb,
  build: WriteFn,
  opts: { idempotencyKey?: string; onCanceled: (reasons: CancelReason[]) => AppError },
): Promise<void> {
  try {
    const result = await db.service.transaction.write(build).go(opts.idempotencyKey ? { token: clientToken(opts.idempotencyKey) } : {});
    if (result.canceled) {
      const reasons = (result.data as { code: string }[]).map((r, index) => ({ index, code: r.code })).filter((r) => r.code !== "None");
      if (reasons.some((r) => r.code === "TransactionConflict")) throw new AppError("conflict", "request.conflict_retry");
      throw opts.onCanceled(reasons);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const name = (err as { name?: string; cause?: { name?: string } }).cause?.name ?? (err as Error).name;
    if (name === "IdempotentParameterMismatchException") throw new AppError("conflict", "request.idempotency_mismatch");
    if (name === "TransactionConflictException") throw new AppError("conflict", "request.conflict_retry");
    throw err;
  }
}

/** ClientRequestToken is at most 36 characters and must be unique per tenant and key. */
function clientToken(idempotencyKey: string): string {
  return createHash("sha256").update(`${useTenant()}\n${idempotencyKey}`).digest("hex").slice(0, 36);
}

