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
 * event) with 200, its DynamoDB being a stub that knows DescribeTable, and
 * `GET /v1/presets` with the five presets and the blank starting point (their chunks load).
 * It prints what each of those first calls took: a route group's code loads
 * on its first request, so that is the rest of a cold start's cost.
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

/** An API Gateway v2 (HTTP API) event. */
function apiEvent(method: string, path: string, body?: unknown) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "api.example.com", accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
    requestContext: {
      accountId: "123456789012",
      apiId: "bench",
      domainName: "api.example.com",
      domainPrefix: "api",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "bench-init" },
      requestId: `bench-${path}`,
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  };
}

/**
 * The api bundle in a fresh process, against a stub DynamoDB endpoint: `GET /health` must answer 200,
 * `GET /v1/presets` 200 with five presets and the blank (which loads the preset chunks: the lazy imports work in the
 * bundle), and a malformed login 400 naming the field in Chinese (zod's zh messages survive the bundle).
 */
async function smokeTest(file: string): Promise<{ ok: boolean; lines: string[]; took: number[] }> {
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
  const checks = [
    { method: "GET", path: "/health", status: 200, ok: (body: any) => body.status === "ok" },
    { method: "GET", path: "/v1/presets", status: 200, ok: (body: any) => body.items?.length === 6 },
    { method: "POST", path: "/v1/auth/login", body: { slug: 5 }, status: 400, ok: (body: any) => /[\u4e00-\u9fff]/.test(body.errors?.[0]?.message ?? "") },
  ];
  const eventFiles = checks.map(({ method, path, body }, i) => {
    const eventFile = join(work, `event-${i}.json`);
    writeFileSync(eventFile, JSON.stringify(apiEvent(method, path, body)));
    return eventFile;
  });
  try {
    const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const { stdout } = await run(process.execPath, [runner, file, "--invoke", ...eventFiles], { env: { ...lambdaEnv, DYNAMODB_ENDPOINT: endpoint }, cwd: work });
    const results = stdout
      .split("\n")
      .filter((l) => l.startsWith("RESULT "))
      .map((l) => JSON.parse(l.slice(7)) as { statusCode?: number; body?: string });
    const outcomes = checks.map((check, i) => {
      const result = results[i];
      const ok = result?.statusCode === check.status && check.ok(JSON.parse(result.body ?? "{}"));
      return { ok, line: `${check.method} ${check.path} → ${ok ? "ok" : "FAILED"}: ${result ? `${result.statusCode} ${result.body?.slice(0, 160)}` : stdout.slice(-400)}` };
    });
    const took = stdout.split("\n").filter((l) => l.startsWith("TOOK ")).map((l) => Number(l.split(" ")[1]));
    return { ok: outcomes.every((o) => o.ok), lines: outcomes.map((o) => o.line), took };
  } finally {
    stub.close();
  }
}

/** Wall time from a fresh import to the first GET /health's answer, per bundle, alternating, against a stub DynamoDB. */
async function coldStarts(files: string[], n: number): Promise<number[][]> {
  const stub = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.setHeader("content-type", "application/x-amz-json-1.0").end(JSON.stringify({ Table: { TableName: "firegov", TableStatus: "ACTIVE" } })));
  });
  await new Promise<void>((ok) => stub.listen(0, "127.0.0.1", ok));
  const eventFile = join(work, "cold-health.json");
  writeFileSync(eventFile, JSON.stringify(apiEvent("GET", "/health")));
  const env = { ...lambdaEnv, DYNAMODB_ENDPOINT: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(stub.address() as AddressInfo).port}` };
  const out = files.map(() => [] as number[]);
  try {
    for (let i = 0; i < n; i++)
      for (const [k, file] of files.entries()) {
        const { stdout } = await run(process.execPath, [runner, file, "--invoke", eventFile], { env, cwd: work });
        const init = Number(stdout.split("\n").find((l) => l.startsWith("INIT "))!.split(" ")[1]);
        const took = Number(stdout.split("\n").find((l) => l.startsWith("TOOK "))!.split(" ")[1]);
        out[k]!.push(init + took);
      }
  } finally {
    stub.close();
  }
  return out;
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

  // Module init is not the whole cold start: the api's route groups, and core with them, load on a group's
  // first request. So also: a fresh process's import plus its first GET /health, against the stub DynamoDB.
  const coldRuns = Math.max(3, Math.ceil(runs / 2));
  const cold = await coldStarts(built.map((b) => b.file), coldRuns);
  console.log(`cold start to the first answer (import + first GET /health, ${coldRuns} fresh processes each, median wall):`);
  built.forEach((b, i) => console.log(`  ${b.name.padEnd(30)} ${ms(median(cold[i]!)).padStart(6)}`));
  console.log(`  ratio api / minimal: ${(median(cold[0]!) / median(cold[1]!)).toFixed(2)}×`);

  const smoke = await smokeTest(api.file);
  for (const line of smoke.lines) console.log(`smoke (api bundle): ${line}`);
  // Route groups load on their first request: what the first call of each group cost in the smoke's fresh process.
  console.log(`first call of a group after the cold start (loads its code): ${smoke.took.map((t, i) => `${["GET /health", "GET /v1/presets", "POST /v1/auth/login"][i]} ${ms(t)}`).join(", ")}`);
  if (!smoke.ok) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
