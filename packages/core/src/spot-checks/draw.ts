import { createHash } from "node:crypto";

// The draw of 双随机、一公开, pure and reproducible: the same seed and the
// same pools give the same venues and the same inspectors, on any machine.
//
// Algorithm `sha256-sfc32-fy/1`, written down so that anyone can redo a draw:
// 1. The seed (a UTF-8 string) is hashed with SHA-256; its first 12 bytes,
//    read as three big-endian 32-bit words, seed SFC32 (Chris Doty-Humphrey's
//    Small Fast Counting generator, as PractRand's `sfc32`: a, b, c from the
//    seed, counter 1, the first 15 outputs discarded).
// 2. A number below n is a 32-bit output x, taken when x < 2^32 − (2^32 mod n)
//    (else the next output), as x mod n: unbiased.
// 3. Venues sorted by id (UTF-16 code units), then a partial Fisher–Yates
//    shuffle: for i = 0 … k−1 swap item i with item i + below(n − i); the
//    first k are drawn, in that order.
// 4. For each drawn venue in draw order, the same generator draws its
//    inspectors the same way from the inspector pool (sorted by user id).

export const DRAW_ALGORITHM = "sha256-sfc32-fy/1";

/** A 32-bit generator: each call gives the next output, an unsigned integer. */
export type Generator32 = () => number;

/** SFC32 with PractRand's seeding (three words; counter 1; 15 outputs discarded). */
export function sfc32(seed: readonly [number, number, number]): Generator32 {
  let [a, b, c] = seed.map((w) => w | 0) as [number, number, number];
  let counter = 1;
  const next = () => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** The generator of a seed string: SFC32 seeded with the first 12 bytes of its SHA-256. */
export function generatorOf(seed: string): Generator32 {
  const digest = createHash("sha256").update(seed, "utf8").digest();
  return sfc32([digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8)]);
}

const TWO_32 = 2 ** 32;

/** An integer in [0, n), without modulo bias. */
export function below(next: Generator32, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`below: n must be an integer in 1…2^32, got ${n}`);
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** The first k of a partial Fisher–Yates shuffle of `items` (not changed). */
export function sample<T>(next: Generator32, items: readonly T[], k: number): T[] {
  const a = [...items];
  const take = Math.min(k, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + below(next, a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, take);
}

const byId = <T>(id: (x: T) => string) => (x: T, y: T) => (id(x) < id(y) ? -1 : id(x) > id(y) ? 1 : 0);

export type DrawSize = { measure: "count"; count: number } | { measure: "share"; percent: number; min?: number | undefined };

/** How many venues a draw of this size takes from a pool of n: a share is rounded up, at least `min`, never more than the pool. */
export function drawCount(size: DrawSize, n: number): number {
  const wanted = size.measure === "count" ? size.count : Math.max(size.min ?? 0, Math.ceil((n * size.percent) / 100 - 1e-9));
  return Math.max(0, Math.min(n, wanted));
}

/** Whether a scope holds a path (the subtree rule). */
export const holds = (scopePath: string, path: string) => path === scopePath || path.startsWith(`${scopePath.replace(/\/$/, "")}/`);

export interface DrawInput<V extends { venueId: string }, I extends { userId: string }> {
  seed: string;
  venues: readonly V[];
  inspectors: readonly I[];
  size: DrawSize;
  inspectorsPerVenue: number;
}

export interface Pick<V, I> {
  venue: V;
  inspectors: I[];
}

/**
 * The draw: which venues, and for each its inspectors. Pools are sorted by id
 * first, so the order they were read in does not matter. Every inspector of
 * the pool may inspect every venue of it (the caller builds the pools so);
 * a pool of fewer inspectors than a venue needs is the caller's to refuse.
 */
export function drawSpotCheck<V extends { venueId: string }, I extends { userId: string }>(input: DrawInput<V, I>): Pick<V, I>[] {
  if (input.inspectors.length < input.inspectorsPerVenue) throw new RangeError(`drawSpotCheck: ${input.inspectors.length} inspectors, ${input.inspectorsPerVenue} needed per venue`);
  const next = generatorOf(input.seed);
  const venues = [...input.venues].sort(byId((v) => v.venueId));
  const inspectors = [...input.inspectors].sort(byId((i) => i.userId));
  const drawn = sample(next, venues, drawCount(input.size, venues.length));
  return drawn.map((venue) => ({ venue, inspectors: sample(next, inspectors, input.inspectorsPerVenue) }));
}
