import { randomUUID } from "node:crypto";
import { boundedPool } from "./pool.ts";
import type { Job, JobCadence, JobLog, JobStats, JobTenant } from "./runner.ts";

/** One unit of work: a job for one tenant at the instant the dispatch chose. */
export interface JobMessage {
  job: string;
  tenantId: string;
  timeZone: string;
  now: string;
}

/** A message as a consumer receives it: SQS's id, body, receive count and receipt handle. */
export interface ReceivedJob {
  id: string;
  body: string;
  /** 1 on the first delivery (SQS's ApproximateReceiveCount). */
  receiveCount: number;
  receipt?: string;
}

export interface JobQueue {
  /** Enqueues up to `SEND_BATCH` messages (one SendMessageBatch). */
  send(messages: readonly JobMessage[]): Promise<void>;
  /** Makes a failed message visible again after `seconds` (SQS: ChangeMessageVisibility), so that retries back off. */
  retryAfter(message: ReceivedJob, seconds: number): Promise<void>;
}

/**
 * The queue's settings, one source for the worker, the local drain and the
 * CDK stack. A worker invocation is bounded well under the visibility
 * timeout (AWS advises six times the function's timeout), so a message is
 * never delivered twice while its first run is still going.
 */
export const JOB_QUEUE = {
  /** Deliveries before SQS moves a message to the dead-letter queue. */
  maxReceiveCount: 3,
  /** Messages per worker invocation: few, so that a slow tenant holds up few others. */
  batchSize: 5,
  workerTimeoutSeconds: 300,
  visibilityTimeoutSeconds: 1800,
  /** SendMessageBatch takes at most ten messages. */
  sendBatch: 10,
} as const;

/** The wait before the next delivery of a message that failed on its `receiveCount`-th: 1 min, then 4 min. */
export const retryDelaySeconds = (receiveCount: number) => 60 * 4 ** (receiveCount - 1);

/**
 * The dispatch step: one message per (job of the cadence, tenant), sent ten
 * at a time while the registry is still being read, a few sends in flight.
 */
export async function dispatchJobs(
  jobs: readonly Job[],
  input: { cadence: JobCadence; now: Date; tenants: AsyncIterable<JobTenant>; queue: JobQueue },
): Promise<{ tenants: number; messages: number }> {
  const due = jobs.filter((j) => j.cadence === input.cadence);
  const sends = boundedPool(4);
  let batch: JobMessage[] = [];
  const flush = () => {
    const full = batch;
    batch = [];
    return sends.add(() => input.queue.send(full));
  };
  let tenants = 0;
  let messages = 0;
  for await (const tenant of input.tenants) {
    tenants += 1;
    for (const job of due) {
      batch.push({ job: job.name, tenantId: tenant.tenantId, timeZone: tenant.timeZone, now: input.now.toISOString() });
      messages += 1;
      if (batch.length === JOB_QUEUE.sendBatch) await flush();
    }
  }
  if (batch.length) await flush();
  await sends.settle();
  return { tenants, messages };
}

export interface JobResult {
  id: string;
  message?: JobMessage;
  ok: boolean;
  stats?: JobStats;
  error?: string;
}

/**
 * The worker: each received message's job for its tenant, side by side, one
 * result each (a failure is a result, not an exception, so it never takes
 * another tenant's message down with it). A failed message is retried with
 * backoff until its last delivery, after which the queue dead-letters it.
 */
export async function workOn(jobs: readonly Job[], received: readonly ReceivedJob[], deps: { queue: JobQueue; log: JobLog }): Promise<JobResult[]> {
  return Promise.all(
    received.map(async (r): Promise<JobResult> => {
      const started = performance.now();
      let message: JobMessage | undefined;
      try {
        message = JSON.parse(r.body) as JobMessage;
        const job = jobs.find((j) => j.name === message!.job);
        if (!job) throw new Error(`no job named ${message.job}`);
        const stats = await job.forTenant({ tenantId: message.tenantId, timeZone: message.timeZone }, new Date(message.now));
        deps.log.info("job finished", { ...message, durationMs: Math.round(performance.now() - started), stats });
        return { id: r.id, message, ok: true, stats };
      } catch (err) {
        const last = r.receiveCount >= JOB_QUEUE.maxReceiveCount;
        const error = (err as Error).message;
        deps.log.error(last ? "job failed, dead-lettered" : "job failed, will retry", { ...message, receiveCount: r.receiveCount, durationMs: Math.round(performance.now() - started), error, stack: (err as Error).stack });
        if (!last) await deps.queue.retryAfter(r, retryDelaySeconds(r.receiveCount)).catch(() => undefined);
        return { id: r.id, message, ok: false, error };
      }
    }),
  );
}

export interface DrainReport {
  /** Per job: the tenants done and their stats added up. */
  jobs: Record<string, JobStats & { tenants: number }>;
  deadLetters: { message: JobMessage | undefined; error: string }[];
}

/**
 * The queue in process, for the local stack and the tests: the same
 * dispatch and worker as in AWS, with SQS's part played here. `drain`
 * delivers messages in batches of `JOB_QUEUE.batchSize`, a few batches at
 * once; a failed message goes back to the queue until it has been received
 * `maxReceiveCount` times, then to the dead letters. Retries are not
 * delayed here: the local stack has nothing to wait for.
 */
export function localJobQueue(jobs: readonly Job[], opts: { log: JobLog; concurrency?: number }) {
  let waiting: ReceivedJob[] = [];
  const queue: JobQueue = {
    async send(messages) {
      for (const m of messages) waiting.push({ id: randomUUID(), body: JSON.stringify(m), receiveCount: 0 });
    },
    async retryAfter() {},
  };
  const drain = async (): Promise<DrainReport> => {
    const report: DrainReport = { jobs: {}, deadLetters: [] };
    while (waiting.length) {
      const round = waiting.splice(0).map((m) => ({ ...m, receiveCount: m.receiveCount + 1 }));
      const workers = boundedPool(opts.concurrency ?? 4);
      for (let i = 0; i < round.length; i += JOB_QUEUE.batchSize) {
        const batch = round.slice(i, i + JOB_QUEUE.batchSize);
        await workers.add(async () => {
          const results = await workOn(jobs, batch, { queue, log: opts.log });
          results.forEach((result, k) => {
            if (result.ok) addUp(report, result);
            else if (batch[k]!.receiveCount >= JOB_QUEUE.maxReceiveCount) report.deadLetters.push({ message: result.message, error: result.error! });
            else waiting.push(batch[k]!);
          });
        });
      }
      await workers.settle();
    }
    return report;
  };
  return { queue, drain };
}

function addUp(report: DrainReport, result: JobResult) {
  const name = result.message!.job;
  const total = (report.jobs[name] ??= { tenants: 0 });
  total.tenants += 1;
  for (const [key, n] of Object.entries(result.stats ?? {})) total[key] = (total[key] ?? 0) + n;
}
