import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { addChild, expectStatus, idNumber, upload, type NodeRef } from "../support/org.ts";
import { adminOf, userAt } from "../support/tenants.ts";
import { xlsx } from "../support/xlsx.ts";

type Admin = Awaited<ReturnType<typeof adminOf>>;
type Report = { mode: string; imported: number; skipped: number; errors: { row: number; column: string; code: string; message: { zh: string; en: string } }[] };
type Problem = { code: string; errors: { path: string; code: string; message: string }[] };

const HEADER = ["所在节点", "姓名", "用工性质", "派出单位", "所在机构", "角色", "职务", "电话", "身份证号"];

/** 500 staff over five villages; `bad` rows (spreadsheet row numbers) each get one fault in one column. */
function staffSheet(villages: string[], bad: Record<number, (row: (string | number)[]) => void>) {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < 500; i++) {
    const village = villages[i % villages.length]!;
    const row: (string | number)[] = [`甲镇/${village}`, `人员${i}`, i % 3 === 0 ? "政府购买服务" : "在编", "", "", "网格员", "", `139${String(i).padStart(8, "0")}`, idNumber(`3201021990${String(i).padStart(7, "0")}`)];
    bad[rows.length + 1]?.(row);
    rows.push(row);
  }
  return rows;
}

type Person = { name: string; employment: string; roles: string[]; phone: string };

