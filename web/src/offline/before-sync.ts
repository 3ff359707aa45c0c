// Steps that must run before queued writes replay, in the order registered:
// the photo outbox uploads the photos the queued reports name, so a report
// never lands before its photos.

type Step = () => Promise<void>;
const steps: Step[] = [];

/** Run `step` before every sync of the offline outbox (once registered, for the page's life). */
export function beforeSync(step: Step): void {
  if (!steps.includes(step)) steps.push(step);
}

/** Runs every registered step in turn; the first that fails stops the sync (it is tried again on the next). */
export async function runBeforeSync(): Promise<void> {
  for (const step of steps) await step();
}
