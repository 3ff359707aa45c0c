import { readSheet } from "read-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantDb, Warnings, withActor, type Actor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, userAt } from "../support/tenants.ts";
import { partition } from "./hazards-fixtures.ts";
import { county, type Json } from "./venues-fixtures.ts";

// Early warnings (预警叫应): songjiang 五(二)3 (the town's fire-safety office
// issues fire warnings, 及时发布火灾预警信息) and yancheng (三) (the town office
// carries out 预警叫应: each node warned must answer).

const app = testApp(testDb());
type County = Awaited<ReturnType<typeof county>>;
type Client = County["admin"]["client"];
type Node = { nodeId: string; path: string };

const MINUTE = 60_000;

/** A town of five villages, a manager in each, the town's two officers (one issues). */
async function place(presetId = "songjiang") {
  const c = await county(app, presetId);
  const villages: Node[] = [c.village];
  for (const name of ["乙村", "丙村", "丁村", "戊村"]) villages.push(await addNode(c.tenantId, c.town, "village", name));
  const managers = [];
  for (const [i, v] of villages.entries()) managers.push({ ...(await userAt(app, c.admin.client, c.tenantId, `m${i}-${c.tenantId}`, "village_manager", v.nodeId)), node: v });
  const issuer = await userAt(app, c.admin.client, c.tenantId, `o1-${c.tenantId}`, "town_officer", c.town.nodeId);
  const colleague = await userAt(app, c.admin.client, c.tenantId, `o2-${c.tenantId}`, "town_officer", c.town.nodeId);
  return { c, villages, managers, issuer, colleague };
}
type Place = Awaited<ReturnType<typeof place>>;

const fireWarning = (extra: Json = {}) => ({
  title: "大风天气火灾预警",
  text: "预计今夜有7级大风，请立即检查辖区内露天堆物、电动自行车集中充电点，落实防范措施并叫应。",
  level: "red",
  targets: { level: "village" },
  ...extra,
});

const inboxOf = async (client: Client, kind: string, subjectId: string) =>
  (await expectStatus<{ items: Json[] }>(client.get("/v1/inbox?limit=100"), 200)).items.filter((m) => m.kind === kind && m.subjectId === subjectId);

const actorOf = (c: County, m: Place["managers"][number]): Actor => ({ type: "user", tenantId: c.tenantId, userId: m.userId, role: "village_manager", scopeNodeId: m.node.nodeId, scopePath: m.node.path, sessionId: "warnings" });

