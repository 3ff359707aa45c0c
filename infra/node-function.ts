import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from "aws-cdk-lib";
import { Architecture, Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { LAMBDA_NODE_OPTIONS } from "./bundle.ts";
import type { Stage } from "./config.ts";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A function's code: `infra/bundle.ts` run by the local esbuild (no Docker)
 * in a child process, since CDK's local bundling is synchronous and the
 * build uses esbuild plugins. ESM with code splitting: `index.mjs` and the
 * chunks its `await import()`s load on first use. (NodejsFunction writes one
 * file, so it cannot split.) Skipped when the stack's bundling is (tests).
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry("public.ecr.aws/docker/library/node:22"), // never used: local bundling always answers
      // CDK reuses a bundle whose options look the same: the entry keeps each function's apart.
      environment: { LAMBDA_ENTRY: entry },
      local: {
        tryBundle(outputDir) {
          const run = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "infra/bundle.ts"), entry, outputDir], { cwd: repoRoot, stdio: "inherit" });
          if (run.status !== 0) throw new Error(`bundling ${entry} failed (${run.error?.message ?? `exit ${run.status}`})`);
          return true;
        },
      },
    },
  });
}

/**
 * Every Lambda alike: Node 22 on arm64, ESM bundled by the local esbuild
 * (see bundledCode), minified with source maps, its own log group with a
 * retention, no X-Ray (absent in AWS China).
 */
export function nodeFunction(scope: Construct, id: string, props: { entry: string; stage: Stage; environment: Record<string, string>; timeout?: Duration; memorySize?: number }) {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: props.stage === "prod" ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
    removalPolicy: props.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  return new LambdaFunction(scope, id, {
    code: bundledCode(props.entry),
    handler: "index.handler",
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 1024,
    timeout: props.timeout ?? Duration.seconds(29),
    logGroup,
    environment: { NODE_OPTIONS: LAMBDA_NODE_OPTIONS, ...props.environment },
  });
}
