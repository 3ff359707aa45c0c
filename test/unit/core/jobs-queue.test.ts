import { describe, expect, it } from "vitest";
import type { SQSClient } from "@aws-sdk/client-sqs";
import type { Job, JobTenant } from "@firegov/core";
import { boundedPool, dispatchJobs, JOB_QUEUE, localJobQueue, retryDelaySeconds, sqsJobQueue, workOn, type JobMessage, type JobQueue } from "@firegov/core/jobs/index";

const quiet = { info: () => {}, error: () => {} };
const now = new Date("2026-11-23T18:00:00Z");

async function* tenants(n: number): AsyncGenerator<JobTenant> {
  for (let i = 0; i < n; i++) yield { tenantId: `t${i}`, timeZone: "Asia/Shanghai" };
}

const recording = () => {
  const sent: JobMessage[][] = [];
  const delays: [string, number][] = [];
  const queue: JobQueue = { send: async (m) => void sent.push([...m]), retryAfter: async (m, s) => void delays.push([m.id, s]) };
  return { queue, sent, delays };
};

describe("job dispatch", () => {
  it("sends one message per (job of the cadence, tenant), ten to a batch, all with the dispatch's now", async () => {
    const jobs: Job[] = [
      { name: "sweep", cadence: "hourly", forTenant: async () => ({}) },
      { name: "schedule", cadence: "daily", forTenant: async () => ({}) },
    ];
    const { queue, sent } = recording();
    expect(await dispatchJobs(jobs, { cadence: "daily", now, tenants: tenants(23), queue })).toEqual({ tenants: 23, messages: 23 });
    expect(sent.map((b) => b.length)).toEqual([10, 10, 3]);
    expect(new Set(sent.flat().map((m) => m.job))).toEqual(new Set(["schedule"]));
    expect(sent.flat().map((m) => m.tenantId).sort()).toEqual([...Array(23).keys()].map((i) => `t${i}`).sort());
    expect(sent.flat().every((m) => m.now === now.toISOString())).toBe(true);
  });
});

describe("job worker", () => {
  const jobs: Job[] = [{ name: "count", cadence: "daily", forTenant: async (t, at) => { if (t.tenantId === "bad") throw new Error("boom"); return { done: 1, at: at.getTime() }; } }];
  const body = (tenantId: string) => JSON.stringify({ job: "count", tenantId, timeZone: "Asia/Shanghai", now: now.toISOString() });

  it("runs each message for its tenant at the message's now; a failure is that message's alone, retried after a backoff", async () => {
    const { queue, delays } = recording();
    const results = await workOn(jobs, [{ id: "a", body: body("good"), receiveCount: 1 }, { id: "b", body: body("bad"), receiveCount: 1 }], { queue, log: quiet });
    expect(results.map((r) => [r.id, r.ok])).toEqual([["a", true], ["b", false]]);
    expect(results[0]!.stats).toEqual({ done: 1, at: now.getTime() });
    expect(delays).toEqual([["b", retryDelaySeconds(1)]]);
  });

  it("does not delay a message on its last delivery (SQS dead-letters it) and refuses an unknown job", async () => {
    const { queue, delays } = recording();
    const last = await workOn(jobs, [{ id: "b", body: body("bad"), receiveCount: JOB_QUEUE.maxReceiveCount }], { queue, log: quiet });
    expect(last[0]!.ok).toBe(false);
    expect(delays).toEqual([]);
    const unknown = await workOn(jobs, [{ id: "c", body: JSON.stringify({ job: "nope", tenantId: "x", timeZone: "UTC", now: now.toISOString() }), receiveCount: 1 }], { queue, log: quiet });
    expect(unknown[0]!.error).toBe("no job named nope");
  });

  it("backs off longer on each failed delivery, within the visibility timeout", () => {
    expect([1, 2].map(retryDelaySeconds)).toEqual([60, 240]);
    expect(retryDelaySeconds(JOB_QUEUE.maxReceiveCount - 1)).toBeLessThan(JOB_QUEUE.visibilityTimeoutSeconds);
    expect(JOB_QUEUE.workerTimeoutSeconds * 6).toBeLessThanOrEqual(JOB_QUEUE.visibilityTimeoutSeconds);
  });
});

