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

// A queued write may name things that exist only on this phone until their
// step has run (a photo taken offline is `local-photo:<id>` until uploaded):
// resolvers swap those for the server's ids just before the write is sent.
type Resolver = (body: unknown) => Promise<unknown>;
const resolvers: Resolver[] = [];

/** Rewrite every queued body through `resolver` before it is sent (once registered, for the page's life). */
export function resolveBodyWith(resolver: Resolver): void {
  if (!resolvers.includes(resolver)) resolvers.push(resolver);
}

/** The body as it must be sent: every registered resolver applied in turn. */
export async function resolveBody(body: unknown): Promise<unknown> {
  let out = body;
  for (const resolver of resolvers) out = await resolver(out);
  return out;
}
