import middy from "@middy/core";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { handle, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { createApp } from "./app.ts";
import { createLogger } from "./logger.ts";

const logger = createLogger();

/** API Gateway's view of the caller (HTTP API v2 and REST v1 events differ). */
function sourceIpOf(event: LambdaEvent): string | undefined {
  const ctx = event.requestContext as { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
  return ctx.http?.sourceIp ?? ctx.identity?.sourceIp;
}

// No DynamoDB client at init: /health uses the process's shared one (core's sharedDb), made with the first
// request that needs it, like every tenant's data access.
const app = createApp({
  logger,
  // The preset loader itself loads on first use (signup, a diff against a preset): nothing of it at init.
  presets: async (id) => (await import("@firegov/profiles/presets/lazy")).loadPreset(id),
  clientIp: (c) => {
    const event = (c.env as { event?: LambdaEvent } | undefined)?.event;
    return event ? sourceIpOf(event) : undefined;
  },
});

export const handler = middy<LambdaEvent, unknown, Error, LambdaContext>()
  .use(injectLambdaContext(logger))
  .handler(handle(app) as (event: LambdaEvent, context: LambdaContext) => Promise<unknown>);
