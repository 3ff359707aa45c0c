import { CfnOutput } from "aws-cdk-lib";
import { HttpApi, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { Stage } from "./config.ts";
import { nodeFunction } from "./node-function.ts";
import { TenantAccessRole } from "./tenant-access.ts";

/** HTTP API (API Gateway v2) → the api Lambda, which runs the Hono app. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly url: string;

  constructor(scope: Construct, id: string, props: { stage: Stage; table: Table; files: Bucket; webOrigin?: string }) {
    super(scope, id);
    // The seed of the access-token signing key (Ed25519 derived from it in the Lambda).
    const signingSeed = new Secret(this, "SigningSeed", {
      description: "Seed of the API's access-token signing key",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const fn = nodeFunction(this, "Function", {
      entry: "functions/api/lambda.ts",
      stage: props.stage,
      environment: {
        TABLE_NAME: props.table.tableName,
        FILES_BUCKET: props.files.bucketName,
        POWERTOOLS_SERVICE_NAME: "firegov-api",
        JWT_SECRET_ARN: signingSeed.secretArn,
        ...(props.webOrigin ? { WEB_ORIGIN: props.webOrigin } : {}),
      },
    });
    // No direct table grant: every data call goes through the tenant-scoped role.
    const tenantAccess = new TenantAccessRole(this, "TenantAccess", { table: props.table, assumedBy: fn.role! });
    fn.addEnvironment("TENANT_ROLE_ARN", tenantAccess.role.roleArn);
    // /health only describes the table.
    fn.addToRolePolicy(new PolicyStatement({ actions: ["dynamodb:DescribeTable"], resources: [props.table.tableArn] }));
    signingSeed.grantRead(fn);
    props.files.grantReadWrite(fn);

    this.httpApi = new HttpApi(this, "HttpApi", {
      defaultIntegration: new HttpLambdaIntegration("Integration", fn),
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, "AccessLogs", { retention: props.stage === "prod" ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH });
    const stage = new HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    this.url = stage.url;
    new CfnOutput(scope, "ApiUrl", { value: stage.url });
  }
}