/** Every person under a node, page by page. */
async function peopleUnder(admin: Admin, nodeId: string): Promise<Person[]> {
  const people: Person[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Person[]; cursor: string | null } = await expectStatus(admin.client.get(`/v1/nodes/${nodeId}/subtree/people?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), 200);
    people.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return people;
}

describe("staff import from xlsx", () => {
  const app = testApp(testDb());
  let admin: Admin;
  let town: NodeRef;
  const villages = ["一村", "二村", "三村", "四村", "五村"];
  const faults: Record<number, (row: (string | number)[]) => void> = {
    12: (r) => (r[7] = "12345"),
    77: (r) => (r[5] = "村长"),
    200: (r) => (r[0] = "甲镇/不存在村"),
    333: (r) => (r[8] = "320102199000003330"),
    451: (r) => (r[1] = ""),
  };
  const expected = [
    { row: 12, column: "电话", code: "import.phone_invalid" },
    { row: 77, column: "角色", code: "import.role_unknown" },
    { row: 200, column: "所在节点", code: "import.node_unknown" },
    { row: 333, column: "身份证号", code: "import.id_number_invalid" },
    { row: 451, column: "姓名", code: "import.name_invalid" },
  ];

  beforeAll(async () => {
    admin = await adminOf(app, "zezhou");
    town = await addChild(admin.client, admin.tenant.rootNodeId, "甲镇");
    for (const name of villages) await addChild(admin.client, town.nodeId, name);
  });

  it("all or nothing: reports each bad row's row, column and reason in zh/en, and imports nothing", async () => {
    const file = xlsx(staffSheet(villages, faults));
    const res = await expectStatus<Problem>(upload(app, admin.token, "/v1/import/staff?mode=all_or_nothing", file, "xlsx"), 400);
    expect(res.code).toBe("import.rejected");
    expect(res.errors.map((e) => ({ path: e.path, code: e.code }))).toEqual(expected.map((e) => ({ path: `rows[${e.row}].${e.column}`, code: e.code })));
    expect(res.errors[0]!.message).toContain("手机号码");
    const en = await app.request("/v1/import/staff", { method: "POST", headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "accept-language": "en" }, body: new Blob([new Uint8Array(file)]) });
    expect(((await en.json()) as Problem).errors[1]!.message).toBe("“村长” is not a role of the profile");
    expect(await peopleUnder(admin, town.nodeId)).toHaveLength(0);
  });

  it("skip bad rows: imports the 495 good rows and reports the 5 others", async () => {
    const report = await expectStatus<Report>(upload(app, admin.token, "/v1/import/staff?mode=skip_bad_rows", xlsx(staffSheet(villages, faults)), "xlsx"), 200);
    expect(report).toMatchObject({ mode: "skip_bad_rows", imported: 495, skipped: 5 });
    expect(report.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual(expected);
    expect(report.errors[3]!.message).toEqual({ zh: "身份证号码格式或校验位不正确", en: "Not a valid resident ID number (format or check digit)" });
    const people = await peopleUnder(admin, town.nodeId);
    expect(people).toHaveLength(495);
    expect(people.find((p) => p.name === "人员0")).toMatchObject({ employment: "contracted", roles: ["grid_worker"], phone: "13900000000" });
  });

  it("reads CSV too, with quoted cells and profile words written as zh names", async () => {
    const csv = ["所在节点,姓名,用工性质,所在机构,职务,角色", "甲镇,周站长,在编,乡镇消防工作站（所）,站（所）长,乡镇分管消防工作负责人", '甲镇,"吴,委员",辅助,乡镇消防工作站（所）,,消防工作站（所）工作人员'].join("\r\n");
    const report = await expectStatus<Report>(upload(app, admin.token, "/v1/import/staff", new Uint8Array(Buffer.from(new TextEncoder().encode(csv))), "csv"), 200);
    expect(report).toMatchObject({ imported: 2, skipped: 0, errors: [] });
    const people = await expectStatus<{ items: { name: string; bodyId?: string; positions: string[]; roles: string[] }[] }>(admin.client.get(`/v1/nodes/${town.nodeId}/people`), 200);
    expect(people.items.find((p) => p.name === "周站长")).toMatchObject({ bodyId: "town_office", positions: ["station_head"], roles: ["fire_lead"] });
    expect(people.items.find((p) => p.name === "吴,委员")).toMatchObject({ roles: ["office_staff"] });
  });

  it("refuses a file without the required columns, and one that is not a spreadsheet", async () => {
    const missing = await expectStatus<Problem>(upload(app, admin.token, "/v1/import/staff", new TextEncoder().encode("节点,电话\n甲镇,13900000000\n"), "csv"), 400);
    expect(missing.errors.map((e) => e.path)).toEqual(["rows[1].姓名", "rows[1].用工性质"]);
    const broken = await expectStatus<Problem>(upload(app, admin.token, "/v1/import/staff", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "xlsx"), 400);
    expect(broken.code).toBe("import.unreadable");
  });

  it("keeps a town officer's import inside their town", async () => {
    const other = await addChild(admin.client, admin.tenant.rootNodeId, "乙镇");
    const officer = await userAt(app, admin.client, admin.tenant.tenantId, "imp.officer", "town_officer", other.nodeId);
    await expectStatus(upload(app, officer.token, `/v1/import/staff?under=${town.nodeId}`, xlsx([HEADER, ["", "某人", "在编"]]), "xlsx"), 403);
    const report = await expectStatus<Report>(upload(app, officer.token, "/v1/import/staff", xlsx([HEADER, ["", "乙镇人员", "在编"]]), "xlsx"), 200);
    expect(report.imported).toBe(1);
  });
});

describe("tree import from CSV", () => {
  const app = testApp(testDb());
  let admin: Admin;

  beforeAll(async () => {
    admin = await adminOf(app, "yancheng");
  });

  it("creates nodes parents-first with the profile's levels, units and tiers; all or nothing", async () => {
    const bad = ["上级,名称,单位类型,类别", ",某县,县,", "某县,东镇,镇,developed", "某县/东镇,东一村,村,", "某县/西镇,西一村,村,", "某县,南镇,乡,"].join("\n");
    const refused = await expectStatus<Problem>(upload(app, admin.token, "/v1/import/tree", new TextEncoder().encode(bad), "csv"), 400);
    expect(refused.errors.map((e) => e.path)).toEqual(["rows[5].上级", "rows[6].单位类型"]);
    const before = await expectStatus<{ items: unknown[] }>(admin.client.get(`/v1/nodes/${admin.tenant.rootNodeId}/subtree`), 200);
    expect(before.items).toHaveLength(1);

    const good = ["上级,名称,单位类型,类别", ",某县,县,", "某县,东镇,镇,developed", "某县,西镇,街道,其他镇（街道）", "某县/东镇,东一村,村,", "某县/西镇,西一社区,社区,"].join("\n");
    const report = await expectStatus<Report>(upload(app, admin.token, "/v1/import/tree", new TextEncoder().encode(good), "csv"), 200);
    expect(report).toMatchObject({ imported: 5, skipped: 0 });
    const tree = await expectStatus<{ items: { name: string; level: string; unit?: string; tier?: string; activeChildren: number }[] }>(admin.client.get(`/v1/nodes/${admin.tenant.rootNodeId}/subtree`), 200);
    const byName = Object.fromEntries(tree.items.map((n) => [n.name, n]));
    expect(byName["某县"]).toMatchObject({ level: "county", activeChildren: 2 });
    expect(byName["东镇"]).toMatchObject({ level: "town", unit: "镇", tier: "developed", activeChildren: 1 });
    expect(byName["西镇"]).toMatchObject({ level: "town", unit: "街道", tier: "other" });
    expect(byName["西一社区"]).toMatchObject({ level: "village", unit: "社区" });
    const root = tree.items.find((n) => n.level === "city")!;
    expect(root.activeChildren).toBe(1);
  });

  it("skips bad rows and imports the rest", async () => {
    const csv = ["上级,名称", "某县,北镇", "某县/无此镇,无此村", "某县,东镇", "某县/北镇,北一村"].join("\n");
    const report = await expectStatus<Report>(upload(app, admin.token, "/v1/import/tree?mode=skip_bad_rows", new TextEncoder().encode(csv), "csv"), 200);
    expect(report).toMatchObject({ imported: 2, skipped: 2 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "上级", "import.parent_unknown"],
      [4, "名称", "import.name_taken"],
    ]);
  });
});
