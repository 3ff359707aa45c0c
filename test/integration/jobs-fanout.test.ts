import { describe, expect, it } from "vitest";
import { Tenancy, tenantDb, withActor, type Job } from "@firegov/core";
import { dispatchJobs, JOB_QUEUE, localJobQueue } from "@firegov/core/jobs/index";
import { testDb } from "../support/db.ts";
import { newSlug } from "../support/tenants.ts";

testDb();
const quiet = { info: () => {}, error: () => {} };

describe("jobs fanned out per tenant through the queue", () => {
  it("over 50 tenants with one failing: 49 complete, the failing one is retried to the receive count and dead-lettered", async () => {
    // 50 counties in the registry, each entry in its own partition as signup writes it.
    const ours = Array.from({ length: 50 }, () => newSlug("fan"));
    const registeredAt = new Date().toISOString();
    await Promise.all(ours.map((tenantId) => withActor({ type: "system", tenantId, job: "test" }, () => tenantDb().service.entities.tenantRegistry.create({ tenantId, timeZone: "Asia/Shanghai", registeredAt }).go())));
    const failing = ours[17]!;
    const mine = new Set(ours);
    const attempts = new Map<string, number>();

    // The per-tenant step reads the tenant's own registry entry, as that tenant: the message carried the right tenant.
    const job: Job = {
      name: "fanout-probe",
      cadence: "daily",
      forTenant: async (t) => {
        if (!mine.has(t.tenantId)) return { ours: 0, found: 0 }; // other test files' tenants share the registry
        attempts.set(t.tenantId, (attempts.get(t.tenantId) ?? 0) + 1);
        if (t.tenantId === failing) throw new Error(`probe fails for ${t.tenantId}`);
        const { data } = await withActor({ type: "system", tenantId: t.tenantId, job: "fanout-probe" }, () => tenantDb().service.entities.tenantRegistry.get({ tenantId: t.tenantId }).go());
        return { ours: 1, found: data?.timeZone === t.timeZone ? 1 : 0 };
      },
    };

    const { queue, drain } = localJobQueue([job], { log: quiet });
    const now = new Date();
    const sent = await dispatchJobs([job], { cadence: "daily", now, tenants: Tenancy.registeredTenants(), queue });
    expect(sent.tenants).toBeGreaterThanOrEqual(50);
    const report = await drain();

    expect(report.jobs["fanout-probe"]).toMatchObject({ ours: 49, found: 49 });
    expect(report.deadLetters).toEqual([{ message: { job: "fanout-probe", tenantId: failing, timeZone: "Asia/Shanghai", now: now.toISOString() }, error: `probe fails for ${failing}` }]);
    expect(attempts.get(failing)).toBe(JOB_QUEUE.maxReceiveCount);
    expect(ours.filter((t) => t !== failing).every((t) => attempts.get(t) === 1)).toBe(true);
  });
});
