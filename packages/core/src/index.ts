export * from "./errors/index.ts";
export { tableDefinition, createTableInput, keyAttributeNames } from "./db/table.ts";
export { tenantKey, leadingKeyPatterns, TENANT_KEY_PREFIX, TENANT_ID_PATTERN } from "./db/keys.ts";
export { createDynamoClient, dbConfigFromEnv, sharedDb, type DbConfig } from "./db/client.ts";
export { createService, type FiregovService } from "./db/service.ts";
export { checkHealth, type HealthReport } from "./health/check-health.ts";
export { runJobs, type Job, type JobCadence, type JobOutcome, type JobLog } from "./jobs/runner.ts";
export { ensureTable } from "./db/ensure-table.ts";
