import { QueryCommand } from "@aws-sdk/client-dynamodb";
import type { PolicyProfile } from "@firegov/core/profile/index";
import { getPreset } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addNode, adminOf, as, userAt } from "../support/tenants.ts";

// A county for hazard tests: one node per level of its profile down a single
// branch (plus a second town), and a user for each role that acts at each level.

export type Json = Record<string, any>;
type App = ReturnType<typeof testApp>;
type Node = { nodeId: string; path: string };

/** The officer role at each level (the platform's mapping, written out here on purpose). */
const OFFICER: Record<string, string> = { city: "tenant_admin", county: "tenant_admin", town: "town_officer", village: "village_manager", grid: "grid_worker" };

export interface World {
  tenantId: string;
  profile: PolicyProfile;
  root: Node;
  /** One node per profile level, down one branch. */
  at: Record<string, Node>;
  /** A second node at the town level (another branch). */
  otherTown: Node;
  /** `officer@<level>`, `liaison@<level>`, `viewer@<root level>`, `officer@otherTown`, `admin`. */
  users: Record<string, { userId: string; api: HazardApi }>;
}

export function hazardApi(app: App, token: string) {
  const client = as(app, token);
  const parse = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });
  return {
    call: async (method: string, path: string, body?: Json, headers: Record<string, string> = {}) =>
      parse(await app.request(path, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) })),
    create: async (body: Json, headers?: Record<string, string>) => parse(await client.post("/v1/hazards", body, headers)),
    act: async (hazardId: string, body: Json, headers?: Record<string, string>) => parse(await client.post(`/v1/hazards/${hazardId}/transitions`, body, headers)),
    get: async (path: string) => parse(await client.get(path)),
    timeline: async (hazardId: string) => parse(await client.get(`/v1/hazards/${hazardId}`)),
  };
}
export type HazardApi = ReturnType<typeof hazardApi>;

let seq = 0;

export async function world(app: App, presetId: string): Promise<World> {
  const profile = getPreset(presetId)!;
  const admin = await adminOf(app, presetId);
  const tenantId = admin.tenant.tenantId;
  const root = { nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` };
  const at: Record<string, Node> = { [profile.levels[0]!.id]: root };
  let parent = root;
  for (const level of profile.levels.slice(1)) {
    parent = await addNode(tenantId, parent, level.id, `${level.name.zh}甲`);
    at[level.id] = parent;
  }
  const townParent = Object.values(at)[profile.levels.findIndex((l) => l.id === "town") - 1]!;
  const otherTown = await addNode(tenantId, townParent, "town", "乙镇");

  const users: World["users"] = { admin: { userId: admin.tenant.adminUserId, api: hazardApi(app, admin.token) } };
  const make = async (key: string, role: string, node: Node) => {
    const user = await userAt(app, admin.client, tenantId, `u${++seq}-${role.replace(/_/g, "-")}`, role, node.nodeId);
    users[key] = { userId: user.userId, api: hazardApi(app, user.token) };
  };
  for (const level of profile.levels.slice(1)) await make(`officer@${level.id}`, OFFICER[level.id]!, at[level.id]!);
  for (const level of profile.levels.slice(0, 2)) await make(`liaison@${level.id}`, "department_liaison", at[level.id]!);
  await make("viewer", "viewer", root);
  await make("officer@otherTown", "town_officer", otherTown);
  users[`officer@${profile.levels[0]!.id}`] = users.admin!;
  return { tenantId, profile, root, at, otherTown, users };
}

/** Every item of a partition, for "nothing was written" checks. */
export async function partition(pk: string) {
  const db = testDb();
  const out = await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: pk } }, ConsistentRead: true }));
  return out.Items ?? [];
}

/** The items a hazard change touches: the hazard's partition, its tenant's lists of open hazards, the audit log. */
export async function footprint(tenantId: string, hazardId: string) {
  const parts = await Promise.all([`T#${tenantId}#HZ#${hazardId}`, `T#${tenantId}#HZL#open`, `T#${tenantId}#AUDIT`].map(partition));
  return JSON.stringify(parts);
}

/** A valid report at a node, with the first severity and code of the profile unless told otherwise. */
export function report(w: World, node: Node, extra: Json = {}): Json {
  const code = w.profile.hazards.codes[0]?.id ?? "other";
  return {
    nodeId: node.nodeId,
    code,
    ...(code === "other" ? { codeText: "电动车楼道充电" } : {}),
    severity: "general",
    description: "楼道内电动自行车充电，堵塞疏散通道",
    source: "grid_patrol",
    photos: [`t/${w.tenantId}/hazards/test/a.jpg`],
    ...extra,
  };
}
