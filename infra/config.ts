/**
 * What differs between deployments. China (aws-cn) has no Cognito user pools,
 * no Lambda function URLs and no X-Ray, and CloudFront there serves only an
 * ICP-filed domain: so web hosting is a stage option, off by default in China.
 */
export type Stage = "dev" | "prod";

export interface DeployConfig {
  stage: Stage;
  region: string;
  account?: string;
  /** Host the web client on S3 + CloudFront (with /v1 and /health routed to the API). */
  webHosting: boolean;
  /** The built web client to upload; skipped when absent (e.g. in template tests). */
  webAssetsDir?: string;
  /** Origins allowed to PUT presigned uploads into the files bucket. */
  corsOrigins: string[];
}

export function isChinaRegion(region: string): boolean {
  return region.startsWith("cn-");
}

export function partitionOf(region: string): "aws" | "aws-cn" {
  return isChinaRegion(region) ? "aws-cn" : "aws";
}

export function resolveConfig(ctx: { stage?: string; region?: string; account?: string; webHosting?: string; webAssetsDir?: string; corsOrigins?: string }): DeployConfig {
  const stage = ctx.stage === "prod" ? "prod" : "dev";
  const region = ctx.region ?? "cn-northwest-1";
  const webHosting = ctx.webHosting === undefined ? !isChinaRegion(region) : ctx.webHosting === "true";
  return {
    stage,
    region,
    account: ctx.account,
    webHosting,
    webAssetsDir: ctx.webAssetsDir,
    corsOrigins: ctx.corsOrigins ? ctx.corsOrigins.split(",").map((s) => s.trim()) : ["*"],
  };
}
