import { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";

type Json = Record<string, any>;

describe("the audit log's filters and export", () => {
  it("filters on the server by person, object and action (a kind with a trailing dot) and exports the selection as labelled xlsx", async () => {
    const app = testApp(testDb());
    const { tenant, client: admin } = await adminOf(app);
    const me = (await (await admin.get("/v1/me")).json()).user;
    const town = await addChild(admin, tenant.rootNodeId, "甲镇");
    const officer = await userAt(app, admin, tenant.tenantId, "li.town", "town_officer", town.nodeId);
    await addChild(officer.client, town.nodeId, "甲一村");
    const range = `from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
    const list = async (filter: string) => ((await (await admin.get(`/v1/audit?${range}&${filter}`)).json()).items as Json[]);

    const byOfficer = await list(`actorId=${officer.userId}`);
    expect(byOfficer.length).toBeGreaterThan(0);
    expect(byOfficer.every((e) => e.actorId === officer.userId)).toBe(true);
    expect(byOfficer.map((e) => e.action)).toContain("node.create");

    const nodeCreates = await list("action=node.create");
    expect(nodeCreates.map((e) => e.actorId).sort()).toEqual([me.userId, officer.userId].sort());
    const userActions = await list("action=user.");
    expect(userActions.length).toBeGreaterThan(0);
    expect(userActions.every((e) => e.action.startsWith("user."))).toBe(true);
    const aboutOfficer = await list(`targetType=user&targetId=${officer.userId}`);
    expect(aboutOfficer.map((e) => e.action)).toEqual(["user.create"]);
    // A page asked for 1 of a filtered list is full, with a cursor to the next match.
    const first = await (await admin.get(`/v1/audit?${range}&action=node.create&limit=1`)).json();
    expect(first.items).toHaveLength(1);
    expect(first.cursor).toBeTruthy();

    const res = await admin.get(`/v1/export/audit?${range}&action=node.create`);
    expect(res.status).toBe(200);
    const sheet = (await readSheet(Buffer.from(await res.arrayBuffer()))) as unknown[][];
    expect(sheet[0]).toEqual(["时间", "操作", "操作人", "对象类型", "对象", "详情", "操作代码", "操作人编号", "请求编号"]);
    expect(sheet.slice(1).map((r) => [r[1], r[3], r[6]])).toEqual([["新建辖区节点", "辖区节点", "node.create"], ["新建辖区节点", "辖区节点", "node.create"]]);
    expect(sheet.slice(1).map((r) => r[2]).sort()).toEqual(["li.town", me.displayName].sort());

    expect((await officer.client.get(`/v1/export/audit?${range}`)).status).toBe(403);
  });
});
