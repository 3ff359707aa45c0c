import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { Rule, RuleTargetInput, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { JOB_QUEUE } from "@firegov/core/jobs/index";
import type { Stage } from "./config.ts";
import { nodeFunction } from "./node-function.ts";
import { TENANT_DATA_ACTIONS } from "./tenant-access.ts";

/** Worker invocations at once: enough to get through thousands of counties in minutes, few enough to leave the account's Lambda concurrency to the API. */
const WORKER_CONCURRENCY = 20;

/**
 * Scheduled work fanned out per tenant. Three EventBridge rules (every minute,
 * hourly, daily) call a small
 * dispatch Lambda (daily work at 02:00 China time, 18:00 UTC, before anyone
 * starts a round of inspections), which reads the tenant registry and puts
 * one message per (job, tenant) on an SQS queue. A worker Lambda consumes it
 * a few messages at a time and reports only the failed ones, so SQS retries
 * those alone (with backoff, `maxReceiveCount` deliveries) and then moves
 * them to a dead-letter queue, whose depth raises an alarm.
 */
export class Jobs extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: { stage: Stage; table: Table; files: Bucket }) {
    super(scope, id);
    this.deadLetters = new Queue(this, "DeadLetters", {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, "Queue", {
      visibilityTimeout: Duration.seconds(JOB_QUEUE.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: JOB_QUEUE.maxReceiveCount },
    });
    const environment = { TABLE_NAME: props.table.tableName, FILES_BUCKET: props.files.bucketName, JOBS_QUEUE_URL: this.queue.queueUrl, POWERTOOLS_SERVICE_NAME: "firegov-jobs" };

    // The dispatch reads the tenant registry (one Query a page) and sends; nothing else.
    const dispatch = nodeFunction(this, "Function", { entry: "functions/jobs/dispatch.ts", stage: props.stage, timeout: Duration.minutes(2), environment });
    props.table.grant(dispatch, "dynamodb:Query");
    this.queue.grantSendMessages(dispatch);

    // The worker does one tenant's job per message, across tenants as the system, still without Scan.
    // The SMS / robot / webhook credentials of the notification senders: the operator fills the empty keys after the first
    // deploy (the webhook's HMAC key is generated); the worker reads them at most every 5 minutes (notifications/adapters.ts).
    const providers = new Secret(this, "NotifyProviders", {
      description: "Notification providers' credentials (Tencent Cloud SMS, DingTalk robot signing, webhook HMAC), as JSON",
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ SMS_SECRET_ID: "", SMS_SECRET_KEY: "", SMS_APP_ID: "", SMS_SIGN_NAME: "", SMS_TEMPLATE_ID: "", DINGTALK_ROBOT_SECRET: "" }),
        generateStringKey: "NOTIFY_WEBHOOK_SECRET",
        passwordLength: 48,
        excludePunctuation: true,
      },
    });
    const worker = nodeFunction(this, "Worker", { entry: "functions/jobs/worker.ts", stage: props.stage, timeout: Duration.seconds(JOB_QUEUE.workerTimeoutSeconds), environment: { ...environment, NOTIFY_SECRETS_ARN: providers.secretArn } });
    providers.grantRead(worker);
    props.table.grant(worker, ...TENANT_DATA_ACTIONS);
    props.files.grantReadWrite(worker);
    worker.addEventSource(new SqsEventSource(this.queue, { batchSize: JOB_QUEUE.batchSize, reportBatchItemFailures: true, maxConcurrency: WORKER_CONCURRENCY }));

    this.deadLetterAlarm = new Alarm(this, "DeadLettersAlarm", {
      alarmDescription: "A scheduled job failed for a tenant on every delivery: its message is in the jobs dead-letter queue (the worker's log says why).",
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // Messages to phones (the notifications delivery worker) go out within a minute.
    new Rule(this, "Minutely", {
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(dispatch, { event: RuleTargetInput.fromObject({ cadence: "minutely" }), retryAttempts: 2 })],
    });
    new Rule(this, "Hourly", {
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(dispatch, { event: RuleTargetInput.fromObject({ cadence: "hourly" }), retryAttempts: 2 })],
    });
    new Rule(this, "Daily", {
      schedule: Schedule.cron({ minute: "0", hour: "18" }),
      targets: [new LambdaFunction(dispatch, { event: RuleTargetInput.fromObject({ cadence: "daily" }), retryAttempts: 2 })],
    });
  }
}
