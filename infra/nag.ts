import { Aspects, Stack } from "aws-cdk-lib";
import { AwsSolutionsChecks, NagSuppressions } from "cdk-nag";

/**
 * cdk-nag's AwsSolutions pack on every stack. Each suppression says why the
 * finding does not apply here; nothing is suppressed wholesale by rule alone.
 */
export function applyNag(stack: Stack): void {
  Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  NagSuppressions.addStackSuppressions(stack, [
    {
      id: "AwsSolutions-IAM4",
      reason: "Lambda functions use AWSLambdaBasicExecutionRole only, to write their own CloudWatch logs.",
      appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
    },
    {
      id: "AwsSolutions-IAM5",
      reason: "Wildcards come from CDK grants scoped to this stack's own table (its indexes), files bucket (its objects) and CDK's own custom resources.",
    },
    {
      id: "AwsSolutions-L1",
      reason: "Functions pin nodejs22.x on purpose: local development and tests run the same Node major; CDK's bucket-deployment and auto-delete helpers pick their own runtime.",
    },
    {
      id: "AwsSolutions-APIG4",
      reason: "The API authenticates in the application: it verifies its own signed access tokens (AWS China has no Cognito user pools), and /health and signup are public by design.",
    },
    {
      id: "AwsSolutions-SMG4",
      reason: "The secret is the seed of the access-token signing key: rotating it signs everyone out within one access-token lifetime (15 min). Rotate it by hand (put a new value) at a planned time; refresh sessions survive because they are checked against the table, not the key. The notification providers' secret holds credentials issued by the providers (SMS, robots): they rotate there, and the operator puts the new values here.",
    },
    {
      id: "AwsSolutions-CFR1",
      reason: "Users are county staff on phones; no geographic restriction is wanted beyond the deployment's own region.",
    },
    {
      id: "AwsSolutions-CFR2",
      reason: "WAF is a per-deployment choice (cost, and not offered alike in every partition); the API throttles at the stage and in the application.",
    },
    {
      id: "AwsSolutions-CFR4",
      reason: "The distribution uses the default CloudFront certificate, whose policy CloudFront fixes at TLSv1; a deployment with its own domain sets a certificate and TLSv1.2_2021.",
    },
  ]);
}
