import { beforeAll, describe, expect, it } from "vitest";
import { SpotChecks } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, userAt } from "../support/tenants.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

// zezhou 三(四): 县消防救援大队重点对消防重点单位开展“双随机、一公开”监督抽查检查工作.
// A zezhou county with key units and brigade members; the county draws, the
// drawn inspectors inspect, and the results are public.

const app = testApp(testDb());
const RULE = "key_unit_random_draw";
type County = Awaited<ReturnType<typeof county>>;
type Member = Awaited<ReturnType<typeof userAt>>;

let seq = 0;
async function zezhouCounty(keyUnits: number, members: number) {
  const c = await county(app, "zezhou");
  const brigade: Member[] = [];
  for (let i = 0; i < members; i++) brigade.push(await userAt(app, c.admin.client, c.tenantId, `brigade-${++seq}`, "brigade_member", c.root.nodeId));
  const keyUnits_: Json[] = [];
  for (let i = 0; i < keyUnits; i++) {
    keyUnits_.push(await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: `重点单位${i}`, nodeId: i % 2 ? c.grid2.nodeId : c.grid1.nodeId, kinds: ["crowded_venue"], keyUnitLevel: "key_unit" }), 201));
  }
  return { ...c, brigade, keyUnits: keyUnits_ };
}

/** Every item of the venue's checklist passed, as a drawn inspector records it. */
async function allPassed(client: County["admin"]["client"], venueId: string) {
  const checklist = await expectStatus<Json>(client.get(`/v1/venues/${venueId}/checklist`), 200);
  return checklist.items.map((e: Json) => ({ category: e.category, itemId: e.itemId, result: "pass" }));
}

