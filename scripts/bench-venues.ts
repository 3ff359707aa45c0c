/**
 * Venue and schedule benchmark (not a test): starts its own DynamoDB Local
 * (in memory), signs a county up, then prints
 *   1. the time to import a ledger of N venues through the API (CSV upload),
 *   2. the time and DynamoDB request count of the daily schedule job over M
 *      venues (the rest written straight to the table), and of a second run
 *      (which must create nothing),
 *   3. DynamoDB Local's own floor for those writes: the job's first
 *      transactions sent again straight through the SDK, same items and
 *      conditions under fresh keys, as many at once as the job sends; the
 *      items a second this allows, and what the first run's items take at
 *      that rate (the job cannot be faster than that on this machine).
 *
 *   npm run bench -- [--import 10000] [--venues 25000]
 *
 * The defaults run in about three minutes on 2 cores; `--venues 100000` gives
 * the figure at county scale (about five minutes; `--import 1000` saves one:
 * the first schedule run is DynamoDB Local applying ≈ 1,390 transactions one
 * at a time, docs/scale.md). Requests are printed by command with their
 * summed time.
 * The profile is the first built-in one whose categories set coverage
 * periods; the tree has 10 towns × 5 villages × 4 grids.
 */
import { randomUUID } from "node:crypto";
import { type AttributeValue, type DynamoDBClient, TransactWriteItemsCommand, type TransactWriteItemsCommandInput } from "@aws-sdk/client-dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
import { configureData, createDynamoClient, ensureTable, Inspections, tenantDb, Venues, withActor } from "@firegov/core";
import { createApp } from "@firegov/functions/api/app";
import { getPreset, presets } from "@firegov/profiles";
import { startDynamoLocal } from "./lib/dynamodb-local.ts";
import { freePort } from "./lib/free-port.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};
const IMPORT = arg("import", 10_000);
const VENUES = Math.max(arg("venues", 25_000), IMPORT);
const TZ = "Asia/Shanghai";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.JWT_SEED ??= "bench-only-signing-seed";

/** As many transactions at once as the job keeps in flight (SCHEDULE_WRITE_CONCURRENCY). */
const FLOOR_CONCURRENCY = 8;

/**
 * Sends recorded transactions again straight through the SDK, each item's
 * partition key suffixed so that it names a new item (the same attributes,
 * index keys and conditions: the same work for DynamoDB Local), `concurrency`
 * at once. Returns the items sent and the wall time.
 */
async function replayUnderFreshKeys(client: DynamoDBClient, transactions: TransactWriteItemsCommandInput[], concurrency: number) {
  const fresh = (key: Record<string, AttributeValue> | undefined) => key && { ...key, pk: { S: `${key.pk?.S}#floor` } };
  const renamed = transactions.map((t) => ({
    ...t,
    ClientRequestToken: undefined,
    TransactItems: t.TransactItems!.map((item) => ({
      ...(item.Put && { Put: { ...item.Put, Item: fresh(item.Put.Item)! } }),
      ...(item.Update && { Update: { ...item.Update, Key: fresh(item.Update.Key)! } }),
      ...(item.ConditionCheck && { ConditionCheck: { ...item.ConditionCheck, Key: fresh(item.ConditionCheck.Key)! } }),
      ...(item.Delete && { Delete: { ...item.Delete, Key: fresh(item.Delete.Key)! } }),
    })),
  }));
  const items = renamed.reduce((n, t) => n + t.TransactItems.length, 0);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < renamed.length) await client.send(new TransactWriteItemsCommand(renamed[next++]!));
    }),
  );
  return { items, ms: performance.now() - started };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const profile = Object.values(presets).find((p) => p.inspectionCategories.filter((c) => c.coveragePeriod).length >= 2);
if (!profile) throw new Error("no built-in profile sets coverage periods");

