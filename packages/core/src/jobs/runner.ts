/**
 * Scheduled work, fanned out: a dispatch turns each job of a cadence into one
 * message per tenant (`queue.ts`), and a worker runs one message's job for
 * its tenant. The same code serves the Lambdas (EventBridge → dispatch →
 * SQS → worker) and the local stack (dispatch → in-process queue → drain).
 * Jobs take `now`, chosen once by the dispatch, so that their outcome never
 * depends on the wall clock, nor on when a retry happens to run.
 */
/** `minutely`: work that people wait for (the delivery of messages to phones), kept small per run. */
export type JobCadence = "minutely" | "hourly" | "daily";

/** A registered tenant, as the registry lists it. */
export interface JobTenant {
  tenantId: string;
  timeZone: string;
}

export type JobStats = Record<string, number>;

export interface Job {
  name: string;
  cadence: JobCadence;
  /** One tenant's share of the work: what one queue message asks for. Throws to have the message retried. */
  forTenant(tenant: JobTenant, now: Date): Promise<JobStats>;
}

export interface JobLog {
  info(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
}
