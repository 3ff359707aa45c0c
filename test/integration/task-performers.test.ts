import { beforeAll, describe, expect, it } from "vitest";
import type { Profiles } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { userAt } from "../support/tenants.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

// Only those the task is for may perform it: the category's responsible
// profile role, mapped to the platform's roles (inspections/performers.ts).
// A qidong county whose grid patrol (qidong 二(五)) covers the nine small
// venues once a month: the preset names the role but no period, so the
// county publishes one.

const app = testApp(testDb());
type County = Awaited<ReturnType<typeof county>>;
type PolicyProfile = Profiles.PolicyProfile;

/** Publishes the county's profile with a monthly grid patrol of its nine small venues. */
async function publishGridPatrol(c: County) {
  const call = (method: string, path: string, payload?: unknown) =>
    app.request(path, { method, headers: { "content-type": "application/json", authorization: `Bearer ${c.admin.token}` }, body: payload === undefined ? undefined : JSON.stringify(payload) });
  const draft = await expectStatus<{ profile: PolicyProfile; rev: number }>(call("GET", "/v1/profile/draft"), 200);
  const profile = structuredClone(draft.profile);
  profile.inspectionCategories = profile.inspectionCategories.map((x) => (x.id === "grid_patrol" ? { ...x, coveragePeriod: { every: 1, unit: "month" as const } } : x));
  profile.venues.kinds = profile.venues.kinds.map((k) => (k.id === "nine_small" ? { ...k, category: "grid_patrol" } : k));
  await expectStatus(call("PUT", "/v1/profile/draft", { profile, rev: draft.rev }), 200);
  await expectStatus(call("POST", "/v1/profile/publish", { note: "网格巡查每月覆盖九小场所" }), 201);
}

/** Every item of the venue's checklists, passed. */
async function allPass(c: County, venueId: string) {
  const list = await expectStatus<{ items: { category: string; itemId: string }[] }>(c.admin.client.get(`/v1/venues/${venueId}/checklist`), 200);
  return list.items.map((i) => ({ category: i.category, itemId: i.itemId, result: "pass" }));
}

describe("who may perform an inspection task", () => {
  let c: County;
  let brigade: Awaited<ReturnType<typeof userAt>>;
  let venue: Json;
  let task: Json;
  beforeAll(async () => {
    c = await county(app, "qidong");
    await publishGridPatrol(c);
    brigade = await userAt(app, c.admin.client, c.tenantId, "tp-brigade", "brigade_member", c.grid1.nodeId);
    venue = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "九小场所甲", nodeId: c.grid1.nodeId, kinds: ["nine_small"] }), 201);
    const tasks = await expectStatus<{ items: Json[] }>(c.worker1.client.get(`/v1/inspection-tasks?nodeId=${c.grid1.nodeId}`), 200);
    task = tasks.items.find((t) => t.venueId === venue.venueId)!;
  }, 60_000);

  it("qidong 二(五): the grid patrol task is the grid worker's: a brigade member gets 403 in both languages, nothing is stored and the task stays open", async () => {
    expect(task).toMatchObject({ kind: "coverage", category: "grid_patrol", responsibleRole: "grid_worker" });
    const items = await allPass(c, venue.venueId);
    const refused = await body(brigade.client.post(`/v1/venues/${venue.venueId}/inspections`, { taskId: task.taskId, items }));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "inspection.task_not_your_role" });
    expect(refused.body.title).toContain("网格员");
    const en = await app.request(`/v1/venues/${venue.venueId}/inspections`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${brigade.token}`, "accept-language": "en" },
      body: JSON.stringify({ taskId: task.taskId, items }),
    });
    expect((await en.json()).title).toContain("Grid worker");
    expect((await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/venues/${venue.venueId}/inspections`), 200)).items).toEqual([]);
    expect((await expectStatus<Json>(c.admin.client.get(`/v1/inspection-tasks/${task.taskId}`), 200)).task.state).toBe("open");
  });

  it("qidong 二(五): an ad hoc visit by the brigade member is recorded but settles no grid-patrol task and counts no coverage", async () => {
    const visit = await expectStatus<Json>(brigade.client.post(`/v1/venues/${venue.venueId}/inspections`, { items: await allPass(c, venue.venueId) }), 201);
    expect(visit.taskIds).toEqual([]);
    expect((await expectStatus<Json>(c.admin.client.get(`/v1/inspection-tasks/${task.taskId}`), 200)).task.state).toBe("open");
    const cov = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage/nodes/${c.grid1.nodeId}`), 200);
    expect(cov.items.find((r) => r.category === "grid_patrol")).toMatchObject({ due: 1, inspected: 0 });
  });

  it("qidong 二(五): the grid worker performs it, and it is done and counted", async () => {
    const visit = await expectStatus<Json>(c.worker1.client.post(`/v1/venues/${venue.venueId}/inspections`, { taskId: task.taskId, items: await allPass(c, venue.venueId) }), 201);
    expect(visit.taskIds).toEqual([task.taskId]);
    expect((await expectStatus<Json>(c.admin.client.get(`/v1/inspection-tasks/${task.taskId}`), 200)).task.state).toBe("done");
    const cov = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/coverage/nodes/${c.grid1.nodeId}`), 200);
    expect(cov.items.find((r) => r.category === "grid_patrol")).toMatchObject({ due: 1, inspected: 1 });
  });
});
