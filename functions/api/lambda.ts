import middy from "@middy/core";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { sharedDb } from "@firegov/core/db/index";
import { loadPreset } from "@firegov/profiles/presets/lazy";
import { handle, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { createApp } from "./app.ts";
import { createLogger } from "./logger.ts";

const logger = createLogger();
const { client, config } = sharedDb();

/** API Gateway's view of the caller (HTTP API v2 and REST v1 events differ). */
function sourceIpOf(event: LambdaEvent): string | undefined {
  const ctx = event.requestContext as { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
  return ctx.http?.sourceIp ?? ctx.identity?.sourceIp;
}

const app = createApp({
  db: { client, tableName: config.tableName },
  logger,
  presets: loadPreset,
  clientIp: (c) => {
    const event = (c.env as { event?: LambdaEvent } | undefined)?.event;
    return event ? sourceIpOf(event) : undefined;
  },
});

export const handler = middy<LambdaEvent, unknown, Error, LambdaContext>()
  .use(injectLambdaContext(logger))
  .handler(handle(app) as (event: LambdaEvent, context: LambdaContext) => Promise<unknown>);