describe("the in-process queue", () => {
  it("retries a failing message up to the receive count, then dead-letters it; a flaky one succeeds on retry", async () => {
    const tries = new Map<string, number>();
    const jobs: Job[] = [{
      name: "j",
      cadence: "hourly",
      forTenant: async (t) => {
        tries.set(t.tenantId, (tries.get(t.tenantId) ?? 0) + 1);
        if (t.tenantId === "t3") throw new Error("always");
        if (t.tenantId === "t5" && tries.get("t5") === 1) throw new Error("once");
        return { n: 2 };
      },
    }];
    const { queue, drain } = localJobQueue(jobs, { log: quiet });
    await dispatchJobs(jobs, { cadence: "hourly", now, tenants: tenants(12), queue });
    const report = await drain();
    expect(report.jobs).toEqual({ j: { tenants: 11, n: 22 } });
    expect(report.deadLetters).toEqual([{ message: expect.objectContaining({ tenantId: "t3" }), error: "always" }]);
    expect(tries.get("t3")).toBe(JOB_QUEUE.maxReceiveCount);
    expect(tries.get("t5")).toBe(2);
    expect(tries.get("t0")).toBe(1);
  });
});

describe("the SQS queue", () => {
  it("sends with SendMessageBatch, resends only the entries SQS failed, and spaces retries with ChangeMessageVisibility", async () => {
    const calls: { name: string; input: any }[] = [];
    let failOnce = true;
    const client = {
      send: async (command: { constructor: { name: string }; input: any }) => {
        calls.push({ name: command.constructor.name, input: command.input });
        if (command.constructor.name === "SendMessageBatchCommand" && failOnce) {
          failOnce = false;
          return { Failed: [{ Id: "1", Code: "Throttled", SenderFault: false }] };
        }
        return {};
      },
    } as unknown as SQSClient;
    const queue = sqsJobQueue("https://sqs.example/q", client);
    const m = (i: number): JobMessage => ({ job: "j", tenantId: `t${i}`, timeZone: "UTC", now: now.toISOString() });
    await queue.send([m(0), m(1), m(2)]);
    expect(calls.map((c) => [c.name, c.input.Entries.map((e: any) => JSON.parse(e.MessageBody).tenantId)])).toEqual([
      ["SendMessageBatchCommand", ["t0", "t1", "t2"]],
      ["SendMessageBatchCommand", ["t1"]],
    ]);
    await queue.retryAfter({ id: "x", body: "{}", receiveCount: 1, receipt: "r-1" }, 60);
    expect(calls.at(-1)).toEqual({ name: "ChangeMessageVisibilityCommand", input: { QueueUrl: "https://sqs.example/q", ReceiptHandle: "r-1", VisibilityTimeout: 60 } });
  });
});

describe("the bounded pool", () => {
  const tick = () => new Promise((r) => setTimeout(r, 1));

  it("runs at most `limit` tasks at once, and all of them", async () => {
    const pool = boundedPool(3);
    let running = 0;
    let most = 0;
    let done = 0;
    for (let i = 0; i < 20; i++) {
      await pool.add(async () => {
        most = Math.max(most, ++running);
        await tick();
        running -= 1;
        done += 1;
      });
    }
    await pool.settle();
    expect([most, done]).toEqual([3, 20]);
  });

  it("starts nothing after a failure and throws it once the running tasks settle", async () => {
    const pool = boundedPool(2);
    let started = 0;
    let finished = 0;
    const attempt = async () => {
      for (let i = 0; i < 10; i++) {
        await pool.add(async () => {
          started += 1;
          await tick();
          if (i === 1) throw new Error("write failed");
          finished += 1;
        });
      }
    };
    await expect(attempt()).rejects.toThrow("write failed");
    expect(started).toBeLessThan(10);
    expect(finished).toBe(started - 1);
  });
});
