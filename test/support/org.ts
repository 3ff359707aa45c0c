import { expect } from "vitest";
import type { testApp } from "./app.ts";
import type { as } from "./tenants.ts";

// Helpers for the jurisdiction, organisation and compliance suites: build a
// tree and its organisation through the API, as a client would.

type App = ReturnType<typeof testApp>;
type Client = ReturnType<typeof as>;

export interface NodeRef {
  nodeId: string;
  path: string;
  name: string;
  level: string;
}

/** Answers with the body, failing the test (with the server's words) when the status is not the one expected. */
export async function expectStatus<T = Record<string, unknown>>(res: Response | Promise<Response>, status: number): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text.slice(0, 800)).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Every item of a paged list endpoint, page by page (`limit`, then the cursor each page gives). */
export async function everyPage(client: Client, url: string, limit = 200): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Record<string, any>[]; cursor: string | null } = await expectStatus(client.get(`${url}${url.includes("?") ? "&" : "?"}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), 200);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

export async function addChild(client: Client, parentId: string, name: string, extra: Record<string, unknown> = {}): Promise<NodeRef> {
  return expectStatus<NodeRef>(client.post("/v1/nodes", { parentId, name, ...extra }), 201);
}

export async function addPerson(client: Client, nodeId: string, person: Record<string, unknown>) {
  return expectStatus<{ personId: string; nodeId: string; path: string; phone?: string; idNumber?: string }>(client.post(`/v1/nodes/${nodeId}/people`, { employment: "on_payroll", ...person }), 201);
}

export async function findings(client: Client, nodeId: string, at?: string) {
  return expectStatus<{ profileVersion: number; findings: { ruleId: string; status: string; sourceRef: string | null; evidence: { zh: string; en: string } }[] }>(
    client.get(`/v1/compliance/nodes/${nodeId}${at ? `?at=${encodeURIComponent(at)}` : ""}`),
    200,
  );
}

export function ruleOf(result: Awaited<ReturnType<typeof findings>>, ruleId: string) {
  const hits = result.findings.filter((f) => f.ruleId === ruleId);
  expect(hits, `findings for ${ruleId}: ${result.findings.map((f) => f.ruleId).join(", ")}`).toHaveLength(1);
  return hits[0]!;
}

/** Sends a file as an upload body, the way the web client does. */
export function upload(app: App, token: string, path: string, bytes: Uint8Array, type: "xlsx" | "csv") {
  const contentType = type === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
  return app.request(path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body: new Blob([new Uint8Array(bytes)]) });
}

/** A valid resident ID number (GB 11643 check digit) from a 17-digit stem. */
export function idNumber(stem: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(stem[i]), 0);
  return stem + "10X98765432"[sum % 11];
}

/** A town with a person, a brigade and a record, for suites that aim at another tenant's ids. */
export async function orgFixture(client: Client, rootNodeId: string) {
  const town = await addChild(client, rootNodeId, "隔离镇");
  const person = await addPerson(client, town.nodeId, { name: "隔离人员", phone: "13911112222" });
  const brigade = await expectStatus<{ brigadeId: string }>(client.post(`/v1/nodes/${town.nodeId}/brigades`, { name: "隔离队", force: "full_time_brigade", memberIds: [person.personId] }), 201);
  const record = await expectStatus<{ recordId: string }>(client.post(`/v1/nodes/${town.nodeId}/records`, { kind: "meeting", date: "2024-03-01", attendees: [{ personId: person.personId, nodeId: town.nodeId }] }), 201);
  return { town, personId: person.personId, brigadeId: brigade.brigadeId, recordId: record.recordId };
}
