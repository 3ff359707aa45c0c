#!/usr/bin/env node
/**
 * `cdk synth|deploy -c stage=prod -c region=cn-northwest-1 [-c webHosting=true] [-c account=123...]`
 * Region defaults to CDK_DEFAULT_REGION, then cn-northwest-1 (Ningxia).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { addDeployment } from "./build.ts";
import { resolveConfig } from "./config.ts";
import { repoRoot } from "./node-function.ts";

const app = new App();
const ctx = (key: string) => app.node.tryGetContext(key) as string | undefined;
const webDist = join(repoRoot, "web/dist");
addDeployment(
  app,
  resolveConfig({
    stage: ctx("stage"),
    region: ctx("region") ?? process.env.CDK_DEFAULT_REGION,
    account: ctx("account") ?? process.env.CDK_DEFAULT_ACCOUNT,
    webHosting: ctx("webHosting"),
    corsOrigins: ctx("corsOrigins"),
    webAssetsDir: existsSync(join(webDist, "index.html")) ? webDist : undefined,
  }),
);
app.synth();
