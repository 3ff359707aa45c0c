/**
 * Scheduled work. The same runner serves the Lambda the EventBridge schedule
 * calls and the timer in the local stack, so a job behaves alike in both.
 * Jobs take `now` so that their outcome never depends on the wall clock.
 */
export type JobCadence = "hourly" | "daily";

export interface Job {
  name: string;
  cadence: JobCadence;
  run(input: { now: Date }): Promise<Record<string, number> | void>;
}

export interface JobOutcome {
  name: string;
  ok: boolean;
  durationMs: number;
  stats?: Record<string, number>;
  error?: string;
}

export interface JobLog {
  info(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
}

/** Runs every job of the cadence in turn; one job's failure does not stop the others. */
export async function runJobs(jobs: readonly Job[], input: { cadence: JobCadence; now: Date; log: JobLog }): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  for (const job of jobs.filter((j) => j.cadence === input.cadence)) {
    const started = performance.now();
    try {
      const stats = (await job.run({ now: input.now })) ?? undefined;
      const outcome = { name: job.name, ok: true, durationMs: Math.round(performance.now() - started), stats };
      input.log.info("job finished", { ...outcome });
      outcomes.push(outcome);
    } catch (err) {
      const outcome = { name: job.name, ok: false, durationMs: Math.round(performance.now() - started), error: (err as Error).message };
      input.log.error("job failed", { ...outcome, stack: (err as Error).stack });
      outcomes.push(outcome);
    }
  }
  return outcomes;
}
