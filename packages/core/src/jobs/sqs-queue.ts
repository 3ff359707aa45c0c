import type { SQSClient } from "@aws-sdk/client-sqs";
import { JOB_QUEUE, type JobMessage, type JobQueue } from "./queue.ts";

/** The SQS client, loaded when a queue is first used: the jobs door is imported by domains, and the API never sends to SQS. */
const sqs = () => import("@aws-sdk/client-sqs");

const SEND_ATTEMPTS = 3;

/**
 * The job queue in AWS: SendMessageBatch for the dispatch, and
 * ChangeMessageVisibility to space a failed message's retries (SQS itself
 * counts the deliveries and dead-letters after the last).
 */
export function sqsJobQueue(queueUrl: string, given?: SQSClient): JobQueue {
  let made: SQSClient | undefined;
  const client = async () => given ?? (made ??= new (await sqs()).SQSClient({}));
  return {
    async send(messages) {
      for (let i = 0; i < messages.length; i += JOB_QUEUE.sendBatch) await sendBatch(await client(), queueUrl, messages.slice(i, i + JOB_QUEUE.sendBatch));
    },
    async retryAfter(message, seconds) {
      if (!message.receipt) return;
      const { ChangeMessageVisibilityCommand } = await sqs();
      await (await client()).send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: message.receipt, VisibilityTimeout: Math.min(seconds, JOB_QUEUE.visibilityTimeoutSeconds) }));
    },
  };
}

/** One SendMessageBatch; the entries SQS reports as failed (throttled, say) go again, and are an error only after the last try. */
async function sendBatch(client: SQSClient, queueUrl: string, messages: readonly JobMessage[]): Promise<void> {
  const { SendMessageBatchCommand } = await sqs();
  let entries = messages.map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m) }));
  for (let attempt = 1; entries.length; attempt++) {
    const { Failed = [] } = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    if (!Failed.length) return;
    if (attempt === SEND_ATTEMPTS || Failed.some((f) => f.SenderFault)) throw new Error(`SQS refused ${Failed.length} job message(s): ${Failed.map((f) => `${f.Code} ${f.Message ?? ""}`.trim()).join("; ")}`);
    const again = new Set(Failed.map((f) => f.Id));
    entries = entries.filter((e) => again.has(e.Id));
  }
}
