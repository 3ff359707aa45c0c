import type { App } from "aws-cdk-lib";
import type { DeployConfig } from "./config.ts";
import { applyNag } from "./nag.ts";
import { FiregovStack } from "./stack.ts";

export function stackName(config: DeployConfig): string {
  return `Firegov-${config.stage}-${config.region}`;
}

/** The one stack of a deployment, checked by cdk-nag. */
export function addDeployment(app: App, config: DeployConfig): FiregovStack {
  const stack = new FiregovStack(app, stackName(config), config, {
    description: `基层消防安全治理 / grassroots fire-safety governance (${config.stage})`,
  });
  applyNag(stack);
  return stack;
}
