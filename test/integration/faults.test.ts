import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { configureData, createDynamoClient, tenantDb, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { FAULT_MODES, startFaultProxy, type FaultMode, type FaultProxy } from "../support/fault-proxy.ts";
import { emptyCounts, entityOf, runWorkload, tenantItems, type EdgeCounts, type Workload } from "../support/fault-run.ts";

// Honest failures under DynamoDB faults (issue 15.4). A proxy in front of
// DynamoDB Local throttles, answers 500, resets connections, or applies a
// write and loses its answer, for 30% of requests (seeded). The real app runs
// a representative workload through it with a client that retries 503s with
// the same Idempotency-Key, as the web does. Whatever the fault: no 500, no
// false 409, no duplicate, everything created readable, counters equal to the
// hazards really written. FAULT_RATE and FAULT_ROUNDS lengthen the run
// (npm run test:faults).

const RATE = Number(process.env.FAULT_RATE ?? 0.3);
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 1);
const SEED = Number(process.env.FAULT_SEED ?? 20260415);

const db = testDb();
const app = testApp(db);
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(db.endpoint);
});
afterAll(async () => {
  configureData({ endpoint: db.endpoint, region: "local", tableName: db.tableName });
  await proxy?.close();
});

const report: Record<string, unknown>[] = [];
afterAll(() => {
  console.log(`faults at rate ${RATE}, ${ROUNDS} round(s), seed ${SEED}`);
  console.table(report);
});

describe.each(FAULT_MODES)("DynamoDB faults: %s", (mode: FaultMode) => {
  const counts: EdgeCounts = emptyCounts();
  const runs: Workload[] = [];
  const direct = createDynamoClient({ endpoint: db.endpoint, region: "local" });

  beforeAll(async () => {
    proxy.setMode(mode, { rate: RATE, seed: SEED });
    // A fresh client per mode (its own retry quota), pointed at the proxy.
    configureData({ endpoint: proxy.endpoint, region: "local", tableName: db.tableName });
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) runs.push(await runWorkload(app, counts));
    const stats = proxy.stats();
    report.push({ mode, dynamoRequests: stats.requests, injected: stats.faults, httpRequests: counts.requests, http503: counts.status503, clientRetries: counts.retries, http500: counts.status500.length, false409: counts.false409.length, ms: Date.now() - started });
    proxy.setMode("none");
  }, 120_000);

  it("answers no 500 and no false 409; every 503 says when to retry", () => {
    if (mode === "outage") expect(counts.status503).toBeGreaterThan(0);
    expect(counts.status500).toEqual([]);
    expect(counts.false409).toEqual([]);
    expect(counts.unexpected).toEqual([]);
    expect(counts.missingRetryAfter).toBe(0);
  });

  it("writes every record once, and every one is readable", async () => {
    for (const run of runs) {
      const items = await tenantItems(direct, db.tableName, run.tenantId);
      const count = (entity: string) => items.filter((i) => entityOf(i) === entity && (entity !== "hazard" || i.sk?.S === "HAZARD")).length;
      expect({ nodes: count("node"), users: count("user"), venues: count("venue"), hazards: count("hazard") }).toEqual({
        nodes: run.nodes.length,
        users: run.users.length,
        venues: run.venues.length,
        hazards: run.hazards.length,
      });
    }
  });

  it("keeps the counters equal to the hazards written", async () => {
    const api = (await import("../support/fault-run.ts")).retryingClient(app, emptyCounts());
    for (const run of runs) {
      const login = await api.call("POST", "/v1/auth/login", { tenant: run.tenantId, username: "admin", password: "Fire-safe-2026" });
      api.signIn(login.body.accessToken);
      const counters = (await api.call("GET", `/v1/hazards/counters?path=${encodeURIComponent(run.rootPath)}`)).body;
      const bySeverity: Record<string, number> = {};
      const byState: Record<string, number> = {};
      for (const h of run.hazards) {
        bySeverity[h.severity] = (bySeverity[h.severity] ?? 0) + 1;
        byState[h.state] = (byState[h.state] ?? 0) + 1;
      }
      expect(counters.open).toMatchObject({ total: run.hazards.length, bySeverity, byState });
    }
  });
});

describe("a conditional put whose answer is lost", () => {
  it("is recognised as its own on the SDK's retry, not refused by its own item", async () => {
    configureData({ endpoint: proxy.endpoint, region: "local", tableName: db.tableName });
    const tenantId = `f${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    const nodeId = randomUUID();
    proxy.setMode("drop", { rate: 1, limit: 1 });
    const put = await withActor({ type: "system", tenantId, job: "fault-test" }, () =>
      tenantDb().service.entities.node.create({ tenantId, nodeId, path: `/${nodeId}`, level: "county", name: "丢失应答" }).go(),
    );
    expect(proxy.stats()).toMatchObject({ faults: 1, requests: 2 });
    expect(put.data.nodeId).toBe(nodeId);
    // A second create of the same node (another request) is still refused.
    proxy.setMode("none");
    await expect(
      withActor({ type: "system", tenantId, job: "fault-test" }, () => tenantDb().service.entities.node.create({ tenantId, nodeId, path: `/${nodeId}`, level: "county", name: "丢失应答" }).go()),
    ).rejects.toThrow(/conditional/i);
  });
});
