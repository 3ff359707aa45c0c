/**
 * `npm run synth`: CloudFormation for both partitions, offline (no AWS
 * credentials, no Docker): cdk.out/aws (ap-southeast-1) and cdk.out/aws-cn (cn-northwest-1).
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "..");
const cdk = resolve(repoRoot, "node_modules/.bin/cdk");
const targets = [
  { partition: "aws", region: process.env.GLOBAL_REGION ?? "ap-southeast-1" },
  { partition: "aws-cn", region: process.env.CHINA_REGION ?? "cn-northwest-1" },
];

for (const { partition, region } of targets) {
  const out = `cdk.out/${partition}`;
  console.log(`synth ${partition} (${region}) → ${out}`);
  execFileSync(cdk, ["synth", "--quiet", "--output", out, "-c", `region=${region}`, "-c", `stage=${process.env.STAGE ?? "dev"}`], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: "true", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
}
