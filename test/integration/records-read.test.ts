import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { requestCounter } from "../support/request-counter.ts";
import { addChild, expectStatus, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";

// A node's records in one Query when the caller's token settles access (the
// root's scope, or the caller's own node); the node is read only to answer
// 404 for a node that does not exist, or to check a scope the token cannot.

const app = testApp(testDb());
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
type Page = { items: { kind: string; recordId: string }[]; cursor: string | null };

describe("a node's records", () => {
  let admin: Awaited<ReturnType<typeof adminOf>>;
  let town: NodeRef;
  let otherTown: NodeRef;
  let empty: NodeRef;
  let requests: ReturnType<typeof requestCounter>;
  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇");
    otherTown = await addChild(admin.client, admin.tenant.rootNodeId, "乙镇");
    empty = await addChild(admin.client, town.nodeId, "甲一村");
    for (const [node, title] of [[town, "甲镇例会"], [otherTown, "乙镇例会"]] as const) {
      await expectStatus(admin.client.post(`/v1/nodes/${node.nodeId}/records`, { kind: "meeting", date: today(), topics: [title] }), 201);
    }
    requests = requestCounter(admin.tenant.tenantId);
  });

  it("reads in one request for a caller scoped at the root, the node read only when the page is empty", async () => {
    let page: Page | undefined;
    expect(await requests.during(async () => (page = await expectStatus<Page>(admin.client.get(`/v1/nodes/${town.nodeId}/records`), 200)))).toBe(1);
    expect(page!.items).toHaveLength(1);
    expect(await requests.during(() => expectStatus(admin.client.get(`/v1/nodes/${empty.nodeId}/records`), 200))).toBe(2);
    expect(await expectStatus<Page>(admin.client.get(`/v1/nodes/${empty.nodeId}/records`), 200)).toEqual({ items: [], cursor: null });
  });

  it("answers 404 for a node that does not exist, before a bad cursor's 400", async () => {
    await expectStatus(admin.client.get("/v1/nodes/no-such-node/records"), 404);
    await expectStatus(admin.client.get("/v1/nodes/no-such-node/records?cursor=bm90LWEtY3Vyc29y"), 404);
    await expectStatus(admin.client.get(`/v1/nodes/${town.nodeId}/records?cursor=bm90LWEtY3Vyc29y`), 400);
  });

  it("lets a town officer read their own town in one request, refuses another town and reads a node below after checking its path", async () => {
    const officer = await userAt(app, admin.client, admin.tenant.tenantId, "officer", "town_officer", town.nodeId);
    await expectStatus(officer.client.get("/v1/me"), 200); // the session is read once per container, then remembered
    let own: Page | undefined;
    expect(await requests.during(async () => (own = await expectStatus<Page>(officer.client.get(`/v1/nodes/${town.nodeId}/records`), 200)))).toBe(1);
    expect(own!.items).toHaveLength(1);
    await expectStatus(officer.client.get(`/v1/nodes/${otherTown.nodeId}/records`), 403);
    await expectStatus(officer.client.get("/v1/nodes/no-such-node/records"), 404);
    expect(await expectStatus<Page>(officer.client.get(`/v1/nodes/${empty.nodeId}/records`), 200)).toEqual({ items: [], cursor: null });
  });

  it("never shows another county's records, even under the same node id", async () => {
    const other = await adminOf(app, "zezhou");
    await expectStatus(other.client.get(`/v1/nodes/${town.nodeId}/records`), 404);
  });
});
