import { describe, expect, it } from "vitest";
import { forEveryTenant } from "@firegov/core/tenancy/registry";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { signUp } from "../support/tenants.ts";

const app = testApp(testDb());

describe("jobs across tenants", () => {
  it("run for every signed-up county, and one county's failure does not stop the others (it is reported at the end)", async () => {
    const a = await signUp(app);
    const b = await signUp(app);
    const seen: string[] = [];
    const run = forEveryTenant({ done: 0 }, async (t) => {
      seen.push(t.tenantId);
      if (t.tenantId === a.tenantId) throw new Error("boom");
      return { done: 1 };
    });
    await expect(run).rejects.toThrow(`${a.tenantId}: boom`);
    expect(seen).toEqual(expect.arrayContaining([a.tenantId, b.tenantId]));
    const ok = await forEveryTenant({ done: 0 }, async () => ({ done: 1 }));
    expect(ok.done).toBe(ok.tenants);
    expect(ok.tenants).toBeGreaterThanOrEqual(2);
  });
});
