import { useTenant } from "../context/actor.ts";
import type { CancelReason, TxEntities, TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";

// A write that stores a path under a node (a child node, a person, a
// brigade, a venue, a hazard, an inspection) must not race a move of that
// node or of one above it: the mover reads what lies under the old path
// once, and an item written after that read would keep the old path for
// good. A move marks the node it moves (`moving`) in its first transaction
// and clears the mark in its last; such a write checks, in its own
// transaction, that its node is still at the path it read and that neither
// it nor any node above it is marked.

export interface Place {
  nodeId: string;
  path: string;
}

/** The ConditionChecks of a place, one per node of its path (the node's own may be left out, when the write already conditions it). */
export function placeCheckItems(place: Place, opts: { except?: string } = {}): ((tx: TxEntities) => TxItem)[] {
  const tenantId = useTenant();
  return place.path
    .split("/")
    .filter((id) => id && id !== opts.except)
    .map(
      (nodeId) => (tx: TxEntities) =>
        tx.node
          .check({ tenantId, nodeId })
          .where((a, op) => (nodeId === place.nodeId ? `${op.eq(a.path, place.path)} AND ${op.notExists(a.moving)}` : op.notExists(a.moving)))
          .commit() as TxItem,
    );
}

export const placeChecks = (tx: TxEntities, place: Place, opts: { except?: string } = {}): TxItem[] => placeCheckItems(place, opts).map((item) => item(tx));

/** 409, retryable: the node, or one above it, is being moved. */
export const nodeMoving = () => new AppError("conflict", "node.moving");

/**
 * A transaction's items followed by the checks of its place, and whether a
 * cancellation came from those checks (then the answer is `nodeMoving`).
 */
export function atPlace(place: Place, opts: { except?: string } = {}) {
  let from = Number.POSITIVE_INFINITY;
  return {
    items(tx: TxEntities, items: TxItem[]): TxItem[] {
      from = items.length;
      return [...items, ...placeChecks(tx, place, opts)];
    },
    moved: (reasons: readonly CancelReason[]) => reasons.some((r) => r.index >= from),
  };
}
