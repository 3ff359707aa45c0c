import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { runJobs, type JobCadence } from "@firegov/core";
import { registeredJobs } from "./registry.ts";

const logger = new Logger({ serviceName: "firegov-jobs" });

/** The EventBridge rule sends `{ "cadence": "hourly" | "daily" }`. */
interface ScheduleEvent {
  cadence?: JobCadence;
}

export const handler = middy<ScheduleEvent, unknown>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const outcomes = await runJobs(registeredJobs, { cadence: event.cadence ?? "daily", now: new Date(), log: logger });
    const failed = outcomes.filter((o) => !o.ok);
    // A failed job fails the invocation, so the schedule's retry and alarms see it.
    if (failed.length) throw new Error(`jobs failed: ${failed.map((o) => o.name).join(", ")}`);
    return { outcomes };
  });
