import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { JobCadence } from "@firegov/core";
import { sqsJobQueue } from "@firegov/core/jobs/index";
import { dispatchDue } from "./registry.ts";

const logger = new Logger({ serviceName: "firegov-jobs" });
const queue = sqsJobQueue(process.env.JOBS_QUEUE_URL!);

/** The EventBridge rule sends `{ "cadence": "minutely" | "hourly" | "daily" }`. */
interface ScheduleEvent {
  cadence?: JobCadence;
}

/**
 * The scheduled step: reads the tenant registry and enqueues one message per
 * (job, tenant); the worker does the work. It fails (and EventBridge retries
 * it) only when the registry or SQS does; a repeated dispatch is harmless,
 * every job being idempotent for its `now`.
 */
export const handler = middy<ScheduleEvent, unknown>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const cadence = event.cadence ?? "daily";
    const sent = await dispatchDue(cadence, new Date(), queue);
    logger.info("jobs dispatched", { cadence, ...sent });
    return sent;
  });
