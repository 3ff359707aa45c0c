import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Actor, Profiles } from "@firegov/core";
import type { Context } from "hono";

/** What the app is built with: its outside world, injected so tests and the local stack can choose. */
export interface AppDeps {
  /** Used by /health only; data calls go through the tenant-scoped access in core. Absent: the process's shared client (core's `sharedDb`). */
  db?: { client: DynamoDBClient; tableName: string };
  logger: Logger;
  /** The caller's address as the runtime knows it (Lambda event or Node socket). */
  clientIp?: (c: Context<AppEnv>) => string | undefined;
  /** The built-in policy presets a county may start from. */
  presets: Profiles.PresetLookup;
}

export type Locale = "zh" | "en";

/** The request's log: the app's logger with the request id on every line (no per-request child logger to build). */
export interface RequestLog {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
  error(message: string, err: unknown): void;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    log: RequestLog;
    actor: Extract<Actor, { type: "user" }>;
  };
}
