import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { tableDefinition } from "@firegov/core";
import { JOB_QUEUE } from "@firegov/core/jobs/index";
import { addDeployment } from "../../infra/build.ts";
import { resolveConfig } from "../../infra/config.ts";

// Template tests do not read cdk.json: give them its feature flags, and skip bundling.
const cdkJson = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../cdk.json"), "utf8"));

function synth(region: string, extra: { webHosting?: string; stage?: string } = {}) {
  const app = new App({ context: { ...cdkJson.context, "aws:cdk:bundling-stacks": [] }, builtinCloudFormationValidation: false });
  const stack = addDeployment(app, resolveConfig({ region, ...extra }));
  return { stack, template: Template.fromStack(stack) };
}

const deployments = [
  { name: "AWS China (cn-northwest-1)", region: "cn-northwest-1", partition: "aws-cn" },
  { name: "AWS global (ap-southeast-1)", region: "ap-southeast-1", partition: "aws" },
];

describe.each(deployments)("the stack for $name", ({ region, partition }) => {
  let stack: Stack;
  let template: Template;
  beforeAll(() => ({ stack, template } = synth(region, { webHosting: "true" })));

  it("is in the right partition", () => {
    expect(stack.region).toBe(region);
    expect(stack.partition).toBe(partition);
  });

  it("has the table's key schema, indexes and TTL from the shared definition", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    const [table] = Object.values(template.findResources("AWS::DynamoDB::Table")) as { Properties: Record<string, any> }[];
    const props = table!.Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
    ]);
    expect(props.GlobalSecondaryIndexes.map((g: any) => [g.IndexName, g.KeySchema.map((k: any) => k.AttributeName)])).toEqual(
      tableDefinition.globalIndexes.map((g) => [g.indexName, [g.partitionKey, g.sortKey]]),
    );
    expect(props.BillingMode).toBe("PAY_PER_REQUEST");
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true });
  });

  it("runs our Lambdas (api, jobs dispatch, jobs worker) on Node 22 arm64 without X-Ray or function URLs", () => {
    const ours = { Properties: { Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) } } };
    const fns = Object.values(template.findResources("AWS::Lambda::Function", ours)) as any[];
    expect(fns.map((f) => f.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort()).toEqual(["firegov-api", "firegov-jobs", "firegov-jobs"]);
    for (const fn of fns) {
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
      expect(fn.Properties.TracingConfig).toBeUndefined();
    }
    template.resourceCountIs("AWS::Lambda::Url", 0);
    template.resourceCountIs("AWS::Cognito::UserPool", 0);
  });

  it("fronts the api Lambda with an HTTP API that logs access", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", { StageName: "$default", AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }) });
  });

  it("keeps the notification providers' credentials in a secret only the jobs worker reads, with the webhook key generated", () => {
    const secrets = Object.entries(template.findResources("AWS::SecretsManager::Secret")).filter(([, r]: [string, any]) => r.Properties.GenerateSecretString?.GenerateStringKey === "NOTIFY_WEBHOOK_SECRET");
    expect(secrets).toHaveLength(1);
    const [secretId, secret] = secrets[0] as [string, any];
    expect(Object.keys(JSON.parse(secret.Properties.GenerateSecretString.SecretStringTemplate)).sort()).toEqual(["DINGTALK_ROBOT_SECRET", "SMS_APP_ID", "SMS_SECRET_ID", "SMS_SECRET_KEY", "SMS_SIGN_NAME", "SMS_TEMPLATE_ID"]);
    const readers = Object.values(template.findResources("AWS::Lambda::Function")).filter((f: any) => f.Properties.Environment?.Variables?.NOTIFY_SECRETS_ARN);
    expect(readers).toHaveLength(1);
    expect((readers[0] as any).Properties.Environment.Variables.NOTIFY_SECRETS_ARN).toEqual({ Ref: secretId });
    const grants = Object.values(template.findResources("AWS::IAM::Policy")).filter((p: any) => JSON.stringify(p.Properties.PolicyDocument).includes(secretId));
    expect(grants).toHaveLength(1);
  });

  it("fans jobs out through SQS: a queue with a dead-letter queue, a worker reporting failed items only, an alarm on dead letters", () => {
    const queues = template.findResources("AWS::SQS::Queue");
    const [dlqId] = Object.entries(queues).find(([, q]: [string, any]) => !q.Properties.RedrivePolicy)!;
    const work = Object.values(queues).find((q: any) => q.Properties.RedrivePolicy) as any;
    expect(Object.keys(queues)).toHaveLength(2);
    expect(work.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { "Fn::GetAtt": [dlqId, "Arn"] }, maxReceiveCount: JOB_QUEUE.maxReceiveCount });
    expect(work.Properties.VisibilityTimeout).toBe(JOB_QUEUE.visibilityTimeoutSeconds);
    for (const q of Object.values(queues) as any[]) expect(q.Properties.SqsManagedSseEnabled).toBe(true);

    const worker = Object.entries(template.findResources("AWS::Lambda::Function")).find(([, f]: [string, any]) => f.Properties.Timeout === JOB_QUEUE.workerTimeoutSeconds && f.Properties.Environment?.Variables?.JOBS_QUEUE_URL);
    expect(worker).toBeDefined();
    expect(JOB_QUEUE.workerTimeoutSeconds).toBeLessThan(work.Properties.VisibilityTimeout);
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: worker![0] },
      BatchSize: JOB_QUEUE.batchSize,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: Match.anyValue() },
    });
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [dlqId, "QueueName"] } }],
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "notBreaching",
    });
  });

  it("calls the jobs dispatch Lambda hourly and daily", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 hour)",
      Targets: [Match.objectLike({ Input: JSON.stringify({ cadence: "hourly" }) })],
    });
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "cron(0 18 * * ? *)",
      Targets: [Match.objectLike({ Input: JSON.stringify({ cadence: "daily" }) })],
    });
  });

  it("keeps the files bucket private, encrypted, TLS-only, with temp uploads expiring", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: "tmp/", ExpirationInDays: 1 })]) },
    });
    const buckets = Object.values(template.findResources("AWS::S3::Bucket")) as any[];
    for (const b of buckets) expect(b.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
  });

  it("sets a retention on every log group", () => {
    const groups = Object.values(template.findResources("AWS::Logs::LogGroup")) as any[];
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const g of groups) expect(g.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it("passes cdk-nag AwsSolutions with no unsuppressed error or warning", () => {
    const errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    const warnings = Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).slice(0, 80)}`)).toEqual([]);
    expect(warnings.map((e) => `${e.id}: ${String(e.entry.data).slice(0, 80)}`)).toEqual([]);
  });
});

describe("stage options", () => {
  it("leaves web hosting off by default in China (CloudFront there needs an ICP-filed domain)", () => {
    synth("cn-northwest-1").template.resourceCountIs("AWS::CloudFront::Distribution", 0);
    synth("ap-southeast-1").template.resourceCountIs("AWS::CloudFront::Distribution", 1);
  });

  it("routes /v1/* and /health through CloudFront to the API when web hosting is on", () => {
    const { template } = synth("ap-southeast-1");
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: "/v1/*" }), Match.objectLike({ PathPattern: "/health" }), Match.objectLike({ PathPattern: "/open311/*" })]),
      }),
    });
  });

  it("protects prod data from deletion and keeps dev disposable", () => {
    const prod = synth("cn-northwest-1", { stage: "prod" }).template;
    prod.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Retain", Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
    const dev = synth("cn-northwest-1", { stage: "dev" }).template;
    dev.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Delete" });
  });
});

describe("npm run synth", () => {
  it("writes templates for both partitions offline, with no AWS credentials", () => {
    const root = resolve(import.meta.dirname, "../..");
    rmSync(resolve(root, "cdk.out"), { recursive: true, force: true });
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_") && !k.startsWith("CDK_DEFAULT")));
    execFileSync(resolve(root, "node_modules/.bin/tsx"), ["scripts/synth.ts"], { cwd: root, env: { ...env, HOME: resolve(root, "cdk.out") }, stdio: "pipe" });
    const global = JSON.parse(readFileSync(resolve(root, "cdk.out/aws/Firegov-dev-ap-southeast-1.template.json"), "utf8"));
    const china = JSON.parse(readFileSync(resolve(root, "cdk.out/aws-cn/Firegov-dev-cn-northwest-1.template.json"), "utf8"));
    const types = (t: { Resources: Record<string, { Type: string }> }) => new Set(Object.values(t.Resources).map((r) => r.Type));
    expect(types(global).has("AWS::CloudFront::Distribution")).toBe(true);
    expect(types(china).has("AWS::CloudFront::Distribution")).toBe(false);
    expect(types(china).has("AWS::DynamoDB::Table")).toBe(true);
    expect(existsSync(resolve(root, "cdk.out/aws-cn/manifest.json"))).toBe(true);
  });
});
