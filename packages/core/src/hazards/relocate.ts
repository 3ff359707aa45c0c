import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import type { MovedWith } from "../jurisdiction/index.ts";
import { closingsOf, entryChanges, relocationDeltas, subtreePrefix, type CounterDelta } from "./entries.ts";
import { useTenant } from "../context/actor.ts";
import { plain } from "../db/plain.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { AppError } from "../errors/app-error.ts";
import { STATES, type Hazard } from "./types.ts";

// A node moved in the jurisdiction tree takes its hazards with it: their
// paths, their path-keyed list rows and their counts in the nodes above.

/** One transaction's worth of hazard rewrites. */
export type HazardBatch = (tx: TxEntities) => TxItem[];

/** Hazards read at once while collecting a subtree's. */
const READ_CONCURRENCY = 25;

interface Rewrite {
  before: Hazard;
  after: Hazard;
  rows: ReturnType<typeof entryChanges>;
  counters: CounterDelta[];
}

/**
 * The writes that carry every hazard under `oldPath` (the node at it and its
 * subtree) to `newPath`, packed into batches of at most `maxItems` items, each
 * for a transaction of its own. Each hazard is rewritten whole within one
 * batch: its document (new path, version + 1, conditioned on the version
 * read, so a concurrent change to it cancels the batch instead of being
 * overwritten), its list rows (old path-keyed rows deleted, new ones put) and
 * its counts, taken from the nodes no longer above it and added to those now
 * above it (merged per counter within a batch). A batch that commits leaves
 * hazards, lists and counters in step; one that does not leaves its hazards
 * at the old path, where asking for the move again finds them.
 *
 * The hazards are found by Query of the per-state lists (every hazard, open
 * or not, has one row in the list of its state, keyed `<path>/#…`).
 */
export async function hazardPathRewriteItems(oldPath: string, newPath: string, maxItems: number): Promise<MovedWith> {
  const tenantId = useTenant();
  const { entities } = tenantDb().service;
  const ids = new Set<string>();
  await Promise.all(
    STATES.map(async (state) => {
      let cursor: string | null = null;
      do {
        const page: { data: { hazardId: string }[]; cursor: string | null } = await entities.hazardEntry.query
          .byList({ tenantId, list: `state:${state}` })
          .begins({ order: subtreePrefix(oldPath) })
          .go({ cursor, limit: 500, consistent: true, attributes: ["hazardId"] });
        for (const row of page.data) ids.add(row.hazardId);
        cursor = page.cursor;
      } while (cursor);
    }),
  );
  if (!ids.size) return { count: 0, batches: [] };

  const timeZone = await tenantTimeZone();
  const moved = (path: string) => `${newPath}${path.slice(oldPath.length)}`;
  const rewrites: Rewrite[] = [];
  const pending = [...ids];
  for (let i = 0; i < pending.length; i += READ_CONCURRENCY) {
    const read = await Promise.all(pending.slice(i, i + READ_CONCURRENCY).map(rewriteOf));
    rewrites.push(...read.filter((r): r is Rewrite => r !== undefined));
  }
  return { count: rewrites.length, batches: pack(rewrites, maxItems) };

  async function rewriteOf(hazardId: string): Promise<Rewrite | undefined> {
    const { data } = await entities.hazard.get({ tenantId, hazardId }).go({ consistent: true });
    const before = data?.doc as Hazard | undefined;
    // Its row was there, but a change since has taken it elsewhere: not this move's to carry.
    if (!before || (before.path !== oldPath && !before.path.startsWith(`${oldPath}/`))) return undefined;
    const after = plain({ ...before, path: moved(before.path), version: before.version + 1 });
    const closings = closingsOf(before, before.reopenCount > 0 ? await eventsOf(hazardId) : undefined);
    return { before, after, rows: entryChanges(before, after), counters: relocationDeltas(before, after, closings, timeZone) };
  }

  async function eventsOf(hazardId: string) {
    const events: { action: string; from: string; to: string; at: string; version: number; deadlineAfter?: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: typeof events; cursor: string | null } = await entities.hazardEvent.query
        .bySeq({ tenantId, hazardId })
        .go({ cursor, limit: 500, consistent: true, attributes: ["action", "from", "to", "at", "version", "deadlineAfter"] });
      events.push(...page.data);
      cursor = page.cursor;
    } while (cursor);
    return events;
  }
}

const counterKey = (c: { nodeId: string; metric: string }) => `${c.nodeId}\u0000${c.metric}`;

/** Hazards into batches: a hazard's own items never split; counters shared within a batch are one item. */
function pack(rewrites: Rewrite[], maxItems: number): HazardBatch[] {
  const batches: HazardBatch[] = [];
  let group: Rewrite[] = [];
  let counters = new Map<string, CounterDelta>();
  let own = 0;
  const flush = () => {
    if (group.length) batches.push(batchOf(group, [...counters.values()].filter((c) => c.delta !== 0)));
    group = [];
    counters = new Map();
    own = 0;
  };
  for (const r of rewrites) {
    const items = 1 + r.rows.put.length + r.rows.remove.length;
    const alone = items + r.counters.length;
    // A user's move must answer 4xx, never 500: name the hazard that cannot move in one piece.
    if (alone > maxItems) throw new AppError("conflict", "hazard.too_large_to_move", { hazardId: r.before.hazardId });
    const fresh = r.counters.filter((c) => !counters.has(counterKey(c))).length;
    if (own + items + counters.size + fresh > maxItems) flush();
    group.push(r);
    own += items;
    for (const c of r.counters) {
      const current = counters.get(counterKey(c));
      counters.set(counterKey(c), { ...c, delta: (current?.delta ?? 0) + c.delta });
    }
  }
  flush();
  return batches;
}

function batchOf(group: Rewrite[], counters: CounterDelta[]): HazardBatch {
  const tenantId = useTenant();
  return (tx) => [
    ...group.flatMap(({ before, after, rows }) => [
      tx.hazard
        .patch({ tenantId, hazardId: after.hazardId })
        .set({ version: after.version, doc: after })
        .where((a, op) => op.eq(a.version, before.version))
        .commit(),
      ...rows.remove.map((key) => tx.hazardEntry.delete({ tenantId, ...key }).commit()),
      ...rows.put.map((row) => tx.hazardEntry.put(plain({ tenantId, ...row })).commit()),
    ]),
    ...counters.map((c) => tx.hazardCounter.update({ tenantId, nodeId: c.nodeId, metric: c.metric }).add({ value: c.delta }).commit()),
  ];
}
