/**
 * `npm run bench:init`: the api Lambda's cold start against a yardstick.
 *
 * Bundles functions/api/lambda.ts and a minimal Hono + DynamoDB handler
 * (scripts/bench/minimal-handler.ts) with the options infra deploys with
 * (infra/bundle.ts), then imports each in fresh `node` processes, alternating,
 * RUNS times (env BENCH_RUNS, default 9) and prints min/median of the module
 * init (the import's own time, without Node's start-up), their ratio, and
 * each bundle's size: what a fresh import loads and all chunks together.
 * Last, a smoke test: the api bundle answers `GET /health` (an API Gateway v2
 * event) with 200, its DynamoDB being a stub that knows DescribeTable.
 * Exits non-zero when the smoke test fails. BENCH_ONE_FILE=1 builds both the
 * way NodejsFunction did (one file, no plugins), for comparison.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { bundleLambda, bundleSizes, LAMBDA_NODE_OPTIONS } from "../infra/bundle.ts";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "..");
const runner = join(repoRoot, "scripts/bench/import-once.mjs");
const runs = Number(process.env.BENCH_RUNS ?? 9);
// BENCH_ONE_FILE=1: build as NodejsFunction did before (one file, no plugins), to compare.
const oneFile = process.env.BENCH_ONE_FILE === "1";
const work = mkdtempSync(join(tmpdir(), "bench-init-"));

// What the Lambda runtime gives a function, more or less (no real credentials are needed to load).
const lambdaEnv = {
  NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
  PATH: process.env.PATH,
  AWS_REGION: "cn-northwest-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_SESSION_TOKEN: "bench",
  AWS_LAMBDA_FUNCTION_NAME: "bench",
  TABLE_NAME: "firegov",
  FILES_BUCKET: "firegov-files",
  POWERTOOLS_SERVICE_NAME: "firegov-api",
  POWERTOOLS_LOG_LEVEL: "WARN",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

async function importOnce(file: string): Promise<{ wall: number; cpu: number }> {
  const { stdout } = await run(process.execPath, [runner, file], { env: lambdaEnv, cwd: work });
  const line = stdout.split("\n").find((l) => l.startsWith("INIT "));
  if (!line) throw new Error(`no timing from ${file}:\n${stdout}`);
  const [wall, cpu] = line.slice(5).split(" ").map(Number) as [number, number];
  return { wall, cpu };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The api bundle once, in a fresh process, against a stub DynamoDB endpoint: GET /health must be 200. */
async function smokeTest(file: string): Promise<{ ok: boolean; detail: string }> {
  const stub = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      res.setHeader("content-type", "application/x-amz-json-1.0");
      if (target.endsWith(".DescribeTable")) res.end(JSON.stringify({ Table: { TableName: "firegov", TableStatus: "ACTIVE" } }));
      else res.writeHead(400).end(JSON.stringify({ __type: "com.amazon.coral.validate#ValidationException", message: `stub knows no ${target}` }));
    });
  });
  await new Promise<void>((ok) => stub.listen(0, "127.0.0.1", ok));
  const eventFile = join(work, "event.json");
  writeFileSync(
    eventFile,
    JSON.stringify({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/health",
      rawQueryString: "",
      headers: { host: "api.example.com", accept: "application/json" },
      isBase64Encoded: false,
      requestContext: {
        accountId: "123456789012",
        apiId: "bench",
        domainName: "api.example.com",
        domainPrefix: "api",
        http: { method: "GET", path: "/health", protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "bench-init" },
        requestId: "bench-1",
        routeKey: "$default",
        stage: "$default",
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
      },
    }),
  );
  try {
    const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const { stdout } = await run(process.execPath, [runner, file, "--invoke", eventFile], { env: { ...lambdaEnv, DYNAMODB_ENDPOINT: endpoint }, cwd: work });
    const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
    const result = line ? (JSON.parse(line.slice(7)) as { statusCode?: number; body?: string }) : undefined;
    return { ok: result?.statusCode === 200, detail: result ? `${result.statusCode} ${result.body}` : stdout };
  } finally {
    stub.close();
  }
}

try {
  const targets = [
    { name: "api (functions/api/lambda.ts)", entry: "functions/api/lambda.ts" },
    { name: "minimal Hono + DynamoDB", entry: "scripts/bench/minimal-handler.ts" },
  ];
  const built = [];
  for (const t of targets) {
    const outdir = join(work, t.entry.replace(/[\\/.]/g, "_"));
    const meta = await bundleLambda(t.entry, outdir, oneFile ? { splitting: false, plugins: [] } : {});
    built.push({ ...t, file: join(outdir, "index.mjs"), sizes: bundleSizes(meta), wall: [] as number[], cpu: [] as number[] });
  }
  // Warm the disk cache, then alternate so that both see the same machine.
  for (const b of built) await importOnce(b.file);
  for (let i = 0; i < runs; i++)
    for (const b of built) {
      const t = await importOnce(b.file);
      b.wall.push(t.wall);
      b.cpu.push(t.cpu);
    }

  console.log(`module init over ${runs} fresh processes each (node ${process.version}); wall clock, and CPU of the process while importing:`);
  for (const b of built) {
    console.log(
      `  ${b.name.padEnd(30)} wall min ${ms(Math.min(...b.wall)).padStart(6)} median ${ms(median(b.wall)).padStart(6)} | cpu min ${ms(Math.min(...b.cpu)).padStart(6)} median ${ms(median(b.cpu)).padStart(6)}`,
    );
  }
  const [api, minimal] = built as [(typeof built)[0], (typeof built)[0]];
  const ratio = (f: (xs: number[]) => number, key: "wall" | "cpu") => `${(f(api[key]) / f(minimal[key])).toFixed(2)}×`;
  const min = (xs: number[]) => Math.min(...xs);
  console.log(`  ratio api / minimal: wall min ${ratio(min, "wall")} median ${ratio(median, "wall")} | cpu min ${ratio(min, "cpu")} median ${ratio(median, "cpu")}`);
  console.log("bundle sizes (minified .mjs; at init = the entry and the chunks it imports statically):");
  for (const b of built) console.log(`  ${b.name.padEnd(30)} at init ${kb(b.sizes.init).padStart(7)}  total ${kb(b.sizes.total).padStart(7)} in ${b.sizes.files} file${b.sizes.files === 1 ? "" : "s"}`);

  const smoke = await smokeTest(api.file);
  console.log(`smoke: GET /health through the api bundle → ${smoke.ok ? "ok" : "FAILED"}: ${smoke.detail}`);
  if (!smoke.ok) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
