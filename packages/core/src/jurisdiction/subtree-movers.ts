import type { TxEntities, TxItem } from "../db/transact.ts";

/** Items moved with a subtree, packed in transactions of their own (each batch commits whole). */
export interface MovedWith {
  count: number;
  batches: ((tx: TxEntities) => TxItem[])[];
}

/** A node of the subtree being moved, at its path before the move. */
export interface SubtreeNode {
  nodeId: string;
  path: string;
}

/**
 * What a domain keeps under a node's path and rewrites when the node moves
 * (hazards with their rows and counters, venues, inspection tasks and
 * coverage). `nodes` are the moved node and its descendants, at their old paths.
 */
export type SubtreeMover = (oldPath: string, newPath: string, maxItems: number, nodes: readonly SubtreeNode[]) => Promise<MovedWith>;

const movers = new Map<string, SubtreeMover>();

/**
 * A domain above the tree that keeps items under its paths registers here,
 * so a move takes them along without the tree importing that domain.
 */
export function moveWithSubtree(name: string, mover: SubtreeMover): void {
  movers.set(name, mover);
}

/** Every registered mover's batches for one move, by the mover's name. */
export async function movedWith(oldPath: string, newPath: string, maxItems: number, nodes: readonly SubtreeNode[]): Promise<Record<string, MovedWith>> {
  const entries = await Promise.all([...movers].map(async ([name, mover]) => [name, await mover(oldPath, newPath, maxItems, nodes)] as const));
  return Object.fromEntries(entries);
}

/** Whether `path` lies in the subtree at `root` (begins_with alone also matches a sibling whose id starts the same). */
export const inSubtree = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/** A path of the subtree at `oldPath`, as it reads once the subtree is at `newPath`. */
export const rebased = (path: string, oldPath: string, newPath: string) => `${newPath}${path.slice(oldPath.length)}`;

/** The writes of one thing that moves: they go in one transaction, never split. */
export interface MoveGroup {
  size: number;
  items: (tx: TxEntities) => TxItem[];
}

/** Groups into transactions of at most `maxItems` items, each group whole within one. */
export function packGroups(groups: readonly MoveGroup[], maxItems: number): MovedWith {
  const lists: MoveGroup[][] = [];
  let list: MoveGroup[] = [];
  let size = 0;
  for (const group of groups) {
    if (size + group.size > maxItems && list.length) {
      lists.push(list);
      list = [];
      size = 0;
    }
    list.push(group);
    size += group.size;
  }
  if (list.length) lists.push(list);
  return { count: groups.length, batches: lists.map((l) => (tx: TxEntities) => l.flatMap((g) => g.items(tx))) };
}
