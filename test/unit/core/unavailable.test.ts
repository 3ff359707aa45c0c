import { describe, expect, it } from "vitest";
import { AppError, unavailableError } from "@firegov/core";
import { sameItem } from "@firegov/core/db/own-write";
import { withPipeline } from "@firegov/functions/api/pipeline";
import { testDeps } from "../../support/app.ts";

// DynamoDB still failing after the client's retries is "busy, retry later"
// (503 + Retry-After), however it is wrapped; anything else is not.

const sdkError = (name: string, status: number, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status, attempts: 6 }, ...extra });
const electro = (cause: unknown) => Object.assign(new Error("Error thrown by DynamoDB client"), { name: "ElectroError", cause });

describe("unavailableError", () => {
  it.each([
    ["ThrottlingException", 400, 2],
    ["ProvisionedThroughputExceededException", 400, 2],
    ["RequestLimitExceeded", 400, 2],
    ["TransactionInProgressException", 400, 2],
    ["InternalServerError", 500, 1],
    ["ServiceUnavailable", 503, 1],
  ])("%s (also wrapped by ElectroDB) is a 503 retried after %s s", (name, status, after) => {
    for (const err of [sdkError(name, status), electro(sdkError(name, status))]) {
      const mapped = unavailableError(err);
      expect(mapped).toBeInstanceOf(AppError);
      expect(mapped!.status).toBe(503);
      expect(mapped!.retryAfter).toBe(after);
      expect(mapped!.localized("en")).toContain(`retry in ${after} s`);
    }
  });

  it("maps resets, hang-ups and timeouts", () => {
    expect(unavailableError(electro(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })))?.status).toBe(503);
    expect(unavailableError(new Error("socket hang up"))?.status).toBe(503);
    expect(unavailableError(Object.assign(new Error("timed out"), { name: "TimeoutError" }))?.status).toBe(503);
  });

  it("maps a transaction cancelled for throttling, not one cancelled by a condition", () => {
    const cancelled = (code: string) => sdkError("TransactionCanceledException", 400, { CancellationReasons: [{ Code: "None" }, { Code: code }] });
    expect(unavailableError(cancelled("ThrottlingError"))?.status).toBe(503);
    expect(unavailableError(cancelled("ConditionalCheckFailed"))).toBeUndefined();
  });

  it("leaves refusals and bugs alone", () => {
    expect(unavailableError(sdkError("ConditionalCheckFailedException", 400))).toBeUndefined();
    expect(unavailableError(sdkError("ValidationException", 400))).toBeUndefined();
    expect(unavailableError(new TypeError("x is undefined"))).toBeUndefined();
    expect(unavailableError(new AppError("conflict", "request.conflict_retry"))).toBeUndefined();
  });
});

describe("the API under a DynamoDB that stays throttled", () => {
  it("answers 503 problem+json with Retry-After, in the caller's language", async () => {
    const app = withPipeline(testDeps(), (app) =>
      app.get("/v1/test-throttled", () => {
        throw electro(sdkError("ThrottlingException", 400));
      }),
    );
    const res = await app.request("/v1/test-throttled", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = await res.json();
    expect(body.code).toBe("server.busy");
    expect(body.detail).toBe("The service is busy and did not complete this request; retry in 2 s.");
  });
});

describe("sameItem (a retried put that finds its own item)", () => {
  it("compares marshalled items whatever the order of attributes and set members", () => {
    expect(sameItem({ pk: { S: "T#a" }, n: { N: "1" }, tags: { SS: ["x", "y"] } }, { tags: { SS: ["y", "x"] }, n: { N: "1" }, pk: { S: "T#a" } })).toBe(true);
    expect(sameItem({ pk: { S: "T#a" }, n: { N: "1" } }, { pk: { S: "T#a" }, n: { N: "2" } })).toBe(false);
    expect(sameItem({ pk: { S: "T#a" } }, undefined)).toBe(false);
  });
});
