import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFunction } from "../../infra/node-function.ts";

// The other infra tests skip bundling; this one bundles two functions for real (the local esbuild, ≈10 s).
describe("function bundling", () => {
  const outdir = mkdtempSync(join(tmpdir(), "bundling-test-"));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("gives each function its own code-split bundle: index.mjs and chunks, handler index.handler", () => {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, "Bundling", { env: { region: "cn-northwest-1" } });
    nodeFunction(stack, "Api", { entry: "functions/api/lambda.ts", stage: "dev", environment: {} });
    nodeFunction(stack, "Jobs", { entry: "functions/jobs/worker.ts", stage: "dev", environment: {} });
    const fns = Object.values(Template.fromStack(stack).findResources("AWS::Lambda::Function")) as { Properties: { Handler: string; Code: { S3Key: string } } }[];
    expect(fns.map((f) => f.Properties.Handler)).toEqual(["index.handler", "index.handler"]);
    const keys = fns.map((f) => f.Properties.Code.S3Key);
    // CDK reuses a bundle whose options look alike: the two must not share one.
    expect(new Set(keys).size).toBe(2);
    for (const key of keys) {
      const dir = join(app.outdir, `asset.${key.replace(/\.zip$/, "")}`);
      expect(existsSync(join(dir, "index.mjs"))).toBe(true);
      expect(readdirSync(join(dir, "chunks")).some((f) => f.endsWith(".mjs"))).toBe(true);
    }
  });
});
