import type { TxEntities, TxItem } from "../db/transact.ts";

/** Items moved with a subtree, packed in transactions of their own (each batch commits whole). */
export interface MovedWith {
  count: number;
  batches: ((tx: TxEntities) => TxItem[])[];
}

/** What a domain keeps under a node's path and rewrites when the node moves (hazards with their rows and counters). */
export type SubtreeMover = (oldPath: string, newPath: string, maxItems: number) => Promise<MovedWith>;

const movers = new Map<string, SubtreeMover>();

/**
 * A domain above the tree that keeps items under its paths registers here,
 * so a move takes them along without the tree importing that domain.
 */
export function moveWithSubtree(name: string, mover: SubtreeMover): void {
  movers.set(name, mover);
}

/** Every registered mover's batches for one move, by the mover's name. */
export async function movedWith(oldPath: string, newPath: string, maxItems: number): Promise<Record<string, MovedWith>> {
  const entries = await Promise.all([...movers].map(async ([name, mover]) => [name, await mover(oldPath, newPath, maxItems)] as const));
  return Object.fromEntries(entries);
}
