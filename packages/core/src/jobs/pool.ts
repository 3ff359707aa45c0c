/**
 * At most `limit` tasks at once. `add` waits for a free slot before it starts
 * a task, so a producer reading pages slows to the pace of the writes behind
 * it. After a task fails no new one starts: the next `add` (or `settle`)
 * waits for those still running and throws the first failure.
 */
export function boundedPool(limit: number) {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const settle = async () => {
    await Promise.all(running);
    if (failure) throw failure.error;
  };
  return {
    async add(task: () => Promise<void>): Promise<void> {
      while (running.size >= limit && !failure) await Promise.race(running);
      if (failure) return settle();
      const run: Promise<void> = task()
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => running.delete(run));
      running.add(run);
    },
    /** Waits for every task started; throws the first failure. */
    settle,
  };
}
