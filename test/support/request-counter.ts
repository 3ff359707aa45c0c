import { tenantDb, withActor } from "@firegov/core";

/**
 * Counts the DynamoDB requests a tenant's calls send (locally one client
 * serves every tenant): `during(run)` is how many `run` sent.
 */
export function requestCounter(tenantId: string) {
  let count = 0;
  withActor({ type: "system", tenantId, job: "test" }, () => tenantDb()).client.middlewareStack.add(
    (next) => async (args) => {
      count += 1;
      return next(args);
    },
    { step: "initialize", name: `testRequestCounter-${tenantId}-${Math.random().toString(36).slice(2)}` },
  );
  return {
    async during(run: () => Promise<unknown>): Promise<number> {
      const before = count;
      await run();
      return count - before;
    },
  };
}
