import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { partition, report, world, type Json, type World } from "./hazards-fixtures.ts";

const app = testApp(testDb());

/** Issue 16: notices that say what to do, marked read when opened, resolved when their work is done. */
describe("hazard notices", () => {
  let w: World;
  beforeAll(async () => {
    w = await world(app, "songjiang");
  });

  const inbox = async (who: string) => (await w.users[who]!.api.get("/v1/inbox?limit=100")).body.items as Json[];
  const unread = async (who: string) => (await w.users[who]!.api.get("/v1/inbox/unread-count")).body.unread as number;
  const about = (items: Json[], id: string) => items.filter((n) => n.subjectId === id);

  it("tells the officers who must register a field report, naming the hazard, its place and deadline; registering resolves it", async () => {
    const grid = w.users["officer@grid"]!.api;
    const created = (await grid.create(report(w, w.at.grid!, { code: "ebike_charging", locationText: "幸福路 8 号楼道" }))).body;
    const id = created.hazardId as string;
    const notices = about(await inbox("officer@town"), id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: "create",
      title: { zh: "有新上报的隐患待您立案" },
      detail: { name: { zh: "电动自行车违规停放充电" }, place: "幸福路 8 号楼道", deadline: created.deadline },
    });
    expect(notices[0]!.readAt).toBeUndefined();
    const before = await unread("officer@town");
    // The reporter is not told of their own report.
    expect(about(await inbox("officer@grid"), id)).toEqual([]);

    // The town registers it: the notice is resolved, not left unread.
    const reg = await w.users["officer@town"]!.api.act(id, { action: "register" });
    expect(reg.status).toBe(200);
    const after = about(await inbox("officer@town"), id);
    expect(after[0]).toMatchObject({ readAt: expect.any(String), resolvedAt: expect.any(String), resolution: "registered" });
    expect(await unread("officer@town")).toBe(before - 1);
    expect(await partition(`T#${w.tenantId}#NOTICE#hazard#${id}`)).toEqual([]);
  });

  it("marks a hazard's notices read when its page is opened, and carries a rejection's reason", async () => {
    const town = w.users["officer@town"]!.api;
    const grid = w.users["officer@grid"]!;
    const id = (await town.create(report(w, w.at.grid!, { code: "escape_route_blocked" }))).body.hazardId as string;
    await town.act(id, { action: "register" });
    await town.act(id, { action: "dispatch", assigneeId: grid.userId });
    const dispatched = about(await inbox("officer@grid"), id);
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]).toMatchObject({ kind: "dispatch", detail: { name: { zh: "堵塞占用疏散通道（生命通道）" }, deadline: expect.any(String) } });
    const before = await unread("officer@grid");

    const opened = await grid.api.call("POST", "/v1/inbox/read-subject", { subjectType: "hazard", subjectId: id });
    expect(opened.body).toEqual({ marked: 1 });
    expect(await unread("officer@grid")).toBe(before - 1);
    expect(about(await inbox("officer@grid"), id)[0]!.readAt).toEqual(expect.any(String));
    expect((await grid.api.call("POST", "/v1/inbox/read-subject", { subjectType: "hazard", subjectId: id })).body).toEqual({ marked: 0 });
    // Read by opening: no open notice row is left behind for a later change to resolve.
    expect(await partition(`T#${w.tenantId}#NOTICE#hazard#${id}`)).toEqual([]);

    await grid.api.act(id, { action: "start" });
    await grid.api.act(id, { action: "submit", note: "已清理" });
    const rejected = await town.act(id, { action: "reject", reason: "楼道仍有杂物堆放" });
    expect(rejected.status).toBe(200);
    const notice = about(await inbox("officer@grid"), id).find((n) => n.kind === "reject");
    expect(notice).toMatchObject({ detail: { reason: "楼道仍有杂物堆放", deadline: rejected.body.deadline } });
    expect(notice!.readAt).toBeUndefined();
    // The town's "awaits verification" notice was resolved by the rejection (the work it asked for is done).
    const verify = about(await inbox("officer@town"), id).filter((n) => n.kind === "submit");
    expect(verify.length).toBeGreaterThan(0);
    for (const n of verify) expect(n).toMatchObject({ readAt: expect.any(String), resolution: "rectifying" });
  });

  it("refuses a subject it does not know, naming the field", async () => {
    const res = await w.users["officer@grid"]!.api.call("POST", "/v1/inbox/read-subject", { subjectType: "warning", subjectId: "x" });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path)).toContain("body.subjectType");
  });
});
