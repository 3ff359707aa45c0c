import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { partition, report, world, type Json, type World } from "./hazards-fixtures.ts";

const app = testApp(testDb());

describe("bulk register / dispatch / assign from the board", () => {
  let w: World;
  let other: World;
  beforeAll(async () => {
    [w, other] = await Promise.all([world(app, "songjiang"), world(app, "songjiang")]);
  });

  const town = () => w.users["officer@town"]!.api;

  async function registered(n: number): Promise<{ id: string; version: number }[]> {
    const out: { id: string; version: number }[] = [];
    for (let i = 0; i < n; i++) {
      const id = (await town().create(report(w, w.at.village!))).body.hazardId as string;
      const res = await town().act(id, { action: "register" });
      out.push({ id, version: res.body.version });
    }
    return out;
  }

  it("answers a mixed batch item by item: 2 succeed, 1 stale, 1 refused; a retry with the same key answers the same", async () => {
    const [a, b, c] = await registered(3);
    const d = (await town().create(report(w, w.at.village!))).body; // still 发现: dispatch is not allowed yet
    // Someone else changes c after the board was read.
    await town().act(c!.id, { action: "assess", departments: ["住建"] });
    const body = { action: "dispatch", items: [a, b, c, { id: d.hazardId, version: d.version }].map((x) => ({ id: x!.id, expectedVersion: x!.version })), fields: { note: "批量派遣" } };
    const key = { "idempotency-key": `bulk-${Date.now()}` };
    const res = await town().call("POST", "/v1/hazards/bulk", body);
    expect(res.status).toBe(200);
    expect(res.body.succeeded.map((s: Json) => s.id)).toEqual([a!.id, b!.id]);
    expect(res.body.succeeded.every((s: Json) => s.state === "dispatched")).toBe(true);
    expect(res.body.stale).toEqual([{ id: c!.id, version: c!.version + 1, state: "registered" }]);
    expect(res.body.refused).toHaveLength(1);
    expect(res.body.refused[0].id).toBe(d.hazardId);
    expect(res.body.refused[0].reason.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.body.refused[0].reason.en.length).toBeGreaterThan(3);
    // The stale and the refused ones are untouched.
    expect((await town().timeline(c!.id)).body.hazard.state).toBe("registered");
    expect((await town().timeline(d.hazardId)).body.hazard.state).toBe("discovered");

    // With a key: a retry answers the same summary and dispatches nothing twice.
    const fresh = await registered(2);
    const batch = { ...body, items: [...fresh.map((x) => ({ id: x.id, expectedVersion: x.version })), { id: d.hazardId, expectedVersion: d.version }] };
    const once = await town().call("POST", "/v1/hazards/bulk", batch, key);
    const again = await town().call("POST", "/v1/hazards/bulk", batch, key);
    const [r1, r2] = [once.body, again.body];
    expect(once.status).toBe(200);
    expect(r2).toEqual(r1);
    expect(r1.succeeded).toHaveLength(2);
    expect(r1.refused).toHaveLength(1);
    for (const h of fresh) {
      const events = (await town().timeline(h.id)).body.events.filter((e: Json) => e.action === "dispatch");
      expect(events).toHaveLength(1);
    }
  });

  it("cannot touch another county's hazards: their ids are refused as not found and nothing of theirs changes", async () => {
    const theirs = other.users["officer@town"]!.api;
    const id = (await theirs.create(report(other, other.at.village!))).body.hazardId as string;
    const reg = await theirs.act(id, { action: "register" });
    const before = JSON.stringify(await partition(`T#${other.tenantId}#HZ#${id}`));
    const res = await town().call("POST", "/v1/hazards/bulk", { action: "dispatch", items: [{ id, expectedVersion: reg.body.version }] });
    expect(res.status).toBe(200);
    expect(res.body.succeeded).toEqual([]);
    expect(res.body.refused).toEqual([{ id, code: "hazard.not_found", reason: expect.objectContaining({ zh: expect.any(String), en: expect.any(String) }) }]);
    expect(JSON.stringify(await partition(`T#${other.tenantId}#HZ#${id}`))).toBe(before);
  });

  it("refuses a deactivated assignee for each item, with a bilingual reason", async () => {
    const [a] = await registered(1);
    const grid = w.users["officer@grid"]!;
    const admin = w.users.admin!.api;
    expect((await admin.call("POST", `/v1/users/${grid.userId}/status`, { status: "disabled" })).status).toBe(200);
    const res = await town().call("POST", "/v1/hazards/bulk", { action: "assign", items: [{ id: a!.id, expectedVersion: a!.version }], fields: { assigneeId: grid.userId } });
    expect(res.body.refused).toEqual([{ id: a!.id, code: "hazard.assignee_unknown", reason: { zh: expect.stringContaining("在用"), en: expect.stringContaining("active") } }]);
    await admin.call("POST", `/v1/users/${grid.userId}/status`, { status: "active" });
  });

  it("validates the request: no items, more than 100, assign without an assignee, a duplicate id → 400 naming the field", async () => {
    const bad = async (body: Json) => town().call("POST", "/v1/hazards/bulk", body);
    const paths = async (body: Json) => ((await bad(body)).body.errors as Json[]).map((e) => e.path);
    expect((await bad({ action: "dispatch", items: [] })).status).toBe(400);
    expect(await paths({ action: "dispatch", items: [] })).toContain("body.items");
    expect(await paths({ action: "dispatch", items: Array.from({ length: 101 }, (_, i) => ({ id: `h${i}`, expectedVersion: 1 })) })).toContain("body.items");
    expect(await paths({ action: "assign", items: [{ id: "h1", expectedVersion: 1 }] })).toContain("body.fields.assigneeId");
    expect(await paths({ action: "dispatch", items: [{ id: "h1", expectedVersion: 1 }, { id: "h1", expectedVersion: 1 }] })).toContain("body.items[1].id");
    expect(await paths({ action: "close", items: [{ id: "h1", expectedVersion: 1 }] })).toContain("body.action");
  });

  it("dispatches 50 with 3 changed meanwhile: 47 succeed, 3 are stale and written nothing", async () => {
    const all = await registered(50);
    const changed = [all[5]!, all[20]!, all[41]!];
    for (const h of changed) await town().act(h.id, { action: "assess", departments: ["消防"] });
    const before = await Promise.all(changed.map((h) => partition(`T#${w.tenantId}#HZ#${h.id}`)));
    const res = await town().call("POST", "/v1/hazards/bulk", { action: "dispatch", items: all.map((h) => ({ id: h.id, expectedVersion: h.version })) });
    expect(res.status).toBe(200);
    expect(res.body.succeeded).toHaveLength(47);
    expect(res.body.stale.map((s: Json) => s.id)).toEqual(changed.map((h) => h.id));
    expect(res.body.refused).toEqual([]);
    const after = await Promise.all(changed.map((h) => partition(`T#${w.tenantId}#HZ#${h.id}`)));
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  }, 120_000);
});

