import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { sqsJobQueue, workOn } from "@firegov/core/jobs/index";
import { registeredJobs } from "./registry.ts";

const logger = new Logger({ serviceName: "firegov-jobs" });
const queue = sqsJobQueue(process.env.JOBS_QUEUE_URL!);

/** The part of an SQS event the worker reads. */
interface SqsEvent {
  Records: { messageId: string; receiptHandle: string; body: string; attributes: { ApproximateReceiveCount: string } }[];
}

/**
 * The SQS consumer: each message is one job for one tenant. Only the
 * messages that failed are reported (ReportBatchItemFailures), so SQS
 * retries those and deletes the rest: one tenant's failure never retries
 * another's work.
 */
export const handler = middy<SqsEvent, { batchItemFailures: { itemIdentifier: string }[] }>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const received = event.Records.map((r) => ({ id: r.messageId, body: r.body, receipt: r.receiptHandle, receiveCount: Number(r.attributes.ApproximateReceiveCount) }));
    const results = await workOn(registeredJobs, received, { queue, log: logger });
    return { batchItemFailures: results.filter((r) => !r.ok).map((r) => ({ itemIdentifier: r.id })) };
  });
