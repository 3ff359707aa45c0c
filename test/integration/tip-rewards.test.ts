import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { partition, world, type Json, type World } from "./hazards-fixtures.ts";

// Rewards for residents' tips: songjiang 七(二) rewards those who report major
// hazard leads (积极巡查上报重大火灾隐患线索 … 给予表彰奖励).

const app = testApp(testDb());
let ip = 0;

async function tip(slug: string) {
  const res = await app.request(`/v1/public/${slug}/tips`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-test-client-ip": `198.51.100.${++ip}` },
    body: JSON.stringify({ locationText: "幸福小区3号楼", description: "地下室有人居住，还堆着液化气罐", contact: "13900000000" }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { hazardId: string; receiptCode: string };
}
async function status(slug: string, code: string) {
  const res = await app.request(`/v1/public/${slug}/tips/${code}`);
  return { status: res.status, body: (await res.json()) as Json };
}

describe("rewards for tips", () => {
  let w: World;
  beforeAll(async () => {
    w = await world(app, "songjiang");
  }, 120_000);

  it("songjiang 七(二): a tip registered as a major hazard becomes eligible, an officer records the reward once (audited), and the tipster sees it rewarded with the receipt code", async () => {
    const { hazardId, receiptCode } = await tip(w.tenantId);
    expect(receiptCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const admin = w.users.admin!.api;
    expect((await status(w.tenantId, receiptCode)).body).toMatchObject({ stage: "received", reward: { status: "pending", sourceRef: "songjiang 七(二)", form: { zh: "表彰奖励" } } });
    expect((await admin.get(`/v1/hazards/${hazardId}/reward`)).body).toMatchObject({ eligibility: "pending", reward: null, mayRecord: false, rule: { sourceRef: "songjiang 七(二)" } });
    // Not yet confirmed: no reward may be recorded.
    expect((await admin.call("POST", `/v1/hazards/${hazardId}/reward`, { form: "奖金", amount: 500, date: "2026-12-07" })).body.code).toBe("hazard.reward_not_eligible");

    const registered = await admin.act(hazardId, { action: "register", nodeId: w.at.town!.nodeId, severity: "major", code: "basement_occupancy", publicNote: "经核实为重大火灾隐患，已立案督办" });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect((await admin.get(`/v1/hazards/${hazardId}/reward`)).body).toMatchObject({ eligibility: "eligible", reward: null, mayRecord: true });
    expect((await status(w.tenantId, receiptCode)).body).toMatchObject({ stage: "confirmed", publicNote: "经核实为重大火灾隐患，已立案督办", reward: { status: "eligible" } });

    const bad = await admin.call("POST", `/v1/hazards/${hazardId}/reward`, { form: "", amount: -1, date: "2026/12/07" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path).sort()).toEqual(["body.amount", "body.date", "body.form"]);
    const recorded = await admin.call("POST", `/v1/hazards/${hazardId}/reward`, { form: "奖金", amount: 500, date: "2026-12-07", note: "按区奖励办法" });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ eligibility: "eligible", reward: { form: "奖金", amount: 500, date: "2026-12-07" }, mayRecord: false });
    const before = JSON.stringify(await partition(`T#${w.tenantId}#TIPRWD`));
    const again = await admin.call("POST", `/v1/hazards/${hazardId}/reward`, { form: "表彰", date: "2026-12-08" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("hazard.reward_recorded");
    expect(JSON.stringify(await partition(`T#${w.tenantId}#TIPRWD`))).toBe(before);

    const seen = (await status(w.tenantId, receiptCode)).body;
    expect(seen).toMatchObject({ stage: "confirmed", reward: { status: "rewarded", given: { form: "奖金", amount: 500, date: "2026-12-07" } } });
    // The tipster sees no note of the staff's, no names, no place.
    expect(JSON.stringify(seen)).not.toMatch(/按区奖励办法|幸福小区|13900000000/);
    const audit = await admin.get("/v1/audit?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=200");
    expect(audit.body.items.some((e: Json) => e.action === "hazard.tip_reward" && e.targetId === hazardId)).toBe(true);
  }, 60_000);

  it("songjiang 七(二): a tip withdrawn as not a hazard is not eligible, and no reward can be recorded for it", async () => {
    const { hazardId, receiptCode } = await tip(w.tenantId);
    const admin = w.users.admin!.api;
    expect((await admin.act(hazardId, { action: "withdraw", reason: "现场核查无此情况", publicNote: "经核查未发现该情况" })).status).toBe(200);
    expect((await admin.get(`/v1/hazards/${hazardId}/reward`)).body).toMatchObject({ eligibility: "not_eligible", mayRecord: false });
    const res = await admin.call("POST", `/v1/hazards/${hazardId}/reward`, { form: "奖金", amount: 100, date: "2026-12-07" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("hazard.reward_not_eligible");
    expect((await status(w.tenantId, receiptCode)).body).toMatchObject({ stage: "not_confirmed", publicNote: "经核查未发现该情况", reward: { status: "not_eligible" } });
  });

  it("songjiang 七(二): a tip registered as a general hazard is no major-hazard lead, so not eligible", async () => {
    const { hazardId } = await tip(w.tenantId);
    const admin = w.users.admin!.api;
    expect((await admin.act(hazardId, { action: "register", nodeId: w.at.village!.nodeId, severity: "general", code: "combustible_storage" })).status).toBe(200);
    expect((await admin.get(`/v1/hazards/${hazardId}/reward`)).body).toMatchObject({ eligibility: "not_eligible" });
  });

  it("a county whose profile has no reward rule shows none, and refuses to record one", async () => {
    const q = await world(app, "qidong");
    const { hazardId, receiptCode } = await tip(q.tenantId);
    const seen = await status(q.tenantId, receiptCode);
    expect(seen.status).toBe(200);
    expect(seen.body.stage).toBe("received");
    expect(seen.body.reward).toBeUndefined();
    expect((await q.users.admin!.api.get(`/v1/hazards/${hazardId}/reward`)).body).toEqual({ rule: null, eligibility: null, reward: null, mayRecord: false });
    expect((await q.users.admin!.api.call("POST", `/v1/hazards/${hazardId}/reward`, { form: "奖金", date: "2026-12-07" })).body.code).toBe("hazard.reward_not_in_profile");
    // A receipt code works only at its own county's address.
    expect((await status(w.tenantId, receiptCode)).status).toBe(404);
    expect((await status(q.tenantId, "not-a-real-code-123")).status).toBe(404);
  }, 120_000);
});
