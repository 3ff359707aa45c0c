import { Duration } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { Rule, RuleTargetInput, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { Stage } from "./config.ts";
import { nodeFunction } from "./node-function.ts";
import { TENANT_DATA_ACTIONS } from "./tenant-access.ts";

/**
 * The jobs Lambda on two EventBridge rules. Daily work runs at 02:00 China
 * time (18:00 UTC), before anyone starts a round of inspections.
 */
export class Jobs extends Construct {
  constructor(scope: Construct, id: string, props: { stage: Stage; table: Table; files: Bucket }) {
    super(scope, id);
    const fn = nodeFunction(this, "Function", {
      entry: "functions/jobs/lambda.ts",
      stage: props.stage,
      timeout: Duration.minutes(10),
      environment: { TABLE_NAME: props.table.tableName, FILES_BUCKET: props.files.bucketName, POWERTOOLS_SERVICE_NAME: "firegov-jobs" },
    });
    // Jobs work across tenants as the system, still without Scan: they Query what they need.
    props.table.grant(fn, ...TENANT_DATA_ACTIONS);
    props.files.grantReadWrite(fn);

    new Rule(this, "Hourly", {
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(fn, { event: RuleTargetInput.fromObject({ cadence: "hourly" }), retryAttempts: 2 })],
    });
    new Rule(this, "Daily", {
      schedule: Schedule.cron({ minute: "0", hour: "18" }),
      targets: [new LambdaFunction(fn, { event: RuleTargetInput.fromObject({ cadence: "daily" }), retryAttempts: 2 })],
    });
  }
}
