import { testApp } from "../support/app.ts";
import { addNode, adminOf, userAt } from "../support/tenants.ts";

// A county for the venue and inspection suites: county → town → village →
// two grids (names 甲镇/甲村/一网格 and 甲镇/甲村/二网格), with a grid worker in
// each grid and a viewer at the root.

type App = ReturnType<typeof testApp>;
export type Json = Record<string, any>;

let seq = 0;

export async function county(app: App, presetId = "songjiang") {
  const admin = await adminOf(app, presetId);
  const tenantId = admin.tenant.tenantId;
  const root = { nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` };
  const town = await addNode(tenantId, root, "town", "甲镇");
  const village = await addNode(tenantId, town, "village", "甲村");
  const grid1 = await addNode(tenantId, village, "grid", "一网格");
  const grid2 = await addNode(tenantId, village, "grid", "二网格");
  const user = (role: string, nodeId: string) => userAt(app, admin.client, tenantId, `v${++seq}-${role.replace(/_/g, "-")}`, role, nodeId);
  const [worker1, worker2, viewer] = [await user("grid_worker", grid1.nodeId), await user("grid_worker", grid2.nodeId), await user("viewer", root.nodeId)];
  return { admin, tenantId, root, town, village, grid1, grid2, worker1, worker2, viewer };
}

export async function body<T = Json>(res: Response | Promise<Response>): Promise<{ status: number; body: T }> {
  const r = await res;
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : undefined) as T };
}
