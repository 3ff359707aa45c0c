import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import type { Stage } from "./config.ts";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Every Lambda alike: Node 22 on arm64, one ESM bundle made by the local
 * esbuild (no Docker), minified with source maps, its own log group with a
 * retention, no X-Ray (absent in AWS China).
 */
export function nodeFunction(scope: Construct, id: string, props: { entry: string; stage: Stage; environment: Record<string, string>; timeout?: Duration; memorySize?: number }) {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: props.stage === "prod" ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
    removalPolicy: props.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  return new NodejsFunction(scope, id, {
    entry: join(repoRoot, props.entry),
    handler: "handler",
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 1024,
    timeout: props.timeout ?? Duration.seconds(29),
    logGroup,
    projectRoot: repoRoot,
    depsLockFilePath: join(repoRoot, "package-lock.json"),
    environment: { NODE_OPTIONS: "--enable-source-maps", ...props.environment },
    bundling: {
      format: OutputFormat.ESM,
      target: "node22",
      minify: true,
      sourceMap: true,
      mainFields: ["module", "main"],
      // Some dependencies still call require(); give the ESM bundle one.
      banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}
