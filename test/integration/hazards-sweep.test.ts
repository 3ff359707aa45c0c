import { describe, expect, it } from "vitest";
import { Hazards, Tenancy } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { partition, report, world, type Json, type World } from "./hazards-fixtures.ts";

const app = testApp(testDb());
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const sweep = (w: World, now: Date) => Hazards.sweepTenant(w.tenantId, "Asia/Shanghai", now);
const counters = async (w: World, who: string, path: string) => (await w.users[who]!.api.get(`/v1/hazards/counters?path=${encodeURIComponent(path)}`)).body;

describe("the hourly sweep", () => {
  it("marks a hazard overdue once its deadline passes, counts it, lists it and tells its handler and assignee", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const grid = w.users["officer@grid"]!;
    const created = (await town.api.create(report(w, w.at.village!))).body;
    const id = created.hazardId;
    await town.api.act(id, { action: "register" });
    await town.api.act(id, { action: "dispatch", assigneeId: grid.userId });
    expect((await grid.api.get("/v1/inbox/unread-count")).body.unread).toBe(1);

    const deadline = Date.parse(created.deadline);
    expect(await sweep(w, new Date(deadline - 1))).toMatchObject({ changed: 0 });
    expect((await town.api.timeline(id)).body.hazard.overdue).toBe(false);

    const stats = await sweep(w, new Date(deadline + HOUR));
    expect(stats).toMatchObject({ looked: 1, changed: 1, events: 1 });
    const { body } = await town.api.timeline(id);
    expect(body.hazard.overdue).toBe(true);
    expect(body.events.at(-1)).toMatchObject({ action: "overdue", actorType: "system", actorId: "system:hazard-sweep" });
    const overdue = await town.api.get(`/v1/hazards/overdue?path=${encodeURIComponent(w.at.town!.path)}`);
    expect(overdue.body.items.map((h: Json) => h.hazardId)).toEqual([id]);
    expect((await counters(w, "officer@town", w.at.town!.path)).overdue).toEqual({ total: 1, bySeverity: { general: 1 } });

    // The assignee and the town office hear of it, in the inbox and in the outbox for SMS/WeChat.
    const inbox = (await grid.api.get("/v1/inbox")).body.items;
    expect(inbox[0]).toMatchObject({ kind: "overdue", subjectId: id, title: { zh: "隐患已逾期未整改" } });
    expect((await grid.api.get("/v1/inbox/unread-count")).body.unread).toBe(2);
    expect((await town.api.get("/v1/inbox")).body.items.map((n: Json) => n.kind)).toContain("overdue");
    const outbox = await partition(`T#${w.tenantId}#OUTBOX`);
    expect(outbox.some((m) => m.kind?.S === "overdue" && m.status?.S === "pending")).toBe(true);

    // Looking again an hour later finds nothing new.
    expect(await sweep(w, new Date(deadline + 2 * HOUR))).toMatchObject({ changed: 0, events: 0 });
  });

  it("keeps each user's unread count in step as messages are read", async () => {
    const w = await world(app, "songjiang");
    const town = w.users["officer@town"]!;
    const grid = w.users["officer@grid"]!.api;
    for (let i = 0; i < 3; i++) {
      const id = (await town.api.create(report(w, w.at.village!))).body.hazardId;
      await town.api.act(id, { action: "register" });
      await town.api.act(id, { action: "dispatch", assigneeId: w.users["officer@grid"]!.userId });
    }
    const inbox = (await grid.get("/v1/inbox?limit=2")).body;
    expect(inbox.items).toHaveLength(2);
    expect(inbox.cursor).not.toBeNull();
    expect((await grid.get("/v1/inbox/unread-count")).body.unread).toBe(3);
    const first = inbox.items[0].notificationId;
    const marked = await grid.call("POST", `/v1/inbox/${first}/read`);
    expect(marked.status).toBe(200);
    expect(marked.body.readAt).toBeDefined();
    expect((await grid.get("/v1/inbox/unread-count")).body.unread).toBe(2);
    expect((await grid.call("POST", `/v1/inbox/${first}/read`)).status).toBe(200);
    expect((await grid.get("/v1/inbox/unread-count")).body.unread).toBe(2);
    expect((await grid.call("POST", "/v1/inbox/nope/read")).status).toBe(404);
    // Another user's message is not there for this user.
    expect((await town.api.call("POST", `/v1/inbox/${first}/read`)).status).toBe(404);
  });

  it("flags a department that has not acknowledged (报到) in time and tells it", async () => {
    const w = await world(app, "yancheng");
    const town = w.users["officer@town"]!;
    const site = (await w.users.admin!.api.call("POST", "/v1/venues", { name: "在建工地", nodeId: w.at.village!.nodeId, kinds: ["construction_site"] })).body.venueId;
    const id = (await town.api.create(report(w, w.at.village!, { severity: "major", venueId: site }))).body.hazardId;
    const registered = (await town.api.act(id, { action: "register" })).body;
    const due = Date.parse(registered.pendingAcks[0].dueAt);
    expect((await w.users["liaison@county"]!.api.get("/v1/inbox")).body.items.map((n: Json) => n.kind).sort()).toEqual(["escalated", "register"]);
    await sweep(w, new Date(due + 1));
    const { body } = await town.api.timeline(id);
    expect(body.hazard.pendingAcks[0].late).toBe(true);
    expect(body.events.at(-1)).toMatchObject({ action: "ack_overdue", details: { body: "county_housing" } });
    expect((await w.users["liaison@county"]!.api.get("/v1/inbox")).body.items.map((n: Json) => n.kind)).toContain("ack_overdue");
  });

  it("lists a hazard overdue by N days at exactly that instant, under the profile version in effect", async () => {
    const w = await world(app, "songjiang");
    const admin = w.users.admin!.api;
    const draft = (await admin.get("/v1/profile/draft")).body;
    const profile = structuredClone(draft.profile);
    profile.hazards.listedSupervision[0].triggers.push({
      id: "long_overdue",
      when: [{ kind: "overdue", days: 10 }],
      sourceRef: null,
      assumption: { zh: "测试：逾期满10日由街镇挂牌", en: "Test: ten days overdue, listed by the town" },
    });
    expect((await admin.call("PUT", "/v1/profile/draft", { profile, rev: draft.rev })).status).toBe(200);
    expect((await admin.call("POST", "/v1/profile/publish", {})).status).toBe(201);

    const town = w.users["officer@town"]!;
    const created = (await town.api.create(report(w, w.at.village!))).body;
    expect(created.profileVersion).toBe(2);
    await town.api.act(created.hazardId, { action: "register" });
    const deadline = Date.parse(created.deadline);
    await sweep(w, new Date(deadline + HOUR));
    await sweep(w, new Date(deadline + 10 * DAY - 1));
    expect((await town.api.timeline(created.hazardId)).body.hazard.listings).toEqual([]);
    await sweep(w, new Date(deadline + 10 * DAY));
    const { body } = await town.api.timeline(created.hazardId);
    expect(body.hazard.listings).toMatchObject([{ levelId: "town", trigger: "long_overdue", by: "system" }]);
    expect(body.events.at(-1)).toMatchObject({ action: "listed", basis: { rule: "long_overdue", sourceRef: null }, profileVersion: 2 });
  });

  it("walks every registered tenant, found with a Query of the registry", async () => {
    const w = await world(app, "zezhou");
    const registered: string[] = [];
    for await (const t of Tenancy.registeredTenants()) registered.push(t.tenantId);
    expect(registered).toContain(w.tenantId);
    const stats = await Hazards.sweepAll(new Date());
    expect(stats.tenants).toBeGreaterThanOrEqual(1);
  });
});
