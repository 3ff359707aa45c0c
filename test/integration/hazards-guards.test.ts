import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { footprint, report, world, type Json, type World } from "./hazards-fixtures.ts";

const app = testApp(testDb());

/**
 * Refusals: the wrong role, the wrong scope and the wrong state each answer
 * with a clear error, and the hazard, its lists and the audit log stay
 * exactly as they were.
 */
describe("refused actions write nothing", () => {
  let w: World;
  let id: string;

  beforeAll(async () => {
    w = await world(app, "songjiang");
    const res = await w.users["officer@town"]!.api.create(report(w, w.at.village!));
    id = res.body.hazardId;
    await w.users["officer@town"]!.api.act(id, { action: "register" });
  });

  const refused = async (who: string, body: Json, status: number, code: string) => {
    const before = await footprint(w.tenantId, id);
    const res = await w.users[who]!.api.act(id, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await footprint(w.tenantId, id)).toBe(before);
    return res.body;
  };

  it("refuses a viewer (wrong role)", async () => {
    await refused("viewer", { action: "dispatch" }, 403, "auth.forbidden");
  });

  it("refuses an officer of another town (wrong scope)", async () => {
    await refused("officer@otherTown", { action: "dispatch" }, 403, "auth.forbidden");
  });

  it("refuses the village's manager the town's own steps (a role the profile's routing does not give them)", async () => {
    const body = await refused("officer@village", { action: "dispatch" }, 403, "hazard.not_handler");
    expect(body.detail).toContain("消防安全管理办公室");
  });

  it("refuses closing a hazard that was never verified (wrong state), saying where it stands", async () => {
    const body = await refused("officer@town", { action: "close" }, 409, "hazard.transition_not_allowed");
    expect(body.errors).toEqual([
      { path: "current.state", code: "hazard.current_state", message: "registered" },
      { path: "current.version", code: "hazard.current_version", message: "2" },
    ]);
  });

  it("refuses acting on a version the client did not see", async () => {
    await refused("officer@town", { action: "dispatch", expectedVersion: 1 }, 409, "hazard.version_conflict");
  });

  it("refuses a withdrawal without a reason, naming the field", async () => {
    const body = await refused("officer@town", { action: "withdraw" }, 400, "request.invalid");
    expect(body.errors.map((e: Json) => e.path)).toEqual(["body.reason"]);
  });

  it("refuses an action the API does not know, naming the field", async () => {
    const body = await refused("officer@town", { action: "teleport" }, 400, "request.invalid");
    expect(body.errors[0].path).toBe("body.action");
  });

  it("refuses an assignee outside the handler's town", async () => {
    const body = await refused("officer@town", { action: "dispatch", assigneeId: w.users["officer@otherTown"]!.userId }, 400, "request.invalid");
    expect(body.errors.map((e: Json) => e.path)).toEqual(["body.assigneeId"]);
  });

  it("withdraws a hazard as invalid with the officer's reason", async () => {
    const other = (await w.users["officer@town"]!.api.create(report(w, w.at.village!))).body.hazardId;
    const res = await w.users["officer@town"]!.api.act(other, { action: "withdraw", reason: "现场核实不存在" });
    expect(res.body).toMatchObject({ state: "withdrawn" });
    const { body } = await w.users["officer@town"]!.api.timeline(other);
    expect(body.events.at(-1)).toMatchObject({ action: "withdraw", to: "withdrawn", note: "现场核实不存在" });
  });
});

describe("reporting checks its input against the profile", () => {
  let w: World;
  beforeAll(async () => {
    w = await world(app, "songjiang");
  });

  const invalid = async (extra: Json, paths: string[]) => {
    const res = await w.users["officer@town"]!.api.create(report(w, w.at.village!, extra));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path)).toEqual(paths);
  };

  it("names an unknown severity", () => invalid({ severity: "catastrophic" }, ["body.severity"]));
  it("names an unknown hazard code", () => invalid({ code: "ghosts" }, ["body.code"]));
  it("asks for a text when the code is other", () => invalid({ code: "other" }, ["body.codeText"]));
  it("names a transfer without its origin", () => invalid({ source: "transfer" }, ["body.transferredFrom"]));
  it("names a photo key that is not one", () => invalid({ photos: ["../../etc/passwd"] }, ["body.photos[0]"]));
  it("names each missing field at once", async () => {
    const res = await w.users["officer@town"]!.api.create({ source: "inspection" });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path).sort()).toEqual(["body.code", "body.description", "body.nodeId", "body.severity"]);
  });

  it("answers 404 for a node it does not know and 403 for one outside the reporter's subtree", async () => {
    expect((await w.users["officer@town"]!.api.create(report(w, { nodeId: "no-such-node", path: "/x" }))).status).toBe(404);
    expect((await w.users["officer@town"]!.api.create(report(w, w.otherTown))).status).toBe(403);
  });

  it("refuses a viewer's report", async () => {
    expect((await w.users.viewer!.api.create(report(w, w.at.village!))).status).toBe(403);
  });
});

describe("hazard lists", () => {
  let w: World;
  beforeAll(async () => {
    w = await world(app, "songjiang");
    for (let i = 0; i < 3; i++) await w.users["officer@town"]!.api.create(report(w, w.at.village!));
  });

  it("page with an opaque cursor through one list, and refuse a cursor that is garbage or belongs to another list", async () => {
    const town = w.users["officer@town"]!.api;
    const first = await town.get("/v1/hazards?state=discovered&limit=2");
    expect(first.body.items).toHaveLength(2);
    const second = await town.get(`/v1/hazards?state=discovered&limit=2&cursor=${first.body.cursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(new Set([...first.body.items, ...second.body.items].map((h: Json) => h.hazardId)).size).toBe(3);
    for (const cursor of ["garbage", first.body.cursor]) {
      const res = await town.get(`/v1/hazards/by-source?source=inspection&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe("query.cursor");
    }
  });

  it("keep to the caller's subtree, and refuse a path outside it", async () => {
    const other = w.users["officer@otherTown"]!.api;
    expect((await other.get("/v1/hazards")).body.items).toEqual([]);
    expect((await other.get(`/v1/hazards?path=${encodeURIComponent(w.at.town!.path)}`)).status).toBe(403);
    expect((await other.get(`/v1/hazards/counters?path=${encodeURIComponent(w.at.town!.path)}`)).status).toBe(403);
    expect((await other.get("/v1/hazards?path=not-a-path")).status).toBe(400);
  });

  it("count a subtree's open hazards by state and severity", async () => {
    const counters = (await w.users["officer@town"]!.api.get(`/v1/hazards/counters?path=${encodeURIComponent(w.at.village!.path)}`)).body;
    expect(counters).toMatchObject({ nodeId: w.at.village!.nodeId, open: { total: 3, byStateAndSeverity: { discovered: { general: 3 } } }, overdue: { total: 0 } });
  });
});
