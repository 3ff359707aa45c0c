import { createHash } from "node:crypto";
import "./idempotency.entity.ts";
import { useTenant } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";
import { tenantDb, type TenantDb } from "./tenant-db.ts";
import { THROTTLED_REASONS, throttledTransaction, unavailableError } from "./unavailable.ts";

type WriteFn = Parameters<TenantDb["service"]["transaction"]["write"]>[0];
/** The entities as a transaction callback receives them. */
export type TxEntities = Parameters<WriteFn>[0];

/** One item of a write transaction, as an entity's `.commit()` makes it. */
export type TxItem = ReturnType<ReturnType<TxEntities["audit"]["create"]>["commit"]>;

export interface CancelReason {
  index: number;
  code: string;
}

/** A client's Idempotency-Key for one request, and what to answer on a replay. */
export interface Idempotency<R> {
  key: string;
  /** The validated request: a retry must send the same. */
  request: unknown;
  result: R;
}

const IDEMPOTENCY_SECONDS = 24 * 60 * 60;

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * One DynamoDB transaction, checked: ElectroDB reports a cancellation as data,
 * not an error, so every caller says what a cancellation means. (The SDK
 * gives each call a ClientRequestToken, so its own retries are applied once.)
 * With an idempotency key, the first result is stored in the same
 * transaction; a retry of the same request gets that result back and writes
 * nothing, and the key reused for another request answers 409.
 */
export async function writeTransaction<R = void>(
  build: WriteFn,
  opts: { onCanceled: (reasons: CancelReason[]) => AppError; idempotency?: Idempotency<R> },
): Promise<R | undefined> {
  const db = tenantDb();
  const idem = opts.idempotency;
  const key = idem ? sha256(idem.key) : "";
  const fingerprint = idem ? sha256(JSON.stringify(idem.request)) : "";
  const withIdempotency: WriteFn = idem
    ? (tx) => [
        tx.idempotency
          .create({ tenantId: useTenant(), key, fingerprint, result: JSON.stringify(idem.result ?? null), expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_SECONDS })
          .commit(),
        ...build(tx),
      ]
    : build;
  try {
    const result = await db.service.transaction.write(withIdempotency).go();
    if (!result.canceled) return idem?.result;
    const reasons = (result.data as { code: string }[]).map((r, index) => ({ index, code: r.code })).filter((r) => r.code !== "None");
    // Throttled is not refused: nothing was written, and the same request may succeed in a moment (503, not the caller's 409).
    if (reasons.some((r) => THROTTLED_REASONS.has(r.code))) throw throttledTransaction();
    if (reasons.some((r) => r.code === "TransactionConflict")) throw new AppError("conflict", "request.conflict_retry");
    if (idem && reasons.some((r) => r.index === 0)) return replay(db, key, fingerprint);
    throw opts.onCanceled(idem ? reasons.map((r) => ({ ...r, index: r.index - 1 })) : reasons);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as Error).name === "TransactionConflictException") throw new AppError("conflict", "request.conflict_retry");
    throw unavailableError(err) ?? err;
  }
}

async function replay<R>(db: TenantDb, key: string, fingerprint: string): Promise<R> {
  const { data } = (await db.service.entities.idempotency.get({ tenantId: useTenant(), key }).go({ consistent: true })) as { data: { fingerprint: string; result: string } | null };
  if (!data || data.fingerprint !== fingerprint) throw new AppError("conflict", "request.idempotency_mismatch");
  return JSON.parse(data.result) as R;
}

/**
 * The stored answer to an earlier request with this Idempotency-Key, read
 * before deciding: a retried action would otherwise be judged against the
 * state the first one left (and refused), never reaching the transaction that
 * replays it. A key reused for another request answers 409.
 */
export async function storedResult<R>(key: string, request: unknown): Promise<R | undefined> {
  const { data } = (await tenantDb().service.entities.idempotency.get({ tenantId: useTenant(), key: sha256(key) }).go({ consistent: true })) as { data: { fingerprint: string; result: string } | null };
  if (!data) return undefined;
  if (data.fingerprint !== sha256(JSON.stringify(request))) throw new AppError("conflict", "request.idempotency_mismatch");
  return JSON.parse(data.result) as R;
}
