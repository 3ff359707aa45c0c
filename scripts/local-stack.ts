/**
 * `npm start`: DynamoDB Local (data on disk), a local S3 store, the API and the
 * built web client on one origin, and the scheduled jobs on a timer.
 * Environment:
 *   PORT (3000)  HOST (127.0.0.1)  DATA_DIR (.local/data)
 *   DYNAMODB_PORT (8000)  DYNAMODB_ENDPOINT (use an existing DynamoDB instead)
 *   S3_PORT (4569)  S3_ENDPOINT (use an existing S3 instead)  FILES_BUCKET (firegov-files)
 *   TABLE_NAME (firegov)  JOBS (on|off)  DEMO (on|off: demo counties, one per preset)
 *   JWT_SEED_FILE (.local/keys/jwt-seed, made on first start)
 *   NOTIFY_SINK_PORT (4580)  NOTIFY_SINK_URL (send SMS / WeCom / DingTalk / webhooks there instead of the sink started here;
 *   "off": to the real providers, with SMS_* / NOTIFY_WEBHOOK_SECRET / DINGTALK_ROBOT_SECRET set)
 */
import { resolve } from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { configureData, createDynamoClient, ensureTable, type JobCadence } from "@firegov/core";
import { localJobQueue } from "@firegov/core/jobs/index";
import { getPreset } from "@firegov/profiles";
import { createApp } from "@firegov/functions/api/app";
import { createLogger } from "@firegov/functions/api/logger";
import { dispatchDue, registeredJobs } from "@firegov/functions/jobs/registry";
import { DEMO_ADMIN, seedDemoTenants } from "./lib/demo-tenants.ts";
import { javaMissingMessage, startDynamoLocal, type DynamoLocal } from "./lib/dynamodb-local.ts";
import { createLocalOrigin, listen } from "./lib/local-server.ts";
import { startS3Local, type S3Local } from "./lib/s3-local.ts";
import { startNotifySink, type NotifySink } from "./lib/notify-sink.ts";

const env = process.env;
const repoRoot = resolve(import.meta.dirname, "..");
const dataDir = resolve(repoRoot, env.DATA_DIR ?? ".local/data");
const host = env.HOST ?? "127.0.0.1";
const tableName = env.TABLE_NAME ?? "firegov";
const bucket = env.FILES_BUCKET ?? "firegov-files";
env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const stops: (() => Promise<void>)[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n正在停止本地服务… / stopping…");
  for (const stop of stops.reverse()) await stop().catch((err) => console.error(err));
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  let dynamo: DynamoLocal | undefined;
  if (!env.DYNAMODB_ENDPOINT) {
    const missing = javaMissingMessage();
    if (missing) {
      console.error(missing);
      process.exit(1);
    }
    dynamo = await startDynamoLocal({ port: Number(env.DYNAMODB_PORT ?? 8000), dataDir: resolve(dataDir, "dynamodb") });
    stops.push(() => dynamo!.stop());
    env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  }
  const endpoint = env.DYNAMODB_ENDPOINT;
  const client = createDynamoClient({ endpoint, region: env.AWS_REGION ?? "cn-northwest-1" });
  const table = await ensureTable(client, tableName);

  let s3: S3Local | undefined;
  if (!env.S3_ENDPOINT) {
    s3 = await startS3Local({ port: Number(env.S3_PORT ?? 4569), dataDir: resolve(dataDir, "s3"), bucket });
    stops.push(() => s3!.stop());
    env.S3_ENDPOINT = s3.endpoint;
  }

  // Messages to phones go to a local sink that records them, unless told otherwise.
  let sink: NotifySink | undefined;
  if (!env.NOTIFY_SINK_URL) {
    sink = await startNotifySink({ port: Number(env.NOTIFY_SINK_PORT ?? 4580) });
    stops.push(() => sink!.stop());
    env.NOTIFY_SINK_URL = sink.url;
  } else if (env.NOTIFY_SINK_URL === "off") delete env.NOTIFY_SINK_URL;
  env.NOTIFY_WEBHOOK_SECRET ??= "local-webhook-secret";

  const logger = createLogger("firegov-local");
  const region = env.AWS_REGION ?? "cn-northwest-1";
  configureData({ endpoint, region, tableName });
  env.JWT_SEED_FILE ??= resolve(repoRoot, ".local/keys/jwt-seed");
  const demos = env.DEMO === "off" ? [] : await seedDemoTenants();
  const api = createApp({ db: { client, tableName }, logger, presets: getPreset, clientIp: (c) => getConnInfo(c).remote.address });
  const origin = createLocalOrigin(api, resolve(repoRoot, "web/dist"));
  const { server, port } = await listen(origin, Number(env.PORT ?? 3000), host);
  stops.unshift(() => new Promise<void>((done) => server.close(() => done())));

  if (env.JOBS !== "off") startJobTimers(logger);

  const base = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  console.log(
    [
      "",
      "基层消防安全治理 · 本地环境已启动 / local stack is up",
      `  网页 Web        ${base}/`,
      `  健康 Health     ${base}/health`,
      `  接口文档 API    ${base}/v1/docs  (OpenAPI: ${base}/v1/openapi.json)`,
      `  DynamoDB        ${endpoint}  table ${tableName} (${table})${dynamo ? `, data in ${resolve(dataDir, "dynamodb")}` : ""}`,
      `  S3              ${env.S3_ENDPOINT}  bucket ${bucket}${s3 ? `, data in ${resolve(dataDir, "s3")}` : ""}`,
      `  消息推送 Sink   ${env.NOTIFY_SINK_URL ?? "off: real providers"}${sink ? "  (SMS / 企业微信 / 钉钉 / webhook land here; GET it to see them)" : ""}`,
      ...(demos.length
        ? [
            `  演示单位 Demo   单位代码 county code: ${demos.map((d) => d.slug).join(" | ")}`,
            `                  用户名 ${DEMO_ADMIN.username} / 密码 ${DEMO_ADMIN.password}`,
          ]
        : []),
      "按 Ctrl-C 停止 / press Ctrl-C to stop",
      `READY ${base}`,
    ].join("\n"),
  );
}

/**
 * The same fan-out as in AWS, in process: the dispatch enqueues one message
 * per (job, tenant), the worker drains them with retries and dead letters.
 * Messages to phones every minute, hourly work every hour, daily work at start and every 24 h.
 */
function startJobTimers(log: { info(m: string, e: Record<string, unknown>): void; error(m: string, e: Record<string, unknown>): void }) {
  const { queue, drain } = localJobQueue(registeredJobs, { log });
  const run = (cadence: JobCadence) =>
    void dispatchDue(cadence, new Date(), queue)
      .then(drain)
      .then((report) => log.info("jobs drained", { cadence, ...report }))
      .catch((err: Error) => log.error("jobs failed", { cadence, error: err.message, stack: err.stack }));
  run("daily");
  const minutely = setInterval(() => run("minutely"), 60 * 1000);
  const hourly = setInterval(() => run("hourly"), 60 * 60 * 1000);
  const daily = setInterval(() => run("daily"), 24 * 60 * 60 * 1000);
  stops.push(async () => {
    clearInterval(minutely);
    clearInterval(hourly);
    clearInterval(daily);
  });
}

main().catch(async (err) => {
  console.error("本地环境启动失败 / local stack failed to start:", err);
  await shutdown(1);
});
