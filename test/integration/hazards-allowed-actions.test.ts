import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json } from "./hazards-fixtures.ts";

const app = testApp(testDb());

/** What the hazard page offers: the actions the rules allow this caller now, and only those. */
describe("allowedActions on a hazard", () => {
  it("follows the state and the profile's routing: where general hazards stay in the grid, the grid may act and the town may not", async () => {
    const w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    const town = w.users["officer@town"]!;
    const created = (await grid.api.create(report(w, w.at.grid!))).body as Json;
    const seenByGrid = (await grid.api.timeline(created.hazardId)).body.allowedActions as string[];
    const seenByTown = (await town.api.timeline(created.hazardId)).body.allowedActions as string[];
    expect(seenByGrid).toEqual(expect.arrayContaining(["register", "withdraw", "fix_on_spot"]));
    expect(seenByGrid).not.toContain("close");
    expect(seenByTown).not.toContain("register");

    await grid.api.act(created.hazardId, { action: "register" });
    const afterRegister = (await grid.api.timeline(created.hazardId)).body.allowedActions as string[];
    expect(afterRegister).toContain("dispatch");
    expect(afterRegister).not.toContain("register");
    // Every action offered really goes through for that caller (a dispatch with no assignee is allowed here).
    const dispatched = await grid.api.act(created.hazardId, { action: "dispatch" });
    expect(dispatched.status).toBe(200);
  });
});

describe("the timeline names who acted", () => {
  it("records the actor's name on each event, for readers who may not look users up", async () => {
    const w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    const me = (await grid.api.get("/v1/me")).body;
    const created = (await grid.api.create(report(w, w.at.grid!))).body as Json;
    const viewer = w.users.viewer!;
    const events = (await viewer.api.timeline(created.hazardId)).body.events as Json[];
    expect(events[0]!.actorName).toBe(me.user.displayName);
  });
});
