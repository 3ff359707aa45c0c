import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Inspections, tenantDb, Venues, withActor } from "@firegov/core";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { county } from "./venues-fixtures.ts";

// Two schedule runs of one county at once (a queue message delivered twice):
// each task is made exactly once, the coverage counters equal the tasks that
// exist, and a third run makes nothing.

const app = testApp(testDb());
const profile = getPreset("songjiang")!;
const TZ = "Asia/Shanghai";

describe("the daily schedule job racing itself", () => {
  it("makes each task once and counts it once when two runs overlap", async () => {
    const c = await county(app);
    const asTenant = <T>(fn: () => T): T => withActor({ type: "system", tenantId: c.tenantId, job: "test" }, fn);
    // Enough venues for several transactions per run, written straight to the table (no tasks made at once).
    const kinds = profile.venues.kinds.filter((k) => k.category);
    const now = new Date();
    const venues = Array.from({ length: 240 }, (_, i) => {
      const grid = i % 2 ? c.grid2 : c.grid1;
      const kind = kinds[i % kinds.length]!.id;
      const classified = Venues.classify(profile, { kinds: [kind], flags: [] });
      return { tenantId: c.tenantId, venueId: randomUUID(), name: `场所${i}`, nodeId: grid.nodeId, path: grid.path, kinds: [kind], flags: [], features: [], supervisor: classified.supervisor, categories: classified.categories, profileVersion: 1, status: "active" as const, version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() };
    });
    await asTenant(() => tenantDb().service.entities.venue.put(venues).go({ concurrency: 4 }));

    const at = new Date(now.getTime() + 60_000);
    const expected = Inspections.dueTasks(profile, venues, at, TZ);
    expect(expected.length).toBeGreaterThan(2 * Inspections.MAX_TRANSACTION_ITEMS);

    const [a, b] = await Promise.all([Inspections.scheduleTenant(c.tenantId, TZ, at), Inspections.scheduleTenant(c.tenantId, TZ, at)]);
    // Both read what exists before either writes, so the slower one's transactions meet the other's tasks.
    expect(a.raced + b.raced).toBeGreaterThan(0);
    expect(a.created + b.created).toBe(expected.length);
    expect(a.created + a.existing).toBe(expected.length);
    expect(b.created + b.existing).toBe(expected.length);

    // Every task due exists, and no other.
    const tasks = asTenant(() => tenantDb().service.entities.inspectionTask);
    const made = new Set<string>();
    for (const key of new Set(expected.map((t) => `${t.category}|${t.period}`))) {
      const [category, period] = key.split("|") as [string, string];
      const rows = await asTenant(() => tasks.query.byPeriod({ tenantId: c.tenantId, category, period }).go({ pages: "all" }));
      for (const t of rows.data) made.add(Inspections.taskIdOf(t));
    }
    expect([...made].sort()).toEqual(expected.map(Inspections.taskIdOf).sort());

    // Each counter (every ancestor, category and period) equals the coverage tasks beneath it.
    const truth = Inspections.coverageDeltas(expected.filter((t) => t.kind === "coverage").map((t) => ({ venuePath: t.venuePath!, category: t.category, period: t.period, due: 1, inspected: 0 })));
    expect(truth.length).toBeGreaterThan(0);
    const coverage = asTenant(() => tenantDb().service.entities.coverage);
    for (const d of truth) {
      const { data } = await asTenant(() => coverage.get({ tenantId: c.tenantId, nodeId: d.nodeId, category: d.category, period: d.period }).go({ consistent: true }));
      expect({ node: d.nodeId, category: d.category, period: d.period, due: data?.due }).toEqual({ node: d.nodeId, category: d.category, period: d.period, due: d.due });
    }

    const third = await Inspections.scheduleTenant(c.tenantId, TZ, new Date(at.getTime() + 1000));
    expect(third).toMatchObject({ created: 0, existing: expected.length });
  }, 120_000);
});
