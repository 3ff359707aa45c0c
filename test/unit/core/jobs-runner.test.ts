import { describe, expect, it } from "vitest";
import { runJobs, type Job } from "@firegov/core";

const quiet = { info: () => {}, error: () => {} };

describe("job runner", () => {
  it("runs the jobs of the cadence asked for, with the given now", async () => {
    const seen: string[] = [];
    const now = new Date("2026-11-23T18:00:00Z");
    const jobs: Job[] = [
      { name: "sweep", cadence: "hourly", run: async (i) => void seen.push(`sweep@${i.now.toISOString()}`) },
      { name: "schedule", cadence: "daily", run: async () => ({ created: 3 }) },
    ];
    const outcomes = await runJobs(jobs, { cadence: "daily", now, log: quiet });
    expect(seen).toEqual([]);
    expect(outcomes).toMatchObject([{ name: "schedule", ok: true, stats: { created: 3 } }]);
    await runJobs(jobs, { cadence: "hourly", now, log: quiet });
    expect(seen).toEqual(["sweep@2026-11-23T18:00:00.000Z"]);
  });

  it("keeps going after a job fails, and reports the failure", async () => {
    const errors: unknown[] = [];
    const jobs: Job[] = [
      { name: "broken", cadence: "hourly", run: async () => { throw new Error("boom"); } },
      { name: "fine", cadence: "hourly", run: async () => ({ done: 1 }) },
    ];
    const outcomes = await runJobs(jobs, { cadence: "hourly", now: new Date(), log: { info: () => {}, error: (_m, e) => errors.push(e) } });
    expect(outcomes.map((o) => [o.name, o.ok])).toEqual([["broken", false], ["fine", true]]);
    expect(outcomes[0]!.error).toBe("boom");
    expect(errors).toHaveLength(1);
  });
});