const dynamo = await startDynamoLocal({ port: await freePort(), tuning: "throughput" });
try {
  const tableName = "firegov-bench";
  const client = createDynamoClient({ endpoint: dynamo.endpoint, region: "local" });
  await ensureTable(client, tableName);
  configureData({ endpoint: dynamo.endpoint, region: "local", tableName });
  const app = createApp({ db: { client, tableName }, logger: new Logger({ serviceName: "bench", logLevel: "SILENT" }), presets: getPreset, clientIp: () => "192.0.2.1" });
  const json = { "content-type": "application/json" };
  const slug = `bench${randomUUID().slice(0, 6)}`;
  const signup = await app.request("/v1/signup", { method: "POST", headers: json, body: JSON.stringify({ slug, name: "基准测试县", presetId: profile.id, admin: { username: "admin", displayName: "管理员", phone: "13800000000", password: "Bench-mark-2026" } }) });
  if (signup.status !== 201) throw new Error(`signup ${signup.status}: ${await signup.text()}`);
  const { tenantId, rootNodeId } = (await signup.json()) as { tenantId: string; rootNodeId: string };
  // Direct table writes act as a job of the tenant: data access takes the tenant from the context.
  const asTenant = <T>(fn: () => T): T => withActor({ type: "system", tenantId, job: "bench" }, fn);
  const login = await app.request("/v1/auth/login", { method: "POST", headers: json, body: JSON.stringify({ tenant: tenantId, username: "admin", password: "Bench-mark-2026" }) });
  const { accessToken } = (await login.json()) as { accessToken: string };

  // The tree, straight into the table.
  const levels = profile.levels.map((l) => l.id);
  const nodes = asTenant(() => tenantDb().service.entities.node);
  const grids: { nodeId: string; path: string; name: string }[] = [];
  const add = async (parent: { nodeId: string; path: string }, level: string, name: string) => {
    const nodeId = randomUUID();
    const node = { nodeId, path: `${parent.path}/${nodeId}` };
    await asTenant(() => nodes.create({ tenantId, nodeId, parentId: parent.nodeId, path: node.path, level, name }).go());
    return node;
  };
  const root = { nodeId: rootNodeId, path: `/${rootNodeId}` };
  for (let t = 0; t < 10; t++) {
    const town = await add(root, levels[1]!, `镇${t}`);
    for (let v = 0; v < 5; v++) {
      const village = await add(town, levels[2] ?? levels[1]!, `村${v}`);
      if (!levels[3]) grids.push({ ...village, name: `镇${t}/村${v}` });
      else for (let g = 0; g < 4; g++) grids.push({ ...(await add(village, levels[3], `网格${g}`)), name: `镇${t}/村${v}/网格${g}` });
    }
  }
  const kinds = profile.venues.kinds.filter((k) => k.category);

  // 1. Import through the API.
  const lines = ["外部编号,场所名称,地址,所在网格,场所类型,负责人,联系电话"];
  for (let i = 0; i < IMPORT; i++) lines.push(`B-${i},场所${i},人民路${i}号,${grids[i % grids.length]!.name},${kinds[i % kinds.length]!.name.zh},负责人${i},139${String(i).padStart(8, "0")}`);
  const csv = new TextEncoder().encode(lines.join("\n"));
  let started = performance.now();
  const imported = await app.request("/v1/import/venues", { method: "POST", headers: { authorization: `Bearer ${accessToken}`, "content-type": "text/csv" }, body: new Blob([csv]) });
  const importMs = performance.now() - started;
  if (imported.status !== 200) throw new Error(`import ${imported.status}: ${(await imported.text()).slice(0, 500)}`);
  const report = (await imported.json()) as Venues.VenueImportReport;
  console.log(`import   ${IMPORT} venues (CSV ${(csv.byteLength / 1024).toFixed(0)} KB): ${seconds(importMs)}  (${Math.round(IMPORT / (importMs / 1000))} venues/s; created ${report.created})`);
  started = performance.now();
  const again = await app.request("/v1/import/venues", { method: "POST", headers: { authorization: `Bearer ${accessToken}`, "content-type": "text/csv" }, body: new Blob([csv]) });
  const againReport = (await again.json()) as Venues.VenueImportReport;
  console.log(`re-import same file: ${seconds(performance.now() - started)}  (unchanged ${againReport.unchanged}, created ${againReport.created}, updated ${againReport.updated})`);

  // The other venues, straight into the table (25 per BatchWriteItem).
  const venues = asTenant(() => tenantDb().service.entities.venue);
  const now = new Date(Date.now() + 60_000);
  started = performance.now();
  const batch: Parameters<typeof venues.put>[0] = [];
  for (let i = IMPORT; i < VENUES; i++) {
    const grid = grids[i % grids.length]!;
    const c = Venues.classify(profile, { kinds: [kinds[i % kinds.length]!.id], flags: [] });
    batch.push({ tenantId, venueId: randomUUID(), name: `场所${i}`, nodeId: grid.nodeId, path: grid.path, kinds: [kinds[i % kinds.length]!.id], flags: [], features: [], supervisor: c.supervisor, categories: c.categories, profileVersion: 1, status: "active", version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() });
    if (batch.length === 2500 || i === VENUES - 1) {
      await asTenant(() => venues.put(batch.splice(0)).go({ concurrency: 4 }));
    }
  }
  if (VENUES > IMPORT) console.log(`seeded   ${VENUES - IMPORT} more venues directly: ${seconds(performance.now() - started)}`);

  // 2. The schedule job, counting DynamoDB requests.
  let requests = 0;
  // Requests and their summed time by command (the time overlaps: requests run side by side).
  let byCommand = new Map<string, { n: number; ms: number }>();
  // The first run's first transactions, kept as sent, for the floor (3.).
  const FLOOR_TRANSACTIONS = 200;
  const sentTransactions: TransactWriteItemsCommandInput[] = [];
  let writtenItems = 0;
  let recordWrites = false;
  // At the build step the input is as sent: marshalled, whichever client made it.
  asTenant(() => tenantDb()).client.middlewareStack.add((next, context) => async (args) => {
    if ((context as { commandName?: string }).commandName === "TransactWriteItemsCommand" && recordWrites) {
      const input = args.input as TransactWriteItemsCommandInput;
      writtenItems += input.TransactItems?.length ?? 0;
      if (sentTransactions.length < FLOOR_TRANSACTIONS) sentTransactions.push(structuredClone(input));
    }
    return next(args);
  }, { step: "build", name: "benchTransactionRecorder" });
  const perCommand = () => [...byCommand].map(([c, { n, ms }]) => `${c.replace(/Command$/, "")} ${n} (${seconds(ms)} summed)`).join(", ");
  asTenant(() => tenantDb()).client.middlewareStack.add((next, context) => async (args) => {
    requests += 1;
    const command = (context as { commandName?: string }).commandName ?? "?";
    const t0 = performance.now();
    try {
      return await next(args);
    } finally {
      const c = byCommand.get(command) ?? { n: 0, ms: 0 };
      c.n += 1;
      c.ms += performance.now() - t0;
      byCommand.set(command, c);
    }
  }, { step: "initialize", name: "benchRequestCounter" });
  recordWrites = true;
  started = performance.now();
  const first = await Inspections.scheduleTenant(tenantId, TZ, now);
  recordWrites = false;
  const firstMs = performance.now() - started;
  console.log(`schedule ${first.venues} venues: ${seconds(firstMs)}, ${requests} DynamoDB requests (${first.created} tasks in ${first.transactions} transactions)`);
  console.log(`  by command: ${perCommand()}`);
  requests = 0;
  byCommand = new Map();
  started = performance.now();
  const second = await Inspections.scheduleTenant(tenantId, TZ, new Date(now.getTime() + 1000));
  console.log(`schedule again (idempotent): ${seconds(performance.now() - started)}, ${requests} DynamoDB requests (created ${second.created}, existing ${second.existing})`);
  console.log(`  by command: ${perCommand()}`);

  // 3. The floor: the same transactions, bare.
  const floor = await replayUnderFreshKeys(client, sentTransactions, FLOOR_CONCURRENCY);
  const perSecond = floor.items / (floor.ms / 1000);
  console.log(
    `floor: DynamoDB Local applies ${Math.round(perSecond)} items/s of these transactions sent bare (${floor.items} items in ${sentTransactions.length} transactions, ${FLOOR_CONCURRENCY} at once: ${seconds(floor.ms)}); ` +
      `the first run's ${writtenItems} items take ≥ ${seconds((writtenItems / perSecond) * 1000)} at that rate; the job took ${seconds(firstMs)} (${(firstMs / ((writtenItems / perSecond) * 1000)).toFixed(2)}× the floor)`,
  );
} finally {
  await dynamo.stop();
}
