import middy from "@middy/core";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { sharedDb } from "@firegov/core";
import { handle, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { createApp } from "./app.ts";
import { createLogger } from "./logger.ts";

const logger = createLogger();
const { client, config } = sharedDb();
const app = createApp({ db: { client, tableName: config.tableName }, logger });

export const handler = middy<LambdaEvent, unknown, Error, LambdaContext>()
  .use(injectLambdaContext(logger))
  .handler(handle(app) as (event: LambdaEvent, context: LambdaContext) => Promise<unknown>);