describe("zezhou 三(四) 双随机、一公开", () => {
  let c: Awaited<ReturnType<typeof zezhouCounty>>;
  let townMember: Member;
  let draw: Json;

  beforeAll(async () => {
    c = await zezhouCounty(12, 3);
    // Not a key unit: outside the pool.
    await expectStatus(c.admin.client.post("/v1/venues", { name: "沿街商铺", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }), 201);
    // A brigade member scoped to another town cannot inspect the key units: outside the inspector pool.
    const otherTown = await addNode(c.tenantId, c.root, "town", "乙镇");
    townMember = await userAt(app, c.admin.client, c.tenantId, `brigade-town-${++seq}`, "brigade_member", otherTown.nodeId);
  }, 120_000);

  it("zezhou 三(四): only the county (its admin or county-wide brigade staff) may draw", async () => {
    expect((await body(c.worker1.client.post("/v1/spot-checks/draws", { ruleId: RULE }))).status).toBe(403);
    expect((await body(townMember.client.post("/v1/spot-checks/draws", { ruleId: RULE }))).status).toBe(403);
    const unknown = await body<Json>(c.admin.client.post("/v1/spot-checks/draws", { ruleId: "no_such_rule" }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ path: "body.ruleId", code: "spot_check.rule_unknown" }));
  });

  it("zezhou 三(四): the draw is recorded with its seed, pools, actor and time, and redoing it from them gives the same draw", async () => {
    const res = await body<Json>(c.admin.client.post("/v1/spot-checks/draws", { ruleId: RULE }, { "idempotency-key": "draw-q-1" }));
    expect(res.status).toBe(201);
    draw = res.body;
    expect(draw).toMatchObject({ ruleId: RULE, category: "key_unit_spot_check", algorithm: SpotChecks.DRAW_ALGORITHM, drawnBy: c.admin.tenant.adminUserId, inspectorsPerVenue: 2, pool: { venues: 12, inspectors: 3 } });
    expect(draw.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(draw.venuePool).toEqual(c.keyUnits.map((v) => v.venueId).sort());
    expect(draw.inspectorPool).toEqual(c.brigade.map((m) => m.userId).sort());
    expect(draw.picks).toHaveLength(2); // 10% of 12, rounded up
    for (const pick of draw.picks) expect(pick.result).toEqual({ outcome: "pending" });

    const again = SpotChecks.drawSpotCheck({
      seed: draw.seed,
      venues: draw.venuePool.map((venueId: string) => ({ venueId })),
      inspectors: draw.inspectorPool.map((userId: string) => ({ userId })),
      size: { measure: "share", percent: 10, min: 1 },
      inspectorsPerVenue: 2,
    });
    expect(again.map((p) => [p.venue.venueId, p.inspectors.map((i) => i.userId)])).toEqual(draw.picks.map((p: Json) => [p.venueId, p.inspectors.map((i: Json) => i.userId)]));

    const audit = await expectStatus<{ items: Json[] }>(c.admin.client.get("/v1/audit?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=200"), 200);
    const entry = audit.items.find((a) => a.action === "spot_check.draw");
    expect(entry).toMatchObject({ actorId: c.admin.tenant.adminUserId, targetId: `${RULE}.${draw.period}`, details: { seed: draw.seed, algorithm: SpotChecks.DRAW_ALGORITHM, venuePool: 12, inspectorPool: 3 } });
  });

  it("zezhou 三(四): a period is drawn once: the same Idempotency-Key answers the first draw again, another request 409", async () => {
    const retry = await body<Json>(c.admin.client.post("/v1/spot-checks/draws", { ruleId: RULE }, { "idempotency-key": "draw-q-1" }));
    expect(retry.status).toBe(201);
    expect(retry.body.seed).toBe(draw.seed);
    const second = await body<Json>(c.admin.client.post("/v1/spot-checks/draws", { ruleId: RULE }));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("spot_check.already_drawn");
    const listed = await expectStatus<{ items: Json[] }>(c.admin.client.get("/v1/spot-checks/draws"), 200);
    expect(listed.items.map((d) => d.seed)).toEqual([draw.seed]);
  });

  it("zezhou 三(四): a drawn venue's task is for its drawn inspectors only: another gets 403 and nothing is written", async () => {
    const pick = draw.picks[0];
    const drawn = new Set(pick.inspectors.map((i: Json) => i.userId));
    const other = c.brigade.find((m) => !drawn.has(m.userId))!;
    const opened = await expectStatus<Json>(other.client.get(`/v1/inspection-tasks/${pick.taskId}`), 200);
    expect(opened.task).toMatchObject({ venueId: pick.venueId, category: "key_unit_spot_check", period: draw.period, state: "open" });

    const items = await allPassed(other.client, pick.venueId);
    // A brigade member not drawn for it, and the grid worker of its grid (both may inspect there, neither was drawn).
    const gridWorker = c.keyUnits.findIndex((v) => v.venueId === pick.venueId) % 2 === 0 ? c.worker1 : c.worker2;
    for (const intruder of [other, gridWorker]) {
      const refused = await body<Json>(intruder.client.post(`/v1/venues/${pick.venueId}/inspections`, { taskId: pick.taskId, items }));
      expect(refused.status).toBe(403);
    }
    expect((await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/venues/${pick.venueId}/inspections`), 200)).items).toEqual([]);
    expect((await expectStatus<Json>(c.admin.client.get(`/v1/inspection-tasks/${pick.taskId}`), 200)).task.state).toBe("open");

    // The lead inspector records it; on the second venue, the second drawn inspector does.
    const lead = c.brigade.find((m) => m.userId === pick.inspectors[0].userId)!;
    await expectStatus(lead.client.post(`/v1/venues/${pick.venueId}/inspections`, { taskId: pick.taskId, items }), 201);
    const next = draw.picks[1];
    const second = c.brigade.find((m) => m.userId === next.inspectors[1].userId)!;
    await expectStatus(second.client.post(`/v1/venues/${next.venueId}/inspections`, { taskId: next.taskId, items: await allPassed(second.client, next.venueId) }), 201);
  });

  it("zezhou 三(四) 一公开: the draw and its results are public, without sign-in, with no ids and no inspector", async () => {
    const res = await app.request(`/v1/public/${c.tenantId}/spot-checks`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const page = JSON.parse(text) as Json;
    expect(page.county.name).toBe(`测试${c.tenantId}`);
    expect(page.items).toHaveLength(1);
    const published = page.items[0];
    expect(published).toMatchObject({ ruleId: RULE, period: draw.period, seed: draw.seed, algorithm: SpotChecks.DRAW_ALGORITHM, pool: { venues: 12, inspectors: 3 }, title: { zh: "“双随机、一公开”监督抽查" } });
    expect(published.picks.map((p: Json) => p.venueName)).toEqual(draw.picks.map((p: Json) => p.venueName));
    for (const p of published.picks) {
      expect(p.result).toMatchObject({ outcome: "passed", hazards: 0 });
      expect(p.result.inspectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const id of [...draw.venuePool, ...draw.inspectorPool, c.admin.tenant.adminUserId, ...draw.picks.map((p: Json) => p.taskId)]) expect(text).not.toContain(id);
    for (const m of c.brigade) expect(text).not.toContain(m.userId);
    expect(published.drawnBy).toBeUndefined();

    const staff = await expectStatus<Json>(c.viewer.client.get(`/v1/spot-checks/draws/${RULE}/${draw.period}`), 200);
    expect(staff.picks.map((p: Json) => p.result.outcome)).toEqual(["passed", "passed"]);
    expect(staff.picks[0].inspectors.map((i: Json) => i.displayName)).toEqual(draw.picks[0].inspectors.map((i: Json) => i.displayName));

    expect((await app.request("/v1/public/nosuchcounty0/spot-checks")).status).toBe(404);
  });

  it("zezhou 三(四): another county's staff cannot read the draw (404), and each county's public page shows only its own draws", async () => {
    const other = await zezhouCounty(1, 2);
    expect((await body(other.admin.client.get(`/v1/spot-checks/draws/${RULE}/${draw.period}`))).status).toBe(404);
    const theirs = await expectStatus<Json>(other.admin.client.post("/v1/spot-checks/draws", { ruleId: RULE }), 201);
    expect(theirs.picks).toHaveLength(1);
    expect((await expectStatus<{ items: Json[] }>(other.admin.client.get("/v1/spot-checks/draws"), 200)).items.map((d) => d.seed)).toEqual([theirs.seed]);

    const ours = (await (await app.request(`/v1/public/${c.tenantId}/spot-checks`)).json()) as Json;
    const their = (await (await app.request(`/v1/public/${other.tenantId}/spot-checks`)).json()) as Json;
    expect(ours.items.map((d: Json) => d.seed)).toEqual([draw.seed]);
    expect(their.items.map((d: Json) => d.seed)).toEqual([theirs.seed]);
    expect(their.items[0].picks.map((p: Json) => p.venueName)).toEqual(["重点单位0"]);
  }, 120_000);
});
