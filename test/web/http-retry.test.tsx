import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError, apiFetch, idempotent, json as getJson, post, retryDelay, retryPolicy } from "../../web/src/api/http.ts";
import { fakeApi, json, problem } from "./fake-api.tsx";

// After a 503 the web client sends reads and keyed writes again (same
// Idempotency-Key), waiting as Retry-After says; other writes it does not.

const busy = (retryAfter?: string) => {
  const res = problem(503, "server.busy", "服务繁忙，本次操作未完成，请 2 秒后重试。");
  if (retryAfter) res.headers.set("retry-after", retryAfter);
  return res;
};

/** Answers the queued responses in order, then the last one again. */
const queue = (...answers: (() => Response)[]) => {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)]!();
};

let waits: number[] = [];
const realSleep = retryPolicy.sleep;
beforeEach(() => {
  waits = [];
  retryPolicy.sleep = async (ms) => {
    waits.push(ms);
  };
});
afterEach(() => {
  retryPolicy.sleep = realSleep;
});

describe("retrying after a 503", () => {
  it("sends a GET again after Retry-After and returns the answer that came", async () => {
    const api = fakeApi({ "GET /v1/nodes": queue(() => busy("2"), () => busy("1"), () => json(200, { items: [], cursor: null })) });
    expect(await getJson("/v1/nodes", {}, { anonymous: true })).toEqual({ items: [], cursor: null });
    expect(api.calls("GET /v1/nodes")).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThanOrEqual(2500);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
  });

  it("sends a write with an Idempotency-Key again with the same key and body", async () => {
    const api = fakeApi({ "POST /v1/hazards": queue(() => busy("1"), () => json(201, { hazardId: "h1" })) });
    const res = await apiFetch("/v1/hazards", post({ code: "three_in_one" }, idempotent("key-1")), { anonymous: true });
    expect(res.status).toBe(201);
    const calls = api.calls("POST /v1/hazards");
    expect(calls.map((c) => c.headers.get("idempotency-key"))).toEqual(["key-1", "key-1"]);
    expect(calls.map((c) => c.body)).toEqual([{ code: "three_in_one" }, { code: "three_in_one" }]);
  });

  it("does not send a write without an Idempotency-Key again", async () => {
    const api = fakeApi({ "POST /v1/auth/login": () => busy("1") });
    const err = await apiFetch("/v1/auth/login", post({}), { anonymous: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(503);
    expect((err as ApiError).code).toBe("server.busy");
    expect(api.calls("POST /v1/auth/login")).toHaveLength(1);
  });

  it("gives up after a few attempts, backing off when no Retry-After is given", async () => {
    const api = fakeApi({ "GET /v1/venues": () => busy() });
    const err = await apiFetch("/v1/venues", {}, { anonymous: true }).catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(503);
    expect(api.calls("GET /v1/venues")).toHaveLength(retryPolicy.maxAttempts);
    expect(waits).toHaveLength(retryPolicy.maxAttempts - 1);
    waits.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(retryPolicy.baseDelayMs * 2 ** i));
  });

  it("caps a long Retry-After", () => {
    const res = busy("3600");
    expect(retryDelay(res, 1, () => 0)).toBe(retryPolicy.maxDelayMs);
  });
});
