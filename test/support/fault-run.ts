import { randomUUID } from "node:crypto";
import { ScanCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { testApp } from "./app.ts";
import { ADMIN_PASSWORD, USER_PASSWORD, newSlug } from "./tenants.ts";

type App = ReturnType<typeof testApp>;
type Json = Record<string, any>;

/** What one run of the workload saw at the HTTP edge. */
export interface EdgeCounts {
  requests: number;
  retries: number;
  status503: number;
  missingRetryAfter: number;
  status500: { path: string; body: string }[];
  /** 409s answered to a request that was retried (the first attempt may have written). */
  false409: { path: string; body: string }[];
  /** Any other refusal the workload did not expect. */
  unexpected: { path: string; status: number; body: string }[];
}

const MAX_ATTEMPTS = 12;

/**
 * A client that behaves like the web's (web/src/api/http.ts): GETs and writes
 * with an Idempotency-Key are retried after a 503, with the same key, after
 * Retry-After (scaled down by `retryAfterScale` so a test stays short).
 */
export function retryingClient(app: App, counts: EdgeCounts, retryAfterScale = 0.02) {
  let token: string | undefined;
  const call = async (method: string, path: string, body?: unknown, opts: { key?: string; retryAlways?: boolean } = {}): Promise<{ status: number; body: Json }> => {
    const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.key ? { "idempotency-key": opts.key } : {}) };
    const retryable = method === "GET" || opts.key !== undefined || opts.retryAlways === true;
    for (let attempt = 1; ; attempt++) {
      counts.requests++;
      const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      if (res.status === 500) counts.status500.push({ path: `${method} ${path}`, body: text });
      if (res.status === 503) {
        counts.status503++;
        const after = Number(res.headers.get("retry-after"));
        if (!(after > 0)) counts.missingRetryAfter++;
        if (retryable && attempt < MAX_ATTEMPTS) {
          counts.retries++;
          await new Promise((r) => setTimeout(r, Math.max(after || 1, 1) * 1000 * retryAfterScale * attempt));
          continue;
        }
      }
      if (res.status === 409 && attempt > 1) counts.false409.push({ path: `${method} ${path}`, body: text });
      return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
    }
  };
  const expect = async (status: number, method: string, path: string, body?: unknown, opts?: { key?: string; retryAlways?: boolean }) => {
    const res = await call(method, path, body, opts);
    if (res.status !== status && res.status !== 500 && !(res.status === 409 && counts.false409.length)) counts.unexpected.push({ path: `${method} ${path}`, status: res.status, body: JSON.stringify(res.body) });
    return res.body;
  };
  return {
    call,
    expect,
    signIn: (t: string) => {
      token = t;
    },
  };
}

export interface Workload {
  tenantId: string;
  rootPath: string;
  nodes: string[];
  users: string[];
  venues: string[];
  hazards: { hazardId: string; severity: string; state: string }[];
}

/**
 * The representative workload: signup, sign-in, nodes, users, venues and
 * hazards created with Idempotency-Keys, a few updates (a user renamed, a
 * venue edited, hazards registered), then reads of everything created.
 */
export async function runWorkload(app: App, counts: EdgeCounts, size = { hazards: 6, venues: 2, users: 2 }): Promise<Workload> {
  const api = retryingClient(app, counts);
  const slug = newSlug("f");
  const key = () => randomUUID();
  const signup = await api.expect(201, "POST", "/v1/signup", { slug, name: `故障${slug}`, presetId: "songjiang", admin: { username: "admin", displayName: "管理员", phone: "13800000000", password: ADMIN_PASSWORD } }, { key: key() });
  // Signing in writes only a session of its own: the test retries it as a user would.
  const login = await api.expect(200, "POST", "/v1/auth/login", { tenant: slug, username: "admin", password: ADMIN_PASSWORD }, { retryAlways: true });
  api.signIn(login.accessToken);
  const root = { nodeId: signup.rootNodeId as string, path: `/${signup.rootNodeId}` };
  const work: Workload = { tenantId: slug, rootPath: root.path, nodes: [root.nodeId], users: [signup.adminUserId], venues: [], hazards: [] };

  let parent = root.nodeId;
  for (const name of ["甲镇", "甲村", "一网格"]) {
    const node = await api.expect(201, "POST", "/v1/nodes", { parentId: parent, name }, { key: key() });
    work.nodes.push(node.nodeId);
    parent = node.nodeId;
  }
  const grid = parent;
  for (let i = 0; i < size.users; i++) {
    const user = await api.expect(201, "POST", "/v1/users", { username: `worker${i}`, displayName: `网格员${i}`, role: "grid_worker", scopeNodeId: grid, password: USER_PASSWORD }, { key: key() });
    work.users.push(user.userId);
  }
  for (let i = 0; i < size.venues; i++) {
    const venue = await api.expect(201, "POST", "/v1/venues", { name: `沿街商铺${i}`, nodeId: grid, kinds: ["street_shop"] }, { key: key() });
    work.venues.push(venue.venueId);
  }
  const severities = ["general", "major"];
  for (let i = 0; i < size.hazards; i++) {
    const severity = severities[i % severities.length]!;
    const hazard = await api.expect(
      201,
      "POST",
      "/v1/hazards",
      { nodeId: grid, venueId: work.venues[i % work.venues.length], locationText: `位置${i}`, code: "three_in_one", severity, description: `故障测试${i}`, source: "inspection", photos: [] },
      { key: key() },
    );
    work.hazards.push({ hazardId: hazard.hazardId, severity, state: hazard.state });
  }

  // Updates.
  await api.expect(200, "PATCH", `/v1/users/${work.users[1]}`, { displayName: "网格员改名" }, { key: key() });
  await api.expect(200, "PATCH", `/v1/venues/${work.venues[0]}`, { address: "新地址1号" }, { key: key() });
  await api.expect(200, "PATCH", `/v1/nodes/${work.nodes[1]}`, { name: "甲镇改名" }, { key: key() });

  // Reads of everything created.
  for (const id of work.nodes) await api.expect(200, "GET", `/v1/nodes/${id}`);
  for (const id of work.users) await api.expect(200, "GET", `/v1/users/${id}`);
  for (const id of work.venues) await api.expect(200, "GET", `/v1/venues/${id}`);
  for (const h of work.hazards) {
    const got = await api.expect(200, "GET", `/v1/hazards/${h.hazardId}`);
    if (got.hazard?.state) h.state = got.hazard.state;
  }
  await api.expect(200, "GET", `/v1/hazards?path=${encodeURIComponent(root.path)}&state=discovered`);
  return work;
}

/** Every item of a tenant, read past the proxy: what was really written. */
export async function tenantItems(client: DynamoDBClient, tableName: string, tenantId: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, FilterExpression: "pk = :own OR begins_with(pk, :under)", ExpressionAttributeValues: { ":own": { S: `T#${tenantId}` }, ":under": { S: `T#${tenantId}#` } } }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export const entityOf = (item: Record<string, AttributeValue>) => item.__edb_e__?.S ?? "?";

export function emptyCounts(): EdgeCounts {
  return { requests: 0, retries: 0, status503: 0, missingRetryAfter: 0, status500: [], false409: [], unexpected: [] };
}
