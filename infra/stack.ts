import { Stack, type StackProps } from "aws-cdk-lib";
import { Construct } from "constructs";
import { Api } from "./api.ts";
import type { DeployConfig } from "./config.ts";
import { FilesBucket } from "./files.ts";
import { Jobs } from "./jobs.ts";
import { DataTable } from "./table.ts";
import { WebHosting } from "./web.ts";

/** One stack per stage and region: data, files, API, jobs, and optionally web hosting. */
export class FiregovStack extends Stack {
  constructor(scope: Construct, id: string, config: DeployConfig, props: StackProps = {}) {
    super(scope, id, { ...props, env: { region: config.region, account: config.account } });
    const { table } = new DataTable(this, "Data", { stage: config.stage });
    const files = new FilesBucket(this, "Files", { stage: config.stage, corsOrigins: config.corsOrigins });
    const api = new Api(this, "Api", { stage: config.stage, table, files: files.bucket });
    new Jobs(this, "Jobs", { stage: config.stage, table, files: files.bucket });
    if (config.webHosting) {
      new WebHosting(this, "Web", { stage: config.stage, apiEndpoint: api.httpApi.apiEndpoint, logBucket: files.accessLogs, assetsDir: config.webAssetsDir });
    }
  }
}