describe("a warning to five villages (songjiang 五(二)3, yancheng (三))", () => {
  let p: Place;
  let warning: Json;

  beforeAll(async () => {
    p = await place();
    warning = await expectStatus<Json>(p.issuer.client.post("/v1/warnings", fireWarning()), 201);
  }, 120_000);

  it("songjiang 五(二)3: a town officer issues a fire warning to every village of the town, each getting a target row and its manager a message", async () => {
    expect(warning.targets).toBe(5);
    expect(warning.state).toBe("open");
    expect(warning.answerRate).toBe(0);
    // The red level's answer window (2 hours, a marked default of the preset) sets the deadline.
    expect(Date.parse(warning.deadline) - Date.parse(warning.issuedAt)).toBe(2 * 60 * MINUTE);
    const detail = await expectStatus<Json>(p.issuer.client.get(`/v1/warnings/${warning.warningId}`), 200);
    expect(detail.items.map((t: Json) => t.nodeId).sort()).toEqual(p.villages.map((v) => v.nodeId).sort());
    expect(detail.items.every((t: Json) => t.state === "pending")).toBe(true);
    for (const m of p.managers) {
      const msgs = await inboxOf(m.client, "warning.issued", warning.warningId);
      expect(msgs).toHaveLength(1);
      expect(msgs[0]!.title.zh).toContain("大风天气火灾预警");
    }
    // The field user's list of their node's warnings shows it, with the text to act on.
    const mine = await expectStatus<{ items: Json[] }>(p.managers[0]!.client.get("/v1/node-warnings"), 200);
    expect(mine.items.map((w) => [w.warningId, w.state, w.text.length > 0])).toEqual([[warning.warningId, "pending", true]]);
  });

  it("yancheng (三): two villages answer (叫应); the issuer sees 40% and which two, answered first", async () => {
    for (const m of p.managers.slice(0, 2)) {
      const answer = await expectStatus<Json>(m.client.post(`/v1/warnings/${warning.warningId}/targets/${m.node.nodeId}/answer`, { measures: "已清理露天堆物，充电点断电" }), 200);
      expect(answer.state).toBe("answered");
      expect(answer.late).toBe(false);
    }
    const detail = await expectStatus<Json>(p.issuer.client.get(`/v1/warnings/${warning.warningId}`), 200);
    expect(detail.answered).toBe(2);
    expect(detail.answerRate).toBe(40);
    expect(detail.items.slice(0, 2).map((t: Json) => t.nodeId).sort()).toEqual(p.managers.slice(0, 2).map((m) => m.node.nodeId).sort());
    expect(detail.items.slice(0, 2).every((t: Json) => t.ackAt && t.measures === "已清理露天堆物，充电点断电")).toBe(true);
    expect(detail.items.slice(2).every((t: Json) => t.state === "pending" && !t.ackAt)).toBe(true);
    // The list of warnings shows the same live rate.
    const list = await expectStatus<{ items: Json[] }>(p.issuer.client.get("/v1/warnings"), 200);
    expect(list.items.find((w) => w.warningId === warning.warningId)?.answerRate).toBe(40);
  });

  it("answering again updates the measures but keeps the first acknowledgement's time, and counts once", async () => {
    const m = p.managers[0]!;
    const before = (await expectStatus<Json>(p.issuer.client.get(`/v1/warnings/${warning.warningId}`), 200)).items.find((t: Json) => t.nodeId === m.node.nodeId);
    const again = await expectStatus<Json>(m.client.post(`/v1/warnings/${warning.warningId}/targets/${m.node.nodeId}/answer`, { measures: "已清理露天堆物，充电点断电，夜间加强巡查" }), 200);
    expect(again.ackAt).toBe(before.ackAt);
    expect(again.measures).toBe("已清理露天堆物，充电点断电，夜间加强巡查");
    const detail = await expectStatus<Json>(p.issuer.client.get(`/v1/warnings/${warning.warningId}`), 200);
    expect(detail.answered).toBe(2);
    expect(detail.items.find((t: Json) => t.nodeId === m.node.nodeId).ackAt).toBe(before.ackAt);
  });

  it("a photo of the measures: uploaded for this node's answer, kept with it; a photo from elsewhere is refused naming the field", async () => {
    const m = p.managers[1]!;
    // S3 itself is not needed to sign an upload.
    process.env.S3_ENDPOINT ??= "http://127.0.0.1:9";
    process.env.FILES_BUCKET ??= "firegov-files-test";
    const upload = await expectStatus<Json>(m.client.post(`/v1/warnings/${warning.warningId}/targets/${m.node.nodeId}/photos`, { contentType: "image/jpeg", size: 2048 }), 201);
    expect(upload.key.startsWith(`t/${p.c.tenantId}/warnings/${warning.warningId}/${m.node.nodeId}/`)).toBe(true);
    const foreign = await m.client.post(`/v1/warnings/${warning.warningId}/targets/${m.node.nodeId}/answer`, { photos: [`t/${p.c.tenantId}/hazards/x/y.jpg`] });
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("body.photos[0]");
    const answered = await expectStatus<Json>(m.client.post(`/v1/warnings/${warning.warningId}/targets/${m.node.nodeId}/answer`, { photos: [upload.key] }), 200);
    expect(answered.photos).toEqual([upload.key]);
    // Another village's manager may not upload for this one.
    expect((await p.managers[2]!.client.post(`/v1/warnings/${warning.warningId}/targets/${m.node.nodeId}/photos`, { contentType: "image/jpeg", size: 2048 })).status).toBe(403);
  });

  it("a manager answers only for a node of their own subtree; a viewer does not answer; a village does not issue", async () => {
    const [m0, m1] = [p.managers[0]!, p.managers[3]!];
    expect((await m0.client.post(`/v1/warnings/${warning.warningId}/targets/${m1.node.nodeId}/answer`, { measures: "越权叫应" })).status).toBe(403);
    expect((await p.c.viewer.client.post(`/v1/warnings/${warning.warningId}/targets/${m1.node.nodeId}/answer`, {})).status).toBe(403);
    expect((await m0.client.post("/v1/warnings", fireWarning())).status).toBe(403);
    // A node the warning was not sent to: 404.
    expect((await p.c.admin.client.post(`/v1/warnings/${warning.warningId}/targets/${p.c.town.nodeId}/answer`, {})).status).toBe(404);
    // A village manager does not see the town's answer sheet.
    expect((await m0.client.get(`/v1/warnings/${warning.warningId}`)).status).toBe(403);
  });

  it("yancheng (三): at the deadline (injected clock) the three unanswered escalate to the town's officers and the issuer; a second run escalates nothing new", async () => {
    const deadline = new Date(warning.deadline);
    const early = await Warnings.escalateWarnings(p.c.tenantId, new Date(deadline.getTime() - MINUTE));
    expect(early.escalated).toBe(0);
    const first = await Warnings.escalateWarnings(p.c.tenantId, deadline);
    expect(first).toMatchObject({ warnings: 1, escalated: 3 });
    const detail = await expectStatus<Json>(p.issuer.client.get(`/v1/warnings/${warning.warningId}`), 200);
    expect(detail.state).toBe("lapsed");
    expect(detail.escalated).toBe(3);
    expect(detail.items.filter((t: Json) => t.state === "escalated").map((t: Json) => t.nodeId).sort()).toEqual(p.managers.slice(2).map((m) => m.node.nodeId).sort());
    expect(detail.items.filter((t: Json) => t.state === "answered")).toHaveLength(2);
    // The parent node's officers (the town's) and the issuer: one message per escalated village each, the issuer not twice.
    const colleagueMsgs = await inboxOf(p.colleague.client, "warning.escalated", warning.warningId);
    const issuerMsgs = await inboxOf(p.issuer.client, "warning.escalated", warning.warningId);
    expect(colleagueMsgs).toHaveLength(3);
    expect(issuerMsgs).toHaveLength(3);
    expect(colleagueMsgs.map((m) => m.title.zh).sort()).toEqual(["丙村", "丁村", "戊村"].map((n) => `预警“大风天气火灾预警”：${n} 未在时限内叫应`).sort());
    // Nobody who answered, nor the villages themselves, is told of the escalation.
    expect(await inboxOf(p.managers[4]!.client, "warning.escalated", warning.warningId)).toHaveLength(0);

    const second = await Warnings.escalateWarnings(p.c.tenantId, new Date(deadline.getTime() + 60 * MINUTE));
    expect(second).toMatchObject({ warnings: 0, escalated: 0 });
    expect(await inboxOf(p.colleague.client, "warning.escalated", warning.warningId)).toHaveLength(3);
  });

  it("an answer after the deadline is still recorded, marked late, and the rate rises; the escalation stays on record", async () => {
    const m = p.managers[2]!;
    const at = new Date(Date.parse(warning.deadline) + 30 * MINUTE);
    const late = await withActor(actorOf(p.c, m), () => Warnings.answerWarning({ measures: "已补充落实" }, warning.warningId, m.node.nodeId, { now: at }));
    expect(late).toMatchObject({ state: "answered", late: true, ackAt: at.toISOString() });
    expect(late.escalatedAt).toBeDefined();
    const detail = await expectStatus<Json>(p.issuer.client.get(`/v1/warnings/${warning.warningId}`), 200);
    expect(detail.answered).toBe(3);
    expect(detail.answerRate).toBe(60);
    expect(detail.escalated).toBe(3);
    // The job does not escalate it again.
    expect((await Warnings.escalateWarnings(p.c.tenantId, new Date(at.getTime() + 60 * MINUTE))).escalated).toBe(0);
  });

  it("exports the answers as xlsx, read back: one row per village with state, late and measures", async () => {
    const res = await p.issuer.client.get(`/v1/warnings/${warning.warningId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const rows = (await readSheet(Buffer.from(await res.arrayBuffer()), "叫应情况")) as unknown[][];
    expect(rows[0]!.slice(0, 4)).toEqual(["节点 Node", "状态 State", "叫应时间 Answered at", "逾期 Late"]);
    expect(rows).toHaveLength(6);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get("甲村")![1]).toBe("已叫应");
    expect(byName.get("甲村")![3]).toBe("否");
    expect(byName.get("丙村")![1]).toBe("已叫应");
    expect(byName.get("丙村")![3]).toBe("是");
    expect(byName.get("丁村")![1]).toBe("已升级");
    expect(byName.get("丁村")![5]).toBeNull();
    const summary = (await readSheet(Buffer.from(await (await p.issuer.client.get(`/v1/warnings/${warning.warningId}/export`)).arrayBuffer()), "预警")) as unknown[][];
    expect(summary.find((r) => r[0] === "叫应率 Answer rate (%)")?.[1]).toBe(60);
  });

  it("audits the issue, each answer and the escalation", async () => {
    const audit = await expectStatus<{ items: Json[] }>(p.c.admin.client.get(`/v1/audit?from=${new Date(Date.now() - 60 * MINUTE).toISOString()}&to=${new Date(Date.now() + 5 * 60 * MINUTE).toISOString()}&limit=200`), 200);
    const mine = audit.items.filter((e) => e.targetId === warning.warningId).map((e) => e.action);
    expect(mine.filter((a) => a === "warning.issue")).toHaveLength(1);
    expect(mine.filter((a) => a === "warning.answer")).toHaveLength(3);
    expect(mine.filter((a) => a === "warning.answer_update")).toHaveLength(2);
    expect(mine.filter((a) => a === "warning.escalate")).toHaveLength(1);
  });
});

describe("issuing: input, levels, and more than one transaction's worth of targets", () => {
  let p: Place;
  beforeAll(async () => {
    p = await place("yancheng");
  }, 120_000);

  it("bad input answers 400 naming each field, in Chinese first, and writes nothing", async () => {
    const bad = await p.issuer.client.post("/v1/warnings", { title: "", text: "x", level: "purple", targets: {} });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(["body.targets.nodeIds", "body.title"]);
    const level = await p.issuer.client.post("/v1/warnings", fireWarning({ level: "purple" }));
    expect(level.status).toBe(400);
    expect(((await level.json()) as { errors: { path: string; message: string }[] }).errors[0]).toMatchObject({ path: "body.level" });
    const nowhere = await p.issuer.client.post("/v1/warnings", fireWarning({ targets: { level: "province" } }));
    expect(nowhere.status).toBe(400);
    expect(((await nowhere.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("body.targets.level");
    expect((await expectStatus<{ items: Json[] }>(p.issuer.client.get("/v1/warnings"), 200)).items).toHaveLength(0);
  });

  it("yancheng (三): explicit nodes with the officer's own answer window; a node outside the officer's town is refused", async () => {
    const w = await expectStatus<Json>(p.issuer.client.post("/v1/warnings", fireWarning({ level: "blue", answerWithinHours: 3, targets: { nodeIds: [p.villages[0]!.nodeId, p.villages[1]!.nodeId] } })), 201);
    expect(w.targets).toBe(2);
    expect(Date.parse(w.deadline) - Date.parse(w.issuedAt)).toBe(3 * 60 * MINUTE);
    const other = await addNode(p.c.tenantId, p.c.root, "town", "外镇");
    expect((await p.issuer.client.post("/v1/warnings", fireWarning({ targets: { nodeIds: [other.nodeId] } }))).status).toBe(403);
  });

  it("120 nodes: target rows and messages in several transactions, all written once; a retry with the same Idempotency-Key answers the same warning", async () => {
    const town = await addNode(p.c.tenantId, p.c.root, "town", "大镇");
    for (let i = 0; i < 120; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => addNode(p.c.tenantId, town, "village", `村${String(i + j).padStart(3, "0")}`)));
    const key = `warn-${p.c.tenantId}`;
    const send = () => app.request("/v1/warnings", { method: "POST", headers: { authorization: `Bearer ${p.c.admin.token}`, "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify(fireWarning({ targets: { level: "village", areaNodeId: town.nodeId } })) });
    const first = await expectStatus<Json>(send(), 201);
    const again = await expectStatus<Json>(send(), 201);
    expect(again.warningId).toBe(first.warningId);
    expect(first.targets).toBe(120);
    const items = await partition(`T#${p.c.tenantId}#WRN#${first.warningId}`);
    expect(items.filter((i) => i.sk?.S?.startsWith("TGT#"))).toHaveLength(120);
    const detail = await expectStatus<Json>(p.c.admin.client.get(`/v1/warnings/${first.warningId}`), 200);
    expect(detail).toMatchObject({ targets: 120, answered: 0, state: "open" });
    expect(detail.items).toHaveLength(120);
  }, 120_000);

  it("an issue interrupted after some target rows is finished by the hourly job: the missing rows written and only their nodes messaged", async () => {
    const w = await expectStatus<Json>(p.issuer.client.post("/v1/warnings", fireWarning({ title: "中断的预警" })), 201);
    // As if the transaction of the last two villages had never run: their rows gone, the warning still issuing.
    const lost = p.managers.slice(3);
    await withActor({ type: "system", tenantId: p.c.tenantId, job: "test" }, async () => {
      for (const m of lost) await tenantDb().service.entities.warningTarget.delete({ tenantId: p.c.tenantId, warningId: w.warningId, nodeId: m.node.nodeId }).go();
      await tenantDb().service.entities.warning.patch({ tenantId: p.c.tenantId, warningId: w.warningId }).set({ state: "issuing" }).go();
    });
    const stats = await Warnings.escalateWarnings(p.c.tenantId, new Date(Date.parse(w.issuedAt) + MINUTE));
    expect(stats).toMatchObject({ resumed: 1, escalated: 0 });
    const detail = await expectStatus<Json>(p.issuer.client.get(`/v1/warnings/${w.warningId}`), 200);
    expect(detail).toMatchObject({ state: "open", targets: 5 });
    expect(detail.items).toHaveLength(5);
    // The villages whose rows were there are not messaged twice; the two resumed ones got one more message.
    for (const m of p.managers) expect(await inboxOf(m.client, "warning.issued", w.warningId)).toHaveLength(lost.includes(m) ? 2 : 1);
    // Run again: nothing more to write.
    expect(await Warnings.escalateWarnings(p.c.tenantId, new Date(Date.parse(w.issuedAt) + MINUTE))).toMatchObject({ resumed: 0, escalated: 0 });
  });
});

describe("a moved town takes its warnings along", () => {
  it("yancheng (三): the town's warnings are read by the county it moved to, no longer by the one it left", async () => {
    const c = await county(app, "yancheng");
    const countyA = await addNode(c.tenantId, c.root, "county", "甲县");
    const countyB = await addNode(c.tenantId, c.root, "county", "乙县");
    const town = await addNode(c.tenantId, countyA, "town", "迁移镇");
    await addNode(c.tenantId, town, "village", "迁移村");
    const officer = await userAt(app, c.admin.client, c.tenantId, `mv-o-${c.tenantId}`, "town_officer", town.nodeId);
    const [viewerA, viewerB] = [await userAt(app, c.admin.client, c.tenantId, `mv-a-${c.tenantId}`, "viewer", countyA.nodeId), await userAt(app, c.admin.client, c.tenantId, `mv-b-${c.tenantId}`, "viewer", countyB.nodeId)];
    const w = await expectStatus<Json>(officer.client.post("/v1/warnings", fireWarning()), 201);
    expect(w.targets).toBe(1);
    expect((await viewerA.client.get(`/v1/warnings/${w.warningId}`)).status).toBe(200);
    expect((await viewerB.client.get(`/v1/warnings/${w.warningId}`)).status).toBe(403);
    await expectStatus(c.admin.client.post(`/v1/nodes/${town.nodeId}/move`, { parentId: countyB.nodeId }), 200);
    expect((await viewerB.client.get(`/v1/warnings/${w.warningId}`)).status).toBe(200);
    expect((await viewerA.client.get(`/v1/warnings/${w.warningId}`)).status).toBe(403);
    expect((await expectStatus<{ items: Json[] }>(viewerB.client.get("/v1/warnings"), 200)).items.map((x) => x.warningId)).toEqual([w.warningId]);
    expect((await expectStatus<{ items: Json[] }>(viewerA.client.get("/v1/warnings"), 200)).items).toEqual([]);
  }, 120_000);
});
