import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";

describe("GET /health against DynamoDB Local", () => {
  it("answers 200 and reports the table reachable", async () => {
    const { client, tableName } = testDb();
    const res = await testApp({ client, tableName }).request("/health");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.dynamodb).toMatchObject({ reachable: true, table: tableName, tableStatus: "ACTIVE" });
  });

  it("answers 503 with a report, not an error, when the table is missing", async () => {
    const { client } = testDb();
    const res = await testApp({ client, tableName: "no-such-table" }).request("/health");
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ status: "degraded", dynamodb: { reachable: false, error: "ResourceNotFoundException" } });
  });
});
