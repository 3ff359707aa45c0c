import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Actor, Profiles } from "@firegov/core";
import type { Context } from "hono";

/** What the app is built with: its outside world, injected so tests and the local stack can choose. */
export interface AppDeps {
  /** Used by /health only; data calls go through the tenant-scoped access in core. */
  db: { client: DynamoDBClient; tableName: string };
  logger: Logger;
  /** The caller's address as the runtime knows it (Lambda event or Node socket). */
  clientIp?: (c: Context<AppEnv>) => string | undefined;
  /** The built-in policy presets a county may start from. */
  presets: Profiles.PresetLookup;
}

export type Locale = "zh" | "en";

export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    log: Logger;
    actor: Extract<Actor, { type: "user" }>;
  };
}
