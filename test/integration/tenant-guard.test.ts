import { QueryCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { tenantDb, TenantKeyError, withActor, type Actor } from "@firegov/core";
import { testDb } from "../support/db.ts";

testDb();

// Inside a request, the actor of tenant "guard-a" (as the auth middleware sets it from a verified token).
const userOfA: Actor = { type: "user", tenantId: "guard-a", userId: "u1", role: "tenant_admin", scopeNodeId: "root", scopePath: "/root", sessionId: "s1" };
const inRequestOfA = <T>(fn: () => Promise<T>) => withActor(userOfA, fn);

/** The error behind ElectroDB's wrapper (it reports client errors as its own, with the cause). */
const rootCause = (err: unknown): unknown => ((err as { cause?: unknown }).cause ? rootCause((err as { cause: unknown }).cause) : err);
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return rootCause(err);
  }
  throw new Error("the call went through");
}

describe("the tenant in context is the only tenant a request can reach", () => {
  it("reads and writes its own tenant's keys", async () => {
    await inRequestOfA(async () => {
      const { node } = tenantDb().service.entities;
      await node.create({ tenantId: "guard-a", nodeId: "n1", path: "/n1", level: "county", name: "甲县" }).go();
      expect((await node.get({ tenantId: "guard-a", nodeId: "n1" }).go()).data?.name).toBe("甲县");
    });
  });

  it("cannot build another tenant's key: a get, a query, a put, a transaction and a raw command are refused before they are sent", async () => {
    await withActor({ type: "system", tenantId: "guard-b", job: "fixture" }, () =>
      tenantDb().service.entities.node.create({ tenantId: "guard-b", nodeId: "n1", path: "/n1", level: "county", name: "乙县" }).go(),
    );
    await inRequestOfA(async () => {
      const { service, client, tableName } = tenantDb();
      const attempts: Record<string, () => Promise<unknown>> = {
        get: () => service.entities.node.get({ tenantId: "guard-b", nodeId: "n1" }).go(),
        query: () => service.entities.node.query.bySubtree({ tenantId: "guard-b" }).go(),
        put: () => service.entities.node.put({ tenantId: "guard-b", nodeId: "n2", path: "/n2", level: "county", name: "x" }).go(),
        patch: () => service.entities.node.patch({ tenantId: "guard-b", nodeId: "n1" }).set({ name: "改名" }).go(),
        transaction: () => service.transaction.write(({ node }) => [node.patch({ tenantId: "guard-b", nodeId: "n1" }).set({ name: "改名" }).commit()]).go(),
        raw: () => client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: "T#guard-b#NODE#n1" } } })),
        // A prefix of another tenant's id is not the tenant: T#guard-a is not T#guard-ab.
        prefix: () => service.entities.node.get({ tenantId: "guard-ab", nodeId: "n1" }).go(),
        scan: () => client.send(new ScanCommand({ TableName: tableName })),
      };
      for (const [name, run] of Object.entries(attempts)) {
        const err = await refusal(run);
        expect(err, name).toBeInstanceOf(TenantKeyError);
        expect((err as Error).message, name).toMatch(/outside tenant guard-a/);
      }
    });
    // Nothing of B changed.
    const b = await withActor({ type: "system", tenantId: "guard-b", job: "fixture" }, () => tenantDb().service.entities.node.get({ tenantId: "guard-b", nodeId: "n1" }).go());
    expect(b.data?.name).toBe("乙县");
  });

  it("refuses data access with no tenant in context", async () => {
    expect(() => tenantDb()).toThrow(/no actor in context/);
  });
});
