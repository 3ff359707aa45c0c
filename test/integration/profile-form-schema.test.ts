import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { adminOf, userAt } from "../support/tenants.ts";

const app = testApp(testDb());

type Node = { kind: string; fields?: { key: string; optional: boolean; node: Node }[]; of?: Node; ref?: string; cited?: boolean };
const field = (node: Node, key: string) => node.fields!.find((f) => f.key === key)!.node;

describe("GET /v1/profile/schema (the draft editor's form description)", () => {
  it("answers an editor the profile's fields, rules marked cited, references with their target list", async () => {
    const { client } = await adminOf(app, "qidong");
    const res = await client.get("/v1/profile/schema");
    expect(res.status).toBe(200);
    const { root, targets } = (await res.json()) as { root: Node; targets: Record<string, string[]> };
    expect(targets).toMatchObject({ body: ["bodies"], hazardCode: ["hazards", "codes"], category: ["inspectionCategories"] });
    const bodies = field(root, "bodies");
    expect(bodies.kind).toBe("array");
    expect(bodies.of!.cited).toBe(true);
    expect(bodies.of!.fields!.map((f) => f.key)).toEqual(expect.arrayContaining(["id", "name", "level", "within"]));
    expect(field(bodies.of!, "within")).toMatchObject({ kind: "text", ref: "body" });
    const checklist = field(field(root, "inspectionCategories").of!, "checklist");
    expect(field(checklist.of!, "hazardCode")).toMatchObject({ ref: "hazardCode" });
  });

  it("is for editors only, like the draft: a grid worker is refused", async () => {
    const { tenant, client } = await adminOf(app, "qidong");
    const worker = await userAt(app, client, tenant.tenantId, "grid_worker_1", "grid_worker", tenant.rootNodeId);
    const res = await worker.client.get("/v1/profile/schema");
    expect(res.status).toBe(403);
  });
});
