/**
 * Dashboard benchmark (not a test; issue 17 Build 2): the time of one
 * dashboard read (`GET /v1/dashboard`, the county root) for a small county and
 * a large one, p50/p99 over N calls each, and their ratio (target: the large
 * county's p50 within 1.2× of the small one's).
 *
 *   npm run bench:dashboard -- [--venues 100000] [--hazards 1000000] [--small-venues 100] [--small-hazards 1000] [--calls 200] [--disk]
 *
 * `--disk` keeps DynamoDB Local's data in a temporary directory instead of
 * the JVM's memory (about 2.3× slower to seed); `--heap 10g` gives the JVM a
 * larger heap instead: with its default one, DynamoDB Local stopped answering
 * after about 100k venues and 150k hazards in memory.
 *
 * It starts its own DynamoDB Local (in memory), signs two counties up (the
 * first built-in profile whose categories set coverage periods; a tree of
 * 10 towns × 5 villages × 4 grids each) and seeds them STRAIGHT INTO THE
 * TABLE, not through the API (a million reports through the API would take
 * hours): BatchWriteItem at bounded concurrency of
 *   - venue items (as the ledger import writes them, classified by the profile),
 *   - hazard items: each a hazard document made by the rules' own `discover`
 *     and then given a state, dates and flags (70% closed 0–400 days after
 *     being reported over the past 24 months, the rest open in a random state,
 *     some overdue, some listed),
 *   - the hazard counter items, summed per node and metric with the SAME
 *     `Hazards.counterDeltas` the write path applies in each hazard's
 *     transaction (so the counters are exactly what those writes would leave),
 *   - coverage counter items of the current period per node and category
 *     (every venue due in its categories, about 60% inspected), summed the
 *     way the inspection transactions add them,
 * and the towns' compliance summaries by the roll-up itself (`refreshRollup`).
 * List rows and events, which the dashboard never reads, are not written.
 * What was seeded is printed; with smaller flags the figures say so.
 * It also counts the DynamoDB requests one dashboard read sends.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { Compliance, configureData, createDynamoClient, ensureTable, Hazards, Inspections, tenantDb, Venues, withActor } from "@firegov/core";
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
const LARGE = { venues: arg("venues", 100_000), hazards: arg("hazards", 1_000_000) };
const SMALL = { venues: arg("small-venues", 100), hazards: arg("small-hazards", 1_000) };
const CALLS = arg("calls", 200);
const TZ = "Asia/Shanghai";
const DAY = 86_400_000;
const BATCH = 2_500;
const CONCURRENCY = 8;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.JWT_SEED ??= "bench-only-signing-seed";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const profile = Object.values(presets).find((p) => p.inspectionCategories.filter((c) => c.coveragePeriod).length >= 2 && p.hazards.codes.length > 0);
if (!profile) throw new Error("no built-in profile sets coverage periods and hazard codes");

/** A small deterministic generator (mulberry32), so two runs seed the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dataDir = process.argv.includes("--disk") ? mkdtempSync(join(tmpdir(), "firegov-bench-")) : undefined;
// Over 200k hazards in memory the JVM's default heap is not enough: 10g unless told otherwise (or --disk).
const heap = process.argv.indexOf("--heap") > 0 ? process.argv[process.argv.indexOf("--heap") + 1] : !dataDir && LARGE.hazards > 200_000 ? "10g" : undefined;
if (heap !== undefined && !/^\d+[mg]$/.test(heap)) throw new Error("--heap takes a JVM size such as 10g");
// With a heap asked for, the JVM keeps its default (optimising) compiler and gets only -Xmx.
if (heap) process.env.JAVA_TOOL_OPTIONS = `-Xmx${heap}`;
const dynamo = await startDynamoLocal({ port: await freePort(), ...(heap ? {} : { tuning: "throughput" as const }), ...(dataDir ? { dataDir } : {}) });
try {
  const tableName = "firegov-bench";
  const client = createDynamoClient({ endpoint: dynamo.endpoint, region: "local" });
  await ensureTable(client, tableName);
  configureData({ endpoint: dynamo.endpoint, region: "local", tableName });
  const app = createApp({ db: { client, tableName }, logger: new Logger({ serviceName: "bench", logLevel: "SILENT" }), presets: getPreset, clientIp: () => "192.0.2.1" });
  const json = { "content-type": "application/json" };

  let requests = 0;
  let counting = false;
  const now = new Date();

  async function county(label: string, size: { venues: number; hazards: number }) {
    const slug = `bench${randomUUID().slice(0, 6)}`;
    const signup = await app.request("/v1/signup", { method: "POST", headers: json, body: JSON.stringify({ slug, name: `${label}县`, presetId: profile!.id, admin: { username: "admin", displayName: "管理员", phone: "13800000000", password: "Bench-mark-2026" } }) });
    if (signup.status !== 201) throw new Error(`signup ${signup.status}: ${await signup.text()}`);
    const { tenantId, rootNodeId } = (await signup.json()) as { tenantId: string; rootNodeId: string };
    const asTenant = <T>(fn: () => T): T => withActor({ type: "system", tenantId, job: "bench" }, fn);
    const login = await app.request("/v1/auth/login", { method: "POST", headers: json, body: JSON.stringify({ tenant: tenantId, username: "admin", password: "Bench-mark-2026" }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const entities = asTenant(() => tenantDb().service.entities);
    if (!counting) {
      asTenant(() => tenantDb()).client.middlewareStack.add((next) => async (args) => {
        if (counting) requests += 1;
        return next(args);
      }, { step: "initialize", name: "benchRequestCounter" });
      counting = true;
    }
    const started = performance.now();

    // The tree.
    const levels = profile!.levels.map((l) => l.id);
    const root = { nodeId: rootNodeId, path: `/${rootNodeId}` };
    const allNodes = [root];
    const leaves: { nodeId: string; path: string }[] = [];
    const add = async (parent: { nodeId: string; path: string }, level: string, name: string) => {
      const nodeId = randomUUID();
      const node = { nodeId, path: `${parent.path}/${nodeId}` };
      await asTenant(() => entities.node.create({ tenantId, nodeId, parentId: parent.nodeId, path: node.path, level, name }).go());
      allNodes.push(node);
      return node;
    };
    for (let t = 0; t < 10; t++) {
      const town = await add(root, levels[1]!, `镇${t}`);
      for (let v = 0; v < 5; v++) {
        const village = await add(town, levels[2] ?? levels[1]!, `村${v}`);
        if (!levels[3]) leaves.push(village);
        else for (let g = 0; g < 4; g++) leaves.push(await add(village, levels[3], `网格${g}`));
      }
    }
    const pathOf = new Map(allNodes.map((n) => [n.nodeId, n.path]));

    // Venues, and the coverage their current period would show.
    const rand = random(size.venues * 7 + size.hazards);
    const kinds = profile!.venues.kinds.filter((k) => k.category);
    const periodOf = new Map(profile!.inspectionCategories.flatMap((c) => (c.coveragePeriod ? [[c.id, Inspections.periodOf(c.coveragePeriod, now, TZ).key] as const] : [])));
    const coverage = new Map<string, { nodeId: string; category: string; due: number; inspected: number }>();
    let batch: Record<string, unknown>[] = [];
    const flush = async (write: (items: Record<string, unknown>[]) => Promise<unknown>, force = false) => {
      if (batch.length >= BATCH || (force && batch.length)) await write(batch.splice(0));
    };
    const putVenues = (items: Record<string, unknown>[]) => asTenant(() => entities.venue.put(items as Parameters<typeof entities.venue.put>[0]).go({ concurrency: CONCURRENCY }));
    for (let i = 0; i < size.venues; i++) {
      const leaf = leaves[i % leaves.length]!;
      const kind = kinds[i % kinds.length]!.id;
      const c = Venues.classify(profile!, { kinds: [kind], flags: [] });
      batch.push({ tenantId, venueId: randomUUID(), name: `场所${i}`, nodeId: leaf.nodeId, path: leaf.path, kinds: [kind], flags: [], features: [], supervisor: c.supervisor, categories: c.categories, profileVersion: 1, status: "active", version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() });
      const inspected = rand() < 0.6 ? 1 : 0;
      for (const category of c.categories) {
        if (!periodOf.has(category)) continue;
        for (const nodeId of leaf.path.split("/").slice(1)) {
          const key = `${nodeId}#${category}`;
          const row = coverage.get(key) ?? { nodeId, category, due: 0, inspected: 0 };
          row.due += 1;
          row.inspected += inspected;
          coverage.set(key, row);
        }
      }
      await flush(putVenues);
    }
    await flush(putVenues, true);
    batch = [...coverage.values()].map((r) => {
      const period = periodOf.get(r.category)!;
      return { tenantId, nodeId: r.nodeId, category: r.category, period, path: pathOf.get(r.nodeId)!, slice: `${r.category}#${period}`, due: r.due, inspected: r.inspected };
    });
    await asTenant(() => entities.coverage.put(batch as Parameters<typeof entities.coverage.put>[0]).go({ concurrency: CONCURRENCY }));
    batch = [];

    // Hazards: documents from the rules' own discover, then a state, dates and flags; counters summed by counterDeltas.
    const template = (at: { nodeId: string; path: string }) =>
      Hazards.discover(
        { profile: profile!, profileVersion: 1, timeZone: TZ, now, actor: { type: "user", userId: "bench", role: "grid_worker", scopePath: at.path } },
        { hazardId: "template", place: at, code: profile!.hazards.codes[0]!.id, severity: "general", description: "基准测试隐患", photos: [], source: "inspection", reporter: { type: "user", id: "bench" }, priorOccurrences: [] },
      ).hazard;
    const base = template(leaves[0]!);
    const openStates = ["registered", "dispatched", "rectifying", "verifying"] as const;
    const counters = new Map<string, number>();
    const putHazards = (items: Record<string, unknown>[]) => asTenant(() => entities.hazard.put(items as Parameters<typeof entities.hazard.put>[0]).go({ concurrency: CONCURRENCY }));
    for (let i = 0; i < size.hazards; i++) {
      const leaf = leaves[i % leaves.length]!;
      const createdAt = now.getTime() - Math.floor(rand() * 730 * DAY) - 60_000;
      const closes = rand() < 0.7;
      const ttc = Math.floor(rand() * rand() * 400 * DAY);
      const closedAt = closes && createdAt + ttc < now.getTime() ? createdAt + ttc : undefined;
      const deadline = new Date(createdAt + 15 * DAY).toISOString();
      const overdue = closedAt === undefined && Date.parse(deadline) < now.getTime() && rand() < 0.3;
      const listed = closedAt === undefined && rand() < 0.05;
      const h: Hazards.Hazard = {
        ...base,
        hazardId: randomUUID(),
        nodeId: leaf.nodeId,
        path: leaf.path,
        severity: rand() < 0.1 ? "major" : "general",
        state: closedAt !== undefined ? "closed" : openStates[Math.floor(rand() * openStates.length)]!,
        deadline,
        overdue,
        listings: listed ? [{ levelId: "town", level: levels[1]!, listedBy: "bench", nodeId: leaf.path.split("/")[2]!, trigger: "bench", at: new Date(createdAt).toISOString(), by: "bench" }] : [],
        createdAt: new Date(createdAt).toISOString(),
        openedAt: new Date(createdAt).toISOString(),
        updatedAt: new Date(closedAt ?? createdAt).toISOString(),
        ...(closedAt !== undefined ? { closedAt: new Date(closedAt).toISOString() } : {}),
        version: 1,
      };
      for (const d of Hazards.counterDeltas(undefined, h, TZ)) {
        const key = `${d.nodeId}\u0000${d.metric}`;
        counters.set(key, (counters.get(key) ?? 0) + d.delta);
      }
      // As the write path stores it: a plain JSON document (no undefined members).
      batch.push({ tenantId, hazardId: h.hazardId, version: h.version, doc: JSON.parse(JSON.stringify(h)) });
      await flush(putHazards);
      if ((i + 1) % 100_000 === 0) console.log(`  ${label}: ${i + 1} hazards written (${seconds(performance.now() - started)})`);
    }
    await flush(putHazards, true);
    const counterItems = [...counters].map(([key, value]) => {
      const [nodeId, metric] = key.split("\u0000") as [string, string];
      return { tenantId, nodeId, metric, value };
    });
    await asTenant(() => entities.hazardCounter.put(counterItems as Parameters<typeof entities.hazardCounter.put>[0]).go({ concurrency: CONCURRENCY }));
    await asTenant(() => Compliance.refreshRollup({}));
    const rootCounters = counterItems.filter((c) => c.nodeId === rootNodeId).length;
    console.log(`${label}: seeded ${size.venues} venues, ${size.hazards} hazards, ${counterItems.length} hazard counter items (${rootCounters} at the root), ${coverage.size} coverage items, ${allNodes.length} nodes, in ${seconds(performance.now() - started)}`);
    return { accessToken };
  }

  const dashboardCall = (accessToken: string) => async () => {
    const res = await app.request("/v1/dashboard", { headers: { authorization: `Bearer ${accessToken}` } });
    if (res.status !== 200) throw new Error(`dashboard ${res.status}: ${await res.text()}`);
    return (await res.json()) as { hazards: { open: { total: number }; timeToClose: { closes: number } } };
  };

  const small = await county("small", SMALL);
  const large = await county("large", LARGE);
  const calls = { small: dashboardCall(small.accessToken), large: dashboardCall(large.accessToken) };
  for (const [label, call] of Object.entries(calls)) {
    for (let i = 0; i < 20; i++) await call(); // warm: token, session, profile, time zone
    requests = 0;
    const figures = await call();
    console.log(`${label}: ${requests} DynamoDB requests per dashboard read; it shows ${figures.hazards.open.total} open, ${figures.hazards.timeToClose.closes} closes in 12 months`);
  }
  // The two counties' reads interleaved (the order swapped each round), so that the machine's other load falls on both alike.
  const ms = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < CALLS; i++) {
    for (const label of i % 2 ? (["large", "small"] as const) : (["small", "large"] as const)) {
      const t = performance.now();
      await calls[label]();
      ms[label].push(performance.now() - t);
    }
  }
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const s = stats(ms.small);
  const l = stats(ms.large);
  console.log(`small (${SMALL.venues} venues / ${SMALL.hazards} hazards): dashboard p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms over ${CALLS} calls`);
  console.log(`large (${LARGE.venues} venues / ${LARGE.hazards} hazards): dashboard p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms over ${CALLS} calls`);
  console.log(`ratio large/small p50: ${(l.p50 / s.p50).toFixed(2)}× (target ≤ 1.2×); p99: ${(l.p99 / s.p99).toFixed(2)}×`);
} finally {
  await dynamo.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
