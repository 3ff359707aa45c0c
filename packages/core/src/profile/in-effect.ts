/** What deciding "which version applies" needs to know of a version. */
export interface Dated {
  version: number;
  /** An ISO instant. */
  effectiveFrom: string;
}

/**
 * The version in effect at `at`: of those that started at or before it, the
 * one that started last, and at a shared start the higher version (a later
 * publish replaces one scheduled for the same instant). Undefined before the
 * first version. Takes the versions in any order.
 */
export function profileInEffect<V extends Dated>(versions: readonly V[], at: Date | string): V | undefined {
  const instant = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`not an instant: ${String(at)}`);
  let best: { item: V; from: number } | undefined;
  for (const item of versions) {
    const from = Date.parse(item.effectiveFrom);
    if (from > instant) continue;
    if (!best || from > best.from || (from === best.from && item.version > best.item.version)) best = { item, from };
  }
  return best?.item;
}
