// The jobs kernel's door: the job contract, the fan-out (dispatch, worker,
// in-process queue) and the SQS queue. Functions import it by path, so the
// API's bundle never loads the SQS client.
export type { Job, JobCadence, JobLog, JobStats, JobTenant } from "./runner.ts";
export { dispatchJobs, workOn, localJobQueue, retryDelaySeconds, JOB_QUEUE, type JobMessage, type JobQueue, type ReceivedJob, type JobResult, type DrainReport } from "./queue.ts";
export { sqsJobQueue } from "./sqs-queue.ts";
export { boundedPool } from "./pool.ts";
