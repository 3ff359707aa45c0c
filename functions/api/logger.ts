import { Logger } from "@aws-lambda-powertools/logger";

/** Structured JSON logs; each request logs through a child carrying its request id. */
export function createLogger(serviceName = "firegov-api"): Logger {
  return new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as "INFO" | undefined) ?? "INFO" });
}
